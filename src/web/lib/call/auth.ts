/**
 * How a participant proves itself on the consultation's HTTP endpoints: the citizen with the
 * ticket's secret (`x-ticket-secret`), staff with the session cookie plus, on state changes,
 * the CSRF token. ICE servers (with short-lived TURN credentials) come from the same place.
 */
import type { Locale } from '../../../shared/locale.js';
import { requestJson } from '../request.js';

export type CallRole = 'citizen' | 'staff';

export type CallAuth = { role: 'citizen'; secret: string } | { role: 'staff'; csrf: () => string };

/** Headers for a request; `unsafe` for state-changing ones (staff then send the CSRF token). */
export function authHeaders(auth: CallAuth, unsafe: boolean): Record<string, string> {
  if (auth.role === 'citizen') return { 'x-ticket-secret': auth.secret };
  const token = unsafe ? auth.csrf() : '';
  return token ? { 'x-csrf-token': token } : {};
}

export const consultationUrl = (id: string, rest: string) =>
  `/api/consultations/${encodeURIComponent(id)}/${rest}`;

export interface IceAnswer {
  iceServers: RTCIceServer[];
  iceTransportPolicy: RTCIceTransportPolicy;
  turn: boolean;
}

/** Fresh ICE servers for this participant (TURN credentials expire: fetch per call and restart). */
export async function fetchIce(
  consultationId: string,
  auth: CallAuth,
  locale: Locale,
): Promise<IceAnswer> {
  return requestJson<IceAnswer>('GET', consultationUrl(consultationId, 'ice'), locale, undefined, {
    headers: authHeaders(auth, false),
    cache: 'no-store',
  });
}

/** Tries again with growing pauses (1 s … 10 s) until it works or `stop()` says to give up. */
export async function retry<T>(task: () => Promise<T>, stop: () => boolean): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await task();
    } catch (error) {
      if (stop()) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.min(10_000, 1_000 * 2 ** attempt)));
    }
  }
}
