/**
 * Dates for booking, always in the office's time zone (never the browser's): a local date is a
 * 'YYYY-MM-DD' string, calendar arithmetic happens on it in UTC, and an instant is shown with
 * Intl's `timeZone`. Pure functions of their arguments, so DST and midnight are testable.
 */
import type { Locale } from '../../../shared/locale.js';
import { formatClock, zonedDate } from '../../lib/format.js';
import { intlLocale, translate } from './i18n/index.js';

const DAY_MS = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** The office's calendar date at an instant. */
export function localDate(instant: Date, timeZone: string): string {
  const { year, month, day } = zonedDate(instant, timeZone);
  return `${year}-${pad(month)}-${pad(day)}`;
}

function utcDate(date: string): Date {
  const [year = 1970, month = 1, day = 1] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day));
}

export function addDays(date: string, days: number): string {
  return new Date(utcDate(date).getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((utcDate(to).getTime() - utcDate(from).getTime()) / DAY_MS);
}

/** "Mittwoch, 25. November" / "Wednesday 25 November" of a local date. */
export function dayText(date: string, locale: Locale, weekday: 'long' | 'short' = 'long'): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone: 'UTC',
    weekday,
    day: 'numeric',
    month: weekday === 'long' ? 'long' : 'numeric',
  }).format(utcDate(date));
}

/** "10:20" in the office's zone. */
export function timeText(instant: string, locale: Locale, timeZone: string): string {
  return formatClock(new Date(instant), locale, timeZone);
}

/** "Mittwoch, 25. November 2026, 10:20 Uhr" in the office's zone. */
export function dateTimeText(instant: string, locale: Locale, timeZone: string): string {
  const at = new Date(instant);
  const date = new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(at);
  return translate(locale, 'dateTime', { date, time: formatClock(at, locale, timeZone) });
}

/** "Eintreten ist ab 09:20 Uhr möglich" — with the day when it is not today (office zone). */
export function enterFromText(
  checkInFrom: string,
  now: Date,
  locale: Locale,
  timeZone: string,
): string {
  const at = new Date(checkInFrom);
  const time = formatClock(at, locale, timeZone);
  const day = localDate(at, timeZone);
  if (day === localDate(now, timeZone)) return translate(locale, 'enterFrom', { time });
  return translate(locale, 'enterFromDay', { date: dayText(day, locale), time });
}

/** Seven days from `start`, not past the last bookable day. */
export function weekOf(start: string, lastDay: string): { from: string; to: string } {
  const end = addDays(start, 6);
  return { from: start, to: end > lastDay ? lastDay : end };
}

/** "All times in the office's local time (Europe/Berlin)" — only when the browser's zone differs. */
export function zoneNote(timeZone: string, locale: Locale): string | null {
  let browserZone: string | undefined;
  try {
    browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    browserZone = undefined;
  }
  return browserZone === timeZone ? null : translate(locale, 'timeZoneNote', { zone: timeZone });
}
