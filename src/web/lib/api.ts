/**
 * The citizen pages' one data source. Today it polls the JSON API every 30 s and when the tab
 * becomes visible again; a WebSocket push can replace `watch` without touching the components.
 */
import type { ErrorBody, ErrorCode } from '../../shared/errors.js';
import type { Locale } from '../../shared/locale.js';
import type { OfficeDetail, OfficeList } from '../../shared/offices.js';

export const REFRESH_MS = 30_000;
const TIMEOUT_MS = 15_000;
/** A tab that comes back within this time keeps its data. */
const STALE_MS = 5_000;

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

function isErrorBody(body: unknown): body is ErrorBody {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const { error } = body;
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error;
}

async function getJson<T>(path: string, locale: Locale, signal: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      headers: { Accept: 'application/json', 'Accept-Language': locale },
      credentials: 'same-origin',
      signal,
    });
  } catch (cause) {
    throw new ApiError(0, null, null, cause instanceof Error ? cause.message : 'network error');
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok || body === null) {
    const error = isErrorBody(body) ? body.error : null;
    throw new ApiError(
      response.status,
      error?.code ?? null,
      error?.messages ?? null,
      error?.message ?? `HTTP ${response.status}`,
    );
  }
  return body as T;
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

export interface WatchListener<T> {
  data(value: T): void;
  error(error: ApiError): void;
}

export interface Watch {
  /** Load now (the retry button); the regular refresh continues from here. */
  refresh(): void;
  stop(): void;
}

/**
 * Loads at once, then every REFRESH_MS while the tab is visible, at once when it becomes visible
 * or the device comes back online. Only the newest request may report; older ones are aborted.
 */
export function watch<T>(
  load: (signal: AbortSignal) => Promise<T>,
  listener: WatchListener<T>,
): Watch {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let current: AbortController | undefined;
  let stopped = false;
  let lastStart = 0;

  const schedule = () => {
    clearTimeout(timer);
    if (!stopped && document.visibilityState === 'visible') timer = setTimeout(run, REFRESH_MS);
  };

  const run = () => {
    clearTimeout(timer);
    current?.abort();
    const controller = new AbortController();
    current = controller;
    lastStart = Date.now();
    const timeout = setTimeout(() => controller.abort(), TIMEOUT_MS);
    const isCurrent = () => !stopped && current === controller;
    load(controller.signal)
      .then(
        (value) => {
          if (isCurrent()) listener.data(value);
        },
        (error: unknown) => {
          if (!isCurrent()) return;
          listener.error(
            error instanceof ApiError ? error : new ApiError(0, null, null, String(error)),
          );
        },
      )
      .finally(() => {
        clearTimeout(timeout);
        if (isCurrent()) schedule();
      })
      .catch((error: unknown) => console.error(error));
  };

  const onVisibility = () => {
    if (document.visibilityState !== 'visible') clearTimeout(timer);
    else if (Date.now() - lastStart > STALE_MS) run();
    else schedule();
  };

  document.addEventListener('visibilitychange', onVisibility);
  window.addEventListener('online', run);
  run();

  return {
    refresh: run,
    stop() {
      stopped = true;
      clearTimeout(timer);
      current?.abort();
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('online', run);
    },
  };
}

export function watchOffices(locale: Locale, listener: WatchListener<OfficeList>): Watch {
  return watch((signal) => fetchOffices(locale, signal), listener);
}

export function watchOffice(
  slug: string,
  locale: Locale,
  listener: WatchListener<OfficeDetail>,
): Watch {
  return watch((signal) => fetchOffice(slug, locale, signal), listener);
}
