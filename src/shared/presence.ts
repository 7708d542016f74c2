/** A citizen's page that reported within this time counts as present (server and staff page). */
export const PRESENT_WITHIN_MS = 45_000;
