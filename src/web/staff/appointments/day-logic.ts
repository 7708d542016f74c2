/**
 * The appointments view's decisions, pure for tests: which form field an API error belongs to,
 * the free times of a day, what to offer when a time was just taken, and the instants of a
 * block entered as wall-clock times on the chosen day.
 */
import type { Slots, StaffAppointment } from '../../../shared/appointments.js';
import type { ErrorCode } from '../../../shared/errors.js';
import { ApiError } from '../../lib/request.js';
import { addDays, isClockTime, wallClockToInstant } from './zoned-time.js';

export type BookingField = 'service' | 'start' | 'name' | 'phone' | 'email';

/** Where a booking error is shown: next to its field, or (null) above the button. */
export function bookingFieldOf(code: ErrorCode | null): BookingField | null {
  switch (code) {
    case 'PHONE_INVALID':
    case 'PHONE_NOT_MOBILE':
    case 'PHONE_COUNTRY':
    case 'BOOKING_LIMIT':
      return 'phone';
    case 'EMAIL_INVALID':
      return 'email';
    case 'SLOT_TAKEN':
    case 'SLOT_UNAVAILABLE':
      return 'start';
    case 'SERVICE_NOT_FOUND':
      return 'service';
    default:
      return null;
  }
}

/** The free start times (ISO instants) on one local date, in order. */
export function freeStartsOn(slots: Slots | null, date: string): string[] {
  const day = slots?.days.find((d) => d.date === date);
  return day ? day.slots.map((slot) => slot.start).sort() : [];
}

/** The start times a SLOT_TAKEN error suggests, when the error carries them. */
export function suggestedStarts(error: unknown): string[] | undefined {
  return error instanceof ApiError ? error.extra.alternatives : undefined;
}

/**
 * What to offer after SLOT_TAKEN: the server's suggestions when it sent any, else the free
 * starts nearest to the wanted one (earlier and later alike), in time order.
 */
export function alternativesFor(
  wanted: string,
  suggested: readonly string[] | undefined,
  free: readonly string[],
  max = 3,
): string[] {
  if (suggested && suggested.length > 0) return suggested.slice(0, max);
  const at = Date.parse(wanted);
  return free
    .filter((start) => start !== wanted)
    .map((start) => ({ start, distance: Math.abs(Date.parse(start) - at) }))
    .sort((a, b) => a.distance - b.distance || a.start.localeCompare(b.start))
    .slice(0, max)
    .map((entry) => entry.start)
    .sort();
}

/** The day's appointments by start time; at the same time the active ones before cancelled. */
export function inDayOrder(appointments: readonly StaffAppointment[]): StaffAppointment[] {
  const rank = (a: StaffAppointment) => (a.state === 'cancelled' ? 1 : 0);
  return [...appointments].sort(
    (a, b) => Date.parse(a.start) - Date.parse(b.start) || rank(a) - rank(b),
  );
}

export type BlockProblem = 'blockTimeMissing' | 'blockEndNotAfterStart';

/**
 * A block's instants from wall-clock times on `date` in the office's zone. An end of "00:00"
 * means the midnight that ends the day, so a block can reach it.
 */
export function blockSpan(
  date: string,
  from: string,
  to: string,
  timeZone: string,
): { start: string; end: string } | { problem: BlockProblem; field: 'from' | 'to' } {
  if (!isClockTime(from)) return { problem: 'blockTimeMissing', field: 'from' };
  if (!isClockTime(to)) return { problem: 'blockTimeMissing', field: 'to' };
  const start = wallClockToInstant(date, from, timeZone);
  const end =
    to === '00:00'
      ? wallClockToInstant(addDays(date, 1), to, timeZone)
      : wallClockToInstant(date, to, timeZone);
  if (end <= start) return { problem: 'blockEndNotAfterStart', field: 'to' };
  return { start: start.toISOString(), end: end.toISOString() };
}
