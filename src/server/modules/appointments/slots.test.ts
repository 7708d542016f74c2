import { describe, it, expect } from 'vitest';
import type { Interval, Schedule } from '../offices/hours.js';
import {
  freeSlots,
  isBookable,
  nearestFree,
  unitsOf,
  type CapacityInterval,
  type Slot,
  type SlotQuery,
  type SlotRules,
} from './slots.js';

const iv = (opens: string, closes: string): Interval => ({ opens, closes });
const cap = (opens: string, closes: string, seats: number): CapacityInterval => ({
  opens,
  closes,
  seats,
});
const weekdays = <T>(...day: T[]): T[][] => [day, day, day, day, day, [], []];
const everyDay = <T>(...day: T[]): T[][] => Array.from({ length: 7 }, () => day);

function rules(overrides: Partial<SlotRules> = {}, schedule: Partial<Schedule> = {}): SlotRules {
  return {
    schedule: {
      timeZone: 'Europe/Berlin',
      weekly: weekdays(iv('08:00', '12:00'), iv('13:00', '15:30')),
      exceptions: [],
      holidays: { country: 'DE', state: 'BY' },
      ...schedule,
    },
    capacity: { weekly: weekdays(cap('08:00', '15:30', 1)) },
    unitMinutes: 10,
    leadMinutes: 60,
    horizonDays: 60,
    ...overrides,
  };
}

const utc = (iso: string) => new Date(iso);
const NOW = utc('2026-06-01T06:00:00Z'); // Monday 08:00 in Berlin
const nothingTaken = new Map<number, number>();
const takenAt = (entries: [string, number][]) =>
  new Map(entries.map(([iso, n]) => [Date.parse(iso), n]));

/** Slots of one local date. */
function on(r: SlotRules, date: string, query: Partial<SlotQuery> = {}): Slot[] {
  const days = freeSlots(r, {
    durationMinutes: 20,
    from: date,
    to: date,
    now: NOW,
    taken: nothingTaken,
    ...query,
  });
  return days[0]?.slots ?? [];
}

const berlin = (d: Date) =>
  d.toLocaleTimeString('de-DE', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit' });
const times = (slots: Slot[]) => slots.map((s) => berlin(s.start));
const seatsAt = (slots: Slot[], time: string) =>
  slots.find((s) => berlin(s.start) === time)?.seatsFree;

describe('freeSlots on a weekday with a lunch break', () => {
  it('offers 20-minute slots from 08:00 to 11:40 and 13:00 to 15:10, none crossing lunch', () => {
    const slots = on(rules(), '2026-06-10');
    const starts = times(slots);
    expect(starts.slice(0, 3)).toEqual(['08:00', '08:10', '08:20']);
    expect(starts).toContain('11:40');
    expect(starts.filter((t) => t > '11:40' && t < '13:00')).toEqual([]);
    expect(starts.at(-1)).toBe('15:10');
    expect(slots).toHaveLength(23 + 14);
    expect(slots[0]).toEqual({
      start: utc('2026-06-10T06:00:00Z'),
      end: utc('2026-06-10T06:20:00Z'),
      seatsFree: 1,
    });
  });

  it('aligns units to the opening, not to the hour', () => {
    const r = rules({ unitMinutes: 15 }, { weekly: weekdays(iv('08:05', '09:00')) });
    expect(times(on(r, '2026-06-10', { durationMinutes: 15 }))).toEqual([
      '08:05',
      '08:20',
      '08:35',
    ]);
  });
});

describe('freeSlots and seats', () => {
  const twoSeats = rules({ capacity: { weekly: weekdays(cap('08:00', '15:30', 2)) } });

  it('leaves one seat free where one of two seats is taken', () => {
    const slots = on(twoSeats, '2026-06-10', { taken: takenAt([['2026-06-10T07:00:00Z', 1]]) });
    expect(['08:40', '08:50', '09:00', '09:10'].map((t) => seatsAt(slots, t))).toEqual([
      2, 1, 1, 2,
    ]);
  });

  it('drops the full unit and every slot overlapping it', () => {
    const slots = on(twoSeats, '2026-06-10', { taken: takenAt([['2026-06-10T07:00:00Z', 2]]) });
    const starts = times(slots);
    expect(starts).not.toContain('08:50');
    expect(starts).not.toContain('09:00');
    expect(starts).toContain('08:40');
    expect(starts).toContain('09:10');
  });

  it('follows capacity that differs by time of day', () => {
    const r = rules({
      capacity: { weekly: weekdays(cap('08:00', '12:00', 2), cap('13:00', '15:00', 1)) },
    });
    const slots = on(r, '2026-06-08'); // Monday
    expect(seatsAt(slots, '08:00')).toBe(2);
    expect(seatsAt(slots, '13:00')).toBe(1);
    expect(times(slots).at(-1)).toBe('14:40');
  });

  it('adds up overlapping capacity intervals', () => {
    const r = rules({
      capacity: { weekly: weekdays(cap('08:00', '12:00', 1), cap('10:00', '11:00', 2)) },
    });
    const slots = on(r, '2026-06-10');
    expect(['09:40', '09:50', '10:00', '10:40', '10:50'].map((t) => seatsAt(slots, t))).toEqual([
      1, 1, 3, 3, 1,
    ]);
  });

  it('cannot use a unit that a capacity interval covers only in part', () => {
    const r = rules({ capacity: { weekly: weekdays(cap('08:05', '09:00', 1)) } });
    expect(times(on(r, '2026-06-10'))).toEqual(['08:10', '08:20', '08:30', '08:40']);
  });

  it('offers nothing when the weekly capacity is empty', () => {
    const r = rules({ capacity: { weekly: everyDay<CapacityInterval>() } });
    const query = { durationMinutes: 20, from: '2026-06-01', to: '2026-06-30', now: NOW };
    expect(freeSlots(r, { ...query, taken: nothingTaken })).toEqual([]);
  });
});

describe('freeSlots on closed and special days', () => {
  it('offers nothing on Christmas Day in Bavaria and opens again on Monday', () => {
    const days = freeSlots(rules(), {
      durationMinutes: 20,
      from: '2026-12-24',
      to: '2026-12-28',
      now: utc('2026-12-20T10:00:00Z'),
      taken: nothingTaken,
    });
    expect(days.map((d) => d.date)).toEqual(['2026-12-24', '2026-12-28']);
  });

  it('offers nothing on a day an exception closes', () => {
    const closed = [{ firstDay: '2026-06-10', lastDay: '2026-06-10', intervals: [] }];
    expect(on(rules({}, { exceptions: closed }), '2026-06-10')).toEqual([]);
    expect(on(rules({}, { exceptions: closed }), '2026-06-11')).not.toEqual([]);
  });

  it('offers slots only within the special hours of an exception', () => {
    const special = [
      { firstDay: '2026-06-10', lastDay: '2026-06-10', intervals: [iv('10:00', '11:00')] },
    ];
    expect(times(on(rules({}, { exceptions: special }), '2026-06-10'))).toEqual([
      '10:00',
      '10:10',
      '10:20',
      '10:30',
      '10:40',
    ]);
  });

  it('offers nothing on a special opening day whose weekday has no capacity', () => {
    const saturday = [
      { firstDay: '2026-06-13', lastDay: '2026-06-13', intervals: [iv('09:00', '12:00')] },
    ];
    expect(on(rules({}, { exceptions: saturday }), '2026-06-13')).toEqual([]);
  });
});

describe('freeSlots with lead time and horizon', () => {
  const now = utc('2026-06-10T07:07:00Z'); // 09:07 in Berlin

  it('starts no earlier than now plus the lead time', () => {
    expect(times(on(rules(), '2026-06-10', { now }))[0]).toBe('10:10');
    expect(times(on(rules({ leadMinutes: 0 }), '2026-06-10', { now }))[0]).toBe('09:10');
  });

  it('lists dates from today up to today plus the horizon only', () => {
    const days = freeSlots(rules({ horizonDays: 14 }), {
      durationMinutes: 20,
      from: '2026-05-01',
      to: '2026-06-30',
      now: NOW,
      taken: nothingTaken,
    });
    expect(days[0]?.date).toBe('2026-06-01');
    expect(days.at(-1)?.date).toBe('2026-06-15');
  });
});

describe('freeSlots across daylight-saving switches (Europe/Berlin)', () => {
  const allDay = (capacity = everyDay(cap('00:00', '24:00', 1))) =>
    rules(
      { unitMinutes: 30, capacity: { weekly: capacity } },
      { weekly: everyDay(iv('00:00', '24:00')), holidays: null },
    );
  const query = { durationMinutes: 30, now: utc('2026-03-20T12:00:00Z') };
  const steps = (slots: Slot[]) =>
    slots.slice(1).map((s, i) => (s.start.getTime() - (slots[i]?.start.getTime() ?? 0)) / 60_000);

  it('offers 46 half-hour slots at 30-minute steps on the 23-hour day 2026-03-29', () => {
    const slots = on(allDay(), '2026-03-29', query);
    expect(slots).toHaveLength(46);
    expect(new Set(steps(slots))).toEqual(new Set([30]));
    expect(slots[0]?.start).toEqual(utc('2026-03-28T23:00:00Z'));
    expect(slots[4]?.start).toEqual(utc('2026-03-29T01:00:00Z')); // 03:00 CEST
    expect(slots.at(-1)?.start).toEqual(utc('2026-03-29T21:30:00Z'));
  });

  it('offers 50 half-hour slots at 30-minute steps on the 25-hour day 2026-10-25', () => {
    const slots = on(allDay(), '2026-10-25', { ...query, now: utc('2026-10-20T12:00:00Z') });
    expect(slots).toHaveLength(50);
    expect(new Set(steps(slots))).toEqual(new Set([30]));
    expect(slots[0]?.start).toEqual(utc('2026-10-24T22:00:00Z'));
    expect(slots.at(-1)?.start).toEqual(utc('2026-10-25T22:30:00Z'));
  });

  it('opens at 08:00 local time with the usual 8 slots on both switch days', () => {
    const morning = rules(
      { unitMinutes: 30, capacity: { weekly: everyDay(cap('08:00', '12:00', 1)) } },
      { weekly: everyDay(iv('08:00', '12:00')), holidays: null },
    );
    const spring = on(morning, '2026-03-29', query);
    const fall = on(morning, '2026-10-25', { ...query, now: utc('2026-10-20T12:00:00Z') });
    expect([spring.length, fall.length]).toEqual([8, 8]);
    expect([spring[0]?.start, spring.at(-1)?.start]).toEqual([
      utc('2026-03-29T06:00:00Z'),
      utc('2026-03-29T09:30:00Z'),
    ]);
    expect([fall[0]?.start, fall.at(-1)?.start]).toEqual([
      utc('2026-10-25T07:00:00Z'),
      utc('2026-10-25T10:30:00Z'),
    ]);
  });

  it('starts capacity from the skipped hour at 03:00 CEST without counting seats twice', () => {
    const split = allDay(everyDay(cap('00:00', '02:30', 1), cap('03:00', '24:00', 2)));
    const slots = on(split, '2026-03-29', query);
    expect(slots).toHaveLength(46);
    const seats = (iso: string) =>
      slots.find((s) => s.start.getTime() === Date.parse(iso))?.seatsFree;
    expect(seats('2026-03-29T00:30:00Z')).toBe(1); // 01:30 CET
    expect(seats('2026-03-29T01:00:00Z')).toBe(2); // 03:00 CEST

    const late = on(allDay(everyDay(cap('02:30', '06:00', 1))), '2026-03-29', query);
    expect([late[0]?.start, late.length]).toEqual([utc('2026-03-29T01:00:00Z'), 6]);
  });
});

describe('freeSlots performance', () => {
  it('computes 8 weeks of a 24/7 office with 10-minute units in a few milliseconds', () => {
    const r = rules(
      {
        unitMinutes: 10,
        horizonDays: 80,
        capacity: { weekly: everyDay(cap('00:00', '24:00', 3)) },
      },
      { weekly: everyDay(iv('00:00', '24:00')), holidays: null },
    );
    const query = { durationMinutes: 30, from: '2026-06-01', to: '2026-07-26', now: NOW };
    const taken = takenAt([['2026-06-02T10:00:00Z', 1]]);
    freeSlots(r, { ...query, taken }); // warm up zone caches
    const started = performance.now();
    const days = freeSlots(r, { ...query, taken });
    const ms = performance.now() - started;
    expect(days).toHaveLength(56);
    expect(days[1]?.slots).toHaveLength(142);
    expect(ms).toBeLessThan(50);
  });
});

describe('unitsOf', () => {
  it('occupies whole units for a duration that is not a multiple of the unit', () => {
    expect(unitsOf(utc('2026-06-10T06:00:00Z'), 25, 10)).toEqual([
      utc('2026-06-10T06:00:00Z'),
      utc('2026-06-10T06:10:00Z'),
      utc('2026-06-10T06:20:00Z'),
    ]);
  });
});

describe('isBookable', () => {
  const r = rules({
    capacity: { weekly: weekdays(cap('08:00', '12:00', 2), cap('13:00', '15:00', 1)) },
  });
  const ask = (iso: string, more: { durationMinutes?: number; taken?: Map<number, number> } = {}) =>
    isBookable(r, { start: utc(iso), durationMinutes: 20, now: NOW, taken: nothingTaken, ...more });
  const reason = (result: ReturnType<typeof isBookable>) => (result.ok ? 'OK' : result.reason);

  it('accepts a free slot and names the units with their seats', () => {
    const taken = takenAt([['2026-06-10T07:10:00Z', 1]]);
    expect(ask('2026-06-10T07:00:00Z', { taken })).toEqual({
      ok: true,
      end: utc('2026-06-10T07:20:00Z'),
      seatsFree: 1,
      units: [
        { start: utc('2026-06-10T07:00:00Z'), seats: 2 },
        { start: utc('2026-06-10T07:10:00Z'), seats: 2 },
      ],
    });
  });

  it('gives a reason for each start it refuses', () => {
    const full = takenAt([['2026-06-10T07:10:00Z', 2]]);
    expect(
      [
        ask('2026-06-01T06:30:00Z'), // within the lead time
        ask('2026-08-03T07:00:00Z'), // beyond the 60-day horizon
        ask('2026-06-10T10:00:00Z'), // lunch break
        ask('2026-06-10T09:50:00Z'), // 11:50 would run into the lunch break
        ask('2026-06-10T12:50:00Z'), // 14:50 would run past the capacity
        ask('2026-06-13T07:00:00Z'), // Saturday
        ask('2026-06-10T07:05:00Z'), // 09:05 is not a unit boundary
        ask('2026-06-10T07:00:00Z', { taken: full }),
      ].map(reason),
    ).toEqual([
      'TOO_SOON',
      'TOO_FAR',
      'OUTSIDE_HOURS',
      'OUTSIDE_HOURS',
      'OUTSIDE_HOURS',
      'OUTSIDE_HOURS',
      'NOT_ON_GRID',
      'FULL',
    ]);
  });

  it('accepts exactly the slots freeSlots offers', () => {
    const taken = takenAt([['2026-06-10T07:00:00Z', 2]]);
    const offered = new Set(on(r, '2026-06-10', { taken }).map((s) => s.start.getTime()));
    for (
      let t = Date.parse('2026-06-10T05:00:00Z');
      t < Date.parse('2026-06-10T15:00:00Z');
      t += 600_000
    ) {
      expect(isBookable(r, { start: new Date(t), durationMinutes: 20, now: NOW, taken }).ok).toBe(
        offered.has(t),
      );
    }
  });
});

describe('nearestFree', () => {
  const taken = takenAt([['2026-06-10T07:00:00Z', 1]]); // 09:00 full with one seat
  const days = freeSlots(rules(), {
    durationMinutes: 20,
    from: '2026-06-10',
    to: '2026-06-11',
    now: NOW,
    taken,
  });

  it('offers the three free starts closest to a taken one, earlier first on a tie', () => {
    const near = nearestFree(days, utc('2026-06-10T07:00:00Z'));
    expect(times(near)).toEqual(['08:40', '09:10', '09:20']);
  });

  it('looks across days and returns fewer when fewer exist', () => {
    // 23:40 local: 8 h 30 after the last slot of the day, 8 h 20 before the first of the next.
    const evening = nearestFree(days, utc('2026-06-10T21:40:00Z'), 2);
    expect(evening.map((s) => s.start)).toEqual([
      utc('2026-06-10T13:10:00Z'),
      utc('2026-06-11T06:00:00Z'),
    ]);
    const lone = [{ date: '2026-06-10', slots: days[0]?.slots.slice(0, 1) ?? [] }];
    expect(nearestFree(lone, utc('2026-06-10T07:00:00Z'))).toHaveLength(1);
    expect(nearestFree([], utc('2026-06-10T07:00:00Z'))).toEqual([]);
  });
});
