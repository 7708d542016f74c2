/**
 * An honest expected wait: a range, not a promise. From the citizen's place in line, the staff
 * on duty and how long recent consultations took. Pure, shared by server and browser (each
 * citizen's page computes its own from the public lobby snapshot).
 */
import type { WaitBasis } from './queue.js';

export interface WaitRange {
  minMinutes: number;
  maxMinutes: number;
}

/** Used until an office has served enough citizens to know better. */
export const DEFAULT_SERVICE_SECONDS = { typical: 10 * 60, slow: 20 * 60 };

const ROUND_TO_MINUTES = 5;

/**
 * `position` is 1-based (1 = next). Returns null when nobody is on duty: then no honest estimate
 * exists.
 */
export function estimateWait(position: number, basis: WaitBasis): WaitRange | null {
  if (basis.staffOnDuty === 0 || position < 1) return null;
  const ahead = position - 1;
  if (ahead < basis.staffFree) return { minMinutes: 0, maxMinutes: ROUND_TO_MINUTES };
  const servers = Math.max(basis.staffOnDuty, 1);
  // Best case: everyone ahead is served at the typical pace, in parallel, starting now.
  const min = (Math.floor(ahead / servers) * basis.typicalServiceSeconds) / 60;
  // Worst case: slow consultations, and each server first finishes the one in progress.
  const max = (Math.ceil((ahead + 1) / servers) * basis.slowServiceSeconds) / 60;
  const minMinutes = Math.floor(min / ROUND_TO_MINUTES) * ROUND_TO_MINUTES;
  const maxMinutes = Math.max(
    minMinutes + ROUND_TO_MINUTES,
    Math.ceil(max / ROUND_TO_MINUTES) * ROUND_TO_MINUTES,
  );
  return { minMinutes, maxMinutes };
}

/** Median and 80th percentile of recent durations (seconds); defaults when there are too few. */
export function serviceFigures(durations: number[]): {
  typical: number;
  slow: number;
  sample: number;
} {
  if (durations.length < 3) return { ...DEFAULT_SERVICE_SECONDS, sample: durations.length };
  const sorted = [...durations].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { typical: at(0.5), slow: Math.max(at(0.8), at(0.5)), sample: sorted.length };
}
