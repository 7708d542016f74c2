/**
 * The floor: two bare pages (bench/call-floor.html, served by a throwaway http server in the
 * bench process) in two contexts of the same browser connect one RTCPeerConnection directly;
 * the offer, answer and candidates travel through the bench process only. Camera and
 * microphone are open before t0. t0 = just before createOffer in page A (in-page timestamp);
 * t1 = the first decoded remote video frame on each side (same probe as the app).
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CallCpu } from './call-cpu.js';
import type { Browser, Page } from 'playwright-core';
import { newContext, timeline } from './call-app.js';
import { series, type Series, type Timeline } from './call-stats.js';

const HTML = fs.readFileSync(new URL('./call-floor.html', import.meta.url), 'utf8');
const FRAME_TIMEOUT_MS = 10_000;

export interface FloorServer {
  url: string;
  close(): Promise<void>;
}

export async function serveFloor(): Promise<FloorServer> {
  const server = http.createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(HTML);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface FloorPair {
  a: Page;
  b: Page;
  close(): Promise<void>;
}

/** Two pages (A offers, like staff; B answers, like the citizen), camera open on both. */
export async function openPair(browser: Browser, url: string): Promise<FloorPair> {
  const contexts = [await newContext(browser, false), await newContext(browser, true)];
  const [a, b] = await Promise.all(contexts.map((c) => c.newPage()));
  const pages = [a!, b!];
  for (const [i, page] of pages.entries()) {
    const other = pages[1 - i]!;
    await page.exposeFunction('toPeer', (json: string) => {
      other.evaluate((c) => window.floor.candidate(c), json).catch(() => undefined);
    });
    await page.goto(url);
    await page.evaluate(() => window.floor.media());
  }
  return {
    a: a!,
    b: b!,
    close: async () => void (await Promise.all(contexts.map((c) => c.close()))),
  };
}

/** One negotiation A → B through the bench process; returns A's t0 (before createOffer). */
export async function negotiate(pair: FloorPair, restart = false): Promise<number> {
  const offer = await pair.a.evaluate(
    (r) => window.floor.offer(r) as Promise<{ t0: number; sdp: string }>,
    restart,
  );
  const answer = await pair.b.evaluate((sdp) => window.floor.answer(sdp), offer.sdp);
  await pair.a.evaluate((sdp) => window.floor.accept(sdp), answer);
  return offer.t0;
}

export interface FloorResult {
  a: Series;
  b: Series;
  both: Series;
  timelines: Timeline[];
}

export async function runFloor(
  pair: FloorPair,
  rounds: number,
  configs: { a: RTCConfiguration; b: RTCConfiguration },
  label: string,
  cpu?: CallCpu,
): Promise<FloorResult> {
  const result: FloorResult = {
    a: series(`floor ${label}: A (offerer) first frame`),
    b: series(`floor ${label}: B (answerer) first frame`),
    both: series(`floor ${label}: both sides (later)`),
    timelines: [],
  };
  const marks = (page: Page) => page.evaluate(() => window.__bench.marks);
  const { a, b } = pair;
  for (let round = 0; round < rounds; round++) {
    await a.evaluate(() => window.__bench.reset());
    await b.evaluate(() => window.__bench.reset());
    const since = await a.evaluate(() => window.__bench.now());
    await a.evaluate((c) => window.floor.open(c), configs.a);
    await b.evaluate((c) => window.floor.open(c), configs.b);
    const frame = (page: Page) =>
      page.evaluate(([from, timeout]) => window.__bench.waitFrame(from, timeout), [
        since,
        FRAME_TIMEOUT_MS,
      ] as const);
    const frames = Promise.allSettled([frame(a), frame(b)]);
    const counted = cpu?.start();
    const t0 = await negotiate(pair).catch(() => NaN);
    const [atA, atB] = await frames;
    await counted?.();
    const va = atA.status === 'fulfilled' ? atA.value - t0 : NaN;
    const vb = atB.status === 'fulfilled' ? atB.value - t0 : NaN;
    for (const [s, v] of [
      [result.a, va],
      [result.b, vb],
      [result.both, Math.max(va, vb)],
    ] as const) {
      if (Number.isFinite(v)) s.values.push(v);
      else s.failed++;
    }
    result.timelines.push(timeline({ A: await marks(a), B: await marks(b) }, t0));
    await a.evaluate(() => window.floor.close());
    await b.evaluate(() => window.floor.close());
    await a.waitForTimeout(100);
  }
  return result;
}

/** Two runs of the same floor as one (rounds before and after the app's calls). */
export function mergeFloor(x: FloorResult, y: FloorResult): FloorResult {
  const join = (p: Series, q: Series): Series => ({
    label: p.label,
    values: [...p.values, ...q.values],
    failed: p.failed + q.failed,
  });
  return {
    a: join(x.a, y.a),
    b: join(x.b, y.b),
    both: join(x.both, y.both),
    timelines: [...x.timelines, ...y.timelines],
  };
}
