/**
 * The one JSON request helper of all pages: same origin, `Accept-Language`, a JSON body on every
 * state-changing request (`{}` when empty), and errors as `ApiError` with the API's message in
 * each language. The citizen API (`api.ts`) adds the ticket's secret, the staff console its
 * CSRF token — both as extra headers.
 */
import type { ErrorBody, ErrorCode } from '../../shared/errors.js';
import type { Locale } from '../../shared/locale.js';

/** A failed request. `status` 0 means the server could not be reached. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | null,
    /** The API's human-readable message in each language, when it sent one. */
    readonly messages: Readonly<Record<Locale, string>> | null,
    message: string,
    /** What some errors add: the fields of VALIDATION_FAILED, SLOT_TAKEN's free times. */
    readonly extra: Pick<ErrorBody['error'], 'details' | 'alternatives'> = {},
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

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface JsonRequestOptions {
  signal?: AbortSignal;
  /** Added to the request (the ticket's secret, the session's CSRF token). */
  headers?: Readonly<Record<string, string>>;
  /** The fetch cache mode; the browser's default when not given. */
  cache?: RequestCache;
}

export async function requestJson<T>(
  method: Method,
  path: string,
  locale: Locale,
  body?: unknown,
  options: JsonRequestOptions = {},
): Promise<T> {
  const unsafe = method !== 'GET';
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': locale,
    ...(unsafe ? { 'Content-Type': 'application/json' } : {}),
    ...options.headers,
  };
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(options.cache ? { cache: options.cache } : {}),
      ...(unsafe ? { body: JSON.stringify(body ?? {}) } : {}),
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
  // A state-changing request answered with 204 (or an empty 200) succeeded without a body.
  if (response.ok && (parsed !== null || (unsafe && text === ''))) return parsed as T;
  const error = isErrorBody(parsed) ? parsed.error : null;
  throw new ApiError(
    response.status,
    error?.code ?? null,
    error?.messages ?? null,
    error?.message ?? `HTTP ${response.status}`,
    { details: error?.details, alternatives: error?.alternatives },
  );
}
