/**
 * Default wording of appointment messages. SMS texts use only GSM-7 characters (no en dash, no
 * „quotes“) and stay within two segments with realistic values — see templates.test.ts.
 *
 * Placeholders: {{office}} {{date}} {{dateLong}} {{time}} {{code}} {{joinUrl}} {{manageUrl}};
 * booking_rescheduled also has {{oldDate}} {{oldDateLong}} {{oldTime}}.
 */
import type { Locale } from '../../../shared/locale.js';

export const NOTIFICATION_KINDS = [
  'booking_confirmed',
  'booking_reminder',
  'booking_cancelled',
  'booking_rescheduled',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface MessageTemplates {
  sms: string;
  emailSubject: string;
  emailBody: string;
}

const DE_FOOTER =
  '\n\nMit freundlichen Grüßen\n{{office}}\n\n' +
  'Diese Nachricht wurde automatisch erstellt. Bitte antworten Sie nicht darauf.';
const EN_FOOTER =
  '\n\nKind regards\n{{office}}\n\n' +
  'This message was sent automatically. Please do not reply to it.';

const DE_JOIN =
  'Zum Videotermin: {{joinUrl}}\n' +
  'Bitte halten Sie Ihren Buchungscode {{code}} bereit.\n\n' +
  'Absagen oder verschieben: {{manageUrl}}';
const EN_JOIN =
  'Join the video call: {{joinUrl}}\n' +
  'Please have your booking code {{code}} ready.\n\n' +
  'Cancel or change: {{manageUrl}}';

export const DEFAULT_TEXTS: Readonly<Record<Locale, Record<NotificationKind, MessageTemplates>>> = {
  de: {
    booking_confirmed: {
      sms:
        'Termin bestätigt: {{office}}, {{date}} um {{time}} Uhr. Buchungscode {{code}}. ' +
        'Video: {{joinUrl}} Absagen/ändern: {{manageUrl}}',
      emailSubject: 'Terminbestätigung: {{dateLong}}, {{time}} Uhr',
      emailBody:
        'Guten Tag,\n\nIhr Termin ist gebucht:\n{{office}}\n{{dateLong}}, {{time}} Uhr\n\n' +
        DE_JOIN +
        '\n\nMit der angehängten Kalenderdatei können Sie den Termin in Ihren Kalender übernehmen.' +
        DE_FOOTER,
    },
    booking_reminder: {
      sms:
        'Erinnerung an Ihren Termin: {{office}}, {{date}} um {{time}} Uhr. ' +
        'Video: {{joinUrl}} Absagen/ändern: {{manageUrl}}',
      emailSubject: 'Erinnerung: Ihr Termin am {{dateLong}}, {{time}} Uhr',
      emailBody:
        'Guten Tag,\n\nwir erinnern Sie an Ihren Termin:\n{{office}}\n{{dateLong}}, {{time}} Uhr\n\n' +
        DE_JOIN +
        DE_FOOTER,
    },
    booking_cancelled: {
      sms: 'Termin storniert: {{office}}, {{date}} um {{time}} Uhr (Buchungscode {{code}}).',
      emailSubject: 'Termin storniert: {{dateLong}}, {{time}} Uhr',
      emailBody:
        'Guten Tag,\n\nIhr Termin wurde storniert:\n{{office}}\n{{dateLong}}, {{time}} Uhr\n' +
        'Buchungscode {{code}}\n\n' +
        'Mit der angehängten Kalenderdatei entfernen Sie den Termin aus Ihrem Kalender.' +
        DE_FOOTER,
    },
    booking_rescheduled: {
      sms:
        'Termin verschoben: {{office}}, neu {{date}} um {{time}} Uhr (bisher {{oldDate}} ' +
        '{{oldTime}}). Video: {{joinUrl}} Absagen/ändern: {{manageUrl}}',
      emailSubject: 'Termin verschoben auf {{dateLong}}, {{time}} Uhr',
      emailBody:
        'Guten Tag,\n\nIhr Termin wurde verschoben.\n{{office}}\n' +
        'Neu: {{dateLong}}, {{time}} Uhr\nBisher: {{oldDateLong}}, {{oldTime}} Uhr\n\n' +
        DE_JOIN +
        '\n\nDie angehängte Kalenderdatei aktualisiert den Eintrag in Ihrem Kalender.' +
        DE_FOOTER,
    },
  },
  en: {
    booking_confirmed: {
      sms:
        'Appointment confirmed: {{office}}, {{date}} at {{time}}. Booking code {{code}}. ' +
        'Video: {{joinUrl}} Cancel/change: {{manageUrl}}',
      emailSubject: 'Appointment confirmed: {{dateLong}}, {{time}}',
      emailBody:
        'Hello,\n\nyour appointment is booked:\n{{office}}\n{{dateLong}}, {{time}}\n\n' +
        EN_JOIN +
        '\n\nOpen the attached calendar file to add the appointment to your calendar.' +
        EN_FOOTER,
    },
    booking_reminder: {
      sms:
        'Reminder of your appointment: {{office}}, {{date}} at {{time}}. ' +
        'Video: {{joinUrl}} Cancel/change: {{manageUrl}}',
      emailSubject: 'Reminder: your appointment on {{dateLong}}, {{time}}',
      emailBody:
        'Hello,\n\nthis is a reminder of your appointment:\n{{office}}\n{{dateLong}}, {{time}}\n\n' +
        EN_JOIN +
        EN_FOOTER,
    },
    booking_cancelled: {
      sms: 'Appointment cancelled: {{office}}, {{date}} at {{time}} (booking code {{code}}).',
      emailSubject: 'Appointment cancelled: {{dateLong}}, {{time}}',
      emailBody:
        'Hello,\n\nyour appointment has been cancelled:\n{{office}}\n{{dateLong}}, {{time}}\n' +
        'Booking code {{code}}\n\n' +
        'Open the attached calendar file to remove the appointment from your calendar.' +
        EN_FOOTER,
    },
    booking_rescheduled: {
      sms:
        'Appointment moved: {{office}}, now {{date}} at {{time}} (was {{oldDate}} ' +
        '{{oldTime}}). Video: {{joinUrl}} Cancel/change: {{manageUrl}}',
      emailSubject: 'Appointment moved to {{dateLong}}, {{time}}',
      emailBody:
        'Hello,\n\nyour appointment has been moved.\n{{office}}\n' +
        'New: {{dateLong}}, {{time}}\nPreviously: {{oldDateLong}}, {{oldTime}}\n\n' +
        EN_JOIN +
        '\n\nThe attached calendar file updates the entry in your calendar.' +
        EN_FOOTER,
    },
  },
};
