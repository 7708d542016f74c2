/**
 * `--trace DIR`: a Chromium trace of each call's setup (whole browser, from just before the
 * staff click to both first frames) in DIR/call-N.json, and per call how long each renderer's
 * main thread was busy, named by the pages it loaded. This is how Chromium's own omnibox popup
 * page, preloaded by every new window and busy for about 1 s beside each call, was found.
 * The files open in DevTools' Performance panel.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';

interface TraceEvent {
  ph: string;
  name: string;
  pid: number;
  tid: number;
  ts?: number;
  dur?: number;
  args?: { name?: string; data?: { url?: string } };
}

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink'];

export class CallTraces {
  /** Busy ms per renderer kind, per call. */
  private readonly busy = new Map<string, number[]>();

  constructor(private readonly dir: string) {}

  /** Starts tracing the browser; the returned function stops and summarises the trace. */
  async start(browser: Browser, round: number): Promise<() => Promise<void>> {
    const file = path.join(this.dir, `call-${round}.json`);
    await browser.startTracing(undefined, { path: file, categories: CATEGORIES });
    return async () => {
      await browser.stopTracing();
      const parsed = JSON.parse(await readFile(file, 'utf8')) as
        TraceEvent[] | { traceEvents: TraceEvent[] };
      this.add(Array.isArray(parsed) ? parsed : parsed.traceEvents, round);
    };
  }

  private add(events: TraceEvent[], round: number): void {
    const mains = new Set(
      events
        .filter(
          (e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain',
        )
        .map((e) => `${e.pid}:${e.tid}`),
    );
    const busy = new Map<string, number>();
    const pages = new Map<string, Set<string>>();
    for (const e of events) {
      const thread = `${e.pid}:${e.tid}`;
      if (!mains.has(thread)) continue;
      const url = e.args?.data?.url;
      if (url) (pages.get(thread) ?? pages.set(thread, new Set()).get(thread)!).add(url);
      // Top-level tasks only: RunTask events do not nest.
      if (e.ph === 'X' && e.name === 'RunTask')
        busy.set(thread, (busy.get(thread) ?? 0) + (e.dur ?? 0) / 1000);
    }
    const perKind = new Map<string, number>();
    for (const [thread, ms] of busy) {
      const kind = kindOf(pages.get(thread) ?? new Set());
      perKind.set(kind, (perKind.get(kind) ?? 0) + ms);
    }
    for (const [kind, ms] of perKind) {
      const values = this.busy.get(kind) ?? this.busy.set(kind, []).get(kind)!;
      values[round - 1] = ms;
    }
  }

  lines(): string[] {
    const rows = [...this.busy].map(([kind, values]) => {
      const list = values.filter((v) => v !== undefined).sort((a, b) => a - b);
      const median = list[Math.floor(list.length / 2)] ?? 0;
      return { kind, median, calls: list.length };
    });
    return [
      `== trace: renderer main threads busy per call (ms, median over the calls that had it; files in ${this.dir})`,
      ...rows
        .sort((a, b) => b.median - a.median)
        .map((r) => `  ${r.median.toFixed(0).padStart(6)} ms  ${r.kind}  (${r.calls} calls)`),
    ];
  }
}

/** Which page a renderer held: the app's citizen or staff page, or Chromium's own. */
function kindOf(urls: Set<string>): string {
  const list = [...urls];
  if (list.some((u) => u.includes('/staff'))) return 'staff page';
  if (list.some((u) => /\/api\/tickets\/|\/demo/.test(u))) return 'citizen page';
  const own = list.find((u) => u.startsWith('chrome://') && !u.startsWith('chrome://resources'));
  if (own) return `Chromium: ${new URL(own).host}`;
  return list.length ? `other: ${new URL(list[0]!).host}` : 'renderer without a page (spare)';
}
