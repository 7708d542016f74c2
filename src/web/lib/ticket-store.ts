/**
 * The browser's proof of its place in line: `{ id, secret }` per office in localStorage
 * (`bb.ticket.{slug}`), so a reload, a closed tab or a sleeping phone keep the ticket. When
 * storage is blocked, a copy in memory still carries it from the office page to the lobby.
 */
import type { TicketState } from '../../shared/queue.js';

export interface TicketRef {
  id: string;
  secret: string;
}

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** A ticket in these states still holds a place (or a consultation). */
export const ACTIVE_STATES: readonly TicketState[] = ['waiting', 'called', 'serving', 'absent'];

export function isActive(state: TicketState): boolean {
  return ACTIVE_STATES.includes(state);
}

export function ticketKey(slug: string): string {
  return `bb.ticket.${slug}`;
}

const memory = new Map<string, TicketRef>();

function browserStorage(): Store | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // Blocked by privacy settings.
  }
}

function isTicketRef(value: unknown): value is TicketRef {
  if (typeof value !== 'object' || value === null) return false;
  const { id, secret } = value as Record<string, unknown>;
  return typeof id === 'string' && id !== '' && typeof secret === 'string' && secret !== '';
}

export function loadTicket(
  slug: string,
  storage: Store | null = browserStorage(),
): TicketRef | null {
  const key = ticketKey(slug);
  try {
    const raw = storage?.getItem(key);
    if (raw) {
      const parsed: unknown = JSON.parse(raw);
      if (isTicketRef(parsed)) return { id: parsed.id, secret: parsed.secret };
    }
  } catch {
    // Unreadable: as if there were no ticket.
  }
  return memory.get(key) ?? null;
}

export function saveTicket(
  slug: string,
  ticket: TicketRef,
  storage: Store | null = browserStorage(),
): void {
  const key = ticketKey(slug);
  const value = { id: ticket.id, secret: ticket.secret };
  memory.set(key, value);
  try {
    storage?.setItem(key, JSON.stringify(value));
  } catch {
    // Full or blocked: the memory copy lasts as long as the page.
  }
}

export function clearTicket(slug: string, storage: Store | null = browserStorage()): void {
  const key = ticketKey(slug);
  memory.delete(key);
  try {
    storage?.removeItem(key);
  } catch {
    // Nothing to do.
  }
}
