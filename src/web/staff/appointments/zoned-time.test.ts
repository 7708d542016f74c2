import { describe, expect, it } from 'vitest';
import {
  addDays,
  isClockTime,
  isLocalDate,
  localDateOf,
  wallClockToInstant,
} from './zoned-time.js';

const BERLIN = 'Europe/Berlin';
const at = (date: string, time: string, zone = BERLIN) =>
  wallClockToInstant(date, time, zone).toISOString();

describe('wallClockToInstant', () => {
  it('uses winter time (UTC+1) and summer time (UTC+2) in Berlin', () => {
    expect(at('2026-11-25', '09:30')).toBe('2026-11-25T08:30:00.000Z');
    expect(at('2026-07-01', '09:30')).toBe('2026-07-01T07:30:00.000Z');
  });

  it('is right on both sides of the change to summer time on 2026-03-29', () => {
    expect(at('2026-03-29', '00:00')).toBe('2026-03-28T23:00:00.000Z');
    expect(at('2026-03-29', '01:59')).toBe('2026-03-29T00:59:00.000Z');
    expect(at('2026-03-29', '03:00')).toBe('2026-03-29T01:00:00.000Z');
    expect(at('2026-03-29', '12:00')).toBe('2026-03-29T10:00:00.000Z');
  });

  it('moves a time in the skipped hour on 2026-03-29 forward by the gap (02:30 → 03:30)', () => {
    expect(at('2026-03-29', '02:00')).toBe('2026-03-29T01:00:00.000Z');
    expect(at('2026-03-29', '02:30')).toBe('2026-03-29T01:30:00.000Z');
  });

  it('takes the first of the twice-lived hour on 2026-10-25 and is right around it', () => {
    expect(at('2026-10-25', '01:59')).toBe('2026-10-24T23:59:00.000Z');
    expect(at('2026-10-25', '02:00')).toBe('2026-10-25T00:00:00.000Z');
    expect(at('2026-10-25', '02:30')).toBe('2026-10-25T00:30:00.000Z');
    expect(at('2026-10-25', '03:00')).toBe('2026-10-25T02:00:00.000Z');
    expect(at('2026-10-25', '23:00')).toBe('2026-10-25T22:00:00.000Z');
  });

  it('keeps a DST day 23 and 25 hours long from midnight to midnight', () => {
    const hours = (date: string) =>
      (wallClockToInstant(addDays(date, 1), '00:00', BERLIN).getTime() -
        wallClockToInstant(date, '00:00', BERLIN).getTime()) /
      3_600_000;
    expect(hours('2026-03-29')).toBe(23);
    expect(hours('2026-10-25')).toBe(25);
    expect(hours('2026-11-25')).toBe(24);
  });

  it('works in zones with other offsets and rules', () => {
    expect(at('2026-11-25', '09:30', 'UTC')).toBe('2026-11-25T09:30:00.000Z');
    expect(at('2026-11-25', '09:30', 'Asia/Kolkata')).toBe('2026-11-25T04:00:00.000Z');
    // New York changes on 2026-03-08: 02:30 does not exist there.
    expect(at('2026-03-08', '02:30', 'America/New_York')).toBe('2026-03-08T07:30:00.000Z');
    expect(at('2026-11-01', '01:30', 'America/New_York')).toBe('2026-11-01T05:30:00.000Z');
  });

  it('refuses malformed dates and times', () => {
    expect(() => wallClockToInstant('2026-02-30', '09:00', BERLIN)).toThrow(RangeError);
    expect(() => wallClockToInstant('2026-11-25', '24:00', BERLIN)).toThrow(RangeError);
    expect(() => wallClockToInstant('25.11.2026', '09:00', BERLIN)).toThrow(RangeError);
  });
});

describe('local dates', () => {
  it('gives the date in the office zone, not in UTC', () => {
    expect(localDateOf(new Date('2026-11-24T23:30:00Z'), BERLIN)).toBe('2026-11-25');
    expect(localDateOf(new Date('2026-11-24T23:30:00Z'), 'UTC')).toBe('2026-11-24');
  });

  it('adds days across month, year and DST changes', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-10-25', 1)).toBe('2026-10-26');
  });

  it('tells valid dates and times from invalid ones', () => {
    expect(isLocalDate('2028-02-29')).toBe(true);
    expect(isLocalDate('2026-02-29')).toBe(false);
    expect(isLocalDate('')).toBe(false);
    expect(isClockTime('00:00')).toBe(true);
    expect(isClockTime('23:59')).toBe(true);
    expect(isClockTime('9:00')).toBe(false);
  });
});
