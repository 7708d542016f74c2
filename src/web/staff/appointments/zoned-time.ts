/**
 * Wall-clock times of an office's time zone and the instants they mean, without luxon (it is not
 * in the browser bundle): Intl.DateTimeFormat tells the zone's offset at an instant, and a local
 * time is tried with the offsets just before and just after it, which covers DST changes.
 * Local dates are 'YYYY-MM-DD' strings, times of day 'HH:MM' (24-hour clock).
 */
import { zonedDate } from '../../lib/format.js';

const DAY_MS = 86_400_000;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

const wallFormatters = new Map<string, Intl.DateTimeFormat>();

function wallFormatter(timeZone: string): Intl.DateTimeFormat {
  let cached = wallFormatters.get(timeZone);
  if (!cached) {
    cached = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    wallFormatters.set(timeZone, cached);
  }
  return cached;
}

/** What the zone's clocks show at an instant, as the epoch ms of a UTC time with those fields. */
function wallClockAt(instantMs: number, timeZone: string): number {
  const parts = wallFormatter(timeZone).formatToParts(new Date(instantMs));
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((part) => part.type === type)?.value);
  // Some engines say "24" for midnight even with h23.
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'));
}

/** How far the zone's clocks are ahead of UTC at an instant (whole minutes). */
function offsetAt(instantMs: number, timeZone: string): number {
  const wholeMinute = instantMs - (((instantMs % 60_000) + 60_000) % 60_000);
  return wallClockAt(wholeMinute, timeZone) - wholeMinute;
}

export function isLocalDate(value: string): boolean {
  const match = LOCAL_DATE.exec(value);
  if (!match) return false;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function isClockTime(value: string): boolean {
  return CLOCK_TIME.test(value);
}

/**
 * The instant a wall-clock time on a local date means in a time zone. When the clocks go back
 * the hour happens twice: the earlier one is meant. When they go forward the hour does not
 * exist: the time moves forward by the gap (02:30 → 03:30), as a clock on the wall would.
 * Throws a RangeError for a malformed date or time.
 */
export function wallClockToInstant(date: string, time: string, timeZone: string): Date {
  if (!isLocalDate(date) || !isClockTime(time)) {
    throw new RangeError(`not a local date and time: ${date} ${time}`);
  }
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const before = offsetAt(wall - DAY_MS, timeZone);
  const after = offsetAt(wall + DAY_MS, timeZone);
  const matching = [...new Set([before, after])]
    .map((offset) => wall - offset)
    .filter((instant) => wallClockAt(instant, timeZone) === wall)
    .sort((a, b) => a - b);
  return new Date(matching[0] ?? wall - before);
}

/** The local date an instant falls on in a time zone. */
export function localDateOf(instant: Date, timeZone: string): string {
  const { year, month, day } = zonedDate(instant, timeZone);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The local date `days` after (or before, when negative) another. */
export function addDays(date: string, days: number): string {
  const [year = 1970, month = 1, day = 1] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** The zone this browser runs in: the best guess for an office's zone until the server says. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
