import { DateTime } from 'luxon';
import {
  hoursOn,
  localDay,
  type DayHours,
  type Interval,
  type Schedule,
} from '../offices/hours.js';
import {
  addDays,
  localMidnight,
  minutes,
  parseDay,
  wallClock,
  weekdayIndex,
} from '../offices/local-time.js';

/** Seats (staff serving appointments) during a wall-clock interval; overlapping intervals add up. */
export interface CapacityInterval extends Interval {
  seats: number;
}

export interface Capacity {
  /** 7 entries: index 0 = Monday … 6 = Sunday; applies on every date the office is open. */
  weekly: CapacityInterval[][];
}

export interface SlotRules {
  schedule: Schedule;
  capacity: Capacity;
  /** Length of a unit; units are aligned to the start of each open span. */
  unitMinutes: number;
  /** No slot starts before now + lead. */
  leadMinutes: number;
  /** No slot on a local date more than this many days after today (in the office zone). */
  horizonDays: number;
}

/** Taken seats (bookings and blocks) per unit start in epoch ms; a missing key means none. */
export type TakenUnits = ReadonlyMap<number, number>;

export interface Slot {
  start: Date;
  /** start + service duration (the occupied units may reach a little further). */
  end: Date;
  /** The smallest number of free seats over the slot's units. */
  seatsFree: number;
}

/** Only dates with at least one free slot are listed, in order. */
export interface DaySlots {
  date: string;
  slots: Slot[];
}

export interface SlotQuery {
  durationMinutes: number;
  /** Inclusive local dates YYYY-MM-DD in the office zone. */
  from: string;
  to: string;
  now: Date;
  taken: TakenUnits;
}

export type NotBookable = 'OUTSIDE_HOURS' | 'TOO_SOON' | 'TOO_FAR' | 'FULL' | 'NOT_ON_GRID';

export interface UnitSeats {
  start: Date;
  /** Seats at this unit; the booking may take any seat number below it that is still free. */
  seats: number;
}

export type Bookability =
  | { ok: true; end: Date; seatsFree: number; units: UnitSeats[] }
  | { ok: false; reason: NotBookable };

const MIN = 60_000;
const DAY_MS = 86_400_000;
/**
 * Instant of a wall-clock time. Ambiguous times follow luxon (as the opening spans do); a time in
 * a skipped hour becomes the first instant after the gap. Luxon would move it forward by the gap
 * instead: 00:00–02:30 would then end after 03:00–24:00 begins, counting those seats twice.
 */
function instantOf(timeZone: string, day: string, min: number): number {
  const dt = wallClock(timeZone, day, min);
  if (dt.hour * 60 + dt.minute === min) return dt.toMillis();
  const offsetAt = (ms: number) => DateTime.fromMillis(ms, { zone: timeZone }).offset;
  let hi = dt.toMillis(); // after the gap
  const gap = dt.offset - offsetAt(hi - DAY_MS);
  let lo = hi - gap * MIN; // before the gap: the switch lies in (lo, hi]
  while (hi - lo > MIN) {
    const mid = lo + Math.floor((hi - lo) / 2 / MIN) * MIN;
    if (offsetAt(mid) === dt.offset) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** Converts minutes since local midnight of `day` (1440 = next midnight) to instants. */
function dayClock(timeZone: string, day: string): (min: number) => number {
  const start = localMidnight(timeZone, day);
  const next = localMidnight(timeZone, addDays(day, 1));
  if (next - start === DAY_MS) return (min) => start + min * MIN;
  return (min) => (min === 1440 ? next : instantOf(timeZone, day, min));
}

interface Step {
  at: number;
  /** Seats from `at` until the next step; 0 before the first and after the last. */
  seats: number;
}

function seatSteps(timeZone: string, day: string, capacity: CapacityInterval[]): Step[] {
  if (capacity.length === 0) return [];
  const clock = dayClock(timeZone, day);
  const deltas = new Map<number, number>();
  const add = (at: number, seats: number) => deltas.set(at, (deltas.get(at) ?? 0) + seats);
  for (const c of capacity) {
    const [opens, closes] = [minutes(c.opens), minutes(c.closes)];
    if (closes <= opens) throw new RangeError(`capacity closes before it opens: ${c.opens}`);
    if (!Number.isInteger(c.seats) || c.seats < 0)
      throw new RangeError(`invalid seats: ${c.seats}`);
    const [start, end] = [clock(opens), clock(closes)];
    if (end <= start || c.seats === 0) continue;
    add(start, c.seats);
    add(end, -c.seats);
  }
  let level = 0;
  return [...deltas.keys()]
    .sort((a, b) => a - b)
    .map((at) => ({ at, seats: (level += deltas.get(at) ?? 0) }));
}

interface SpanUnits {
  start: number;
  /** Per whole unit of the span: seats, and seats minus taken. */
  seats: number[];
  free: number[];
}

/** The units of each open span of one day (parallel to `hours.spans`). */
function dayUnits(rules: SlotRules, hours: DayHours, taken: TakenUnits): SpanUnits[] {
  const capacity = rules.capacity.weekly[weekdayIndex(hours.date)] ?? [];
  const steps = hours.spans.length ? seatSteps(rules.schedule.timeZone, hours.date, capacity) : [];
  const unitMs = rules.unitMinutes * MIN;
  let j = -1; // the last step at or before the current unit's start
  return hours.spans.map((span) => {
    const start = span.start.getTime();
    const count = Math.floor((span.end.getTime() - start) / unitMs);
    const units: SpanUnits = {
      start,
      seats: new Array<number>(count),
      free: new Array<number>(count),
    };
    for (let k = 0; k < count; k++) {
      const from = start + k * unitMs;
      const to = from + unitMs;
      while (j + 1 < steps.length && (steps[j + 1]?.at ?? Infinity) <= from) j++;
      // A unit only counts the seats present during all of it.
      let seats = steps[j]?.seats ?? 0;
      for (let i = j + 1; i < steps.length && (steps[i]?.at ?? Infinity) < to; i++)
        seats = Math.min(seats, steps[i]?.seats ?? 0);
      units.seats[k] = seats;
      units.free[k] = seats - (taken.get(from) ?? 0);
    }
    return units;
  });
}

function unitsNeeded(rules: SlotRules, durationMinutes: number): number {
  const { unitMinutes, leadMinutes, horizonDays } = rules;
  if (!Number.isInteger(unitMinutes) || unitMinutes <= 0)
    throw new RangeError(`invalid unitMinutes: ${unitMinutes}`);
  if (!Number.isInteger(durationMinutes) || durationMinutes <= 0)
    throw new RangeError(`invalid durationMinutes: ${durationMinutes}`);
  if (!(leadMinutes >= 0) || !Number.isInteger(horizonDays) || horizonDays < 0)
    throw new RangeError('invalid lead time or horizon');
  return Math.ceil(durationMinutes / unitMinutes);
}

/** The unit starts a booking of `durationMinutes` starting at `start` occupies. */
export function unitsOf(start: Date, durationMinutes: number, unitMinutes: number): Date[] {
  const n = Math.ceil(durationMinutes / unitMinutes);
  return Array.from({ length: n }, (_, i) => new Date(start.getTime() + i * unitMinutes * MIN));
}

/** Free slots for a service on the local dates from…to, clipped to today…today + horizon. */
export function freeSlots(rules: SlotRules, query: SlotQuery): DaySlots[] {
  const n = unitsNeeded(rules, query.durationMinutes);
  parseDay(query.from);
  parseDay(query.to);
  const today = localDay(rules.schedule.timeZone, query.now);
  const first = query.from > today ? query.from : today;
  const horizon = addDays(today, rules.horizonDays);
  const last = query.to < horizon ? query.to : horizon;
  const earliest = query.now.getTime() + rules.leadMinutes * MIN;
  const unitMs = rules.unitMinutes * MIN;
  const durationMs = query.durationMinutes * MIN;

  const days: DaySlots[] = [];
  for (let day = first; day <= last; day = addDays(day, 1)) {
    const slots: Slot[] = [];
    for (const span of dayUnits(rules, hoursOn(rules.schedule, day), query.taken)) {
      for (let k = 0; k + n <= span.free.length; k++) {
        const start = span.start + k * unitMs;
        if (start < earliest) continue;
        let seatsFree = Infinity;
        for (let i = k; i < k + n; i++) seatsFree = Math.min(seatsFree, span.free[i] ?? 0);
        if (seatsFree > 0)
          slots.push({ start: new Date(start), end: new Date(start + durationMs), seatsFree });
      }
    }
    if (slots.length > 0) days.push({ date: day, slots });
  }
  return days;
}

/** Whether a booking may start at `start`: the same rules as `freeSlots`, with a reason if not. */
export function isBookable(
  rules: SlotRules,
  request: { start: Date; durationMinutes: number; now: Date; taken: TakenUnits },
): Bookability {
  const n = unitsNeeded(rules, request.durationMinutes);
  const t = request.start.getTime();
  const zone = rules.schedule.timeZone;
  if (t < request.now.getTime() + rules.leadMinutes * MIN) return { ok: false, reason: 'TOO_SOON' };
  const day = localDay(zone, request.start);
  if (day > addDays(localDay(zone, request.now), rules.horizonDays))
    return { ok: false, reason: 'TOO_FAR' };

  const hours = hoursOn(rules.schedule, day);
  const index = hours.spans.findIndex((s) => s.start.getTime() <= t && t < s.end.getTime());
  if (index < 0) return { ok: false, reason: 'OUTSIDE_HOURS' };
  const unitMs = rules.unitMinutes * MIN;
  const offset = t - (hours.spans[index]?.start.getTime() ?? 0);
  if (offset % unitMs !== 0) return { ok: false, reason: 'NOT_ON_GRID' };

  const span = dayUnits(rules, hours, request.taken)[index];
  const k = offset / unitMs;
  if (!span || k + n > span.seats.length) return { ok: false, reason: 'OUTSIDE_HOURS' };
  const seats = span.seats.slice(k, k + n);
  const free = span.free.slice(k, k + n);
  if (seats.some((s) => s === 0)) return { ok: false, reason: 'OUTSIDE_HOURS' };
  const seatsFree = Math.min(...free);
  if (seatsFree <= 0) return { ok: false, reason: 'FULL' };
  return {
    ok: true,
    end: new Date(t + request.durationMinutes * MIN),
    seatsFree,
    units: seats.map((s, i) => ({ start: new Date(t + i * unitMs), seats: s })),
  };
}

/**
 * The `n` free slots closest in time to `wanted` (ties: the earlier one), in chronological order.
 * `days` must be chronological, as `freeSlots` returns them.
 */
export function nearestFree(days: readonly DaySlots[], wanted: Date, n = 3): Slot[] {
  const all = days.flatMap((d) => d.slots);
  const w = wanted.getTime();
  let right = all.findIndex((s) => s.start.getTime() >= w);
  if (right < 0) right = all.length;
  let left = right - 1;
  const picked: Slot[] = [];
  while (picked.length < n) {
    const before = all[left];
    const after = all[right];
    if (before && (!after || w - before.start.getTime() <= after.start.getTime() - w)) {
      picked.unshift(before);
      left--;
    } else if (after) {
      picked.push(after);
      right++;
    } else break;
  }
  return picked;
}
