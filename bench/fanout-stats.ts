/** Small helpers shared by the fan-out bench: percentiles, the result shape, payload padding. */

/** Latency figures over a set of rounds (ms; t0 = just before the trigger line is written). */
export interface Figures {
  rounds: number;
  /** The first receipt of any round. */
  min: number;
  p50: number;
  p99: number;
  max: number;
  /** Median over rounds of each round's last receipt. */
  roundLast: number;
  /** Receipts within 5 s, in % of n × rounds; worstRound: the worst round, in % of n. */
  delivered: number;
  worstRound: number;
  /** Median CPU time (ms) other processes on the machine used during a round. */
  other: number;
  /** Median CPU time (ms) of the server's and the client's main threads during a round. */
  serverCpu: number;
  clientCpu: number;
  /** Server-side medians (ms after the trigger line): change done; app: hub load start/end. */
  firedMs: number;
  loadStartMs: number | null;
  loadEndMs: number | null;
}

/** What one load-client run reports for one server mode at one N. */
export interface ModeResult {
  /** e.g. `app (pglite)`, `floor (frame)`, `socket.io`. */
  label: string;
  n: number;
  /** Connections that got their first snapshot. */
  connected: number;
  connectSeconds: number;
  /** Rounds in which other processes stayed (nearly) off the CPU; null when there was none. */
  quiet: Figures | null;
  /** Every round run, the noisy ones included. */
  all: Figures;
  /** (RSS after connecting N and GC − RSS before) / N, in KB; heap: V8 heap + external. */
  rssPerConnKB: number;
  heapPerConnKB: number;
  /** Median bytes of the snapshot payload the clients received. */
  payloadBytes: number;
  /** Payload bytes per round run (the app's run feeds these to the baselines). */
  sizes: number[];
}

/** Per-round measurements of one server mode. */
export type Series = Record<
  | 'lat'
  | 'last'
  | 'delivered'
  | 'fired'
  | 'sizes'
  | 'other'
  | 'serverCpu'
  | 'clientCpu'
  | 'start'
  | 'end',
  number[]
>;

export const emptySeries = (): Series => ({
  lat: [],
  last: [],
  delivered: [],
  fired: [],
  sizes: [],
  other: [],
  serverCpu: [],
  clientCpu: [],
  start: [],
  end: [],
});

export function summarize(s: Series, n: number): Figures {
  const sorted = Float64Array.from(s.lat).sort();
  const rounds = s.delivered.length;
  return {
    rounds,
    min: sorted[0] ?? NaN,
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    max: sorted[sorted.length - 1] ?? NaN,
    roundLast: median(s.last),
    delivered: (sorted.length / (n * rounds)) * 100,
    worstRound: Math.min(...s.delivered),
    other: median(s.other),
    serverCpu: median(s.serverCpu),
    clientCpu: median(s.clientCpu),
    firedMs: median(s.fired),
    loadStartMs: s.start.length ? median(s.start) : null,
    loadEndMs: s.end.length ? median(s.end) : null,
  };
}

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/** Nearest-rank percentile of a sorted array (q in 0..1). */
export function percentile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

/** A lobby-like snapshot (key `lobby:demo`) whose JSON is exactly `bytes` long (or the minimum). */
export function paddedSnapshot(bytes: number): { json: string; object: object } {
  const object = { v: 1, type: 'snapshot', topic: 'lobby', key: 'lobby:demo', data: { pad: '' } };
  const empty = JSON.stringify(object).length;
  object.data.pad = 'x'.repeat(Math.max(0, bytes - empty));
  return { json: JSON.stringify(object), object };
}

export const fmt = (value: number | null, digits = 1): string =>
  value === null || Number.isNaN(value) ? '–' : value.toFixed(digits);

export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
