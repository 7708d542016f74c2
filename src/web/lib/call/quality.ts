/**
 * Connection quality from `RTCPeerConnection.getStats()`, sampled every 2 s: round-trip time
 * of the selected candidate pair, packet loss both ways (what arrives here, and what the other
 * side reports about what we send) and the frames per second decoded. Pure functions.
 */
export type Quality = 'good' | 'fair' | 'poor' | 'unknown';

export interface QualitySample {
  /** Round-trip time in ms. */
  rttMs: number | null;
  /** Lost packets in %, the worse direction. */
  lossPct: number | null;
  /** Decoded frames per second of the remote video; null when no video arrives at all. */
  fps: number | null;
  /** Nothing at all arrived since the last reading (not even audio): the path is broken. */
  stalled: boolean;
}

/** Counters of one getStats() call. */
export interface StatsTotals {
  at: number;
  framesDecoded: number;
  packetsReceived: number;
  packetsLost: number;
  rttMs: number | null;
  /** Loss the other side reports about our packets (0–1). */
  remoteFractionLost: number | null;
}

type Stat = Record<string, unknown> & { type?: unknown };
const num = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

/** Sums the counters of a stats report (`report.values()`). */
export function readTotals(stats: Iterable<Stat>, at: number): StatsTotals {
  const totals: StatsTotals = {
    at,
    framesDecoded: 0,
    packetsReceived: 0,
    packetsLost: 0,
    rttMs: null,
    remoteFractionLost: null,
  };
  let pairRtt: number | null = null;
  let remoteRtt: number | null = null;
  const pairs = new Map<unknown, number>();
  const selectedIds: unknown[] = [];
  for (const stat of stats) {
    if (stat.type === 'inbound-rtp') {
      totals.packetsReceived += num(stat.packetsReceived) ?? 0;
      totals.packetsLost += Math.max(0, num(stat.packetsLost) ?? 0);
      totals.framesDecoded += num(stat.framesDecoded) ?? 0;
    } else if (stat.type === 'transport' && stat.selectedCandidatePairId) {
      selectedIds.push(stat.selectedCandidatePairId);
    } else if (stat.type === 'candidate-pair') {
      const rtt = num(stat.currentRoundTripTime);
      if (rtt !== null) pairs.set(stat.id, rtt * 1000);
      const selected = stat.nominated === true && stat.state === 'succeeded';
      if (selected && rtt !== null) pairRtt = Math.max(pairRtt ?? 0, rtt * 1000);
    } else if (stat.type === 'remote-inbound-rtp') {
      const rtt = num(stat.roundTripTime);
      if (rtt !== null) remoteRtt = Math.max(remoteRtt ?? 0, rtt * 1000);
      const lost = num(stat.fractionLost);
      if (lost !== null) totals.remoteFractionLost = Math.max(totals.remoteFractionLost ?? 0, lost);
    }
  }
  // The transport names its selected pair (Chrome, Safari); else the nominated one (Firefox).
  const selectedRtt = selectedIds.map((id) => pairs.get(id)).find((rtt) => rtt !== undefined);
  totals.rttMs = selectedRtt ?? pairRtt ?? remoteRtt;
  return totals;
}

/** What happened between two readings. */
export function sampleBetween(previous: StatsTotals | null, next: StatsTotals): QualitySample {
  let lossIn: number | null = null;
  let fps: number | null = null;
  let stalled = false;
  if (previous && next.at > previous.at) {
    const received = next.packetsReceived - previous.packetsReceived;
    stalled = received <= 0 && previous.packetsReceived > 0;
    const lost = next.packetsLost - previous.packetsLost;
    if (received + lost > 0) lossIn = (100 * Math.max(0, lost)) / (received + lost);
    const frames = next.framesDecoded - previous.framesDecoded;
    if (frames > 0) fps = (frames * 1000) / (next.at - previous.at);
  }
  const lossOut = next.remoteFractionLost === null ? null : next.remoteFractionLost * 100;
  const losses = [lossIn, lossOut].filter((value): value is number => value !== null);
  const lossPct = losses.length ? Math.max(...losses) : null;
  return { rttMs: next.rttMs, lossPct, fps, stalled };
}

const ORDER: Quality[] = ['good', 'fair', 'poor'];

/** Each known figure rates good / fair / poor; the worst one counts. */
export function rateQuality({ rttMs, lossPct, fps }: Omit<QualitySample, 'stalled'>): Quality {
  const ratings: Quality[] = [];
  if (rttMs !== null) ratings.push(rttMs < 250 ? 'good' : rttMs < 500 ? 'fair' : 'poor');
  if (lossPct !== null) ratings.push(lossPct < 2 ? 'good' : lossPct < 6 ? 'fair' : 'poor');
  if (fps !== null) ratings.push(fps >= 15 ? 'good' : fps >= 8 ? 'fair' : 'poor');
  if (ratings.length === 0) return 'unknown';
  return ORDER[Math.max(...ratings.map((rating) => ORDER.indexOf(rating)))] ?? 'unknown';
}

/** Polls a connection's stats every `everyMs` and reports the rating and its figures. */
export function watchQuality(
  pc: RTCPeerConnection,
  report: (quality: Quality, sample: QualitySample) => void,
  everyMs = 2_000,
): () => void {
  let previous: StatsTotals | null = null;
  const timer = setInterval(() => {
    if (pc.connectionState === 'closed' || pc.signalingState === 'closed') return;
    pc.getStats().then(
      (stats) => {
        const next = readTotals(stats.values() as Iterable<Stat>, performance.now());
        const sample = sampleBetween(previous, next);
        previous = next;
        report(rateQuality(sample), sample);
      },
      () => undefined,
    );
  }, everyMs);
  return () => clearInterval(timer);
}
