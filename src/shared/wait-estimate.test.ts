import { describe, expect, it } from 'vitest';
import type { WaitBasis } from './queue.js';
import { estimateWait, serviceFigures } from './wait-estimate.js';

const basis = (over: Partial<WaitBasis> = {}): WaitBasis => ({
  typicalServiceSeconds: 600,
  slowServiceSeconds: 1200,
  staffOnDuty: 1,
  staffFree: 0,
  sample: 10,
  ...over,
});

describe('estimateWait', () => {
  it('gives no estimate when nobody is on duty', () => {
    expect(estimateWait(1, basis({ staffOnDuty: 0 }))).toBeNull();
  });

  it('says "within 5 minutes" when a staff member is free for this place', () => {
    expect(estimateWait(1, basis({ staffFree: 1 }))).toEqual({ minMinutes: 0, maxMinutes: 5 });
    expect(estimateWait(2, basis({ staffOnDuty: 2, staffFree: 2 }))).toEqual({
      minMinutes: 0,
      maxMinutes: 5,
    });
  });

  it('grows with the people ahead and shrinks with more staff on duty', () => {
    // One staff busy, two ahead: 20–60 minutes (typical 10, slow 20 per person).
    expect(estimateWait(3, basis())).toEqual({ minMinutes: 20, maxMinutes: 60 });
    // Two staff: 10–40.
    expect(estimateWait(3, basis({ staffOnDuty: 2 }))).toEqual({ minMinutes: 10, maxMinutes: 40 });
  });

  it('is always a range of at least five minutes rounded to five', () => {
    const range = estimateWait(2, basis({ typicalServiceSeconds: 60, slowServiceSeconds: 90 }))!;
    expect(range.maxMinutes - range.minMinutes).toBeGreaterThanOrEqual(5);
    expect(range.minMinutes % 5).toBe(0);
    expect(range.maxMinutes % 5).toBe(0);
  });
});

describe('serviceFigures', () => {
  it('falls back to defaults with fewer than three consultations', () => {
    expect(serviceFigures([100])).toEqual({ typical: 600, slow: 1200, sample: 1 });
  });
  it('takes the median and the 80th percentile', () => {
    expect(serviceFigures([60, 120, 180, 240, 300, 600, 900, 1200, 1500, 1800])).toEqual({
      typical: 600,
      slow: 1500,
      sample: 10,
    });
  });
});
