/**
 * German texts of the staff console — the reference language — after the texts shared with the
 * citizen pages (`src/web/lib/i18n/common.ts`). `en.ts` is typed as `Messages`, so a missing or
 * extra key fails the type check. Placeholders: `{name}`. Plurals: an object keyed by
 * Intl.PluralRules category.
 */
import { commonDe } from '../../lib/i18n/common.js';
import type { PluralMessage } from '../../lib/i18n/core.js';
import { appointmentsDe } from '../appointments/messages.js';

export const de = {
  ...commonDe,
  ...appointmentsDe,

  consoleTitle: 'Sachbearbeitung',
  pageTitleWaiting: '({count}) {page} – Virtuelles Bürgerbüro',
  loading: 'Wird geladen …',
  errorNetwork: 'Keine Verbindung zum Server. Bitte prüfen Sie die Internetverbindung.',
  errorGeneric: 'Ein Fehler ist aufgetreten. Bitte versuchen Sie es erneut.',

  loginTitle: 'Anmeldung für Mitarbeitende',
  loginIntro: 'Melden Sie sich mit Ihrer dienstlichen E-Mail-Adresse an.',
  emailLabel: 'E-Mail-Adresse',
  passwordLabel: 'Passwort',
  loginButton: 'Anmelden',
  loggingIn: 'Anmeldung läuft …',
  loggedOut: 'Sie haben sich abgemeldet.',
  loggedOutEverywhere: 'Sie haben sich auf allen Geräten abgemeldet.',
  sessionExpired: 'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.',
  loggedInAs: 'Angemeldet als',
  logout: 'Abmelden',
  logoutEverywhere: 'Überall abmelden',

  reconnecting: 'Verbindung wird wiederhergestellt …',

  dutyTitle: 'Dienst',
  dutyNone: 'Ihnen ist noch kein Büro zugeordnet. Bitte wenden Sie sich an die Verwaltung.',
  duty_available: 'Im Dienst',
  duty_paused: 'Pause',
  duty_off: 'Nicht im Dienst',
  dutyChanged: '{office}: {state}',

  queueTitle: 'Warteschlange {office}',
  queueLoading: 'Warteschlange wird geladen …',
  queueEmpty: 'Zurzeit ist niemand im Warteraum.',
  queuePaused: 'Sie machen Pause. Sie können trotzdem jemanden aufrufen.',
  colNumber: 'Nummer',
  colName: 'Name',
  colWaiting: 'Wartezeit',
  colPresence: 'Anwesenheit',
  colState: 'Status',
  colAction: 'Aktion',
  noName: '—',
  noNameHint: 'kein Name angegeben',
  waitedJustNow: 'seit weniger als 1 Min.',
  waitedMinutes: 'seit {count} Min.',
  waitedHours: 'seit {hours} Std. {minutes} Min.',
  present: 'Anwesend',
  notPresent: 'Nicht anwesend',
  state_waiting: 'Wartet',
  state_called: 'Aufgerufen',
  state_serving: 'Im Gespräch',
  state_done: 'Erledigt',
  state_left: 'Gegangen',
  state_absent: 'Abwesend',
  byStaff: '({name})',
  callNext: 'Nächste Person aufrufen',
  callNextEmpty: 'Niemand wartet.',
  callNextBusy: 'Beenden Sie zuerst Ihr laufendes Gespräch.',
  callTicket: 'Aufrufen',
  callTicketLabel: '{code} aufrufen',
  newArrival: 'Neue Person im Warteraum: {codes}',
  newArrivals: 'Neue Personen im Warteraum: {codes}',
  newArrivalIn: '{office} – neue Person im Warteraum: {codes}',
  newArrivalsIn: '{office} – neue Personen im Warteraum: {codes}',

  consultationTitle: 'Gespräch',
  consultationLoading: 'Gespräch wird geladen …',
  calling: '{code} wird aufgerufen …',
  callingName: '{code} ({name}) wird aufgerufen …',
  joinCountdown: 'Zeit zum Eintreten: noch {time}',
  notJoined: 'Noch nicht eingetreten',
  notJoinedHint:
    'Die Person hat das Gespräch noch nicht betreten. Rufen Sie erneut auf oder markieren Sie sie als abwesend, um die nächste Person aufzurufen.',
  recall: 'Erneut aufrufen',
  recalled: '{code} wird erneut aufgerufen.',
  markAbsent: 'Als abwesend markieren',
  markedAbsent: '{code} ist als abwesend markiert. Sie können die Person später erneut aufrufen.',
  activeWith: 'Gespräch mit {who}',
  citizenCode: 'Bürger:in {code}',
  joinedAt: 'Eingetreten um {time} Uhr',
  endButton: 'Gespräch beenden',
  endedByYou: 'Das Gespräch mit {code} ist beendet.',
  endedByCitizen: '{code} hat das Gespräch beendet.',
  consultationGone: 'Dieses Gespräch gibt es nicht mehr.',

  chatCitizen: 'Bürger:in',
  citizenTyping: 'Bürger:in schreibt …',

  cameraReadyTitle: 'Ihre Kamera',
  cameraReadyOff:
    'Kamera und Mikrofon sind aus und gehen erst beim Aufruf an. Eingeschaltet sehen Sie hier vorab Ihr Bild, und der Aufruf verbindet schneller.',
  cameraReadyOn: 'Kamera vorab einschalten',
  callLoading: 'Das Videogespräch wird geladen …',
  callUnavailable:
    'Das Videogespräch konnte nicht geladen werden. Der Chat funktioniert weiter; laden Sie die Seite neu, um es erneut zu versuchen.',
} satisfies Record<string, string | PluralMessage>;
