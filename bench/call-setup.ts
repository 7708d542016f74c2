/**
 * Call-setup bench (issue 5): from the staff member's Call click to the first decoded remote
 * video frame on both sides, in the real app (in-process, PGlite, Debian Chromium with the
 * fake camera, citizen and staff in their own contexts), against the floor of two bare pages
 * connecting directly; and how fast frames resume after a cut relay path returns.
 *   node --import tsx bench/call-setup.ts [--calls 20] [--turn] [--reps 3]
 *     [--join page|playwright] [--gap 2500] [--cuts freeze,restart] [--every-mark]
 *     [--profile] [--trace DIR] [--cpu]
 * --turn: coturn on loopback, the app's staff relay-only (privacy mode), a relay floor, and
 * cuts of the relay path; --reps: repetitions per kind of cut; --cuts: which kinds;
 * --profile: V8 CPU profiles of both pages over each setup, summed per function (call-profile.ts);
 * --trace DIR: a Chromium trace of each setup, and each renderer's busy time (call-trace.ts);
 * --cpu: CPU time per process (server, each kind of Chromium process) over each setup;
 * --every-mark: every page event after a cut, not only the first of each kind; --join: the citizen's automatic
 * "Jetzt eintreten" click in the page the moment it shows (default) or by Playwright's
 * locator.click(); --gap: pause between calls, so the staff camera closes as between real calls.
 * Prints figures and whether each goal is met; the exit code says nothing about the goals.
 * Serves a copy of build/web: run `npm run build` first for the newest pages.
 */
import os from 'node:os';
import { chromium, type Browser, type Page } from 'playwright-core';
import { launchBrowser } from '../test/e2e/browser.js';
import { endCall, openCall, runAppCalls, staffOnDuty } from './call-app.js';
import { mergeFloor, openPair, runFloor, serveFloor, negotiate } from './call-floor.js';
import { cutRelay, iceRestart, type CutResult, type RestartResult } from './call-recovery.js';
import { CallCpu } from './call-cpu.js';
import { CallProfiles } from './call-profile.js';
import { report } from './call-report.js';
import { CallTraces } from './call-trace.js';
import { startBenchApp } from './call-server.js';
import { startTurn, type Turn } from './call-turn.js';

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const CALLS = Math.max(1, Number(option('--calls') ?? 20));
const FLOOR_ROUNDS = Math.max(20, CALLS);
const REPS = Math.max(1, Number(option('--reps') ?? 3));
const JOIN = option('--join') === 'playwright' ? 'playwright' : 'page';
const GAP_MS = Number(option('--gap') ?? 2500);
const TURN = args.includes('--turn');
const CUTS = (option('--cuts') ?? 'freeze,restart').split(',');
const EVERY_MARK = args.includes('--every-mark');
const profile = args.includes('--profile') ? new CallProfiles() : undefined;
const traceDir = option('--trace');
const trace = traceDir ? new CallTraces(traceDir) : undefined;
const cpu = args.includes('--cpu') ? new CallCpu() : undefined;
const floorCpu = cpu && new CallCpu();
const log = (text = '') => console.log(text);

const cleanups: (() => Promise<unknown>)[] = [];
let cleaning: Promise<void> | null = null;
/** Browsers, servers, coturn, temporary folders: in reverse order, once. */
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    for (const step of cleanups.splice(0).reverse()) await step().catch(() => undefined);
  })();
  return cleaning;
}
process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));
process.once('SIGTERM', () => void cleanup().then(() => process.exit(143)));

/** Where the only interface is loopback, Chromium needs a flag to gather loopback candidates. */
const loopbackOnly = !Object.values(os.networkInterfaces())
  .flat()
  .some((i) => i && !i.internal && i.family === 'IPv4');

/**
 * launchBrowser() from test/e2e/browser.ts with its flags, plus the loopback flag where needed;
 * Playwright's own signal handlers are off (they would exit before coturn is stopped).
 */
async function browserForCalls(): Promise<Browser> {
  const launch = chromium.launch.bind(chromium);
  chromium.launch = (options = {}) =>
    launch({
      ...options,
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      args: [
        ...(options.args ?? []),
        ...(loopbackOnly ? ['--allow-loopback-in-peer-connection'] : []),
        // Every new window preloads Chromium's own omnibox popup page, about 1 s of CPU on
        // this machine: the citizen's fresh context ran it beside every call, the floor not.
        '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup',
      ],
    });
  try {
    return await launchBrowser();
  } finally {
    chromium.launch = launch;
  }
}

async function main(): Promise<void> {
  const cpus = os.cpus().length;
  log(`call-setup bench · ${new Date().toISOString()} · ${cpus} CPUs · Node ${process.version}`);
  log(
    `mode: ${TURN ? 'TURN (coturn on loopback; staff relay-only, as STAFF_PRIVACY_MODE)' : 'no TURN (host candidates)'}`,
  );

  const turn: Turn | null = TURN ? await startTurn() : null;
  if (turn) {
    cleanups.push(() => turn.stop());
    log(`coturn: port ${turn.port}, pid ${turn.pid()}`);
  }
  const t = await startBenchApp({
    ticketsPerClient: 10_000,
    ...(turn ? { turn: { urls: turn.urls, secret: turn.secret, ttlSeconds: 3600 } } : {}),
  });
  cleanups.push(() => t.close());
  log(
    `pages: a copy of build/web as built ${t.built.toISOString()} (\`npm run build\` for the newest UI)`,
  );
  const browser = await browserForCalls();
  cleanups.push(() => browser.close());
  log(
    `browser: Chromium ${browser.version()}${loopbackOnly ? ' (loopback only: flag added)' : ''}`,
  );

  // The floor: half its rounds before the app's calls, half after (the machine's speed may
  // drift over a run; the ratio should not take that for the app's).
  const server = await serveFloor();
  cleanups.push(() => server.close());
  const relayConfigs = turn && {
    a: { iceServers: turn.iceServers('floor-a'), iceTransportPolicy: 'relay' as const },
    b: { iceServers: turn.iceServers('floor-b') },
  };
  const before = Math.ceil(FLOOR_ROUNDS / 2);
  const floorCuts: CutResult[] = [];
  /** Floor rounds in a pair of pages of their own, closed after (their cameras take CPU). */
  const floorRounds = async (rounds: number, cuts: boolean) => {
    const pair = await openPair(browser, server.url);
    cleanups.push(() => pair.close());
    const direct = await runFloor(pair, rounds, { a: {}, b: {} }, 'direct', floorCpu);
    const relay = relayConfigs ? await runFloor(pair, rounds, relayConfigs, 'relay A') : null;
    if (cuts && turn && relayConfigs) {
      await floorConnected(pair, relayConfigs);
      for (let i = 0; i < REPS; i++)
        floorCuts.push(await cutRelay([pair.a, pair.b], turn, 'freeze', 3000));
    }
    await pair.close();
    return { direct, relay };
  };
  log(
    `\nfloor: ${before} rounds direct${turn ? ` and ${before} relay, cuts` : ''} (as many after the app) …`,
  );
  const floorFirst = await floorRounds(before, true);

  // The app.
  log(`app: ${CALLS} calls …`);
  const staff = await staffOnDuty(browser, t);
  const app = await runAppCalls(
    browser,
    t,
    staff,
    CALLS,
    {
      join: JOIN,
      gapMs: GAP_MS,
      ...(profile ? { profile } : {}),
      ...(trace ? { trace } : {}),
      ...(cpu ? { cpu } : {}),
    },
    log,
  );

  log('floor, second half …');
  const floorThen = await floorRounds(FLOOR_ROUNDS - before, false);
  const floorDirect = mergeFloor(floorFirst.direct, floorThen.direct);
  const floorRelay =
    floorFirst.relay && floorThen.relay ? mergeFloor(floorFirst.relay, floorThen.relay) : null;

  // Recovery.
  log('recovery …');
  const cuts: CutResult[] = [];
  const restarts: RestartResult[] = [];
  const call = await openCall(browser, t, staff, CALLS + 1, { join: JOIN });
  try {
    if (turn) {
      const cut = (kind: 'freeze' | 'restart', hold: number) =>
        cutRelay([staff, call.citizen], turn, kind, hold, EVERY_MARK);
      if (CUTS.includes('freeze')) {
        for (const hold of [1000, 3000, 6000]) {
          for (let i = 0; i < REPS; i++) cuts.push(await cut('freeze', hold));
        }
      }
      if (CUTS.includes('restart')) {
        for (let i = 0; i < REPS; i++) cuts.push(await cut('restart', 3000));
      }
    } else {
      for (let i = 0; i < REPS; i++) restarts.push(await iceRestart(staff, call.citizen));
    }
  } finally {
    await endCall(staff, call);
  }

  const join =
    JOIN === 'page'
      ? 'in the page, the moment the button is rendered (--join playwright: locator.click())'
      : "Playwright's locator.click(), as a test does (includes its polling)";
  report({ app, floorDirect, floorRelay, cuts, restarts, floorCuts, join });
  if (profile) for (const line of profile.lines()) log(line);
  if (trace) for (const line of trace.lines()) log(line);
  if (cpu) for (const line of cpu.lines()) log(line);
  if (floorCpu) for (const line of floorCpu.lines('the floor (direct), per round')) log(line);
}

/** A relay call between the bare pages, left open for the cuts. */
async function floorConnected(
  pair: Awaited<ReturnType<typeof openPair>>,
  configs: { a: RTCConfiguration; b: RTCConfiguration },
) {
  await pair.a.evaluate((c) => window.floor.open(c), configs.a);
  await pair.b.evaluate((c) => window.floor.open(c), configs.b);
  const wait = (p: Page) => p.evaluate(() => window.__bench.waitFrame(0, 10_000));
  const frames = Promise.all([wait(pair.a), wait(pair.b)]);
  await negotiate(pair);
  await frames;
}

main()
  .catch((error: unknown) => {
    if (cleaning) return; // interrupted: the browser went away under a running step
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => cleanup());
