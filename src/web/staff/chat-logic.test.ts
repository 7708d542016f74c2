import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChatMessage } from '../../shared/queue.js';
import { delivery, maxMessageId, mergeMessages, TypingSignal } from './chat-logic.js';

const message = (id: number, from: ChatMessage['from'] = 'staff'): ChatMessage => ({
  id,
  from,
  text: `m${id}`,
  sentAt: '2026-03-02T10:00:00Z',
});

describe('mergeMessages', () => {
  it('adds own messages the snapshot does not have yet, in id order, once', () => {
    const merged = mergeMessages([message(1, 'citizen'), message(3)], [message(3), message(2)]);
    expect(merged.map((m) => m.id)).toEqual([1, 2, 3]);
    expect(maxMessageId(merged)).toBe(3);
    expect(maxMessageId([])).toBe(0);
  });
});

describe('delivery', () => {
  it('marks own messages delivered once the citizen has received them', () => {
    const upTo = { citizen: 2, staff: 5 };
    expect(delivery(message(2), upTo)).toBe('delivered');
    expect(delivery(message(3), upTo)).toBe('sent');
    expect(delivery(message(1, 'citizen'), upTo)).toBeNull();
    expect(delivery(message(1), undefined)).toBe('sent');
  });
});

describe('TypingSignal', () => {
  afterEach(() => vi.useRealTimers());

  it('sends true once per repeat interval, false after a pause or on stop', () => {
    vi.useFakeTimers();
    let now = 0;
    const sent: boolean[] = [];
    const signal = new TypingSignal(
      (typing) => sent.push(typing),
      2_000,
      3_000,
      () => now,
    );
    signal.input('H');
    now = 500;
    signal.input('Ha');
    expect(sent).toEqual([true]);
    now = 2_500;
    signal.input('Hal');
    expect(sent).toEqual([true, true]);
    vi.advanceTimersByTime(3_000);
    expect(sent).toEqual([true, true, false]);
    signal.input('Hallo');
    signal.input('');
    expect(sent).toEqual([true, true, false, true, false]);
    signal.stop();
    expect(sent).toHaveLength(5);
  });
});
