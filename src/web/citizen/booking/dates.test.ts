import { describe, expect, it } from 'vitest';
import { addDays, dateTimeText, dayText, enterFromText, localDate, weekOf } from './dates.js';

const BERLIN = 'Europe/Berlin';

describe('booking dates', () => {
  it('takes the calendar day from the office zone, not from UTC or the browser', () => {
    // 23:30 UTC on 24 November is already the 25th in Berlin …
    expect(localDate(new Date('2026-11-24T23:30:00Z'), BERLIN)).toBe('2026-11-25');
    // … and 22:30 UTC on 25 March 2029 (after the switch to summer time) is the 26th.
    expect(localDate(new Date('2029-03-25T22:30:00Z'), BERLIN)).toBe('2029-03-26');
    expect(localDate(new Date('2026-11-24T23:30:00Z'), 'America/New_York')).toBe('2026-11-24');
  });

  it('counts days across month, year and DST boundaries', () => {
    expect(addDays('2026-11-25', 6)).toBe('2026-12-01');
    expect(addDays('2026-12-29', 7)).toBe('2027-01-05');
    expect(addDays('2027-03-25', 7)).toBe('2027-04-01');
    expect(addDays('2026-11-25', -7)).toBe('2026-11-18');
    expect(weekOf('2026-11-25', '2026-11-28')).toEqual({ from: '2026-11-25', to: '2026-11-28' });
  });

  it('shows times in the office zone in both languages, also on DST days', () => {
    expect(dayText('2026-11-25', 'de')).toBe('Mittwoch, 25. November');
    expect(dayText('2026-11-25', 'en')).toBe('Wednesday 25 November');
    // 28 March 2027 is the switch to summer time: 08:00 UTC is 10:00 in Berlin.
    expect(dateTimeText('2027-03-28T08:00:00Z', 'de', BERLIN)).toBe(
      'Sonntag, 28. März 2027, 10:00\u00a0Uhr',
    );
    // (ICU versions differ on the comma after the weekday.)
    expect(dateTimeText('2026-11-25T09:20:00Z', 'en', BERLIN)).toMatch(
      /^Wednesday,? 25 November 2026, 10:20$/,
    );
  });

  it('says from when entering works, with the day only when it is not today', () => {
    const now = new Date('2026-11-25T08:00:00Z');
    expect(enterFromText('2026-11-25T09:10:00Z', now, 'de', BERLIN)).toBe(
      'Eintreten ist ab 10:10\u00a0Uhr möglich.',
    );
    expect(enterFromText('2026-11-26T09:10:00Z', now, 'en', BERLIN)).toBe(
      'You can enter from Thursday 26 November, 10:10.',
    );
  });
});
