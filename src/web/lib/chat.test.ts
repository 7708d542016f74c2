import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChatMessage } from '../../shared/queue.js';
import { delivery, maxMessageId, mergeMessages, TypingSignal } from './chat.js';

const message = (id: number, from: ChatMessage['from'] = 'citizen'): ChatMessage => ({
  id,
  from,
  text: `m${id}`,
  sentAt: '2026-11-25T10:00:00Z',
});

describe('mergeMessages', () => {
  it('adds own messages the snapshot does not have yet, once, in id order', () => {
    const merged = mergeMessages(
      [message(1), message(3, 'staff')],
      [message(3), message(4), message(2)],
    );
    expect(merged.map((m) => m.id)).toEqual([1, 2, 3, 4]);
    expect(merged.find((m) => m.id === 3)?.from).toBe('staff');
    expect(maxMessageId(merged)).toBe(4);
    expect(maxMessageId([])).toBe(0);
  });

  it('does the same for the staff side, and keeps the snapshot when nothing is extra', () => {
    const merged = mergeMessages(
      [message(1), message(3, 'staff')],
      [message(3, 'staff'), message(2, 'staff')],
    );
    expect(merged.map((m) => m.id)).toEqual([1, 2, 3]);
    expect(maxMessageId(merged)).toBe(3);
    const snapshot = [message(1)];
    expect(mergeMessages(snapshot, [message(1)])).toEqual(snapshot);
  });
});

describe('delivery', () => {
  it("ticks the citizen's own messages: sent, then delivered once the staff page has them", () => {
    expect(delivery(message(5), { citizen: 0, staff: 4 }, 'citizen')).toBe('sent');
    expect(delivery(message(5), { citizen: 0, staff: 5 }, 'citizen')).toBe('delivered');
    expect(delivery(message(5), undefined, 'citizen')).toBe('sent');
    expect(delivery(message(5, 'staff'), { citizen: 0, staff: 9 }, 'citizen')).toBeNull();
  });

  it("ticks staff's own messages: delivered once the citizen's page has them", () => {
    const upTo = { citizen: 2, staff: 5 };
    expect(delivery(message(2, 'staff'), upTo, 'staff')).toBe('delivered');
    expect(delivery(message(3, 'staff'), upTo, 'staff')).toBe('sent');
    expect(delivery(message(1), upTo, 'staff')).toBeNull();
    expect(delivery(message(1, 'staff'), undefined, 'staff')).toBe('sent');
  });
});

describe('TypingSignal', () => {
  let now = 0;
  let sent: boolean[] = [];
  let signal: TypingSignal;

  beforeEach(() => {
    vi.useFakeTimers();
    now = 0;
    sent = [];
    signal = new TypingSignal(
      (typing) => sent.push(typing),
      { repeatMs: 2000, idleMs: 3000 },
      () => now,
    );
  });
  afterEach(() => vi.useRealTimers());

  const type = (draft: string, afterMs: number) => {
    now += afterMs;
    vi.advanceTimersByTime(afterMs);
    signal.input(draft);
  };

  it('says "typing" at once, repeats it at most every 2 s, and "stopped" after 3 s idle', () => {
    type('H', 0);
    type('Ha', 500);
    type('Hal', 500);
    expect(sent).toEqual([true]);
    type('Hall', 1000);
    expect(sent).toEqual([true, true]);
    vi.advanceTimersByTime(2999);
    expect(sent).toEqual([true, true]);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([true, true, false]);
  });

  it('stops on send and on an emptied draft, and says nothing when it was not typing', () => {
    signal.stop();
    expect(sent).toEqual([]);
    type('Hi', 0);
    signal.stop();
    expect(sent).toEqual([true, false]);
    type('x', 100);
    type('', 100);
    expect(sent).toEqual([true, false, true, false]);
    vi.advanceTimersByTime(5000);
    expect(sent).toEqual([true, false, true, false]);
  });

  it('repeats after the interval, stops after a pause, and starts again on the next input', () => {
    type('H', 0);
    type('Ha', 500);
    expect(sent).toEqual([true]);
    type('Hal', 2000);
    expect(sent).toEqual([true, true]);
    vi.advanceTimersByTime(3000);
    expect(sent).toEqual([true, true, false]);
    signal.input('Hallo');
    signal.input('');
    expect(sent).toEqual([true, true, false, true, false]);
    signal.stop();
    expect(sent).toHaveLength(5);
  });

  it('uses 2 s / 3 s when no options are given', () => {
    const defaults: boolean[] = [];
    const quiet = new TypingSignal(
      (typing) => defaults.push(typing),
      undefined,
      () => now,
    );
    quiet.input('H');
    now += 1999;
    quiet.input('Ha');
    expect(defaults).toEqual([true]);
    now += 1;
    quiet.input('Hal');
    expect(defaults).toEqual([true, true]);
    vi.advanceTimersByTime(2999);
    expect(defaults).toEqual([true, true]);
    vi.advanceTimersByTime(1);
    expect(defaults).toEqual([true, true, false]);
  });
});
