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
  METHOD_NOT_ALLOWED: {
    status: 405,
    de: 'Diese Aktion ist hier nicht möglich.',
    en: 'This action is not possible here.',
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
  };
}
