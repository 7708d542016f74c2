import {
  getCountryCallingCode,
  type CountryCode,
  isSupportedCountry,
  parsePhoneNumberFromString,
} from 'libphonenumber-js/max';

export type MobileResult =
  | { ok: true; e164: string; country: string }
  | { ok: false; reason: 'INVALID' | 'NOT_MOBILE' | 'COUNTRY_NOT_ALLOWED' };

// Only what people type around a number: digits, +, brackets, separators. Anything else (letters,
// "ext. 5") is refused rather than letting the parser pick a number out of free text.
const ALLOWED = /^[\d+()\-./ ]*$/;
// 'FIXED_LINE_OR_MOBILE' is how the metadata types numbers in countries that do not tell them
// apart (e.g. the US); an SMS may reach them.
const MOBILE_TYPES = new Set(['MOBILE', 'FIXED_LINE_OR_MOBILE']);

function countryCode(country: string): CountryCode {
  const upper = country.toUpperCase();
  if (!isSupportedCountry(upper)) throw new RangeError(`unknown country: ${country}`);
  return upper;
}

/** The E.164 form of a mobile number in one of the allowed countries, or why not. */
export function normalizeMobile(
  input: string,
  allowedCountries: readonly string[] = ['DE', 'AT', 'CH'],
  defaultCountry = 'DE',
): MobileResult {
  const allowed = allowedCountries.map(countryCode);
  const fallback = countryCode(defaultCountry);
  const text = input
    .normalize('NFKC')
    .replace(/[\p{Zs}\u200B\u2060\uFEFF\t]/gu, ' ')
    .replace(/[\p{Pd}\u2212]/gu, '-')
    .trim();
  if (!/\d/.test(text) || !ALLOWED.test(text)) return { ok: false, reason: 'INVALID' };

  const number = parsePhoneNumberFromString(text, { defaultCountry: fallback });
  if (!number) return { ok: false, reason: 'INVALID' };
  // Checked before validity, so that a plausible foreign number is not just called invalid.
  const codes = new Set(allowed.map((c) => getCountryCallingCode(c)));
  if (!codes.has(number.countryCallingCode)) return { ok: false, reason: 'COUNTRY_NOT_ALLOWED' };
  if (!number.isValid()) return { ok: false, reason: 'INVALID' };
  // Shared calling codes (+1, +7): the code matched, the country itself may still be another.
  if (!number.country || !allowed.includes(number.country))
    return { ok: false, reason: 'COUNTRY_NOT_ALLOWED' };
  if (!MOBILE_TYPES.has(number.getType() ?? '')) return { ok: false, reason: 'NOT_MOBILE' };
  return { ok: true, e164: number.number, country: number.country };
}

/** '+49 171 •••• 567': country code, network prefix and the last three digits, for staff and logs. */
export function maskPhone(e164: string): string {
  const digits = e164.replace(/\D/g, '');
  const tail = digits.slice(-3);
  const number = parsePhoneNumberFromString(e164);
  const groups = number?.isValid() ? number.formatInternational().split(' ') : [];
  const [code, prefix] = groups;
  if (code && prefix && groups.length > 2) return `${code} ${prefix} •••• ${tail}`;
  return digits.length >= 7 ? `•••• ${tail}` : '••••';
}
