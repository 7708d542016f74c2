/**
 * Builds the VTIMEZONE block RFC 5545 requires for every TZID, from the IANA data in Intl (via
 * luxon). Outlook ignores a TZID it cannot find in the file; Google and Apple also accept it.
 * Each offset change in the years asked for becomes one STANDARD/DAYLIGHT observance with a
 * fixed DTSTART (no RRULE), which is exact for those years.
 */
import { DateTime } from 'luxon';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

function offsetAt(zone: string, ms: number): number {
  return DateTime.fromMillis(ms, { zone }).offset;
}

/** The first minute in (lo, hi] with a different offset than lo; lo and hi must differ. */
function findChange(zone: string, lo: number, hi: number): number {
  const before = offsetAt(zone, lo);
  while (hi - lo > MINUTE_MS) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS;
    if (offsetAt(zone, mid) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

interface Observance {
  kind: 'STANDARD' | 'DAYLIGHT';
  /** Local wall-clock onset, in the offset that was in effect before it. */
  start: string;
  from: number;
  to: number;
}

function observance(zone: string, ms: number, from: number): Observance {
  const after = DateTime.fromMillis(ms, { zone });
  const localBefore = DateTime.fromMillis(ms + from * MINUTE_MS, { zone: 'UTC' });
  return {
    kind: after.isInDST ? 'DAYLIGHT' : 'STANDARD',
    start: localBefore.toFormat("yyyyLLdd'T'HHmmss"),
    from,
    to: after.offset,
  };
}

/** VTIMEZONE for `zone` covering 1 Jan `fromYear` to 31 Dec `toYear` (UTC bounds). */
export function vtimezone(zone: string, fromYear: number, toYear: number): string {
  if (!DateTime.local().setZone(zone).isValid) throw new RangeError(`unknown time zone ${zone}`);
  const first = Date.UTC(fromYear, 0, 1);
  const last = Date.UTC(toYear + 1, 0, 1);
  const initial = offsetAt(zone, first);
  const observances: Observance[] = [{ ...observance(zone, first, initial), from: initial }];
  for (let day = first; day < last; day += DAY_MS) {
    const next = Math.min(day + DAY_MS, last);
    const from = offsetAt(zone, day);
    if (offsetAt(zone, next) !== from) {
      observances.push(observance(zone, findChange(zone, day, next), from));
    }
  }
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  for (const item of observances) {
    lines.push(
      `BEGIN:${item.kind}`,
      `DTSTART:${item.start}`,
      `TZOFFSETFROM:${formatOffset(item.from)}`,
      `TZOFFSETTO:${formatOffset(item.to)}`,
      `END:${item.kind}`,
    );
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}
