/**
 * Live office data for the directory and the office page: snapshots pushed over the WebSocket
 * (`offices` topic) plus a slow HTTP refresh as the fallback — for the status changes that come
 * from the clock alone, and for while the socket is down.
 */
import type { Locale } from '../../shared/locale.js';
import type { OfficeDetail, OfficeList, OfficeSummary } from '../../shared/offices.js';
import { ApiError, fetchOffice, fetchOffices } from './api.js';
import { realtime } from './realtime.js';

export const REFRESH_MS = 60_000;
const TIMEOUT_MS = 15_000;
/** A tab that comes back within this time keeps its data. */
const STALE_MS = 5_000;

export interface WatchListener<T> {
  data(value: T): void;
  error(error: ApiError): void;
}

export interface Watch {
  /** Load now (the retry button); the regular refresh continues from here. */
  refresh: () => void;
  stop: () => void;
}

interface PollWatch extends Watch {
  /** Fresh data came another way: the next load is due REFRESH_MS from now. */
  postpone: () => void;
  /** Whether a load is in flight. */
  busy: () => boolean;
}

/**
 * Loads at once, then every REFRESH_MS while the tab is visible, at once when it becomes visible
 * or the device comes back online. Only the newest request may report; older ones are aborted.
 */
export function watch<T>(
  load: (signal: AbortSignal) => Promise<T>,
  listener: WatchListener<T>,
): PollWatch {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let current: AbortController | undefined;
  let stopped = false;
  let lastStart = 0;
  let loading = false;

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
    loading = true;
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
        if (!isCurrent()) return;
        loading = false;
        schedule();
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
    postpone() {
      lastStart = Date.now();
      // A load in flight schedules the next one when it is done.
      if (!loading) schedule();
    },
    busy: () => loading,
    stop() {
      stopped = true;
      clearTimeout(timer);
      current?.abort();
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('online', run);
    },
  };
}

/** The offices topic: every change of any office's status or waiting count, pushed. */
function subscribeOffices(locale: Locale, onList: (list: OfficeList) => void): () => void {
  return realtime().subscribe({ topic: 'offices', lang: locale }, (message) => {
    if (message.topic === 'offices') onList(message.data);
  });
}

/** Whether `next` is at least as new as the data shown (HTTP and socket answers may cross). */
export function isNewer(next: { generatedAt: string }, shown: { generatedAt: string } | null) {
  return !shown || Date.parse(next.generatedAt) >= Date.parse(shown.generatedAt);
}

/** What the directory shows of an office; when it changes, the office page reloads its detail. */
export function summaryKey(office: OfficeSummary): string {
  const { slug, name, description, status, open, waiting, closesAt, nextOpening } = office;
  const { today, openingHours } = office;
  return JSON.stringify([slug, name, description, status, open, waiting, closesAt, nextOpening])
    .concat(JSON.stringify([today.date, today.intervals, today.holiday, today.exception]))
    .concat(JSON.stringify(openingHours.map((day) => [day.weekday, day.intervals])));
}

export function watchOffices(locale: Locale, listener: WatchListener<OfficeList>): Watch {
  let shown: OfficeList | null = null;
  const deliver = (list: OfficeList) => {
    if (!isNewer(list, shown)) return;
    shown = list;
    listener.data(list);
  };
  const poll = watch((signal) => fetchOffices(locale, signal), {
    data: deliver,
    error: (error) => listener.error(error),
  });
  const unsubscribe = subscribeOffices(locale, (list) => {
    poll.postpone();
    deliver(list);
  });
  return {
    refresh: poll.refresh,
    stop() {
      poll.stop();
      unsubscribe();
    },
  };
}

/** There is no per-office topic: the detail is loaded again when the office's summary changes. */
export function watchOffice(
  slug: string,
  locale: Locale,
  listener: WatchListener<OfficeDetail>,
): Watch {
  let known: string | null = null;
  const poll = watch((signal) => fetchOffice(slug, locale, signal), {
    data(office) {
      known = summaryKey(office);
      listener.data(office);
    },
    error: (error) => listener.error(error),
  });
  const unsubscribe = subscribeOffices(locale, (list) => {
    const office = list.offices.find((candidate) => candidate.slug === slug);
    if (!office) return;
    const key = summaryKey(office);
    if (key === known) {
      poll.postpone();
    } else if (!poll.busy()) {
      known = key;
      poll.refresh();
    }
  });
  return {
    refresh: poll.refresh,
    stop() {
      poll.stop();
      unsubscribe();
    },
  };
}
