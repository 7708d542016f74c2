/**
 * The lobby's arithmetic, kept pure for tests: place in line from the public waiting order,
 * the expected wait in words, what to announce, and the countdown to join after a call.
 */
import type { Locale } from '../../shared/locale.js';
import type { LobbySnapshot } from '../../shared/queue.js';
import { estimateWait } from '../../shared/wait-estimate.js';
import { translate } from './i18n/index.js';

/** 1-based place of a ticket in the waiting order; null when it is not (or no longer) waiting. */
export function positionOf(waiting: readonly string[], ticketId: string): number | null {
  const index = waiting.indexOf(ticketId);
  return index < 0 ? null : index + 1;
}

/** "etwa 10–25 Minuten" · "in wenigen Minuten" · null when no honest estimate exists. */
export function waitText(
  position: number,
  lobby: Pick<LobbySnapshot, 'wait'>,
  locale: Locale,
): string | null {
  const range = estimateWait(position, lobby.wait);
  if (!range) return null;
  const { minMinutes: min, maxMinutes: max } = range;
  if (max <= 5) return translate(locale, 'waitFewMinutes');
  if (min === 0) return translate(locale, 'waitUpTo', { max });
  return translate(locale, 'waitRange', { min, max });
}

/** "Vor Ihnen: 2 Personen" · "Vor Ihnen ist niemand mehr." */
export function aheadText(position: number, locale: Locale): string {
  const ahead = position - 1;
  return ahead === 0
    ? translate(locale, 'aheadNone')
    : translate(locale, 'ahead', { count: ahead });
}

/**
 * What a screen reader hears when the place changes: only real moves, never the first value
 * (the page shows it) and never "no place" (the state change says what happened).
 */
export function positionAnnouncement(
  before: number | null,
  now: number | null,
  locale: Locale,
): string | null {
  if (before === null || now === null || before === now) return null;
  return now === 1
    ? translate(locale, 'positionNowFirst')
    : translate(locale, 'positionNow', { position: now });
}

/**
 * How far the server's clock is ahead of the browser's (ms), from a server timestamp and when
 * the request left and its answer came back. Phones' clocks can be minutes off.
 */
export function clockOffsetMs(serverTime: string, sentAt: number, receivedAt: number): number {
  const server = Date.parse(serverTime);
  if (Number.isNaN(server)) return 0;
  return server - (sentAt + receivedAt) / 2;
}

/** Whole seconds left until `deadline` (server time), never negative; null without a deadline. */
export function secondsLeft(deadline: string | null, now: number, offsetMs: number): number | null {
  if (!deadline) return null;
  const until = Date.parse(deadline);
  if (Number.isNaN(until)) return null;
  return Math.max(0, Math.ceil((until - (now + offsetMs)) / 1000));
}

/** "4:05" */
export function countdownText(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, '0')}`;
}
