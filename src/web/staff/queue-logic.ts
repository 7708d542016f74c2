/**
 * The queue view's arithmetic, pure for tests: the server's clock, waiting times in words,
 * presence, who is new in the waiting room, and the countdown to a called citizen's `joinBy`.
 */
import type { Locale } from '../../shared/locale.js';
import { PRESENT_WITHIN_MS } from '../../shared/presence.js';
import type { QueueEntry, QueueSnapshot } from '../../shared/queue.js';
import { translate } from './i18n/index.js';

/**
 * How far the server's clock is ahead of the browser's, from a snapshot's `generatedAt` and when
 * it arrived. A snapshot can be older than its arrival (the server hands new subscribers the
 * last frame it sent), never newer, so each one is a lower bound: keep the largest.
 */
export function observeOffset(
  previous: number | null,
  generatedAt: string,
  receivedAt: number,
): number | null {
  const server = Date.parse(generatedAt);
  if (Number.isNaN(server)) return previous;
  const offset = server - receivedAt;
  return previous === null ? offset : Math.max(previous, offset);
}

/** Whole minutes since an instant, never negative. */
export function minutesSince(instant: string, serverNow: number): number {
  const at = Date.parse(instant);
  if (Number.isNaN(at)) return 0;
  return Math.max(0, Math.floor((serverNow - at) / 60_000));
}

/** "seit weniger als 1 Min." · "seit 4 Min." · "seit 1 Std. 5 Min." */
export function waitedText(minutes: number, locale: Locale): string {
  if (minutes < 1) return translate(locale, 'waitedJustNow');
  if (minutes < 60) return translate(locale, 'waitedMinutes', { count: minutes });
  return translate(locale, 'waitedHours', {
    hours: Math.floor(minutes / 60),
    minutes: minutes % 60,
  });
}

/** Whether the citizen's page is connected, judged by the server's clock, not the snapshot's. */
export function isPresent(lastSeenAt: string, serverNow: number): boolean {
  const seen = Date.parse(lastSeenAt);
  return !Number.isNaN(seen) && serverNow - seen < PRESENT_WITHIN_MS;
}

export function waitingTickets(snapshot: QueueSnapshot | undefined): QueueEntry[] {
  return snapshot ? snapshot.tickets.filter((ticket) => ticket.state === 'waiting') : [];
}

/** Tickets waiting now that were not waiting before; nothing on the first snapshot. */
export function newArrivals(
  before: ReadonlySet<string> | null,
  snapshot: QueueSnapshot,
): QueueEntry[] {
  if (!before) return [];
  return waitingTickets(snapshot).filter((ticket) => !before.has(ticket.id));
}

/** "Neue Person im Warteraum: D-004"; with the office's name when several are watched. */
export function arrivalText(tickets: QueueEntry[], office: string | null, locale: Locale): string {
  const codes = tickets.map((ticket) => ticket.code).join(', ');
  const many = tickets.length > 1;
  if (office) return translate(locale, many ? 'newArrivalsIn' : 'newArrivalIn', { office, codes });
  return translate(locale, many ? 'newArrivals' : 'newArrival', { codes });
}

/** Which ticket a call can be made for from a row: waiting or missed (absent) ones. */
export function canCallTicket(ticket: QueueEntry): boolean {
  return ticket.state === 'waiting' || ticket.state === 'absent';
}

/**
 * The called ticket of a consultation in the queue snapshots: by id when known (after a call
 * on this page), else by office and code (after a reload).
 */
export function findCalledTicket(
  queues: Iterable<QueueSnapshot>,
  ref: { ticketId?: string | null; office?: string | null; code?: string | null },
): QueueEntry | null {
  for (const queue of queues) {
    for (const ticket of queue.tickets) {
      if (
        ref.ticketId
          ? ticket.id === ref.ticketId
          : ticket.code === ref.code && queue.office === ref.office
      ) {
        return ticket;
      }
    }
  }
  return null;
}

/** Seconds until `deadline` by the server's clock (may be negative); null without one. */
export function secondsUntil(deadline: string | null, serverNow: number): number | null {
  if (!deadline) return null;
  const until = Date.parse(deadline);
  return Number.isNaN(until) ? null : Math.ceil((until - serverNow) / 1000);
}

/** "1:05" */
export function countdownText(seconds: number): string {
  const s = Math.max(0, seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** After a recall: the same time to join as the first call had, from now. */
export function recalledJoinBy(ticket: QueueEntry, serverNow: number): string | null {
  if (!ticket.joinBy || !ticket.calledAt) return null;
  const window = Date.parse(ticket.joinBy) - Date.parse(ticket.calledAt);
  return Number.isNaN(window) ? null : new Date(serverNow + window).toISOString();
}
