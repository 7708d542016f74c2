import { describe, expect, it } from 'vitest';
import { liveStatus } from './live-status.js';

describe('liveStatus', () => {
  it('is closed outside opening hours even when staff are on duty', () => {
    expect(liveStatus(false, { onDuty: 2, free: 2 })).toBe('closed');
  });
  it('is open_free when open and someone on duty is free', () => {
    expect(liveStatus(true, { onDuty: 2, free: 1 })).toBe('open_free');
  });
  it('is open_busy when open and everyone on duty is busy or paused', () => {
    expect(liveStatus(true, { onDuty: 2, free: 0 })).toBe('open_busy');
  });
  it('is open_unstaffed when open and nobody is on duty', () => {
    expect(liveStatus(true, { onDuty: 0, free: 0 })).toBe('open_unstaffed');
  });
});
