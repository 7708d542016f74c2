/**
 * Wall-clock arithmetic on local dates ('YYYY-MM-DD') and times ('HH:MM'), shared by opening
 * hours and appointment slots. Dates are plain calendar days (no zone); only `wallClock` and
 * `localMidnight` place them in a zone, through luxon.
 */
import { DateTime } from 'luxon';

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(\d{2}):([0-5]\d)$/;

export function parseDay(day: string): { year: number; month: number; day: number } {
  const m = DAY_RE.exec(day);
  if (!m) throw new RangeError(`invalid local date: ${day}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

export function addDays(day: string, n: number): string {
  const p = parseDay(day);
  return new Date(Date.UTC(p.year, p.month - 1, p.day + n)).toISOString().slice(0, 10);
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayIndex(day: string): number {
  const p = parseDay(day);
  return (new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay() + 6) % 7;
}

/** Minutes since midnight of 'HH:MM' ('24:00' = 1440). */
export function minutes(time: string): number {
  const m = TIME_RE.exec(time);
  const value = m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
  if (!(value <= 1440)) throw new RangeError(`invalid time of day: ${time}`);
  return value;
}

export function hhmm(min: number): string {
  return `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;
}

/** The luxon DateTime of a wall-clock time; a time in a skipped hour moves forward by the gap. */
export function wallClock(timeZone: string, day: string, min: number): DateTime {
  const p = parseDay(day);
  const dt = DateTime.fromObject(
    { year: p.year, month: p.month, day: p.day, hour: Math.floor(min / 60), minute: min % 60 },
    { zone: timeZone },
  );
  if (!dt.isValid) {
    throw new RangeError(`cannot place ${day} in ${timeZone}: ${dt.invalidExplanation}`);
  }
  return dt;
}

// Luxon needs ~15 µs per DateTime, so local midnights are memoised (a pure function of its key).
const midnights = new Map<string, number>();

export function localMidnight(timeZone: string, day: string): number {
  const key = `${timeZone}|${day}`;
  let ms = midnights.get(key);
  if (ms === undefined) {
    if (midnights.size >= 100_000) midnights.clear();
    ms = wallClock(timeZone, day, 0).toMillis();
    midnights.set(key, ms);
  }
  return ms;
}
