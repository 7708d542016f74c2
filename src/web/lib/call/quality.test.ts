import { describe, expect, it } from 'vitest';
import { rateQuality, readTotals, sampleBetween, type StatsTotals } from './quality.js';

const report = (over: { packetsReceived: number; packetsLost: number; framesDecoded: number }) => [
  { type: 'transport', id: 'T1', selectedCandidatePairId: 'P2' },
  {
    type: 'candidate-pair',
    id: 'P1',
    nominated: true,
    state: 'succeeded',
    currentRoundTripTime: 0.9,
  },
  {
    type: 'candidate-pair',
    id: 'P2',
    nominated: true,
    state: 'succeeded',
    currentRoundTripTime: 0.04,
  },
  { type: 'inbound-rtp', kind: 'audio', packetsReceived: 500, packetsLost: 0 },
  { type: 'inbound-rtp', kind: 'video', ...over },
  { type: 'remote-inbound-rtp', kind: 'video', roundTripTime: 0.05, fractionLost: 0.01 },
];

describe('connection quality from getStats()', () => {
  it('reads the selected pair’s round trip, and sums packets and frames', () => {
    const totals = readTotals(
      report({ packetsReceived: 1000, packetsLost: 10, framesDecoded: 300 }),
      1000,
    );
    expect(totals).toEqual({
      at: 1000,
      framesDecoded: 300,
      packetsReceived: 1500,
      packetsLost: 10,
      rttMs: 40,
      remoteFractionLost: 0.01,
    });
  });

  it('takes the nominated pair, or the RTP round trip, when no transport names one', () => {
    const stats = [
      {
        type: 'candidate-pair',
        id: 'P1',
        nominated: true,
        state: 'succeeded',
        currentRoundTripTime: 0.12,
      },
    ];
    expect(readTotals(stats, 0).rttMs).toBe(120);
    expect(readTotals([{ type: 'remote-inbound-rtp', roundTripTime: 0.3 }], 0).rttMs).toBe(300);
    expect(readTotals([], 0).rttMs).toBeNull();
  });

  it('turns two readings into loss (the worse direction) and frames per second', () => {
    const before: StatsTotals = {
      at: 0,
      framesDecoded: 100,
      packetsReceived: 1000,
      packetsLost: 0,
      rttMs: 40,
      remoteFractionLost: null,
    };
    const after = {
      ...before,
      at: 2000,
      framesDecoded: 160,
      packetsReceived: 1950,
      packetsLost: 50,
    };
    expect(sampleBetween(before, after)).toEqual({
      rttMs: 40,
      lossPct: 5,
      fps: 30,
      stalled: false,
    });
    const reported = { ...after, remoteFractionLost: 0.1 };
    expect(sampleBetween(before, reported).lossPct).toBeCloseTo(10);
    // No frames decoded (the other side's camera is off): frame rate does not count.
    expect(sampleBetween(before, { ...after, framesDecoded: 100 }).fps).toBeNull();
    expect(sampleBetween(null, after)).toEqual({
      rttMs: 40,
      lossPct: null,
      fps: null,
      stalled: false,
    });
    // Nothing arrived at all between two readings: the path is broken.
    expect(sampleBetween(after, { ...after, at: 4000 }).stalled).toBe(true);
  });

  it('rates good / fair / poor by the worst figure, unknown without any', () => {
    expect(rateQuality({ rttMs: 40, lossPct: 0.5, fps: 29 })).toBe('good');
    expect(rateQuality({ rttMs: 320, lossPct: 0.5, fps: 29 })).toBe('fair');
    expect(rateQuality({ rttMs: 40, lossPct: 3, fps: 29 })).toBe('fair');
    expect(rateQuality({ rttMs: 40, lossPct: 0, fps: 10 })).toBe('fair');
    expect(rateQuality({ rttMs: 40, lossPct: 12, fps: 29 })).toBe('poor');
    expect(rateQuality({ rttMs: 800, lossPct: null, fps: null })).toBe('poor');
    expect(rateQuality({ rttMs: 40, lossPct: 0, fps: 4 })).toBe('poor');
    expect(rateQuality({ rttMs: null, lossPct: null, fps: null })).toBe('unknown');
  });
});
