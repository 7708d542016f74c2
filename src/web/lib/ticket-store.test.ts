import { describe, expect, it } from 'vitest';
import { clearTicket, isActive, loadTicket, saveTicket, ticketKey } from './ticket-store.js';

function fakeStorage() {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
    removeItem: (key: string) => void data.delete(key),
  };
}

const ticket = { id: '0b7c0e42-7a53-4c9e-9a0e-2f1f3d2b6a11', secret: 's'.repeat(32) };

describe('ticket storage', () => {
  it('keeps { id, secret } per office under bb.ticket.{slug}', () => {
    const storage = fakeStorage();
    saveTicket('gewerbeamt', ticket, storage);
    expect(JSON.parse(storage.data.get('bb.ticket.gewerbeamt')!)).toEqual(ticket);
    expect(loadTicket('gewerbeamt', storage)).toEqual(ticket);
    expect(loadTicket('bauordnung', storage)).toBeNull();
    clearTicket('gewerbeamt', storage);
    expect(storage.data.size).toBe(0);
    expect(loadTicket('gewerbeamt', storage)).toBeNull();
  });

  it('ignores broken entries', () => {
    const storage = fakeStorage();
    storage.setItem(ticketKey('a'), '{not json');
    storage.setItem(ticketKey('b'), JSON.stringify({ id: 'x' }));
    expect(loadTicket('a', storage)).toBeNull();
    expect(loadTicket('b', storage)).toBeNull();
  });

  it('still carries the ticket within the page when storage is blocked', () => {
    const blocked = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    saveTicket('sozialbuero', ticket, blocked);
    expect(loadTicket('sozialbuero', blocked)).toEqual(ticket);
    clearTicket('sozialbuero', blocked);
    expect(loadTicket('sozialbuero', blocked)).toBeNull();
    expect(loadTicket('sozialbuero', null)).toBeNull();
  });
});

describe('isActive', () => {
  it('is true while the ticket holds a place or a consultation', () => {
    expect(['waiting', 'called', 'serving', 'absent'].every((s) => isActive(s as never))).toBe(
      true,
    );
    expect(isActive('done')).toBe(false);
    expect(isActive('left')).toBe(false);
  });
});
