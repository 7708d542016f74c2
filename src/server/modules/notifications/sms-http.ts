/**
 * SMS through a provider's HTTPS API: POST {to, text, sender} as JSON with a bearer token and
 * an Idempotency-Key header, so a retry of the same outbox row is not sent twice by providers
 * that honour the header.
 */
import { DeliveryError } from './delivery-error.js';
import { isE164, type SmsGateway, type SmsMessage } from './sms-gateway.js';

export interface HttpSmsConfig {
  /** The provider's send endpoint, e.g. 'https://sms.example/v1/messages'. */
  url: string;
  token: string;
  sender: string;
  /** Deadline for the whole request including the response body. Default 10 s. */
  timeoutMs?: number;
}

/** Maps a non-2xx response. 401/403 mean our token is wrong: retry once an operator fixed it. */
export function httpError(
  status: number,
  detail: string,
  retryAfter: string | null,
): DeliveryError {
  const message = `SMS provider answered ${status}: ${detail}`;
  if (status === 429) {
    return new DeliveryError('temporary', 'THROTTLED', message, {
      retryAfterMs: retryAfterMs(retryAfter),
    });
  }
  if (status === 408) return new DeliveryError('temporary', 'TIMEOUT', message);
  if (status === 401 || status === 403) {
    return new DeliveryError('temporary', 'AUTH_FAILED', message);
  }
  if (status >= 400 && status < 500) return new DeliveryError('permanent', 'REJECTED', message);
  return new DeliveryError('temporary', 'PROVIDER_ERROR', message);
}

/** Retry-After is either seconds or an HTTP date. */
function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function providerId(body: string, fallback: string): string {
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed && typeof parsed === 'object' && 'id' in parsed) {
      const id = parsed.id;
      if (typeof id === 'string' || typeof id === 'number') return String(id);
    }
  } catch {
    // not JSON: the provider confirmed with an empty or plain body
  }
  return fallback;
}

class HttpSmsGateway implements SmsGateway {
  constructor(private readonly config: HttpSmsConfig) {
    const protocol = new URL(config.url).protocol;
    if (protocol !== 'https:' && protocol !== 'http:') {
      throw new TypeError(`SMS provider url must be http(s): ${config.url}`);
    }
  }

  async send({ to, text, idempotencyKey }: SmsMessage): Promise<{ providerId: string }> {
    if (!isE164(to)) {
      throw new DeliveryError('permanent', 'INVALID_RECIPIENT', `not an E.164 number: ${to}`);
    }
    let response: Response;
    let body: string;
    try {
      response = await fetch(this.config.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/json',
          Authorization: `Bearer ${this.config.token}`,
          'Idempotency-Key': idempotencyKey,
        },
        body: JSON.stringify({ to, text, sender: this.config.sender }),
        signal: AbortSignal.timeout(this.config.timeoutMs ?? 10_000),
        redirect: 'error', // a redirect would re-send the token to another host
      });
      body = await response.text();
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      const reason = error instanceof Error ? error.message : String(error);
      throw new DeliveryError(
        'temporary',
        timedOut ? 'TIMEOUT' : 'UNREACHABLE',
        `SMS provider ${new URL(this.config.url).host}: ${reason}`,
        { cause: error },
      );
    }
    if (!response.ok) {
      throw httpError(response.status, body.slice(0, 200), response.headers.get('retry-after'));
    }
    return { providerId: providerId(body, idempotencyKey) };
  }

  async close(): Promise<void> {}
}

export function createHttpSmsGateway(config: HttpSmsConfig): SmsGateway {
  return new HttpSmsGateway(config);
}
