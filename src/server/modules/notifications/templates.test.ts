import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../shared/locale.js';
import { isGsm7, segmentCount } from './sms-encoding.js';
import {
  composeMessages,
  DEFAULT_TEXTS,
  formatDate,
  formatTime,
  NOTIFICATION_KINDS,
  placeholders,
  render,
  type AppointmentMessageData,
} from './templates.js';

const ZONE = 'Europe/Berlin';
const berlin = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).toJSDate();

/** Realistic values: the longest office names we expect, real link lengths. */
const DATA: AppointmentMessageData = {
  officeName: 'Bürgerbüro Süd',
  timeZone: ZONE,
  start: berlin('2026-12-03T09:30'),
  previousStart: berlin('2026-11-30T14:00'),
  code: 'K7M-4QX',
  joinUrl: 'https://buergerbuero.example/t/AbC123xyz',
  manageUrl: 'https://buergerbuero.example/m/Qr7TzW2p',
};

describe('render', () => {
  it('inserts values verbatim, also with spaces inside the braces', () => {
    expect(render('Hallo {{name}}, {{ code }}!', { name: '<b>Ä&Ö</b>', code: '{{x}}' })).toBe(
      'Hallo <b>Ä&Ö</b>, {{x}}!',
    );
  });

  it('throws on an unknown placeholder so a typo fails the test', () => {
    expect(() => render('Termin am {{datum}}', { date: 'x' })).toThrow(/\{\{datum\}\}/);
    expect(() => render('{{constructor}}', {})).toThrow(RangeError);
  });

  it('throws on a malformed placeholder', () => {
    expect(() => render('Termin {{date', { date: 'x' })).toThrow(SyntaxError);
    expect(() => placeholders('{{ 1x }}')).toThrow(SyntaxError);
  });

  it('lists placeholders once, in order', () => {
    expect(placeholders('{{a}} {{b}} {{a}}')).toEqual(['a', 'b']);
  });
});

describe('date and time formatting', () => {
  it('shows the office wall-clock time whatever the process zone (tests run in UTC)', () => {
    expect(formatTime(berlin('2026-12-03T09:30'), ZONE)).toBe('09:30');
    expect(formatTime(berlin('2026-07-15T09:30'), ZONE)).toBe('09:30');
    expect(formatTime(berlin('2026-03-29T03:30'), ZONE)).toBe('03:30');
  });

  it('formats dates per language', () => {
    const start = berlin('2026-12-03T00:15'); // still 2 Dec in UTC
    expect(formatDate(start, ZONE, 'de')).toBe('Do 03.12.2026');
    expect(formatDate(start, ZONE, 'de', 'long')).toBe('Donnerstag, 3. Dezember 2026');
    expect(formatDate(start, ZONE, 'en')).toBe('Thu 3 Dec 2026');
    expect(formatDate(start, ZONE, 'en', 'long')).toBe('Thursday, 3 December 2026');
  });

  it('rejects an unknown zone', () => {
    expect(() => formatTime(new Date(), 'Europe/Nowhere')).toThrow(RangeError);
  });
});

describe('composeMessages', () => {
  it('writes the German confirmation in GSM-7 within two SMS segments', () => {
    const { sms, email } = composeMessages('booking_confirmed', 'de', DATA);
    expect(sms).toBe(
      'Termin bestätigt: Bürgerbüro Süd, Do 03.12.2026 um 09:30 Uhr. Buchungscode K7M-4QX. ' +
        'Video: https://buergerbuero.example/t/AbC123xyz ' +
        'Absagen/ändern: https://buergerbuero.example/m/Qr7TzW2p',
    );
    expect(isGsm7(sms)).toBe(true);
    expect(segmentCount(sms)).toBeLessThanOrEqual(2);
    expect(email.subject).toBe('Terminbestätigung: Donnerstag, 3. Dezember 2026, 09:30 Uhr');
    expect(email.text).toContain('https://buergerbuero.example/t/AbC123xyz');
    expect(email.text).toContain('K7M-4QX');
  });

  it.each(LOCALES.flatMap((lang) => NOTIFICATION_KINDS.map((kind) => [lang, kind] as const)))(
    '%s %s: every default renders, SMS is GSM-7 in at most two segments',
    (lang, kind) => {
      const { sms, email } = composeMessages(kind, lang, DATA);
      expect(isGsm7(sms)).toBe(true);
      expect(segmentCount(sms)).toBeLessThanOrEqual(2);
      expect(sms).toContain('09:30');
      expect(email.subject).not.toBe('');
      expect(email.text).toContain('Bürgerbüro Süd');
    },
  );

  it('mentions the old and the new time when rescheduled', () => {
    const { sms, email } = composeMessages('booking_rescheduled', 'en', DATA);
    expect(sms).toContain('now Thu 3 Dec 2026 at 09:30 (was Mon 30 Nov 2026 14:00)');
    expect(email.text).toContain('Previously: Monday, 30 November 2026, 14:00');
  });

  it('throws when a kind needs the previous start but none was given', () => {
    const withoutPrevious = { ...DATA, previousStart: undefined };
    expect(() => composeMessages('booking_rescheduled', 'de', withoutPrevious)).toThrow(/oldDate/);
  });

  it('applies per-office overrides field by field and checks their placeholders', () => {
    const overrides = { de: { booking_reminder: { sms: 'Morgen {{time}} Uhr: {{office}}' } } };
    const { sms, email } = composeMessages('booking_reminder', 'de', DATA, overrides);
    expect(sms).toBe('Morgen 09:30 Uhr: Bürgerbüro Süd');
    expect(email.subject).toBe(
      render(DEFAULT_TEXTS.de.booking_reminder.emailSubject, {
        dateLong: 'Donnerstag, 3. Dezember 2026',
        time: '09:30',
      }),
    );
    // A misspelt placeholder in an office's wording falls back to the default text: the
    // message must go out (render() itself throws, so the defaults are checked in tests).
    const typo = { de: { booking_reminder: { sms: 'Morgen {{zeit}}' } } };
    expect(composeMessages('booking_reminder', 'de', DATA, typo).sms).toBe(
      composeMessages('booking_reminder', 'de', DATA).sms,
    );
  });
});
