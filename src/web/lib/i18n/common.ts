/**
 * Texts the citizen pages and the staff console share (language, brand, connection, queue length,
 * the consultation chat). Each page's message files spread them in, so they read the same
 * everywhere; `commonEn` is typed against `commonDe` like every other English file.
 */
import type { MessagesOf, PluralMessage } from './core.js';

export const commonDe = {
  /** BCP 47 tag for dates and numbers. */
  intlLocale: 'de-DE',
  /** The language's own name, shown on the language switch. */
  languageName: 'Deutsch',

  appName: 'Virtuelles Bürgerbüro',
  pageTitle: '{page} – Virtuelles Bürgerbüro',
  skipLink: 'Zum Inhalt springen',
  switchLanguageHint: 'Sprache wechseln',
  retry: 'Erneut versuchen',

  connecting: 'Verbindung wird hergestellt …',
  connected: 'Verbunden',

  waitingNone: 'Niemand wartet',
  waiting: { one: '{count} Person wartet', other: '{count} Personen warten' },

  chatLabel: 'Nachrichten',
  chatEmpty: 'Noch keine Nachrichten.',
  chatYou: 'Sie',
  chatSent: 'gesendet',
  chatDelivered: 'zugestellt',
  chatInputLabel: 'Ihre Nachricht',
  chatInputHint: 'Die Eingabetaste sendet. Umschalt und Eingabetaste beginnen eine neue Zeile.',
  chatSend: 'Senden',
  chatSending: 'Wird gesendet …',
} satisfies Record<string, string | PluralMessage>;

export const commonEn: MessagesOf<typeof commonDe> = {
  intlLocale: 'en-GB',
  languageName: 'English',

  appName: 'Virtual Citizen Office',
  pageTitle: '{page} – Virtual Citizen Office',
  skipLink: 'Skip to content',
  switchLanguageHint: 'Change language',
  retry: 'Try again',

  connecting: 'Connecting …',
  connected: 'Connected',

  waitingNone: 'Nobody waiting',
  waiting: { one: '{count} person waiting', other: '{count} people waiting' },

  chatLabel: 'Messages',
  chatEmpty: 'No messages yet.',
  chatYou: 'You',
  chatSent: 'sent',
  chatDelivered: 'delivered',
  chatInputLabel: 'Your message',
  chatInputHint: 'Enter sends. Shift and Enter start a new line.',
  chatSend: 'Send',
  chatSending: 'Sending …',
};
