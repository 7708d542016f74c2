/**
 * Pure formatting for office times. Every function takes `now` and `locale` (and the office's
 * time zone) as arguments, so the phrasing can be tested across midnight and DST.
 * Calendar days are always those of the office's time zone, never of the browser or UTC.
 */
import type { Locale } from '../../shared/locale.js';
import type { OfficeSummary } from '../../shared/offices.js';
import { intlLocale, translate } from './i18n/index.js';

type Interval = OfficeSummary['today']['intervals'][number];
type Today = OfficeSummary['today'];
interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Intl.DateTimeFormat is slow to build; the page re-renders every 30 s, so keep them. */
function formatter(tag: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${tag}|${JSON.stringify(options)}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(tag, options);
    formatters.set(key, cached);
  }
  return cached;
}

/** The calendar date an instant falls on in a time zone. */
export function zonedDate(instant: Date, timeZone: string): CalendarDate {
  const parts = formatter('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((part) => part.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day') };
}

function dayNumber(date: CalendarDate): number {
  return Math.round(Date.UTC(date.year, date.month - 1, date.day) / DAY_MS);
}

/** Calendar days from `now` to `instant` in `timeZone`: 0 = same day, 1 = the next day, … */
export function calendarDaysBetween(now: Date, instant: Date, timeZone: string): number {
  return dayNumber(zonedDate(instant, timeZone)) - dayNumber(zonedDate(now, timeZone));
}

/** "08:00" — 24-hour clock in both languages, like the opening hours. */
export function formatClock(instant: Date, locale: Locale, timeZone: string): string {
  return formatter(intlLocale(locale), {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant);
}

/** "Montag, 30. November" / "Monday 30 November"; with the year when it is not this year's. */
function formatDay(instant: Date, now: Date, locale: Locale, timeZone: string): string {
  const withYear = zonedDate(instant, timeZone).year !== zonedDate(now, timeZone).year;
  return formatter(intlLocale(locale), {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    ...(withYear ? { year: 'numeric' } : {}),
  }).format(instant);
}

/** "Öffnet heute um 13:30" · "Öffnet morgen um 08:00" · "Öffnet am Montag, 30. November, um 08:00" */
export function nextOpeningText(
  nextOpening: string | null,
  now: Date,
  locale: Locale,
  timeZone: string,
): string {
  if (!nextOpening) return translate(locale, 'opensUnknown');
  const at = new Date(nextOpening);
  const time = formatClock(at, locale, timeZone);
  const days = calendarDaysBetween(now, at, timeZone);
  if (days <= 0) return translate(locale, 'opensToday', { time });
  if (days === 1) return translate(locale, 'opensTomorrow', { time });
  return translate(locale, 'opensOn', { date: formatDay(at, now, locale, timeZone), time });
}

/** "Bis 16:00 geöffnet"; an opening that ends at midnight ends at "24:00", not "tomorrow 00:00". */
export function openUntilText(
  closesAt: string,
  now: Date,
  locale: Locale,
  timeZone: string,
): string {
  const at = new Date(closesAt);
  const time = formatClock(at, locale, timeZone);
  const days = calendarDaysBetween(now, at, timeZone);
  if (days <= 0) return translate(locale, 'openUntil', { time });
  if (days === 1 && time === '00:00') return translate(locale, 'openUntil', { time: '24:00' });
  if (days === 1) return translate(locale, 'openUntilTomorrow', { time });
  return translate(locale, 'openUntilDate', { date: formatDay(at, now, locale, timeZone), time });
}

/** Until when it is open, or when it opens next; null when open with no known end. */
export function availabilityText(
  office: Pick<OfficeSummary, 'open' | 'closesAt' | 'nextOpening' | 'timeZone'>,
  now: Date,
  locale: Locale,
): string | null {
  if (office.open) {
    return office.closesAt ? openUntilText(office.closesAt, now, locale, office.timeZone) : null;
  }
  return nextOpeningText(office.nextOpening, now, locale, office.timeZone);
}

/** "08:00–12:00, 13:30–16:00" */
export function formatIntervals(intervals: readonly Interval[]): string {
  return intervals.map((interval) => `${interval.opens}–${interval.closes}`).join(', ');
}

/** "Heute 08:00–12:00, 13:30–16:00" · "Heute geschlossen (Weihnachten)" */
export function todayHoursText(today: Today, locale: Locale, closureNote?: string | null): string {
  if (today.intervals.length === 0) {
    const reason = today.holiday ?? closureNote;
    return reason
      ? translate(locale, 'todayClosedReason', { reason })
      : translate(locale, 'todayClosed');
  }
  const hours = formatIntervals(today.intervals);
  return translate(locale, today.exception ? 'todaySpecialHours' : 'todayHours', { hours });
}

/** "Niemand wartet" · "1 Person wartet" · "3 Personen warten" */
export function waitingText(count: number, locale: Locale): string {
  return count === 0 ? translate(locale, 'waitingNone') : translate(locale, 'waiting', { count });
}

function parseLocalDate(date: string): Date {
  const [year = 1970, month = 1, day = 1] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day));
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a 'YYYY-MM-DD' date. */
export function isoWeekday(date: string): number {
  return parseLocalDate(date).getUTCDay() || 7;
}

/** "Montag" / "Monday" for ISO weekday 1. */
export function weekdayName(weekday: number, locale: Locale): string {
  // 1 January 2024 was a Monday.
  return formatter(intlLocale(locale), { timeZone: 'UTC', weekday: 'long' }).format(
    new Date(Date.UTC(2024, 0, weekday)),
  );
}

/** "Donnerstag, 24. Dezember 2026" or "Donnerstag, 24. – Samstag, 26. Dezember 2026". */
export function dateRangeText(firstDay: string, lastDay: string, locale: Locale): string {
  const format = formatter(intlLocale(locale), {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
  const first = parseLocalDate(firstDay);
  if (firstDay === lastDay) return format.format(first);
  const last = parseLocalDate(lastDay);
  // formatRange is missing in Safari before 14.1.
  return typeof format.formatRange === 'function'
    ? format.formatRange(first, last)
    : `${format.format(first)} – ${format.format(last)}`;
}

/** "10:32" in the browser's own time zone, for "as of" notes. */
export function clockNow(instant: Date, locale: Locale): string {
  return formatter(intlLocale(locale), {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant);
}
