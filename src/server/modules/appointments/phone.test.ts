import { describe, it, expect } from 'vitest';
import { maskPhone, normalizeMobile } from './phone.js';

describe('normalizeMobile', () => {
  it.each([
    '0171 1234567',
    '0171/1234567',
    '0171-123 45 67',
    '+49 171 1234567',
    '0049 171 1234567',
    '+49 (0) 171 1234567',
    '+49 (0)171-1234567',
    '(0171) 1234567',
    '0171.123.45.67',
    '  0171 1234567  ',
    '0171\u00a0123\u202f45\u200967', // no-break, narrow no-break and thin spaces
    '0171\u2013123\u20114567', // en dash and non-breaking hyphen
    '\uff10\uff11\uff17\uff11 1234567', // full-width digits
  ])('reads the German mobile %j as +491711234567', (input) => {
    expect(normalizeMobile(input)).toEqual({ ok: true, e164: '+491711234567', country: 'DE' });
  });

  it('accepts Austrian and Swiss mobiles', () => {
    expect(normalizeMobile('+43 664 1234567')).toEqual({
      ok: true,
      e164: '+436641234567',
      country: 'AT',
    });
    expect(normalizeMobile('+41 79 123 45 67')).toEqual({
      ok: true,
      e164: '+41791234567',
      country: 'CH',
    });
  });

  it('reads numbers without a country code in the default country', () => {
    expect(normalizeMobile('0664 1234567', ['AT'], 'AT')).toMatchObject({ e164: '+436641234567' });
  });

  it('refuses a landline as NOT_MOBILE', () => {
    expect(normalizeMobile('089 1234567')).toEqual({ ok: false, reason: 'NOT_MOBILE' });
    expect(normalizeMobile('+43 1 5131234')).toEqual({ ok: false, reason: 'NOT_MOBILE' });
  });

  it.each(['01234', '', '   ', 'abc', 'call me', 'call me 0171 1234567', '0171 1234567 ext. 5'])(
    'refuses %j as INVALID',
    (input) => {
      expect(normalizeMobile(input)).toEqual({ ok: false, reason: 'INVALID' });
    },
  );

  it('refuses numbers of other countries as COUNTRY_NOT_ALLOWED', () => {
    for (const input of ['+44 7700 900123', '+44 7911 123456', '+1 212 555 0123', '+1 555 123']) {
      expect(normalizeMobile(input)).toEqual({ ok: false, reason: 'COUNTRY_NOT_ALLOWED' });
    }
    expect(normalizeMobile('+43 664 1234567', ['DE'])).toEqual({
      ok: false,
      reason: 'COUNTRY_NOT_ALLOWED',
    });
  });

  it('accepts FIXED_LINE_OR_MOBILE where a country does not tell them apart', () => {
    expect(normalizeMobile('+1 212 555 0123', ['US'])).toEqual({
      ok: true,
      e164: '+12125550123',
      country: 'US',
    });
    // Canada shares +1 with the US but is not allowed.
    expect(normalizeMobile('+1 416 555 0123', ['US'])).toEqual({
      ok: false,
      reason: 'COUNTRY_NOT_ALLOWED',
    });
  });

  it('rejects unknown country codes in its configuration', () => {
    expect(() => normalizeMobile('0171 1234567', ['XX'])).toThrow(RangeError);
  });
});

describe('maskPhone', () => {
  it('shows country code, network prefix and the last three digits only', () => {
    expect(maskPhone('+491711234567')).toBe('+49 171 •••• 567');
    expect(maskPhone('+436641234567')).toBe('+43 664 •••• 567');
    expect(maskPhone('+41791234567')).toBe('+41 79 •••• 567');
  });

  it('hides all but the last three digits of a number it cannot format', () => {
    expect(maskPhone('+999123456789')).toBe('•••• 789');
    expect(maskPhone('+4912')).toBe('••••');
  });
});
