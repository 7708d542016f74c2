import { describe, expect, it } from 'vitest';
import type { WaitBasis } from '../../shared/queue.js';
import {
  aheadText,
  clockOffsetMs,
  countdownText,
  positionAnnouncement,
  positionOf,
  secondsLeft,
  waitText,
} from './lobby.js';

const wait = (over: Partial<WaitBasis> = {}) => ({
  wait: {
    typicalServiceSeconds: 600,
    slowServiceSeconds: 1200,
    staffOnDuty: 1,
    staffFree: 0,
    sample: 10,
    ...over,
  },
});

describe('positionOf', () => {
  it('is the 1-based place in the waiting order, null when not waiting', () => {
    expect(positionOf(['a', 'b', 'c'], 'a')).toBe(1);
    expect(positionOf(['a', 'b', 'c'], 'c')).toBe(3);
    expect(positionOf(['a', 'b'], 'x')).toBeNull();
    expect(positionOf([], 'x')).toBeNull();
  });
});

describe('waitText', () => {
  it('says a range in plain words, or "a few minutes" when someone is free', () => {
    expect(waitText(3, wait(), 'de')).toBe('etwa 20–60 Minuten');
    expect(waitText(3, wait(), 'en')).toBe('about 20–60 minutes');
    expect(waitText(1, wait({ staffFree: 1 }), 'de')).toBe('in wenigen Minuten');
    expect(waitText(1, wait(), 'de')).toBe('bis zu etwa 20 Minuten');
  });

  it('promises nothing when nobody is on duty', () => {
    expect(waitText(2, wait({ staffOnDuty: 0 }), 'de')).toBeNull();
  });
});

describe('aheadText', () => {
  it('counts the people ahead with plurals', () => {
    expect(aheadText(1, 'de')).toBe('Vor Ihnen wartet niemand mehr – Sie sind als Nächstes dran.');
    expect(aheadText(2, 'de')).toBe('Vor Ihnen wartet 1 Person.');
    expect(aheadText(4, 'en')).toBe('3 people are ahead of you.');
  });
});

describe('positionAnnouncement', () => {
  it('announces real moves only', () => {
    expect(positionAnnouncement(null, 3, 'de')).toBeNull();
    expect(positionAnnouncement(3, 3, 'de')).toBeNull();
    expect(positionAnnouncement(3, null, 'de')).toBeNull();
    expect(positionAnnouncement(3, 2, 'de')).toBe('Sie sind jetzt an Platz 2.');
    expect(positionAnnouncement(2, 1, 'en')).toBe('You are now number 1 in line – you are next.');
    // Moving back (someone with an appointment went first) is a move too.
    expect(positionAnnouncement(2, 3, 'en')).toBe('You are now number 3 in line.');
  });
});

describe('countdown', () => {
  it('corrects for the browser clock being off', () => {
    // The browser is 2 minutes behind the server.
    const offset = clockOffsetMs(
      '2026-11-25T10:02:00Z',
      Date.parse('2026-11-25T09:59:59Z'),
      Date.parse('2026-11-25T10:00:01Z'),
    );
    expect(offset).toBe(120_000);
    const now = Date.parse('2026-11-25T10:00:00Z');
    expect(secondsLeft('2026-11-25T10:04:00Z', now, offset)).toBe(120);
    expect(secondsLeft('2026-11-25T10:01:00Z', now, offset)).toBe(0);
    expect(secondsLeft(null, now, offset)).toBeNull();
    expect(clockOffsetMs('nonsense', 0, 0)).toBe(0);
  });

  it('reads as minutes and seconds', () => {
    expect(countdownText(125)).toBe('2:05');
    expect(countdownText(59)).toBe('0:59');
    expect(countdownText(0)).toBe('0:00');
  });
});
