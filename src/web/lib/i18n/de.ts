/**
 * German texts of the citizen pages — the reference language — after the texts shared with the
 * staff console (`common.ts`). `en.ts` is typed as `Messages`, so a missing or extra key fails
 * the type check. Placeholders: `{name}`. Plurals: an object keyed by Intl.PluralRules category.
 */
import { commonDe } from './common.js';
import type { PluralMessage } from './core.js';

export const de = {
  ...commonDe,

  footerPrivacy: 'Keine Cookies zur Verfolgung, keine Drittanbieter.',

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

  status_closed: 'Geschlossen',
  status_open_free: 'Geöffnet – frei',
  status_open_busy: 'Geöffnet – alle beschäftigt',
  status_open_unstaffed: 'Geöffnet – gerade niemand im Dienst',
  statusChanged: '{name}: jetzt {status}',
  manyStatusChanged: {
    one: '{count} Büro hat seinen Status geändert',
    other: '{count} Büros haben ihren Status geändert',
  },

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

  enterTitle: 'Ins Büro eintreten',
  enterIntro:
    'Sie bekommen eine Wartenummer und warten im virtuellen Warteraum. Wir sagen Ihnen Bescheid, wenn Sie dran sind.',
  nameLabel: 'Ihr Name (freiwillig)',
  nameHint: 'Damit die Mitarbeitenden Sie mit Namen ansprechen können.',
  privacyTitle: 'Was wir speichern',
  privacyText:
    'Nur Ihre Wartenummer, Ihren Namen (wenn Sie ihn angeben) und wann Sie gewartet und gesprochen haben. Den Namen löschen wir am Ende des Tages. Sie brauchen kein Konto, und wir verfolgen Sie nicht.',
  privacyDevice: 'Ihr Browser merkt sich die Wartenummer, damit Sie Ihren Platz nicht verlieren.',
  enterButton: 'Eintreten',
  entering: 'Einen Moment bitte …',
  enterClosed:
    'Das Büro ist gerade geschlossen. Sie können eintreten, sobald es wieder geöffnet ist.',
  enterUnstaffed:
    'Gerade ist niemand im Dienst. Sie können eintreten, sobald wieder jemand da ist. Diese Seite zeigt es Ihnen von selbst an.',
  haveTicket: 'Sie haben bereits die Wartenummer {code}.',
  haveTicketUnknown: 'Sie haben bereits eine Wartenummer für dieses Büro.',
  haveTicketCalled: 'Sie werden gerade aufgerufen!',
  backToLobby: 'Zurück zum Warteraum',

  bookTitle: 'Termin vereinbaren',
  bookIntro:
    'Lieber zu einer festen Zeit? Buchen Sie einen Termin. Die Bestätigung kommt per SMS, und zur Terminzeit sind Sie vor allen ohne Termin dran.',
  bookLink: 'Termin buchen',
  yourAppointment: 'Ihr Termin: {date}, {time} Uhr',
  showAppointment: 'Termin ansehen, verschieben oder absagen',
  loadingPage: 'Seite wird geladen …',
  pageLoadFailed:
    'Die Seite konnte nicht geladen werden. Bitte prüfen Sie Ihre Internetverbindung und laden Sie die Seite neu.',

  lobbyTitle: 'Warteraum',
  yourTicket: 'Ihre Wartenummer',
  noTicketTitle: 'Keine Wartenummer',
  noTicketText: 'Für dieses Büro hat dieser Browser keine Wartenummer.',
  toOffice: 'Zur Seite des Büros',
  placeLabel: 'Ihr Platz in der Reihe',
  ahead: { one: 'Vor Ihnen wartet {count} Person.', other: 'Vor Ihnen warten {count} Personen.' },
  aheadNone: 'Vor Ihnen wartet niemand mehr – Sie sind als Nächstes dran.',
  waitLabel: 'Voraussichtliche Wartezeit',
  waitRange: 'etwa {min}–{max} Minuten',
  waitUpTo: 'bis zu etwa {max} Minuten',
  waitFewMinutes: 'in wenigen Minuten',
  waitNote: 'Das ist eine Schätzung. Es kann schneller oder langsamer gehen.',
  waitUnstaffed:
    'Gerade ist niemand im Dienst. Ihr Platz bleibt erhalten. Es geht weiter, sobald wieder jemand da ist.',
  positionNow: 'Sie sind jetzt an Platz {position}.',
  positionNowFirst: 'Sie sind jetzt an Platz 1 – als Nächstes sind Sie dran.',
  keepOpen:
    'Lassen Sie diese Seite geöffnet. Sie können nebenbei etwas anderes tun: Wenn Sie dran sind, hören Sie einen Ton und der Titel dieser Seite blinkt.',
  notifyButton: 'Benachrichtigen, wenn ich dran bin',
  notifyOn: 'Sie bekommen eine Benachrichtigung, wenn Sie dran sind.',
  notifyBlocked:
    'Benachrichtigungen sind in Ihrem Browser ausgeschaltet. Lassen Sie diese Seite geöffnet.',
  testSound: 'Ton testen',
  reconnecting: 'Verbindung wird wiederhergestellt … Ihr Platz bleibt erhalten.',
  leaveButton: 'Warteraum verlassen',
  leaveConfirm:
    'Möchten Sie den Warteraum wirklich verlassen? Ihre Wartenummer ist dann nicht mehr gültig.',
  leaveYes: 'Ja, verlassen',
  leaveNo: 'Nein, weiter warten',
  leftTitle: 'Sie haben den Warteraum verlassen',
  leftText:
    'Ihre Wartenummer ist nicht mehr gültig. Wenn Sie doch noch ein Anliegen haben, können Sie jederzeit eine neue Wartenummer ziehen.',
  expiredTitle: 'Diese Wartenummer ist nicht mehr gültig',
  expiredText: 'Auf der Seite des Büros können Sie eine neue Wartenummer ziehen.',
  calledTitle: 'Sie sind dran!',
  calledBy: '{name} erwartet Sie jetzt.',
  calledByUnknown: 'Sie werden jetzt erwartet.',
  joinButton: 'Jetzt eintreten',
  joinTimeLeft: 'Noch {time} Minuten Zeit zum Eintreten.',
  joinLate: 'Bitte treten Sie jetzt ein – Sie werden erwartet.',
  calledAnnouncement: 'Sie sind dran! Bitte treten Sie jetzt ein.',
  calledTabTitle: '🔔 Sie sind dran – {office}',
  calledTabTitleAlt: '🔔 {code}: Bitte jetzt eintreten',
  calledNotification: '{office}: Bitte treten Sie jetzt ein.',
  absentTitle: 'Sie wurden aufgerufen',
  absentText:
    'Sie wurden aufgerufen, waren aber nicht da. Bleiben Sie auf dieser Seite – die Mitarbeitenden können Sie erneut aufrufen.',
  doneTitle: 'Vielen Dank! Das Gespräch ist beendet.',
  doneText: 'Ihre Wartenummer ist damit erledigt. Wir wünschen Ihnen einen schönen Tag.',

  roomTitle: 'Gespräch mit {name}',
  roomIntro:
    '{name} ist jetzt für Sie da. Sie sehen und hören sich im Video; Sie können auch schreiben und Dokumente teilen.',
  roomLoading: 'Das Gespräch wird geöffnet …',
  chatTyping: '{name} schreibt …',
  endButton: 'Gespräch beenden',
  endConfirm: 'Möchten Sie das Gespräch wirklich beenden?',
  endYes: 'Ja, beenden',
  endNo: 'Nein, weiter sprechen',

  deviceCheckButton: 'Kamera und Mikrofon prüfen',
  deviceCheckHint: 'Damit im Gespräch gleich alles klappt. Sie können auch nur mit Ton teilnehmen.',
  deviceCheckLoading: 'Die Geräteprüfung wird geladen …',
  joinAudioOnly: 'Nur mit Ton eintreten',
  roomOpening: 'Das Gespräch beginnt …',
  callLoading: 'Das Videogespräch wird geladen …',
  callUnavailable:
    'Das Videogespräch konnte nicht geladen werden. Sie können trotzdem schreiben. Laden Sie die Seite neu, um es erneut zu versuchen.',

  ratingTitle: 'Wie zufrieden waren Sie?',
  ratingIntro:
    'Ihre Bewertung ist anonym: Wir speichern sie ohne Ihren Namen und ohne Ihre Wartenummer.',
  ratingLegend: 'Ihre Bewertung (1 bis 5 Sterne)',
  ratingStars1: '1 Stern – sehr unzufrieden',
  ratingStars2: '2 Sterne – unzufrieden',
  ratingStars3: '3 Sterne – teils, teils',
  ratingStars4: '4 Sterne – zufrieden',
  ratingStars5: '5 Sterne – sehr zufrieden',
  ratingComment: 'Kommentar (freiwillig)',
  ratingCommentHint: 'Bitte schreiben Sie keine persönlichen Daten hinein.',
  ratingSubmit: 'Bewertung senden',
  ratingSending: 'Wird gesendet …',
  ratingChoose: 'Bitte wählen Sie 1 bis 5 Sterne.',
  ratingThanks: 'Danke für Ihre Bewertung!',
} satisfies Record<string, string | PluralMessage>;
