/**
 * The one error catalogue. Every error the API returns has a stable code, an HTTP status and a
 * message a citizen can read in German and English. Browser and server both import this file.
 */
export const ERRORS = {
  VALIDATION_FAILED: {
    status: 400,
    de: 'Die Anfrage ist unvollständig oder fehlerhaft.',
    en: 'The request is incomplete or malformed.',
  },
  NOT_FOUND: {
    status: 404,
    de: 'Diese Seite oder Adresse gibt es nicht.',
    en: 'This page or address does not exist.',
  },
  OFFICE_NOT_FOUND: {
    status: 404,
    de: 'Dieses Büro gibt es nicht. Bitte wählen Sie ein Büro aus der Übersicht.',
    en: 'This office does not exist. Please choose an office from the list.',
  },
  UNAUTHENTICATED: {
    status: 401,
    de: 'Bitte melden Sie sich an.',
    en: 'Please log in.',
  },
  LOGIN_FAILED: {
    status: 401,
    de: 'E-Mail-Adresse oder Passwort stimmen nicht.',
    en: 'The e-mail address or password is wrong.',
  },
  ACCOUNT_LOCKED: {
    status: 429,
    de: 'Zu viele Fehlversuche. Die Anmeldung ist für einige Minuten gesperrt.',
    en: 'Too many failed attempts. Logging in is blocked for a few minutes.',
  },
  CSRF_INVALID: {
    status: 403,
    de: 'Die Sitzung ist abgelaufen. Bitte laden Sie die Seite neu.',
    en: 'The session has expired. Please reload the page.',
  },
  FORBIDDEN: {
    status: 403,
    de: 'Dafür fehlt Ihnen die Berechtigung.',
    en: 'You are not allowed to do this.',
  },
  NOT_ASSIGNED: {
    status: 403,
    de: 'Sie sind diesem Büro nicht zugeordnet.',
    en: 'You are not assigned to this office.',
  },
  NOT_ON_DUTY: {
    status: 409,
    de: 'Sie sind für dieses Büro nicht im Dienst.',
    en: 'You are not on duty for this office.',
  },
  STAFF_BUSY: {
    status: 409,
    de: 'Sie sind noch in einem Gespräch. Beenden Sie es zuerst.',
    en: 'You are still in a consultation. End it first.',
  },
  QUEUE_EMPTY: {
    status: 409,
    de: 'Gerade wartet niemand.',
    en: 'Nobody is waiting right now.',
  },
  OFFICE_CLOSED: {
    status: 409,
    de: 'Dieses Büro ist gerade geschlossen.',
    en: 'This office is closed right now.',
  },
  OFFICE_UNSTAFFED: {
    status: 409,
    de: 'Gerade ist niemand im Dienst. Bitte versuchen Sie es später erneut.',
    en: 'Nobody is on duty right now. Please try again later.',
  },
  TICKET_NOT_FOUND: {
    status: 404,
    de: 'Diese Wartenummer gibt es nicht (mehr).',
    en: 'This ticket does not exist (any more).',
  },
  TICKET_STATE: {
    status: 409,
    de: 'Das geht mit dieser Wartenummer gerade nicht.',
    en: 'This is not possible with this ticket right now.',
  },
  CONSULTATION_NOT_FOUND: {
    status: 404,
    de: 'Dieses Gespräch gibt es nicht.',
    en: 'This consultation does not exist.',
  },
  CONSULTATION_ENDED: {
    status: 409,
    de: 'Dieses Gespräch ist bereits beendet.',
    en: 'This consultation has already ended.',
  },
  MESSAGE_INVALID: {
    status: 400,
    de: 'Die Nachricht wurde nicht verstanden.',
    en: 'The message was not understood.',
  },
  MESSAGE_TOO_LARGE: {
    status: 413,
    de: 'Die Nachricht ist zu lang.',
    en: 'The message is too long.',
  },
  DOCUMENT_TOO_LARGE: {
    status: 413,
    de: 'Die Datei ist zu groß.',
    en: 'The file is too large.',
  },
  DOCUMENT_TYPE: {
    status: 415,
    de: 'Bitte senden Sie eine PDF-, JPEG- oder PNG-Datei.',
    en: 'Please send a PDF, JPEG or PNG file.',
  },
  DOCUMENT_NOT_FOUND: {
    status: 404,
    de: 'Dieses Dokument gibt es nicht (mehr).',
    en: 'This document does not exist (any more).',
  },
  RATING_NOT_ALLOWED: {
    status: 409,
    de: 'Eine Bewertung ist für dieses Gespräch nicht (mehr) möglich.',
    en: 'This consultation cannot be rated (any more).',
  },
  METHOD_NOT_ALLOWED: {
    status: 405,
    de: 'Diese Aktion ist hier nicht möglich.',
    en: 'This action is not possible here.',
  },
  BOOKING_NOT_OFFERED: {
    status: 404,
    de: 'Bei diesem Büro kann man keine Termine buchen.',
    en: 'This office does not take appointments.',
  },
  SERVICE_NOT_FOUND: {
    status: 404,
    de: 'Dieses Anliegen gibt es bei diesem Büro nicht. Bitte wählen Sie ein anderes.',
    en: 'This office does not offer this service. Please choose another one.',
  },
  SLOT_TAKEN: {
    status: 409,
    de: 'Dieser Termin wurde gerade vergeben. Bitte wählen Sie einen anderen – freie Zeiten in der Nähe stehen dabei.',
    en: 'This time has just been taken. Please choose another one – free times nearby are listed.',
  },
  SLOT_UNAVAILABLE: {
    status: 409,
    de: 'Zu dieser Zeit kann man keinen Termin buchen (geschlossen, zu kurzfristig oder zu weit in der Zukunft).',
    en: 'No appointment can be booked at this time (closed, too soon or too far ahead).',
  },
  PHONE_INVALID: {
    status: 400,
    de: 'Diese Handynummer ist ungültig. Bitte prüfen Sie sie, z. B. 0171 1234567.',
    en: 'This mobile number is not valid. Please check it, e.g. +49 171 1234567.',
  },
  PHONE_NOT_MOBILE: {
    status: 400,
    de: 'Das ist keine Handynummer. Die Bestätigung kommt per SMS – bitte geben Sie eine Handynummer an.',
    en: 'This is not a mobile number. The confirmation comes by text message – please give a mobile number.',
  },
  PHONE_COUNTRY: {
    status: 400,
    de: 'SMS können wir nur an Handynummern aus Deutschland, Österreich und der Schweiz senden.',
    en: 'We can only send text messages to mobile numbers from Germany, Austria and Switzerland.',
  },
  EMAIL_INVALID: {
    status: 400,
    de: 'Diese E-Mail-Adresse ist ungültig.',
    en: 'This e-mail address is not valid.',
  },
  CHALLENGE_FAILED: {
    status: 400,
    de: 'Die Sicherheitsprüfung ist fehlgeschlagen oder abgelaufen. Bitte versuchen Sie es noch einmal.',
    en: 'The security check failed or expired. Please try again.',
  },
  BOOKING_LIMIT: {
    status: 429,
    de: 'Für diese Handynummer gibt es heute schon zu viele Buchungen. Bitte rufen Sie uns an.',
    en: 'This mobile number has too many bookings today. Please call us.',
  },
  SMS_LIMIT: {
    status: 503,
    de: 'Heute können keine weiteren Termine online gebucht werden. Bitte versuchen Sie es morgen oder rufen Sie uns an.',
    en: 'No more appointments can be booked online today. Please try again tomorrow or call us.',
  },
  APPOINTMENT_NOT_FOUND: {
    status: 404,
    de: 'Diesen Termin gibt es nicht (mehr). Bitte prüfen Sie den Link aus der SMS.',
    en: 'This appointment does not exist (any more). Please check the link from the text message.',
  },
  APPOINTMENT_STATE: {
    status: 409,
    de: 'Das geht mit diesem Termin nicht mehr (abgesagt, vorbei oder schon eingecheckt).',
    en: 'This is no longer possible for this appointment (cancelled, over or already checked in).',
  },
  CHECK_IN_TOO_EARLY: {
    status: 409,
    de: 'Sie können erst kurz vor Ihrem Termin eintreten.',
    en: 'You can enter only shortly before your appointment.',
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    de: 'Die gesendeten Daten sind zu groß.',
    en: 'The data sent is too large.',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    de: 'Dieses Datenformat wird nicht unterstützt.',
    en: 'This data format is not supported.',
  },
  RATE_LIMITED: {
    status: 429,
    de: 'Zu viele Anfragen. Bitte warten Sie einen Moment und versuchen Sie es erneut.',
    en: 'Too many requests. Please wait a moment and try again.',
  },
  INTERNAL: {
    status: 500,
    de: 'Ein Fehler ist aufgetreten. Bitte versuchen Sie es später erneut.',
    en: 'Something went wrong. Please try again later.',
  },
  UNAVAILABLE: {
    status: 503,
    de: 'Der Dienst ist gerade nicht erreichbar. Bitte versuchen Sie es später erneut.',
    en: 'The service is unavailable right now. Please try again later.',
  },
} as const satisfies Record<string, { status: number; de: string; en: string }>;

export type ErrorCode = keyof typeof ERRORS;

/** The JSON body of every error response. */
export interface ErrorBody {
  error: {
    code: ErrorCode;
    /** In the language the client asked for (Accept-Language). */
    message: string;
    messages: { de: string; en: string };
    /** For VALIDATION_FAILED: which field and why (technical, for developers). */
    details?: { path: string; problem: string }[];
    /** For SLOT_TAKEN: the nearest free start times (ISO 8601). */
    alternatives?: string[];
  };
}
