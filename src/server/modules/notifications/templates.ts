/**
 * Fills message templates. Dates and times are formatted in the office's zone with our own
 * name tables, so the result depends neither on the process zone nor on the ICU build.
 */
import { DateTime } from 'luxon';
import type { Locale } from '../../../shared/locale.js';
import { DEFAULT_TEXTS, type MessageTemplates, type NotificationKind } from './message-texts.js';

export { DEFAULT_TEXTS, NOTIFICATION_KINDS } from './message-texts.js';
export type { MessageTemplates, NotificationKind } from './message-texts.js';

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;

/** Names used in a template, in order of first use; throws on a malformed '{{'. */
export function placeholders(template: string): string[] {
  const literal = template.replace(PLACEHOLDER, '');
  if (literal.includes('{{') || literal.includes('}}')) {
    throw new SyntaxError(`malformed placeholder in template: ${template.slice(0, 60)}`);
  }
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((match) => match[1] ?? ''))];
}

/** Replaces {{name}} with vars.name verbatim; an unknown name throws so typos surface. */
export function render(template: string, vars: Readonly<Record<string, string>>): string {
  const unknown = placeholders(template).filter((name) => !Object.hasOwn(vars, name));
  if (unknown.length) throw new RangeError(`unknown placeholder {{${unknown.join('}}, {{')}}}`);
  return template.replace(PLACEHOLDER, (_match, name: string) => vars[name] ?? '');
}

const MONTHS_DE =
  'Januar Februar März April Mai Juni Juli August September Oktober November Dezember';
const MONTHS_EN =
  'January February March April May June July August September October November December';
const NAMES = {
  de: {
    weekdaysShort: ['Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa', 'So'],
    weekdays: ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'],
    months: MONTHS_DE.split(' '),
  },
  en: {
    weekdaysShort: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
    weekdays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
    months: MONTHS_EN.split(' '),
  },
} satisfies Record<Locale, unknown>;

function inZone(date: Date, timeZone: string): DateTime {
  const local = DateTime.fromJSDate(date, { zone: timeZone });
  if (!local.isValid) throw new RangeError(`invalid date or time zone ${timeZone}`);
  return local;
}

/**
 * 'short': 'Do 03.12.2026' / 'Thu 3 Dec 2026' (no numeric English date: 03/12 reads differently
 * in the UK and the US). 'long': 'Donnerstag, 3. Dezember 2026' / 'Thursday, 3 December 2026'.
 */
export function formatDate(
  date: Date,
  timeZone: string,
  lang: Locale,
  style: 'short' | 'long' = 'short',
): string {
  return localDate(inZone(date, timeZone), lang, style);
}

function localDate(local: DateTime, lang: Locale, style: 'short' | 'long'): string {
  const names = NAMES[lang];
  const weekday = local.weekday - 1; // luxon: 1 = Monday
  const month = names.months[local.month - 1] ?? '';
  if (lang === 'de') {
    return style === 'short'
      ? `${names.weekdaysShort[weekday]} ${two(local.day)}.${two(local.month)}.${local.year}`
      : `${names.weekdays[weekday]}, ${local.day}. ${month} ${local.year}`;
  }
  return style === 'short'
    ? `${names.weekdaysShort[weekday]} ${local.day} ${month.slice(0, 3)} ${local.year}`
    : `${names.weekdays[weekday]}, ${local.day} ${month} ${local.year}`;
}

/** 24-hour wall-clock time in the office's zone, '09:30', for both languages. */
export function formatTime(date: Date, timeZone: string): string {
  return localTime(inZone(date, timeZone));
}

const two = (n: number) => String(n).padStart(2, '0');
const localTime = (local: DateTime) => `${two(local.hour)}:${two(local.minute)}`;

export interface AppointmentMessageData {
  officeName: string;
  /** The office's IANA zone; all dates and times are shown in it. */
  timeZone: string;
  start: Date;
  /** Booking code the citizen quotes, e.g. 'K7M-4QX'. */
  code: string;
  joinUrl: string;
  /** Where the citizen cancels or reschedules. */
  manageUrl: string;
  /** booking_rescheduled only: the start before the change. */
  previousStart?: Date;
}

/** Per-office wording; any field left out falls back to the default. */
export type TemplateOverrides = Partial<
  Record<Locale, Partial<Record<NotificationKind, Partial<MessageTemplates>>>>
>;

export interface ComposedMessages {
  sms: string;
  email: { subject: string; text: string };
}

export function messageVars(lang: Locale, data: AppointmentMessageData): Record<string, string> {
  const { timeZone, previousStart } = data;
  const start = inZone(data.start, timeZone); // one conversion per date (luxon is the cost here)
  const vars: Record<string, string> = {
    office: data.officeName,
    date: localDate(start, lang, 'short'),
    dateLong: localDate(start, lang, 'long'),
    time: localTime(start),
    code: data.code,
    joinUrl: data.joinUrl,
    manageUrl: data.manageUrl,
  };
  if (previousStart) {
    const before = inZone(previousStart, timeZone);
    vars.oldDate = localDate(before, lang, 'short');
    vars.oldDateLong = localDate(before, lang, 'long');
    vars.oldTime = localTime(before);
  }
  return vars;
}

export function composeMessages(
  kind: NotificationKind,
  lang: Locale,
  data: AppointmentMessageData,
  overrides: TemplateOverrides = {},
): ComposedMessages {
  const override = overrides[lang]?.[kind] ?? {};
  const vars = messageVars(lang, data);
  // An office's own wording; when it cannot be rendered (a placeholder misspelt), the default:
  // a confirmation must go out even when a template is broken.
  const text = (field: keyof MessageTemplates): string => {
    const own = override[field];
    if (own) {
      try {
        return render(own, vars);
      } catch {
        // fall through to the default
      }
    }
    return render(DEFAULT_TEXTS[lang][kind][field], vars);
  };
  // The e-mail only when asked for: most bookings give no address.
  return {
    sms: text('sms'),
    get email() {
      return { subject: text('emailSubject'), text: text('emailBody') };
    },
  };
}
