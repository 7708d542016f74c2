/**
 * `--cpu`: CPU time per process over each call's setup (from just before the staff click to
 * both first frames), read from /proc (Linux only): this process (the app's server), and each
 * Chromium process by its kind (browser, GPU, network, video capture, audio, renderers). On a
 * 2-core machine a setup is CPU-bound; this says who takes the cores.
 */
import fs from 'node:fs';
import { ticksOf } from './cpu-usage.js';

const TICK_MS = 10; // USER_HZ is 100 on Linux, as in cpu-usage.ts

function kindOf(pid: string): string | null {
  if (Number(pid) === process.pid) return 'server (this process)';
  let args: string[];
  try {
    // Chromium rewrites its command line into one space-separated string.
    args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/);
  } catch {
    return null;
  }
  if (!args[0]?.includes('chromium')) return null;
  const type = args.find((a) => a.startsWith('--type='))?.slice(7);
  if (!type) return 'Chromium browser';
  const sub = args.find((a) => a.startsWith('--utility-sub-type='))?.slice(19);
  return `Chromium ${type}${sub ? ` ${sub}` : ''}`;
}

type Snapshot = Map<string, { kind: string; ticks: number }>;

function snapshot(): Snapshot {
  const snap: Snapshot = new Map();
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    const kind = kindOf(pid);
    if (kind) snap.set(pid, { kind, ticks: ticksOf(pid) });
  }
  return snap;
}

export class CallCpu {
  private readonly ms = new Map<string, number>();
  private wallMs = 0;
  private calls = 0;

  /** Starts counting; the returned function stops and adds this call's CPU time. */
  start(): () => Promise<void> {
    const before = snapshot();
    const startedAt = performance.now();
    return () => {
      const after = snapshot();
      this.wallMs += performance.now() - startedAt;
      this.calls++;
      for (const [pid, { kind, ticks: now }] of after) {
        const spent = (now - (before.get(pid)?.ticks ?? 0)) * TICK_MS;
        this.ms.set(kind, (this.ms.get(kind) ?? 0) + spent);
      }
      return Promise.resolve();
    };
  }

  lines(what = 'the app, per setup'): string[] {
    const per = Math.max(1, this.calls);
    const total = [...this.ms.values()].reduce((a, b) => a + b, 0);
    return [
      `== cpu: CPU time of ${what} (ms, mean over ${this.calls}; wall time ${(this.wallMs / per).toFixed(0)} ms, ` +
        `so ${((total / this.wallMs) * 100).toFixed(0)} % of one core on average)`,
      ...[...this.ms]
        .sort((a, b) => b[1] - a[1])
        .map(([kind, ms]) => `  ${(ms / per).toFixed(0).padStart(6)} ms  ${kind}`),
      `  ${(total / per).toFixed(0).padStart(6)} ms  in all`,
    ];
  }
}
