import { describe, expect, it } from 'vitest';
import {
  DATA_CODING_GSM,
  DATA_CODING_UCS2,
  decodeSms,
  encodeSms,
  isGsm7,
  readUdh,
  segmentCount,
} from './sms-encoding.js';

/** Joins the parts the way a handset does. */
function reassemble(text: string, reference = 0): string {
  const sms = encodeSms(text, reference);
  return sms.parts.map((part) => decodeSms(sms.dataCoding, part, sms.concatenated)).join('');
}

const GERMAN = 'Termin am 03.12. um 09:30 – Bürgerbüro Süd, Gebühr 5 €';
const GERMAN_GSM = 'Termin am 03.12. um 09:30 - Bürgerbüro Süd, Gebühr 5 € (Straße Ä/Ö/Ü/ß)';

describe('encodeSms', () => {
  it('sends German umlauts, ß and € as GSM-7, € costing two septets', () => {
    const sms = encodeSms(GERMAN_GSM);
    expect(sms.dataCoding).toBe(DATA_CODING_GSM);
    expect(sms.parts).toHaveLength(1);
    expect(sms.units).toBe([...GERMAN_GSM].length + 1);
    expect(sms.parts[0]?.includes(Buffer.of(0x1b, 0x65))).toBe(true);
    expect(decodeSms(0, sms.parts[0] ?? Buffer.alloc(0))).toBe(GERMAN_GSM);
  });

  it('falls back to UCS-2 for an en dash, which GSM-7 lacks', () => {
    const sms = encodeSms(GERMAN);
    expect(sms.dataCoding).toBe(DATA_CODING_UCS2);
    expect(sms.parts[0]?.subarray(0, 4)).toEqual(Buffer.of(0x00, 0x54, 0x00, 0x65)); // "Te" BE
    expect(reassemble(GERMAN)).toBe(GERMAN);
  });

  it('counts every extension character as two septets', () => {
    const ext = '€[]{}~\\^|\f';
    expect(isGsm7(ext)).toBe(true);
    expect(encodeSms(ext).units).toBe(20);
    expect(reassemble(ext)).toBe(ext);
  });

  it.each([
    ['Cyrillic', 'Ваш термин подтверждён'],
    ['Arabic', 'تم تأكيد موعدك'],
    ['Turkish ğ', 'Randevunuz onaylandı, Doğan'],
    ['emoji', 'Bis bald 👋'],
    ['ç (GSM has only Ç)', 'Français: ça va'],
  ])('uses UCS-2 for %s and round-trips', (_name, text) => {
    const sms = encodeSms(text);
    expect(sms.dataCoding).toBe(DATA_CODING_UCS2);
    expect(reassemble(text)).toBe(text);
  });

  it('fits exactly 160 septets into one message and splits 161 into 153 + 8', () => {
    expect(encodeSms('a'.repeat(160)).parts).toHaveLength(1);
    expect(encodeSms('a'.repeat(160)).concatenated).toBe(false);
    const long = encodeSms('a'.repeat(161), 42);
    expect(long.concatenated).toBe(true);
    expect(long.parts.map((part) => part.length)).toEqual([6 + 153, 6 + 8]);
    expect(long.parts[0]?.subarray(0, 6)).toEqual(Buffer.of(5, 0, 3, 42, 2, 1));
    expect(long.parts[1]?.subarray(0, 6)).toEqual(Buffer.of(5, 0, 3, 42, 2, 2));
  });

  it('counts a € at the single-message limit as two septets', () => {
    expect(segmentCount('a'.repeat(158) + '€')).toBe(1); // 160 septets
    expect(segmentCount('a'.repeat(159) + '€')).toBe(2); // 161 septets
  });

  it('never splits an escape pair across parts', () => {
    // 152 septets, then € (2) would end at 154 > 153: it must move whole to part 2
    const sms = encodeSms('a'.repeat(152) + '€' + 'b'.repeat(10));
    expect(sms.parts[0]?.length).toBe(6 + 152);
    expect(sms.parts[1]?.subarray(6, 8)).toEqual(Buffer.of(0x1b, 0x65));
    expect(reassemble('a'.repeat(152) + '€' + 'b'.repeat(10))).toBe(
      'a'.repeat(152) + '€' + 'b'.repeat(10),
    );
  });

  it('uses 70 / 67 UCS-2 units and never splits a surrogate pair', () => {
    expect(segmentCount('ж'.repeat(70))).toBe(1);
    expect(segmentCount('ж'.repeat(71))).toBe(2);
    expect(segmentCount('👋'.repeat(35))).toBe(1); // 70 code units
    const text = 'ж'.repeat(66) + '👋' + 'ж'.repeat(5); // 73 units: the pair would end at 68
    const sms = encodeSms(text);
    expect(sms.parts.map((part) => part.length)).toEqual([6 + 66 * 2, 6 + (2 + 5) * 2]);
    expect(reassemble(text)).toBe(text);
  });

  it('keeps every part within 140 octets on air and numbers parts in order', () => {
    const text = 'Bürgerbüro Süd: Gebühr 5 € [bar]. '.repeat(12);
    const sms = encodeSms(text, 300);
    expect(sms.dataCoding).toBe(DATA_CODING_GSM);
    for (const [index, part] of sms.parts.entries()) {
      const septets = part.length - 6;
      expect(6 * 8 + septets * 7).toBeLessThanOrEqual(140 * 8);
      expect(readUdh(part).concat).toEqual({
        reference: 300 & 0xff,
        total: sms.parts.length,
        sequence: index + 1,
      });
    }
    expect(reassemble(text, 300)).toBe(text);
  });

  it('encodes an empty text as one empty message', () => {
    expect(encodeSms('')).toEqual({
      dataCoding: 0,
      parts: [Buffer.alloc(0)],
      concatenated: false,
      units: 0,
    });
  });
});

describe('decodeSms', () => {
  it('shows the basic character for an unknown extension code', () => {
    expect(decodeSms(0, Buffer.of(0x1b, 0x41))).toBe('A');
  });

  it('rejects data codings it does not know', () => {
    expect(() => decodeSms(3, Buffer.of(0x41))).toThrow(RangeError);
  });
});
