/**
 * Recovery after a cut path. There is no iptables/nft here and the browsers' own paths run
 * inside one machine, so the only path the bench can cut is the TURN relay (coturn, a process
 * of this bench): `freeze` stops it with SIGSTOP and continues it with SIGCONT (a network blip:
 * allocations survive, packets sent meanwhile are lost); `restart` kills it and starts it again
 * (allocations are gone: only an ICE restart brings the picture back). Measured: time from the
 * restore to `framesDecoded` rising again on each side. Without TURN: the time an ICE restart
 * (`restartIce()` on the offering side's connection) needs to complete, and the longest gap in
 * decoded frames meanwhile.
 */
import type { Page } from 'playwright-core';
import type { HookWindow } from './call-types.js';

export type Cut = 'freeze' | 'restart';

export interface Relay {
  pid(): number;
  restart(): Promise<void>;
}

export interface CutResult {
  cut: Cut;
  holdMs: number;
  /** Was the picture steady on both sides before the cut? */
  steadyBefore: boolean;
  /** Did video packets stop on both sides during the cut (else the cut did not cut)? */
  stopped: boolean;
  /** Frames decoded before the cut; video packets received a second before its end and at it. */
  counts: number[][];
  /** Restore → the first new decoded frame (ms), per side; null: none within the timeout. */
  firsts: (number | null)[];
  /** Restore → a steady picture again (ms), per side; null: not within the timeout. */
  sides: (number | null)[];
  /** What the pages did after the restore (first time of each mark, ms after restore). */
  after: string[];
}

const RESUME_TIMEOUT_MS = 15_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const frames = (page: Page) => page.evaluate(() => window.__bench.frames());
const packets = (page: Page) => page.evaluate(() => window.__bench.packets());
const nowMs = () => performance.timeOrigin + performance.now();

export async function cutRelay(
  pages: Page[],
  relay: Relay,
  cut: Cut,
  holdMs: number,
  everyMark = false,
): Promise<CutResult> {
  // The picture must be steady before the cut (a previous cut may have left it stuck).
  const start = await Promise.all(pages.map(frames));
  const healthy = await Promise.all(
    pages.map((p, i) =>
      p.evaluate(([n]) => window.__bench.waitSteady(n, 8000), [start[i]!] as const),
    ),
  );
  for (const p of pages) await p.evaluate(() => window.__bench.reset());
  const before = await Promise.all(pages.map(frames));
  const pid = relay.pid();
  process.kill(pid, cut === 'freeze' ? 'SIGSTOP' : 'SIGKILL');
  // The cut holds when no video packet arrived in its last part (the last second, or half of
  // a short one). Decoded frames are no proof: a decoder may drain a backlog after the cut.
  const quiet = Math.min(1000, holdMs / 2);
  await sleep(holdMs - quiet);
  const early = await Promise.all(pages.map(packets));
  await sleep(quiet);
  const late = await Promise.all(pages.map(packets));
  const stopped = late.every((n, i) => n === early[i]);
  if (cut === 'freeze') process.kill(pid, 'SIGCONT');
  else await relay.restart();
  const restoredAt = nowMs();
  const atRestore = await Promise.all(pages.map(frames));
  const resumed = await Promise.all(
    pages.map((p, i) =>
      p.evaluate(([n, timeout]) => window.__bench.waitSteady(n, timeout), [
        atRestore[i]!,
        RESUME_TIMEOUT_MS,
      ] as const),
    ),
  );
  const since = (at: number | null) => (at === null ? null : Math.max(0, at - restoredAt));
  const sides = resumed.map((r) => since(r.steady));
  const firsts = resumed.map((r) => since(r.first));
  const after: string[] = [];
  for (const [i, p] of pages.entries()) {
    const marks = await p.evaluate(() => window.__bench.marks);
    const seen = new Set<string>();
    for (const [name, at] of marks) {
      if ((seen.has(name) && !everyMark) || name.startsWith('candidate')) continue;
      seen.add(name);
      const when = at - restoredAt;
      after.push(`${i === 0 ? 'A' : 'B'} ${when >= 0 ? '+' : ''}${when.toFixed(0)} ${name}`);
    }
  }
  await sleep(1500); // settle before the next cut
  return {
    cut,
    holdMs,
    steadyBefore: healthy.every((r) => r.steady !== null),
    stopped,
    counts: [before, early, late],
    firsts,
    sides,
    after,
  };
}

export interface RestartResult {
  /** restartIce() → a candidate pair with the new local ICE credentials selected (ms). */
  restartMs: number | null;
  /** Longest time without a new decoded frame during the 3 s after it, per side (ms). */
  gaps: number[];
}

/** The longest pause in decoded frames over the next `ms` milliseconds, in the page. */
function longestGap(ms: number): Promise<number> {
  const bench = window.__bench;
  return (async () => {
    let last = await bench.frames();
    let lastAt = bench.now();
    let longest = 0;
    const end = bench.now() + ms;
    while (bench.now() < end) {
      await new Promise((r) => setTimeout(r, 10));
      const n = await bench.frames();
      const at = bench.now();
      if (n > last) {
        longest = Math.max(longest, at - lastAt);
        last = n;
        lastAt = at;
      }
    }
    return Math.max(longest, bench.now() - lastAt);
  })();
}

/** restartIce() on this page's connection; resolves when a pair of the new generation is in use. */
async function restartAndWait(): Promise<number | null> {
  const bench = window.__bench;
  const pc: RTCPeerConnection = (window as unknown as HookWindow).__vbCall!.pc!;
  const selected = async () => {
    let ufrag: string | null = null;
    let changes = 0;
    (await pc.getStats()).forEach((s) => {
      if (s.type === 'transport' && s.selectedCandidatePairId) {
        ufrag = s.iceLocalUsernameFragment ?? null;
        changes = s.selectedCandidatePairChanges ?? 0;
      }
    });
    return { ufrag, changes };
  };
  const old = await selected();
  const start = bench.now();
  pc.restartIce();
  while (bench.now() - start < 5000) {
    await new Promise((r) => setTimeout(r, 5));
    const now = await selected();
    if (now.ufrag && now.ufrag !== old.ufrag && now.changes > old.changes) {
      return bench.now() - start;
    }
  }
  return null;
}

/** Without TURN: an ICE restart on the offering side (staff); frames should never stop. */
export async function iceRestart(offerer: Page, answerer: Page): Promise<RestartResult> {
  const gaps = Promise.all([offerer, answerer].map((p) => p.evaluate(longestGap, 3000)));
  const restartMs = await offerer.evaluate(restartAndWait);
  const result = { restartMs, gaps: await gaps };
  await sleep(500);
  return result;
}
