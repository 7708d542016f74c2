/**
 * German texts — the reference language. Every other language file must have the same keys
 * (`en.ts` is typed as `Messages`, so a missing or extra key fails the type check).
 * Placeholders: `{name}`. Plurals: an object keyed by Intl.PluralRules category.
 */
import type { PluralMessage } from './types.js';

export const de = {
  /** BCP 47 tag for dates and numbers. */
  intlLocale: 'de-DE',
  /** The language's own name, shown on the language switch. */
  languageName: 'Deutsch',

  appName: 'Virtuelles Bürgerbüro',
  skipLink: 'Zum Inhalt springen',
  switchLanguageHint: 'Sprache wechseln',
  footerPrivacy: 'Keine Cookies zur Verfolgung, keine Drittanbieter.',
  pageTitle: '{page} – Virtuelles Bürgerbüro',

  directoryTitle: 'Ämter und Büros',
  directoryIntro:
    'Hier sehen Sie, welches Büro gerade geöffnet ist und wie viele Personen warten. Wählen Sie ein Büro für alle Öffnungszeiten.',
  searchLabel: 'Büro suchen',
  searchHint: 'Name oder Thema, zum Beispiel „Gewerbe“ oder „Ausweis“',
  resultsFound: { one: '{count} Büro gefunden', other: '{count} Büros gefunden' },
  resultsOfTotal: '{shown} von {total} Büros',
  noResults: 'Kein Büro passt zu „{query}“. Versuchen Sie ein anderes Wort.',
  noOffices: 'Zurzeit sind keine Büros eingerichtet.',
  loadingOffices: 'Büros werden geladen …',
  loadingOffice: 'Büro wird geladen …',
  updatedAt: 'Stand: {time} Uhr',
  refreshFailed: 'Die Anzeige konnte nicht aktualisiert werden.',
  errorTitle: 'Das hat leider nicht geklappt',
  errorNetwork: 'Keine Verbindung zum Server. Bitte prüfen Sie Ihre Internetverbindung.',
  errorGeneric: 'Ein Fehler ist aufgetreten. Bitte versuchen Sie es später erneut.',
  retry: 'Erneut versuchen',

  status_closed: 'Geschlossen',
  status_open_free: 'Geöffnet – frei',
  status_open_busy: 'Geöffnet – alle beschäftigt',
  status_open_unstaffed: 'Geöffnet – gerade niemand im Dienst',
  statusChanged: '{name}: jetzt {status}',
  manyStatusChanged: {
    one: '{count} Büro hat seinen Status geändert',
    other: '{count} Büros haben ihren Status geändert',
  },

  waitingNone: 'Niemand wartet',
  waiting: { one: '{count} Person wartet', other: '{count} Personen warten' },

  todayHours: 'Heute {hours}',
  todaySpecialHours: 'Heute abweichend {hours}',
  todayClosed: 'Heute geschlossen',
  todayClosedReason: 'Heute geschlossen ({reason})',
  opensToday: 'Öffnet heute um {time}',
  opensTomorrow: 'Öffnet morgen um {time}',
  opensOn: 'Öffnet am {date}, um {time}',
  opensUnknown: 'Zurzeit ist keine Öffnung geplant',
  openUntil: 'Bis {time} geöffnet',
  openUntilTomorrow: 'Bis morgen, {time}, geöffnet',
  openUntilDate: 'Bis {date}, {time}, geöffnet',

  backToList: 'Zurück zur Übersicht',
  openingHoursTitle: 'Öffnungszeiten',
  columnDay: 'Tag',
  columnHours: 'Uhrzeit',
  closed: 'geschlossen',
  todayMarker: 'heute',
  timeZoneNote: 'Alle Zeiten in der Ortszeit des Büros ({zone}).',
  exceptionsTitle: 'Abweichende Öffnungszeiten',
  exceptionsNone: 'In den nächsten 90 Tagen gelten die regulären Öffnungszeiten.',
  exceptionOpen: 'Geöffnet {hours}',
  notFoundTitle: 'Büro nicht gefunden',
  notFoundText: 'Dieses Büro gibt es nicht. Bitte wählen Sie ein Büro aus der Übersicht.',
} satisfies Record<string, string | PluralMessage>;
