import { describe, expect, it } from 'vitest';
import type { Slots, StaffAppointment } from '../../../shared/appointments.js';
import { ApiError } from '../../lib/request.js';
import {
  alternativesFor,
  blockSpan,
  bookingFieldOf,
  freeStartsOn,
  inDayOrder,
  suggestedStarts,
} from './day-logic.js';

const BERLIN = 'Europe/Berlin';

describe('bookingFieldOf', () => {
  it('puts phone, e-mail and time errors next to their fields, others above the button', () => {
    expect(bookingFieldOf('PHONE_INVALID')).toBe('phone');
    expect(bookingFieldOf('PHONE_NOT_MOBILE')).toBe('phone');
    expect(bookingFieldOf('PHONE_COUNTRY')).toBe('phone');
    expect(bookingFieldOf('EMAIL_INVALID')).toBe('email');
    expect(bookingFieldOf('SLOT_TAKEN')).toBe('start');
    expect(bookingFieldOf('SMS_LIMIT')).toBeNull();
    expect(bookingFieldOf(null)).toBeNull();
  });
});

describe('free times', () => {
  const slots: Slots = {
    timeZone: BERLIN,
    days: [
      {
        date: '2026-11-25',
        slots: [
          { start: '2026-11-25T10:00:00.000Z', end: '2026-11-25T10:20:00.000Z' },
          { start: '2026-11-25T09:00:00.000Z', end: '2026-11-25T09:20:00.000Z' },
        ],
      },
    ],
  };

  it('lists the chosen date’s starts in order, and nothing for a date without slots', () => {
    expect(freeStartsOn(slots, '2026-11-25')).toEqual([
      '2026-11-25T09:00:00.000Z',
      '2026-11-25T10:00:00.000Z',
    ]);
    expect(freeStartsOn(slots, '2026-11-26')).toEqual([]);
    expect(freeStartsOn(null, '2026-11-25')).toEqual([]);
  });

  it('offers the server’s suggestions after SLOT_TAKEN when it sent some', () => {
    const suggested = ['2026-11-26T08:00:00.000Z'];
    expect(alternativesFor('2026-11-25T09:10:00.000Z', suggested, [])).toEqual(suggested);
  });

  it('else offers the nearest free starts on both sides, in time order, not the taken one', () => {
    const free = ['08:00', '08:40', '09:00', '09:10', '09:20', '11:00'].map(
      (time) => `2026-11-25T${time}:00.000Z`,
    );
    expect(alternativesFor('2026-11-25T09:10:00.000Z', undefined, free)).toEqual(
      ['2026-11-25T09:00:00.000Z', '2026-11-25T09:20:00.000Z', '2026-11-25T08:40:00.000Z'].sort(),
    );
  });

  it('reads suggestions from an error only when they are there', () => {
    expect(suggestedStarts(new ApiError(409, 'SLOT_TAKEN', null, 'taken'))).toBeUndefined();
    const alternatives = ['2026-11-25T09:20:00.000Z'];
    const error = new ApiError(409, 'SLOT_TAKEN', null, 'taken', { alternatives });
    expect(suggestedStarts(error)).toEqual(alternatives);
    expect(suggestedStarts(new Error('taken'))).toBeUndefined();
  });
});

describe('inDayOrder', () => {
  it('sorts by start and puts a cancelled appointment after an active one at the same time', () => {
    const make = (id: string, start: string, state: StaffAppointment['state']) =>
      ({ id, start, state }) as StaffAppointment;
    const list = [
      make('c', '2026-11-25T10:00:00Z', 'booked'),
      make('a', '2026-11-25T09:00:00Z', 'cancelled'),
      make('b', '2026-11-25T09:00:00Z', 'booked'),
    ];
    expect(inDayOrder(list).map((a) => a.id)).toEqual(['b', 'a', 'c']);
  });
});

describe('blockSpan', () => {
  it('turns the chosen day’s wall-clock times into instants of the office zone', () => {
    expect(blockSpan('2026-11-25', '12:00', '13:30', BERLIN)).toEqual({
      start: '2026-11-25T11:00:00.000Z',
      end: '2026-11-25T12:30:00.000Z',
    });
  });

  it('spans the short night of 2026-03-29 and the long one of 2026-10-25', () => {
    expect(blockSpan('2026-03-29', '01:00', '04:00', BERLIN)).toEqual({
      start: '2026-03-29T00:00:00.000Z',
      end: '2026-03-29T02:00:00.000Z',
    });
    expect(blockSpan('2026-10-25', '01:00', '04:00', BERLIN)).toEqual({
      start: '2026-10-24T23:00:00.000Z',
      end: '2026-10-25T03:00:00.000Z',
    });
  });

  it('reads an end of 00:00 as the midnight that ends the day', () => {
    expect(blockSpan('2026-10-25', '22:00', '00:00', BERLIN)).toEqual({
      start: '2026-10-25T21:00:00.000Z',
      end: '2026-10-25T23:00:00.000Z',
    });
  });

  it('names the field when a time is missing or the end is not after the start', () => {
    expect(blockSpan('2026-11-25', '', '13:00', BERLIN)).toEqual({
      problem: 'blockTimeMissing',
      field: 'from',
    });
    expect(blockSpan('2026-11-25', '13:00', '12:00', BERLIN)).toEqual({
      problem: 'blockEndNotAfterStart',
      field: 'to',
    });
    expect(blockSpan('2026-11-25', '13:00', '13:00', BERLIN)).toEqual({
      problem: 'blockEndNotAfterStart',
      field: 'to',
    });
  });
});
