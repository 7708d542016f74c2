/**
 * The citizen pages' JSON requests: same origin, `Accept-Language`, errors as `ApiError` with the
 * API's message in both languages. Live data comes through `watch.ts` and the WebSocket.
 */
import type { ErrorBody, ErrorCode } from '../../shared/errors.js';
import type { Locale } from '../../shared/locale.js';
import type { OfficeDetail, OfficeList } from '../../shared/offices.js';
import type { ChatMessage, CreatedTicket, TicketView } from '../../shared/queue.js';

/** A failed request. `status` 0 means the server could not be reached. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | null,
    /** The API's citizen-readable message in each language, when it sent one. */
    readonly messages: Readonly<Record<Locale, string>> | null,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function isErrorBody(body: unknown): body is ErrorBody {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const { error } = body;
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error;
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** Proves the ticket is this browser's (header x-ticket-secret). */
  secret?: string;
}

async function requestJson<T>(
  method: 'GET' | 'POST',
  path: string,
  locale: Locale,
  body: unknown,
  options: RequestOptions,
): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': locale,
  };
  if (method === 'POST') headers['Content-Type'] = 'application/json';
  if (options.secret) headers['x-ticket-secret'] = options.secret;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(method === 'POST' ? { body: JSON.stringify(body ?? {}) } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (cause) {
    throw new ApiError(0, null, null, cause instanceof Error ? cause.message : 'network error');
  }
  const text = await response.text().catch(() => '');
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  // A POST answered with 204 (or an empty 200) succeeded without a body.
  if (response.ok && (parsed !== null || (method === 'POST' && text === ''))) return parsed as T;
  const error = isErrorBody(parsed) ? parsed.error : null;
  throw new ApiError(
    response.status,
    error?.code ?? null,
    error?.messages ?? null,
    error?.message ?? `HTTP ${response.status}`,
  );
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
  return requestJson<T>('POST', path, locale, body, options);
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
