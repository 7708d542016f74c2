/**
 * The staff console's JSON requests: same origin, the session cookie, `Accept-Language`, and on
 * every state-changing request the session's CSRF token (`x-csrf-token`, from StaffMe) and a JSON
 * body (`{}` when empty). Errors become `StaffApiError` with the API's message in each language.
 */
import type { ErrorBody, ErrorCode } from '../../shared/errors.js';
import type { Locale } from '../../shared/locale.js';
import type { ChatMessage } from '../../shared/queue.js';
import { currentLocale, t } from './i18n/index.js';
import type { CallAnswer, DutyState, StaffMe } from './types.js';

/** A failed request; `status` 0 means the server could not be reached. */
export class StaffApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | null,
    readonly messages: Readonly<Record<Locale, string>> | null,
    message: string,
  ) {
    super(message);
    this.name = 'StaffApiError';
  }
}

let csrfToken = '';

/** Remembers the session's CSRF token; every StaffMe answer carries the current one. */
export function rememberMe(me: StaffMe): StaffMe {
  csrfToken = me.csrfToken;
  return me;
}

function isErrorBody(body: unknown): body is ErrorBody {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const { error } = body;
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error;
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': currentLocale(),
  };
  const unsafe = method !== 'GET';
  if (unsafe) {
    headers['content-type'] = 'application/json';
    if (csrfToken) headers['x-csrf-token'] = csrfToken;
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      cache: 'no-store',
      ...(unsafe ? { body: JSON.stringify(body ?? {}) } : {}),
    });
  } catch (cause) {
    throw new StaffApiError(0, null, null, cause instanceof Error ? cause.message : 'network');
  }
  const text = await response.text().catch(() => '');
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  if (response.ok && (parsed !== null || text === '')) return parsed as T;
  const error = isErrorBody(parsed) ? parsed.error : null;
  throw new StaffApiError(
    response.status,
    error?.code ?? null,
    error?.messages ?? null,
    error?.message ?? `HTTP ${response.status}`,
  );
}

const seg = encodeURIComponent;

export const staffApi = {
  me: () => request<StaffMe>('GET', '/api/staff/me').then(rememberMe),
  login: (email: string, password: string) =>
    request<StaffMe>('POST', '/api/staff/login', { email, password }).then(rememberMe),
  logout: () => request<null>('POST', '/api/staff/logout'),
  logoutEverywhere: () => request<null>('POST', '/api/staff/logout-everywhere'),
  setDuty: (slug: string, state: DutyState) =>
    request<StaffMe>('PUT', `/api/staff/duty/${seg(slug)}`, { state }).then(rememberMe),
  callNext: (slug: string) =>
    request<CallAnswer>('POST', `/api/staff/offices/${seg(slug)}/call-next`),
  callTicket: (ticketId: string) =>
    request<CallAnswer>('POST', `/api/staff/tickets/${seg(ticketId)}/call`),
  recall: (id: string) => request<null>('POST', `/api/staff/consultations/${seg(id)}/recall`),
  absent: (id: string) => request<null>('POST', `/api/staff/consultations/${seg(id)}/absent`),
  end: (id: string) => request<null>('POST', `/api/staff/consultations/${seg(id)}/end`),
  sendMessage: (id: string, text: string) =>
    request<ChatMessage>('POST', `/api/consultations/${seg(id)}/messages`, { text }),
};

/** The API's message in the page's language, or what went wrong in plain words. */
export function errorText(error: unknown): string {
  if (error instanceof StaffApiError) {
    if (error.messages) return error.messages[currentLocale()];
    if (error.status === 0) return t('errorNetwork');
  }
  return t('errorGeneric');
}
