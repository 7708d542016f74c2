import { describe, expect, it } from 'vitest';
import type { QueueEntry, QueueSnapshot } from '../../shared/queue.js';
import {
  arrivalText,
  canCallTicket,
  countdownText,
  findCalledTicket,
  isPresent,
  minutesSince,
  newArrivals,
  observeOffset,
  recalledJoinBy,
  secondsUntil,
  waitedText,
} from './queue-logic.js';

const NOW = Date.parse('2026-03-02T10:00:00Z');

function entry(
  id: string,
  state: QueueEntry['state'] = 'waiting',
  extra: Partial<QueueEntry> = {},
) {
  return {
    id,
    code: `D-${id.padStart(3, '0')}`,
    name: null,
    state,
    enqueuedAt: '2026-03-02T09:50:00Z',
    calledAt: null,
    joinBy: null,
    lastSeenAt: '2026-03-02T09:59:50Z',
    present: true,
    calledBy: null,
    consultationId: null,
    appointment: null,
    ...extra,
  } satisfies QueueEntry;
}

function snapshot(tickets: QueueEntry[], office = 'demo'): QueueSnapshot {
  return {
    office,
    officeName: 'Demo',
    timeZone: 'Europe/Berlin',
    tickets,
    generatedAt: '2026-03-02T10:00:00Z',
  };
}

describe('observeOffset', () => {
  it('takes the first observation, then the largest (stale cached snapshots are lower bounds)', () => {
    const first = observeOffset(null, '2026-03-02T10:00:05Z', NOW);
    expect(first).toBe(5_000);
    expect(observeOffset(first, '2026-03-02T09:58:00Z', NOW)).toBe(5_000);
    expect(observeOffset(first, '2026-03-02T10:00:07Z', NOW)).toBe(7_000);
  });

  it('ignores an unreadable timestamp', () => {
    expect(observeOffset(1_000, 'nonsense', NOW)).toBe(1_000);
    expect(observeOffset(null, 'nonsense', NOW)).toBeNull();
  });
});

describe('waiting time', () => {
  it('counts whole minutes and never goes below zero', () => {
    expect(minutesSince('2026-03-02T09:56:00Z', NOW)).toBe(4);
    expect(minutesSince('2026-03-02T09:59:01Z', NOW)).toBe(0);
    expect(minutesSince('2026-03-02T10:00:30Z', NOW)).toBe(0); // clocks a little apart
  });

  it('says it in plain words in both languages', () => {
    expect(waitedText(0, 'de')).toBe('seit weniger als 1 Min.');
    expect(waitedText(4, 'de')).toBe('seit 4 Min.');
    expect(waitedText(65, 'de')).toBe('seit 1 Std. 5 Min.');
    expect(waitedText(4, 'en')).toBe('for 4 min');
    expect(waitedText(120, 'en')).toBe('for 2 h 0 min');
  });
});

describe('isPresent', () => {
  it('is present when seen within 45 s by the server clock', () => {
    expect(isPresent('2026-03-02T09:59:20Z', NOW)).toBe(true);
    expect(isPresent('2026-03-02T09:59:15Z', NOW)).toBe(false);
    expect(isPresent('garbage', NOW)).toBe(false);
  });
});

describe('newArrivals', () => {
  it('announces nothing on the first snapshot', () => {
    expect(newArrivals(null, snapshot([entry('1')]))).toEqual([]);
  });

  it('finds waiting tickets that were not waiting before', () => {
    const next = snapshot([entry('1'), entry('2'), entry('3', 'called')]);
    expect(newArrivals(new Set(['1']), next).map((t) => t.code)).toEqual(['D-002']);
  });

  it('words the announcement, with the office when several are watched', () => {
    expect(arrivalText([entry('4')], null, 'de')).toBe('Neue Person im Warteraum: D-004');
    expect(arrivalText([entry('4'), entry('5')], 'Gewerbeamt', 'de')).toBe(
      'Gewerbeamt – neue Personen im Warteraum: D-004, D-005',
    );
    expect(arrivalText([entry('4')], null, 'en')).toBe('New person in the waiting room: D-004');
  });

  it('says nothing when someone leaves', () => {
    expect(newArrivals(new Set(['1', '2']), snapshot([entry('2')]))).toEqual([]);
  });
});

describe('calling', () => {
  it('calls waiting and absent tickets from a row, not called or serving ones', () => {
    expect(canCallTicket(entry('1'))).toBe(true);
    expect(canCallTicket(entry('1', 'absent'))).toBe(true);
    expect(canCallTicket(entry('1', 'called'))).toBe(false);
    expect(canCallTicket(entry('1', 'serving'))).toBe(false);
  });

  it('finds the called ticket by id, or by office and code after a reload', () => {
    const queues = [snapshot([entry('7', 'called')], 'demo'), snapshot([entry('7')], 'other')];
    expect(findCalledTicket(queues, { ticketId: '7' })?.state).toBe('called');
    expect(findCalledTicket(queues, { office: 'other', code: 'D-007' })?.state).toBe('waiting');
    expect(findCalledTicket(queues, { office: 'demo', code: 'D-999' })).toBeNull();
    expect(findCalledTicket(queues, {})).toBeNull();
  });

  it('counts down to joinBy by the server clock', () => {
    expect(secondsUntil('2026-03-02T10:01:05Z', NOW)).toBe(65);
    expect(secondsUntil('2026-03-02T09:59:00Z', NOW)).toBe(-60);
    expect(secondsUntil(null, NOW)).toBeNull();
    expect(countdownText(65)).toBe('1:05');
    expect(countdownText(-3)).toBe('0:00');
  });

  it('gives a recall the same time to join as the first call', () => {
    const called = entry('1', 'called', {
      calledAt: '2026-03-02T09:55:00Z',
      joinBy: '2026-03-02T09:57:00Z',
    });
    expect(recalledJoinBy(called, NOW)).toBe('2026-03-02T10:02:00.000Z');
    expect(recalledJoinBy(entry('1'), NOW)).toBeNull();
  });
});
