import { randomInt } from 'node:crypto';

/** Digits and letters without 0/O, 1/I/L, which are read and typed interchangeably. */
export const BOOKING_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const LENGTH = 6;
const VALID = new RegExp(`^[${BOOKING_CODE_ALPHABET}]{${LENGTH}}$`);

/**
 * A short code a citizen can read out on the phone, e.g. 'K7M-4QX' (31^6 ≈ 8.9 × 10^8 codes).
 * It names a booking; it is not a secret that alone grants access to it.
 */
export function newBookingCode(): string {
  let code = '';
  for (let i = 0; i < LENGTH; i++)
    code += BOOKING_CODE_ALPHABET.charAt(randomInt(BOOKING_CODE_ALPHABET.length));
  return `${code.slice(0, 3)}-${code.slice(3)}`;
}

/** The canonical 'XXX-XXX' form of a typed code (any case, spaces or dashes), or null. */
export function normalizeBookingCode(input: string): string | null {
  const code = input
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\p{Pd}\u2212]/gu, '');
  return VALID.test(code) ? `${code.slice(0, 3)}-${code.slice(3)}` : null;
}
