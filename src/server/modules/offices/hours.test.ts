import { describe, it, expect } from 'vitest';
import { holidayOn } from './holidays.js';
import { hoursOn, localDay, nextOpening, statusAt, type Interval, type Schedule } from './hours.js';

const iv = (opens: string, closes: string): Interval => ({ opens, closes });
const everyDay = (...day: Interval[]): Interval[][] => Array.from({ length: 7 }, () => day);
const weekdays = (...day: Interval[]): Interval[][] => [day, day, day, day, day, [], []];

function office(overrides: Partial<Schedule> = {}): Schedule {
  return {
    timeZone: 'Europe/Berlin',
    weekly: weekdays(iv('08:00', '12:00'), iv('13:30', '16:00')),
    exceptions: [],
    holidays: { country: 'DE', state: 'BY' },
    ...overrides,
  };
}

const utc = (iso: string) => new Date(iso);
const hoursLong = (span: { start: Date; end: Date }) =>
  (span.end.getTime() - span.start.getTime()) / 3_600_000;

describe('hoursOn across daylight-saving switches (Europe/Berlin)', () => {
  const night = office({ weekly: everyDay(iv('01:00', '04:00')) });
  const morning = office({ weekly: everyDay(iv('08:00', '12:00')) });

  it('lasts 2 hours for 01:00–04:00 on the spring-forward day 2026-03-29', () => {
    const [span] = hoursOn(night, '2026-03-29').spans;
    expect(span).toEqual({ start: utc('2026-03-29T00:00:00Z'), end: utc('2026-03-29T02:00:00Z') });
    expect(hoursLong(span!)).toBe(2);
  });

  it('lasts 4 hours for 01:00–04:00 on the fall-back day 2026-10-25', () => {
    const [span] = hoursOn(night, '2026-10-25').spans;
    expect(span).toEqual({ start: utc('2026-10-24T23:00:00Z'), end: utc('2026-10-25T03:00:00Z') });
    expect(hoursLong(span!)).toBe(4);
  });

  it('opens at 08:00 local time before and after both switches', () => {
    const starts = ['2026-03-28', '2026-03-29', '2026-10-24', '2026-10-25'].map(
      (day) => hoursOn(morning, day).spans[0]?.start,
    );
    expect(starts).toEqual([
      utc('2026-03-28T07:00:00Z'),
      utc('2026-03-29T06:00:00Z'),
      utc('2026-10-24T06:00:00Z'),
      utc('2026-10-25T07:00:00Z'),
    ]);
  });

  it('moves wall-clock times that do not exist forward by the skipped hour', () => {
    const late = hoursOn(office({ weekly: everyDay(iv('02:30', '05:00')) }), '2026-03-29');
    expect(late.spans).toEqual([
      { start: utc('2026-03-29T01:30:00Z'), end: utc('2026-03-29T03:00:00Z') },
    ]);
    const gap = hoursOn(office({ weekly: everyDay(iv('02:00', '02:45')) }), '2026-03-29');
    expect(gap.spans).toEqual([
      { start: utc('2026-03-29T01:00:00Z'), end: utc('2026-03-29T01:45:00Z') },
    ]);
  });

  it('drops an interval whose shifted start falls after its end', () => {
    const day = hoursOn(office({ weekly: everyDay(iv('02:15', '03:00')) }), '2026-03-29');
    expect(day).toMatchObject({ spans: [], intervals: [iv('02:15', '03:00')] });
  });
});

describe('statusAt around midnight', () => {
  const lateNight = office({ weekly: everyDay(iv('00:00', '02:00'), iv('22:00', '24:00')) });

  it('treats 22:00–24:00 and 00:00–02:00 as one opening that closes at 02:00 the next day', () => {
    const closesAt = utc('2026-06-11T00:00:00Z');
    const before = statusAt(lateNight, utc('2026-06-10T21:30:00Z')); // 23:30 local
    expect(before).toMatchObject({ open: true, closesAt, nextOpening: null });
    expect(before.today.date).toBe('2026-06-10');
    const after = statusAt(lateNight, utc('2026-06-10T22:00:00Z')); // 00:00 local
    expect(after).toMatchObject({ open: true, closesAt, today: { date: '2026-06-11' } });
  });

  it('reports the next opening after the current overnight opening ends', () => {
    expect(nextOpening(lateNight, utc('2026-06-10T21:30:00Z'))).toEqual(
      utc('2026-06-11T20:00:00Z'),
    );
  });
});

describe('public holidays', () => {
  it('names holidays in German and English', () => {
    expect(holidayOn({ country: 'DE' }, '2026-12-25')).toEqual({
      de: '1. Weihnachtstag',
      en: 'Christmas Day',
    });
    expect(holidayOn({ country: 'DE' }, '2026-12-24')).toBeNull(); // a bank holiday only
  });

  it('is closed on Christmas and reopens on the following Monday', () => {
    const s = office();
    expect(hoursOn(s, '2026-12-25')).toMatchObject({ spans: [], intervals: [], exception: false });
    expect(hoursOn(s, '2026-12-25').holiday?.de).toBe('1. Weihnachtstag');
    expect(nextOpening(s, utc('2026-12-24T17:00:00Z'))).toEqual(utc('2026-12-28T07:00:00Z'));
  });

  it('is closed on Augsburger Friedensfest in region BY-A but open elsewhere in Bavaria', () => {
    const weekly = everyDay(iv('09:00', '12:00'));
    const region = { country: 'DE', state: 'BY', region: 'A' };
    const augsburg = hoursOn(office({ weekly, holidays: region }), '2026-08-08');
    expect(augsburg.spans).toEqual([]);
    expect(augsburg.holiday).toEqual({
      de: 'Augsburger Friedensfest',
      en: 'Augsburg Peace Festival',
    });
    const munich = hoursOn(office({ weekly, holidays: { ...region, region: null } }), '2026-08-08');
    expect(munich.holiday).toBeNull();
    expect(munich.spans).toHaveLength(1);
  });

  it('ignores holidays when the schedule has no holiday region', () => {
    expect(hoursOn(office({ holidays: null }), '2026-12-25').spans).toHaveLength(2);
  });

  it('opens with special hours when an exception covers a holiday', () => {
    const s = office({
      exceptions: [
        { firstDay: '2026-12-25', lastDay: '2026-12-25', intervals: [iv('10:00', '12:00')] },
      ],
    });
    const day = hoursOn(s, '2026-12-25');
    expect(day).toMatchObject({ exception: true, intervals: [iv('10:00', '12:00')] });
    expect(day.holiday?.de).toBe('1. Weihnachtstag');
    expect(statusAt(s, utc('2026-12-25T10:00:00Z'))).toMatchObject({
      open: true,
      closesAt: utc('2026-12-25T11:00:00Z'),
    });
  });

  it('opens on Tuesday after a weekend followed by Easter Monday', () => {
    expect(nextOpening(office(), utc('2026-04-04T08:00:00Z'))).toEqual(utc('2026-04-07T06:00:00Z'));
  });
});

describe('weekly hours and exceptions', () => {
  it('is closed during the lunch break and reopens at 13:30 the same day', () => {
    const s = statusAt(office(), utc('2026-06-10T10:30:00Z')); // Wednesday 12:30 local
    expect(s).toMatchObject({
      open: false,
      closesAt: null,
      nextOpening: utc('2026-06-10T11:30:00Z'),
    });
    expect(s.today.intervals).toEqual([iv('08:00', '12:00'), iv('13:30', '16:00')]);
  });

  it('closes for lunch at 12:00 when open in the morning', () => {
    const s = statusAt(office(), utc('2026-06-10T08:00:00Z'));
    expect(s).toMatchObject({
      open: true,
      closesAt: utc('2026-06-10T10:00:00Z'),
      nextOpening: null,
    });
  });

  it('merges overlapping and touching intervals of one day', () => {
    const s = office({
      weekly: weekdays(iv('12:00', '16:00'), iv('08:00', '12:00'), iv('09:00', '10:00')),
    });
    expect(hoursOn(s, '2026-06-10').intervals).toEqual([iv('08:00', '16:00')]);
  });

  it('uses the union of all exceptions covering a day', () => {
    const s = office({
      exceptions: [
        { firstDay: '2026-06-08', lastDay: '2026-06-12', intervals: [iv('09:00', '11:00')] },
        {
          firstDay: '2026-06-10',
          lastDay: '2026-06-10',
          intervals: [iv('10:00', '13:00')],
          note: 'Bürgerfest',
        },
      ],
    });
    expect(hoursOn(s, '2026-06-10').intervals).toEqual([iv('09:00', '13:00')]);
    expect(hoursOn(s, '2026-06-09').intervals).toEqual([iv('09:00', '11:00')]);
  });

  it('opens on the first day after a week-long closure', () => {
    const s = office({
      exceptions: [{ firstDay: '2026-07-06', lastDay: '2026-07-12', intervals: [] }],
    });
    expect(statusAt(s, utc('2026-07-08T08:00:00Z'))).toMatchObject({
      open: false,
      nextOpening: utc('2026-07-13T06:00:00Z'),
      today: { exception: true, spans: [] },
    });
    expect(nextOpening(s, utc('2026-07-03T16:00:00Z'))).toEqual(utc('2026-07-13T06:00:00Z'));
  });

  it('still knows when it closes if a long closure follows', () => {
    const s = office({
      exceptions: [{ firstDay: '2026-06-11', lastDay: '2026-07-31', intervals: [] }],
    });
    expect(statusAt(s, utc('2026-06-10T12:00:00Z'))).toMatchObject({
      open: true,
      closesAt: utc('2026-06-10T14:00:00Z'),
    });
  });

  it('opens on Monday morning when asked on Friday evening', () => {
    const s = statusAt(office(), utc('2026-06-12T16:00:00Z'));
    expect(s).toMatchObject({
      open: false,
      closesAt: null,
      nextOpening: utc('2026-06-15T06:00:00Z'),
    });
  });

  it('is open around the clock without closing or next opening', () => {
    const s = office({ weekly: everyDay(iv('00:00', '24:00')), holidays: null });
    for (const now of ['2026-06-10T12:00:00Z', '2026-03-29T01:30:00Z', '2026-10-25T00:30:00Z']) {
      expect(statusAt(s, utc(now))).toMatchObject({
        open: true,
        closesAt: null,
        nextOpening: null,
      });
      expect(nextOpening(s, utc(now))).toBeNull();
    }
  });

  it('never opens when it has no hours at all', () => {
    const s = office({ weekly: everyDay() });
    expect(nextOpening(s, utc('2026-06-10T12:00:00Z'))).toBeNull();
    expect(statusAt(s, utc('2026-06-10T12:00:00Z'))).toMatchObject({
      open: false,
      closesAt: null,
      nextOpening: null,
    });
  });

  it('rejects malformed times', () => {
    expect(() => hoursOn(office({ weekly: everyDay(iv('8:00', '12:00')) }), '2026-06-10')).toThrow(
      RangeError,
    );
    expect(() => hoursOn(office({ weekly: everyDay(iv('12:00', '08:00')) }), '2026-06-10')).toThrow(
      RangeError,
    );
  });
});

describe('localDay', () => {
  it('gives the local date of an instant in different zones', () => {
    const instant = utc('2026-06-10T22:30:00Z');
    expect(localDay('Europe/Berlin', instant)).toBe('2026-06-11');
    expect(localDay('America/New_York', instant)).toBe('2026-06-10');
    expect(localDay('UTC', instant)).toBe('2026-06-10');
    expect(localDay('Pacific/Kiritimati', utc('2026-06-10T10:00:00Z'))).toBe('2026-06-11');
  });

  it('uses the office zone for the day reported by statusAt', () => {
    const s = office({ timeZone: 'America/New_York', holidays: null });
    expect(statusAt(s, utc('2026-06-11T02:00:00Z')).today.date).toBe('2026-06-10');
  });
});
