/** Percentiles and the printed table of the call-setup bench. */

/** Nearest-rank percentile (q in 0..1); NaN for no values. */
export function pct(values: readonly number[], q: number): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

export const p50 = (values: readonly number[]) => pct(values, 0.5);
export const p95 = (values: readonly number[]) => pct(values, 0.95);

export const ms = (value: number): string => (Number.isFinite(value) ? value.toFixed(0) : '–');

/** One measured series: setup times (ms) of successful rounds, plus how many rounds failed. */
export interface Series {
  label: string;
  values: number[];
  failed: number;
}

export const series = (label: string): Series => ({ label, values: [], failed: 0 });

export function line(s: Series): string {
  const n = `${s.values.length}${s.failed ? ` (+${s.failed} failed)` : ''}`;
  return `${s.label.padEnd(44)} n=${n.padEnd(14)} p50 ${ms(p50(s.values)).padStart(5)}  p95 ${ms(
    p95(s.values),
  ).padStart(5)}  min ${ms(pct(s.values, 0)).padStart(5)}  max ${ms(pct(s.values, 1)).padStart(5)}`;
}

/** What happened when in one round: [side: event, ms after t0], in time order. */
export type Timeline = [string, number][];

/** The round whose value is the median (the value of failed rounds is NaN). */
export function medianRound<T>(rounds: T[], value: (round: T) => number): T | undefined {
  const ok = rounds.filter((r) => Number.isFinite(value(r)));
  const target = p50(ok.map(value));
  return ok.find((r) => value(r) === target);
}

/** One line per event (its first time), with how often it happened in the round. */
export function timelineLines(rows: Timeline): string[] {
  const count = new Map<string, number>();
  for (const [name] of rows) count.set(name, (count.get(name) ?? 0) + 1);
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const [name, at] of rows) {
    if (seen.has(name)) continue;
    seen.add(name);
    const n = count.get(name)!;
    lines.push(`  ${ms(at).padStart(6)} ms  ${name}${n > 1 ? ` (×${n})` : ''}`);
  }
  return lines;
}

/** How often an event happened per round: median and max. */
export function perRound(timelines: Timeline[], name: string): string {
  const n = timelines.map((rows) => rows.filter(([event]) => event === name).length);
  return `${name}: median ${p50(n)}, max ${pct(n, 1)} per call`;
}

export interface Goal {
  what: string;
  value: string;
  met: boolean | null;
}

export function goalLines(goals: Goal[]): string[] {
  return goals.map(
    (g) =>
      `  ${(g.met === null ? 'n/a' : g.met ? 'MET' : 'NOT MET').padEnd(8)} ${g.what.padEnd(46)} ${g.value}`,
  );
}
