/**
 * `--profile`: where the pages' main threads spend a call's setup. Each page is sampled by
 * V8's CPU profiler (over CDP) from just before the staff click until both first frames; the
 * samples of all calls are summed per function, by self time and by total (inclusive) time.
 * For readable names build the pages unminified first: `npx vite build --minify false`.
 */
import type { Page } from 'playwright-core';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

const SAMPLING_US = 200;
/** The chunk that holds Lit (and a few shared helpers) in the built pages. */
const LIBRARY_CHUNK = /format-[\w-]+\.js/;

export class CallProfiles {
  private readonly self = new Map<string, number>();
  private readonly total = new Map<string, number>();
  private calls = 0;

  /** Starts sampling `page`; the returned function stops and adds the samples. */
  async start(page: Page, side: string): Promise<() => Promise<void>> {
    const session = await page.context().newCDPSession(page);
    await session.send('Profiler.enable');
    await session.send('Profiler.setSamplingInterval', { interval: SAMPLING_US });
    await session.send('Profiler.start');
    return async () => {
      const { profile } = (await session.send('Profiler.stop')) as { profile: CpuProfile };
      await session.detach().catch(() => undefined);
      this.add(profile, side);
    };
  }

  /** One call's profiles are in (for the per-call average). */
  callDone(): void {
    this.calls++;
  }

  private add(profile: CpuProfile, side: string): void {
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const node of profile.nodes)
      for (const child of node.children ?? []) parent.set(child, node.id);
    const samples = profile.samples ?? [];
    const deltas = profile.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i++) {
      // A sample stands for the time until the next one.
      const ms = (deltas[i + 1] ?? SAMPLING_US) / 1000;
      const leaf = byId.get(samples[i]!);
      if (!leaf) continue;
      const leafKey = `${side} ${keyOf(leaf.callFrame)}`;
      this.self.set(leafKey, (this.self.get(leafKey) ?? 0) + ms);
      const seen = new Set<string>();
      for (let id: number | undefined = leaf.id; id !== undefined; id = parent.get(id)) {
        const node = byId.get(id)!;
        if (node.callFrame.functionName === '(root)') break;
        const key = `${side} ${keyOf(node.callFrame)}`;
        if (seen.has(key)) continue;
        seen.add(key);
        this.total.set(key, (this.total.get(key) ?? 0) + ms);
      }
    }
  }

  lines(top = 30): string[] {
    const per = Math.max(1, this.calls);
    const table = (map: Map<string, number>) =>
      [...map]
        .filter(([key]) => !key.endsWith(' (idle)'))
        .sort((x, y) => y[1] - x[1])
        .slice(0, top)
        .map(([key, ms]) => `  ${(ms / per).toFixed(1).padStart(7)} ms  ${key}`);
    return [
      `== profile: main-thread time per call (ms, mean over ${this.calls} calls, from just before the click to both first frames)`,
      'by self time:',
      ...table(this.self),
      'by total time (the function and what it calls):',
      ...table(this.total),
      `by total time, the app's own functions (not in ${LIBRARY_CHUNK}):`,
      ...table(
        new Map([...this.total].filter(([key]) => /\.js:/.test(key) && !LIBRARY_CHUNK.test(key))),
      ),
    ];
  }
}

function keyOf(frame: CallFrame): string {
  const name = frame.functionName || '(anonymous)';
  if (!frame.url) return name;
  const file = frame.url.split('/').pop()!.split('?')[0];
  return `${name} ${file}:${frame.lineNumber + 1}`;
}
