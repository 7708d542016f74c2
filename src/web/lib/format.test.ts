// Runs with TZ=UTC; every office time is Europe/Berlin, so a UTC date is often "yesterday".
import { describe, expect, it } from 'vitest';
import {
  availabilityText,
  calendarDaysBetween,
  dateRangeText,
  isoWeekday,
  nextOpeningText,
  openUntilText,
  todayHoursText,
  waitingText,
  weekdayName,
} from './format.js';

const BERLIN = 'Europe/Berlin';
const at = (iso: string) => new Date(iso);

describe('nextOpeningText', () => {
  it('says "today" for a later opening on the same Berlin day', () => {
    const now = at('2026-11-25T10:00:00Z'); // Wed 11:00 in Berlin
    expect(nextOpeningText('2026-11-25T13:30:00+01:00', now, 'de', BERLIN)).toBe(
      'Öffnet heute um 13:30',
    );
    expect(nextOpeningText('2026-11-25T13:30:00+01:00', now, 'en', BERLIN)).toBe(
      'Opens today at 13:30',
    );
  });

  it('says "tomorrow" for an opening on the next Berlin day', () => {
    const now = at('2026-11-24T17:00:00Z'); // Tue 18:00 in Berlin
    expect(nextOpeningText('2026-11-25T08:00:00+01:00', now, 'de', BERLIN)).toBe(
      'Öffnet morgen um 08:00',
    );
    expect(nextOpeningText('2026-11-25T08:00:00+01:00', now, 'en', BERLIN)).toBe(
      'Opens tomorrow at 08:00',
    );
  });

  it('names weekday and date for an opening two or more days ahead', () => {
    const now = at('2026-11-27T17:00:00Z'); // Fri 18:00 in Berlin
    expect(nextOpeningText('2026-11-30T08:00:00+01:00', now, 'de', BERLIN)).toBe(
      'Öffnet am Montag, 30. November, um 08:00',
    );
    // ICU versions differ in one comma ("Monday 30 November" / "Monday, 30 November").
    expect(nextOpeningText('2026-11-30T08:00:00+01:00', now, 'en', BERLIN)).toMatch(
      /^Opens on Monday,? 30 November at 08:00$/,
    );
  });

  it('counts days in Berlin after midnight while UTC is still the previous day', () => {
    const now = at('2026-11-24T23:30:00Z'); // Tue in UTC, already Wed 00:30 in Berlin
    expect(nextOpeningText('2026-11-25T08:00:00+01:00', now, 'de', BERLIN)).toBe(
      'Öffnet heute um 08:00',
    );
    expect(nextOpeningText('2026-11-25T08:00:00+01:00', now, 'en', BERLIN)).toBe(
      'Opens today at 08:00',
    );
    expect(nextOpeningText('2026-11-26T08:00:00+01:00', now, 'de', BERLIN)).toBe(
      'Öffnet morgen um 08:00',
    );
    expect(nextOpeningText('2026-11-26T08:00:00+01:00', now, 'en', BERLIN)).toBe(
      'Opens tomorrow at 08:00',
    );
  });

  it('says "tomorrow" across the night the clocks go forward', () => {
    const now = at('2026-03-28T23:30:00Z'); // Sun 29 March 00:30 CET; summer time from 02:00
    expect(nextOpeningText('2026-03-30T08:00:00+02:00', now, 'de', BERLIN)).toBe(
      'Öffnet morgen um 08:00',
    );
  });

  it('adds the year when the opening is in the next year', () => {
    const now = at('2026-12-23T12:00:00Z');
    expect(nextOpeningText('2027-01-04T08:00:00+01:00', now, 'de', BERLIN)).toBe(
      'Öffnet am Montag, 4. Januar 2027, um 08:00',
    );
  });

  it('says that no opening is planned when there is none', () => {
    const now = at('2026-11-25T10:00:00Z');
    expect(nextOpeningText(null, now, 'de', BERLIN)).toBe('Zurzeit ist keine Öffnung geplant');
    expect(nextOpeningText(null, now, 'en', BERLIN)).toBe('No opening scheduled at the moment');
  });
});

describe('openUntilText', () => {
  it('gives the closing time of the same day', () => {
    const now = at('2026-11-25T10:00:00Z');
    expect(openUntilText('2026-11-25T16:00:00+01:00', now, 'de', BERLIN)).toBe(
      'Bis 16:00 geöffnet',
    );
    expect(openUntilText('2026-11-25T16:00:00+01:00', now, 'en', BERLIN)).toBe('Open until 16:00');
  });

  it('treats a Berlin closing after UTC midnight as the same day', () => {
    const now = at('2026-11-24T23:30:00Z'); // Wed 00:30 in Berlin
    expect(openUntilText('2026-11-25T02:00:00+01:00', now, 'de', BERLIN)).toBe(
      'Bis 02:00 geöffnet',
    );
  });

  it('says 24:00 for an opening that ends at midnight', () => {
    const now = at('2026-11-25T20:00:00Z'); // 21:00 in Berlin
    expect(openUntilText('2026-11-26T00:00:00+01:00', now, 'de', BERLIN)).toBe(
      'Bis 24:00 geöffnet',
    );
    expect(openUntilText('2026-11-26T00:00:00+01:00', now, 'en', BERLIN)).toBe('Open until 24:00');
  });

  it('says "tomorrow" for an opening that runs past midnight', () => {
    const now = at('2026-11-25T21:00:00Z'); // 22:00 in Berlin
    expect(openUntilText('2026-11-26T02:00:00+01:00', now, 'de', BERLIN)).toBe(
      'Bis morgen, 02:00, geöffnet',
    );
    expect(openUntilText('2026-11-26T02:00:00+01:00', now, 'en', BERLIN)).toBe(
      'Open until tomorrow at 02:00',
    );
  });
});

describe('availabilityText', () => {
  const now = at('2026-11-25T10:00:00Z');
  const base = { timeZone: BERLIN, closesAt: null, nextOpening: null };

  it('tells an open office until when it is open', () => {
    const office = { ...base, open: true, closesAt: '2026-11-25T12:00:00+01:00' };
    expect(availabilityText(office, now, 'de')).toBe('Bis 12:00 geöffnet');
  });

  it('tells a closed office when it opens next', () => {
    const office = { ...base, open: false, nextOpening: '2026-11-25T13:30:00+01:00' };
    expect(availabilityText(office, now, 'en')).toBe('Opens today at 13:30');
  });
});

describe('todayHoursText', () => {
  const today = { date: '2026-11-25', intervals: [], holiday: null, exception: false };
  const hours = [
    { opens: '08:00', closes: '12:00' },
    { opens: '13:30', closes: '16:00' },
  ];

  it('lists all of today’s intervals', () => {
    expect(todayHoursText({ ...today, intervals: hours }, 'de')).toBe(
      'Heute 08:00–12:00, 13:30–16:00',
    );
    expect(todayHoursText({ ...today, intervals: hours }, 'en')).toBe(
      'Today 08:00–12:00, 13:30–16:00',
    );
  });

  it('marks special hours', () => {
    const special = { ...today, intervals: [{ opens: '09:00', closes: '12:00' }], exception: true };
    expect(todayHoursText(special, 'de')).toBe('Heute abweichend 09:00–12:00');
  });

  it('gives the holiday or the closure note as the reason for closing', () => {
    expect(todayHoursText({ ...today, holiday: 'Weihnachten' }, 'de')).toBe(
      'Heute geschlossen (Weihnachten)',
    );
    expect(todayHoursText({ ...today, holiday: 'Christmas Day' }, 'en')).toBe(
      'Closed today (Christmas Day)',
    );
    expect(todayHoursText(today, 'de', 'Betriebsausflug')).toBe(
      'Heute geschlossen (Betriebsausflug)',
    );
    expect(todayHoursText(today, 'en')).toBe('Closed today');
  });
});

describe('waitingText', () => {
  it('uses singular and plural in both languages', () => {
    expect([0, 1, 3].map((n) => waitingText(n, 'de'))).toEqual([
      'Niemand wartet',
      '1 Person wartet',
      '3 Personen warten',
    ]);
    expect([0, 1, 3].map((n) => waitingText(n, 'en'))).toEqual([
      'Nobody waiting',
      '1 person waiting',
      '3 people waiting',
    ]);
  });
});

describe('calendar helpers', () => {
  it('counts Berlin calendar days, not 24-hour periods', () => {
    expect(
      calendarDaysBetween(at('2026-11-25T22:59:00Z'), at('2026-11-25T23:01:00Z'), BERLIN),
    ).toBe(1);
    expect(
      calendarDaysBetween(at('2026-11-25T00:00:00Z'), at('2026-11-25T22:00:00Z'), BERLIN),
    ).toBe(0);
  });

  it('names ISO weekdays', () => {
    expect(weekdayName(1, 'de')).toBe('Montag');
    expect(weekdayName(7, 'en')).toBe('Sunday');
    expect(isoWeekday('2026-11-29')).toBe(7);
    expect(isoWeekday('2026-11-30')).toBe(1);
  });

  it('formats one day or a range of days', () => {
    expect(dateRangeText('2026-12-24', '2026-12-24', 'de')).toBe('Donnerstag, 24. Dezember 2026');
    expect(dateRangeText('2026-12-24', '2026-12-26', 'de')).toMatch(
      /^Donnerstag, 24\.\s–\sSamstag, 26\. Dezember 2026$/,
    );
  });
});
