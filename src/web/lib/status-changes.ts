/**
 * Which offices changed their status between two refreshes — the only thing worth announcing
 * to screen readers (waiting counts change all the time and would be noise).
 */
import type { OfficeStatus, OfficeSummary } from '../../shared/offices.js';

export type StatusMemory = ReadonlyMap<string, OfficeStatus>;

export function rememberStatuses(offices: readonly Pick<OfficeSummary, 'slug' | 'status'>[]) {
  return new Map(offices.map((office) => [office.slug, office.status]));
}

/** Offices known before whose status differs now; new or removed offices are not changes. */
export function changedOffices<T extends Pick<OfficeSummary, 'slug' | 'status'>>(
  before: StatusMemory,
  offices: readonly T[],
): T[] {
  return offices.filter((office) => {
    const previous = before.get(office.slug);
    return previous !== undefined && previous !== office.status;
  });
}
