import { describe, it, expect } from 'vitest';
import { BOOKING_CODE_ALPHABET, newBookingCode, normalizeBookingCode } from './booking-code.js';

describe('newBookingCode', () => {
  it('makes XXX-XXX codes without ambiguous characters that are their own canonical form', () => {
    const codes = Array.from({ length: 2000 }, () => newBookingCode());
    for (const code of codes) {
      expect(code).toMatch(/^[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}$/);
      expect(normalizeBookingCode(code)).toBe(code);
    }
    expect(new Set(codes).size).toBeGreaterThan(1990);
    expect(new Set(codes.join('').replace(/-/g, '')).size).toBe(BOOKING_CODE_ALPHABET.length);
  });
});

describe('normalizeBookingCode', () => {
  it.each(['k7m-4qx', 'K7M4QX', ' k7m 4qx ', 'K7M – 4QX', 'k-7-m-4-q-x', 'Ｋ７Ｍ４ＱＸ'])(
    'reads %j as K7M-4QX',
    (input) => {
      expect(normalizeBookingCode(input)).toBe('K7M-4QX');
    },
  );

  it.each([
    '',
    'K7M-4Q',
    'K7M-4QXX',
    'K0M-4QX',
    'KOM-4QX',
    'K1M-4QX',
    'KLM-4QX',
    'KIM-4QX',
    'K7M_4QX',
  ])('refuses %j', (input) => {
    expect(normalizeBookingCode(input)).toBeNull();
  });
});
