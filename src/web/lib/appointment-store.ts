/**
 * The appointments this browser booked: `{ token, start }` per office in localStorage
 * (`bb.appointment.{slug}`), so the office page can say "Your appointment: …" and lead back to
 * it. The token is the SMS link's secret; it stays on this device. A past one is forgotten.
 */
export interface AppointmentRef {
  token: string;
  /** ISO start; the page shows it in the office's zone. */
  start: string;
}

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** How long after its start an appointment is still worth showing. */
const KEEP_AFTER_START_MS = 2 * 60 * 60_000;

export const appointmentKey = (slug: string): string => `bb.appointment.${slug}`;

function browserStorage(): Store | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // Blocked by privacy settings.
  }
}

export function loadAppointment(
  slug: string,
  now: Date,
  storage: Store | null = browserStorage(),
): AppointmentRef | null {
  try {
    const raw = storage?.getItem(appointmentKey(slug));
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<AppointmentRef>;
    const start = Date.parse(value.start ?? '');
    if (typeof value.token !== 'string' || !value.token || Number.isNaN(start)) return null;
    if (start + KEEP_AFTER_START_MS < now.getTime()) {
      storage?.removeItem(appointmentKey(slug));
      return null;
    }
    return { token: value.token, start: value.start as string };
  } catch {
    return null;
  }
}

export function saveAppointment(
  slug: string,
  ref: AppointmentRef,
  storage: Store | null = browserStorage(),
): void {
  try {
    storage?.setItem(appointmentKey(slug), JSON.stringify({ token: ref.token, start: ref.start }));
  } catch {
    // Full or blocked: the SMS still has the link.
  }
}

/** Forgets the office's appointment, but only if it is this one (a newer booking stays). */
export function forgetAppointment(
  slug: string,
  token: string,
  storage: Store | null = browserStorage(),
): void {
  try {
    const raw = storage?.getItem(appointmentKey(slug));
    if (raw && (JSON.parse(raw) as Partial<AppointmentRef>).token === token) {
      storage?.removeItem(appointmentKey(slug));
    }
  } catch {
    // Nothing to do.
  }
}
