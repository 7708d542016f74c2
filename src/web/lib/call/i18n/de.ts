/**
 * German texts of the video call, the device check and the documents (loaded with the call's
 * chunk, for citizen and staff alike). `en.ts` is typed against this file.
 */
import type { PluralMessage } from '../../i18n/core.js';

export const de = {
  intlLocale: 'de-DE',
  languageName: 'Deutsch',

  callTitle: 'Videogespräch',
  localVideo: 'Ihr Bild',
  remoteFallback: 'Ihr Gegenüber',
  statusPreparing: 'Kamera und Mikrofon werden eingeschaltet …',
  statusWaiting: 'Warten auf {name} …',
  statusConnecting: 'Verbindung mit {name} wird hergestellt …',
  statusConnected: 'Verbunden mit {name}',
  statusReconnecting: 'Verbindung wird wiederhergestellt …',
  statusReconnectingHint: 'Das Bild steht kurz still. Bitte bleiben Sie auf dieser Seite.',
  remoteCameraOff: '{name} hat die Kamera ausgeschaltet.',
  remoteMuted: '{name} hat das Mikrofon stummgeschaltet.',
  remoteSharing: '{name} zeigt den Bildschirm.',
  localCameraOff: 'Ihre Kamera ist aus.',
  localSharing: 'Sie zeigen Ihren Bildschirm.',
  localMuted: 'Ihr Mikrofon ist stumm.',
  controlsLabel: 'Gespräch steuern',
  mute: 'Stummschalten',
  cameraOff: 'Kamera aus',
  shareScreen: 'Bildschirm teilen',
  flipCamera: 'Kamera wechseln (vorne/hinten)',
  devicesButton: 'Geräte',
  playSound: 'Ton einschalten',
  playSoundHint: 'Ihr Browser hat den Ton angehalten.',
  qualityTitle: 'Verbindung',
  quality_good: 'gut',
  quality_fair: 'mittel',
  quality_poor: 'schlecht',
  quality_unknown: 'wird gemessen',
  qualityRtt: 'Laufzeit {rtt} ms',
  qualityLoss: 'Verlust {loss} %',
  qualityFps: '{fps} Bilder/s',
  qualityPoorHint: 'Tipp: Schalten Sie Ihre Kamera aus, dann bleibt der Ton stabiler.',
  relayNote:
    'Ihre IP-Adresse bleibt verborgen: Das Gespräch läuft über den Relay-Server der Stadt.',
  noTurnNote:
    'Kein TURN-Server eingerichtet: Das Gespräch klappt nur, wenn beide Seiten einander direkt erreichen.',

  deviceCheckTitle: 'Kamera und Mikrofon prüfen',
  deviceCheckIntro:
    'So sieht und hört man Sie gleich im Gespräch. Ihr Bild bleibt auf Ihrem Gerät, bis das Gespräch beginnt.',
  cameraLabel: 'Kamera',
  microphoneLabel: 'Mikrofon',
  speakerLabel: 'Lautsprecher',
  deviceDefault: 'Standard',
  deviceNumbered: '{kind} {number}',
  levelLabel: 'Mikrofonpegel',
  levelHint: 'Sprechen Sie etwas: Der Pegel steigt, wenn das Mikrofon Sie hört.',
  levelSilent: 'Das Mikrofon hört nichts. Ist das richtige Mikrofon gewählt?',
  audioOnly: 'Nur mit Ton teilnehmen (ohne Kamera)',
  noCameraPreview: 'Keine Kamera: Sie nehmen nur mit Ton teil.',
  retryMedia: 'Erneut versuchen',
  deviceCheckClose: 'Prüfung beenden',

  problem_denied: 'Ihr Browser erlaubt dieser Seite Kamera und Mikrofon nicht.',
  problem_notFound: 'Es wurde keine Kamera oder kein Mikrofon gefunden.',
  problem_busy:
    'Kamera oder Mikrofon werden gerade von einem anderen Programm benutzt. Schließen Sie es und versuchen Sie es erneut.',
  problem_insecure: 'Dieser Browser erlaubt hier keinen Zugriff auf Kamera und Mikrofon.',
  problem_other: 'Kamera oder Mikrofon konnten nicht eingeschaltet werden.',
  problemStillChat: 'Sie können trotzdem am Gespräch teilnehmen – im Chat und mit Dokumenten.',
  noPicture: 'Kein Kamerabild',
  help_chrome:
    'In Chrome: Klicken Sie links neben der Adresse auf das Symbol mit den Reglern (oder das Schloss), stellen Sie „Kamera“ und „Mikrofon“ auf „Zulassen“ und laden Sie die Seite neu.',
  help_iosApp:
    'Auf dem iPhone oder iPad: Öffnen Sie die Einstellungen, dann Ihren Browser (zum Beispiel „Chrome“ oder „Firefox“), und erlauben Sie „Kamera“ und „Mikrofon“. Laden Sie danach die Seite neu.',
  help_edge:
    'In Edge: Klicken Sie links in der Adressleiste auf das Schloss, dann auf „Berechtigungen für diese Website“. Stellen Sie Kamera und Mikrofon auf „Zulassen“ und laden Sie die Seite neu.',
  help_firefox:
    'In Firefox: Klicken Sie links in der Adressleiste auf das durchgestrichene Kamera- oder Mikrofon-Symbol, heben Sie die Sperre auf („Blockiert“ entfernen) und laden Sie die Seite neu.',
  help_safari:
    'In Safari auf dem Mac: Menü „Safari“ → „Einstellungen für diese Website …“, dann Kamera und Mikrofon auf „Erlauben“ stellen und die Seite neu laden.',
  help_safariIos:
    'Auf dem iPhone oder iPad: Tippen Sie in der Adressleiste auf „aA“ → „Website-Einstellungen“ und erlauben Sie Kamera und Mikrofon. Laden Sie danach die Seite neu.',
  help_other:
    'Erlauben Sie in den Einstellungen Ihres Browsers den Zugriff auf Kamera und Mikrofon für diese Seite und laden Sie sie neu.',

  docsTitle: 'Dokumente',
  docsHint:
    'PDF, JPEG oder PNG, bis {size}. Nur Sie beide sehen die Dokumente; am Ende des Gesprächs werden sie gelöscht.',
  docsUpload: 'Dokument hochladen',
  docsUploading: '„{name}“ wird hochgeladen: {percent} %',
  docsUploaded: '„{name}“ ist hochgeladen.',
  docsUploadLabel: 'Fortschritt beim Hochladen',
  docsEmpty: 'Noch keine Dokumente.',
  docsFromYou: 'von Ihnen',
  docsFrom: 'von {name}',
  docsDownload: 'Herunterladen',
  docsPreview: 'Vorschau von „{name}“',
  docsLoadFailed: 'Das Dokument konnte nicht geladen werden.',
  docsNetwork: 'Keine Verbindung zum Server. Bitte versuchen Sie es erneut.',
  docsFailed: 'Das Hochladen hat nicht geklappt.',
  docsNew: { one: 'Neues Dokument: „{name}“', other: '{count} neue Dokumente' },
} satisfies Record<string, string | PluralMessage>;
