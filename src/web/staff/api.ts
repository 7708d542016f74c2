/**
 * The staff console's API calls, through the shared JSON helper (`src/web/lib/request.ts`: same
 * origin, `Accept-Language`, a JSON body, errors as `ApiError`), never from the HTTP cache, and
 * with the session's CSRF token (`x-csrf-token`, from StaffMe) on every state-changing request.
 */
import type { ChatMessage } from '../../shared/queue.js';
import type { IceAnswer } from '../lib/call/auth.js';
import { ApiError, requestJson, type Method } from '../lib/request.js';
import { currentLocale, t } from './i18n/index.js';
import type { CallAnswer, DutyState, StaffMe } from './types.js';

let csrfToken = '';

/** The session's CSRF token, for requests made elsewhere (document uploads in the call). */
export const currentCsrfToken = (): string => csrfToken;

/** Remembers the session's CSRF token; every StaffMe answer carries the current one. */
export function rememberMe(me: StaffMe): StaffMe {
  csrfToken = me.csrfToken;
  return me;
}

function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> =
    method !== 'GET' && csrfToken ? { 'x-csrf-token': csrfToken } : {};
  return requestJson<T>(method, path, currentLocale(), body, { headers, cache: 'no-store' });
}

/** The same request for the console's other views (the appointments view's own api.ts). */
export const staffRequest = request;

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
  /** ICE servers for the next call (held by the console, so a call starts on the click). */
  ice: () => request<IceAnswer>('GET', '/api/staff/ice'),
  sendMessage: (id: string, text: string) =>
    request<ChatMessage>('POST', `/api/consultations/${seg(id)}/messages`, { text }),
};

/** The API's message in the page's language, or what went wrong in plain words. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.messages) return error.messages[currentLocale()];
    if (error.status === 0) return t('errorNetwork');
  }
  return t('errorGeneric');
}
