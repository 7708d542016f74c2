/**
 * The citizen pages' API calls, through the shared JSON helper (`request.ts`: same origin,
 * `Accept-Language`, errors as `ApiError`); the ticket's secret goes in a header. Live data comes
 * through `watch.ts` and the WebSocket.
 */
import type { Locale } from '../../shared/locale.js';
import type { OfficeDetail, OfficeList } from '../../shared/offices.js';
import type { ChatMessage, CreatedTicket, TicketView } from '../../shared/queue.js';
import { requestJson } from './request.js';

export { ApiError, isErrorBody } from './request.js';

export interface RequestOptions {
  signal?: AbortSignal;
  /** Proves the ticket is this browser's (header x-ticket-secret). */
  secret?: string;
}

export function getJson<T>(path: string, locale: Locale, signal?: AbortSignal): Promise<T> {
  return requestJson<T>('GET', path, locale, undefined, signal ? { signal } : {});
}

/** A JSON POST on the same origin; `options.secret` adds the ticket's secret header. */
export function postJson<T>(
  path: string,
  body: unknown,
  locale: Locale,
  options: RequestOptions = {},
): Promise<T> {
  const { signal, secret } = options;
  return requestJson<T>('POST', path, locale, body, {
    ...(signal ? { signal } : {}),
    ...(secret ? { headers: { 'x-ticket-secret': secret } } : {}),
  });
}

export function fetchOffices(locale: Locale, signal: AbortSignal): Promise<OfficeList> {
  return getJson<OfficeList>(`/api/offices?lang=${locale}`, locale, signal);
}

export function fetchOffice(
  slug: string,
  locale: Locale,
  signal: AbortSignal,
): Promise<OfficeDetail> {
  return getJson<OfficeDetail>(
    `/api/offices/${encodeURIComponent(slug)}?lang=${locale}`,
    locale,
    signal,
  );
}

// Walk-in: a ticket, the call, the consultation. The ticket's secret goes in a header.

const ticketPath = (id: string, action: string) =>
  `/api/tickets/${encodeURIComponent(id)}/${action}`;
const consultationPath = (id: string, action: string) =>
  `/api/consultations/${encodeURIComponent(id)}/${action}`;

export function createTicket(slug: string, name: string, locale: Locale): Promise<CreatedTicket> {
  const trimmed = name.trim();
  return postJson<CreatedTicket>(
    `/api/offices/${encodeURIComponent(slug)}/tickets`,
    trimmed ? { name: trimmed } : {},
    locale,
  );
}

/** May answer with the ticket (state `left`) or nothing. */
export function leaveTicket(id: string, secret: string, locale: Locale): Promise<unknown> {
  return postJson<unknown>(ticketPath(id, 'leave'), {}, locale, { secret });
}

/** After the call: the ticket, now `serving`, with its consultation. */
export function joinCall(id: string, secret: string, locale: Locale): Promise<TicketView> {
  return postJson<TicketView>(ticketPath(id, 'join'), {}, locale, { secret });
}

export function sendChatMessage(
  consultationId: string,
  text: string,
  secret: string,
  locale: Locale,
): Promise<ChatMessage> {
  return postJson<ChatMessage>(consultationPath(consultationId, 'messages'), { text }, locale, {
    secret,
  });
}

export function endConsultation(id: string, secret: string, locale: Locale): Promise<unknown> {
  return postJson<unknown>(consultationPath(id, 'end'), {}, locale, { secret });
}

/** Anonymous 1–5 rating after the consultation (once). */
export function rateConsultation(
  id: string,
  rating: { stars: number; comment?: string },
  secret: string,
  locale: Locale,
): Promise<unknown> {
  return postJson<unknown>(consultationPath(id, 'rating'), rating, locale, { secret });
}
