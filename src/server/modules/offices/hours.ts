import { holidayOn, type HolidayName, type HolidayRegion } from './holidays.js';
import { addDays, hhmm, localMidnight, minutes, parseDay, wallClock } from './local-time.js';

export type { HolidayName, HolidayRegion } from './holidays.js';

/** Wall-clock 'HH:MM' in the office's zone; closes may be '24:00'; closes > opens. */
export interface Interval {
  opens: string;
  closes: string;
}

/** Inclusive local dates YYYY-MM-DD; empty intervals = closed. */
export interface DateException {
  firstDay: string;
  lastDay: string;
  intervals: Interval[];
  note?: string | null;
}

export interface Schedule {
  /** IANA zone, e.g. 'Europe/Berlin'. */
  timeZone: string;
  /** 7 entries: index 0 = Monday … 6 = Sunday. */
  weekly: Interval[][];
  exceptions: DateException[];
  /** null = no holidays (e.g. an office open around the clock). */
  holidays: HolidayRegion | null;
}

export interface OpenSpan {
  start: Date;
  end: Date;
}

export interface DayHours {
  date: string;
  spans: OpenSpan[];
  /** The day's merged wall-clock intervals. */
  intervals: Interval[];
  /** Reported whenever the day is a public holiday, even if an exception sets special hours. */
  holiday: HolidayName | null;
  exception: boolean;
}

export interface Status {
  open: boolean;
  closesAt: Date | null;
  nextOpening: Date | null;
  today: DayHours;
}

const DAY_MS = 86_400_000;
const FOLLOW_DAYS = 14;
const SEARCH_DAYS = 400;

/** Sorted [opens, closes] minute ranges; overlapping or touching intervals are merged. */
function mergeIntervals(list: Interval[]): [number, number][] {
  const ranges = list
    .map((i): [number, number] => {
      const range: [number, number] = [minutes(i.opens), minutes(i.closes)];
      if (range[1] <= range[0])
        throw new RangeError(`interval closes before it opens: ${i.opens}–${i.closes}`);
      return range;
    })
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [opens, closes] of ranges) {
    const last = merged.at(-1);
    if (last && opens <= last[1]) last[1] = Math.max(last[1], closes);
    else merged.push([opens, closes]);
  }
  return merged;
}

function luxonWallClock(timeZone: string, day: string, min: number): number {
  return wallClock(timeZone, day, min).toMillis();
}

/** Converts minutes since local midnight of `day` (1440 = next midnight) to instants. */
function dayClock(timeZone: string, day: string): (min: number) => number {
  const start = localMidnight(timeZone, day);
  const next = localMidnight(timeZone, addDays(day, 1));
  // A day of exactly 24 h has no offset change, so wall-clock time is elapsed time.
  if (next - start === DAY_MS) return (min) => start + min * 60_000;
  return (min) => (min === 1440 ? next : luxonWallClock(timeZone, day, min));
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The local date (YYYY-MM-DD) of an instant in a zone. */
export function localDay(timeZone: string, instant: Date): string {
  let format = dateFormats.get(timeZone);
  if (!format) {
    // Intl is ~10× faster than a luxon DateTime here; throws RangeError for unknown zones.
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dateFormats.set(timeZone, format);
  }
  const parts: Record<string, string> = {};
  for (const part of format.formatToParts(instant)) parts[part.type] = part.value;
  return `${parts.year?.padStart(4, '0')}-${parts.month}-${parts.day}`;
}

/** Opening hours of one local date: exceptions beat holidays, holidays beat the weekly plan. */
export function hoursOn(schedule: Schedule, day: string): DayHours {
  const p = parseDay(day);
  const covering = schedule.exceptions.filter((e) => e.firstDay <= day && day <= e.lastDay);
  const holiday = schedule.holidays ? holidayOn(schedule.holidays, day) : null;
  const weekday = (new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay() + 6) % 7;
  const source =
    covering.length > 0
      ? covering.flatMap((e) => e.intervals)
      : holiday
        ? []
        : (schedule.weekly[weekday] ?? []);

  const ranges = mergeIntervals(source);
  const spans: OpenSpan[] = [];
  if (ranges.length > 0) {
    const clock = dayClock(schedule.timeZone, day);
    for (const [opens, closes] of ranges) {
      const start = clock(opens);
      const end = clock(closes);
      // Luxon shifts missing times forward by the gap, so 02:15–03:00 on a spring-forward day
      // would become 03:15–03:00: that interval never happens.
      if (end > start) spans.push({ start: new Date(start), end: new Date(end) });
    }
  }
  return {
    date: day,
    spans,
    intervals: ranges.map(([opens, closes]) => ({ opens: hhmm(opens), closes: hhmm(closes) })),
    holiday,
    exception: covering.length > 0,
  };
}

/** Spans of consecutive local days with the index of their day relative to `today`. */
function* spansFrom(schedule: Schedule, today: DayHours): Generator<[number, OpenSpan]> {
  // Without weekly hours only exceptions can open the office: stop after the last of them.
  const lastPossible = schedule.weekly.some((d) => d.length > 0)
    ? null
    : schedule.exceptions.reduce(
        (last, e) => (e.intervals.length > 0 && e.lastDay > last ? e.lastDay : last),
        '',
      );
  for (let i = -1; i <= SEARCH_DAYS; i++) {
    const day = i === 0 ? today.date : addDays(today.date, i);
    if (lastPossible !== null && i > 0 && day > lastPossible) return;
    const hours = i === 0 ? today : hoursOn(schedule, day);
    for (const span of hours.spans) yield [i, span];
  }
}

/**
 * Walks forward from the previous local day. When open, spans touching the current opening
 * extend it, but only up to `followDays` days ahead (null closesAt = open beyond that).
 */
function scan(schedule: Schedule, now: Date, today: DayHours, followDays: number) {
  const t = now.getTime();
  let end: number | null = null;
  for (const [i, span] of spansFrom(schedule, today)) {
    const start = span.start.getTime();
    if (end === null) {
      if (span.end.getTime() <= t) continue;
      if (start > t) return { open: false, closesAt: null, nextOpening: span.start };
      end = span.end.getTime();
    } else if (start <= end) {
      if (i > followDays) return { open: true, closesAt: null, nextOpening: null };
      end = Math.max(end, span.end.getTime());
    } else {
      return { open: true, closesAt: new Date(end), nextOpening: span.start };
    }
  }
  if (end === null) return { open: false, closesAt: null, nextOpening: null };
  // No span after the window: the opening ends at `end` unless it reaches the window's edge.
  const edge = localMidnight(schedule.timeZone, addDays(today.date, SEARCH_DAYS + 1));
  return { open: true, closesAt: end < edge ? new Date(end) : null, nextOpening: null };
}

/**
 * Whether the office is open at `now`. Open: closesAt = end of the continuous opening (null if
 * it lasts beyond 14 days). Closed: nextOpening = start of the next span within 400 days.
 */
export function statusAt(schedule: Schedule, now: Date): Status {
  const today = hoursOn(schedule, localDay(schedule.timeZone, now));
  const s = scan(schedule, now, today, FOLLOW_DAYS);
  return s.open
    ? { open: true, closesAt: s.closesAt, nextOpening: null, today }
    : { open: false, closesAt: null, nextOpening: s.nextOpening, today };
}

/** Start of the next opening after `now` (after the current one if open now), within 400 days. */
export function nextOpening(schedule: Schedule, now: Date): Date | null {
  const today = hoursOn(schedule, localDay(schedule.timeZone, now));
  return scan(schedule, now, today, SEARCH_DAYS).nextOpening;
}
