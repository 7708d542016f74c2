/**
 * The load client of the lobby fan-out bench (one run: one server kind, one N). It starts the
 * server pinned to core 0, opens N idle WebSockets (bench/raw-ws.ts) in batches, each waiting
 * for its first `lobby:demo` snapshot, measures the server's memory per connection, then runs
 * rounds: t0 is taken just before the `fire` line is written to the server's stdin; each client
 * records when its next `lobby:demo` text frame arrives (a substring check, no JSON parse).
 * Prints one line `RESULT {...}` per server mode. Start it pinned to core 1 with
 * --max-semi-space-size=64 --expose-gc (bench/lobby-fanout.ts does).
 */
import { parseArgs } from 'node:util';
import { RawWs } from './raw-ws.js';
import { cpuBetween, foreignCpu, mainThreadCpuMs, ServerProcess } from './fanout-process.js';
import { emptySeries, median, summarize, type ModeResult, type Series } from './fanout-stats.js';

const { values } = parseArgs({
  options: {
    server: { type: 'string', default: 'app' },
    n: { type: 'string', default: '1000' },
    rounds: { type: 'string', default: '20' },
    sizes: { type: 'string', default: '400' },
    batch: { type: 'string', default: '250' },
    gap: { type: 'string', default: '300' },
  },
});
const kind = values.server as 'app' | 'floor' | 'socketio';
const n = Number(values.n);
const rounds = Number(values.rounds);
const sizes = values.sizes.split(',').map(Number);
const TIMEOUT_MS = 5000;
const WARMUP_ROUNDS = 2;
const modes = kind === 'floor' ? ['frame', 'send'] : [kind];
const db = process.env.BENCH_DATABASE_URL ? 'postgres' : 'pglite';
const label = (mode: string) =>
  mode === 'app' ? `app (${db})` : mode === 'socketio' ? 'socket.io' : `floor (${mode})`;
const log = (text: string) =>
  process.stderr.write(`  [${kind} n=${n} t=${(performance.now() / 1000).toFixed(1)}s] ${text}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const gc = () => (globalThis as { gc?: () => void }).gc?.();

// --- the server, pinned to core 0 ---
process.env.BENCH_BYTES = String(sizes[0]);
const script = new URL(`./fanout-${kind === 'app' ? 'server' : kind}.ts`, import.meta.url).pathname;
const server = new ServerProcess(script, 0, log);
const die = (code: number) => {
  server.kill();
  process.exit(code);
};
process.on('SIGINT', () => die(130));
process.on('SIGTERM', () => die(143));
process.stdin.on('end', () => die(1)).resume(); // the orchestrator went away

// --- the clients ---
const KEY = Buffer.from('"key":"lobby:demo"');
const SUBSCRIBE = '{"v":1,"type":"subscribe","sub":{"topic":"lobby","office":"demo"}}';
const firstSeen = new Uint8Array(n);
const firstWaiters: ((() => void) | undefined)[] = [];
const received = new Float64Array(n).fill(NaN);
let got = 0;
let active = false;
let lastBytes = 0;
let roundDone: () => void = () => undefined;

function onText(i: number, ws: RawWs, data: Buffer, start: number, end: number, length: number) {
  const at = data.indexOf(KEY, start);
  if (at !== -1 && at < end) {
    if (firstSeen[i] === 0) {
      firstSeen[i] = 1;
      firstWaiters[i]?.();
      firstWaiters[i] = undefined;
    } else if (active && Number.isNaN(received[i])) {
      received[i] = performance.now();
      lastBytes = length;
      if (++got === n) roundDone();
    }
  } else if (kind === 'socketio' && length === 1 && data[start] === 0x32) {
    ws.sendText('3'); // engine.io ping → pong
  }
}

function open(base: string, i: number): Promise<void> {
  const path =
    kind === 'app' ? '/ws' : kind === 'socketio' ? '/socket.io/?EIO=4&transport=websocket' : '/';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no first snapshot')), 30_000);
    firstWaiters[i] = () => {
      clearTimeout(timer);
      resolve();
    };
    const ws: RawWs = new RawWs(base + path, {
      open(ws) {
        if (kind === 'app') ws.sendText(SUBSCRIBE);
        else if (kind === 'socketio') ws.sendText('40'); // join the main namespace
      },
      text: (data, start, end, length) => onText(i, ws, data, start, end, length),
      error: reject,
    });
  });
}

async function main(): Promise<void> {
  const base = (await server.next('ready', 120_000)).ready as string;
  // Warm-up change with nobody listening (JIT), then memory before.
  server.command(`fire ${sizes[0]} ${modes[0]}`);
  await server.next('fired');
  const before = await server.memory();

  const connectStart = performance.now();
  let connected = 0;
  const batch = Number(values.batch);
  for (let from = 0; from < n; from += batch) {
    const opened = await Promise.allSettled(
      Array.from({ length: Math.min(batch, n - from) }, (_, k) => open(base, from + k)),
    );
    connected += opened.filter((o) => o.status === 'fulfilled').length;
  }
  const connectSeconds = (performance.now() - connectStart) / 1000;
  log(`${connected} connected with first snapshot in ${connectSeconds.toFixed(1)} s`);
  await sleep(500);
  const after = await server.memory();

  // Rounds in which other processes took CPU are redone (up to 10 more rounds), so the
  // quiet figures rest on ~`rounds` rounds; every round run also counts in the `all` figures.
  const quiet = new Map(modes.map((m) => [m, emptySeries()]));
  const all = new Map(modes.map((m) => [m, emptySeries()]));
  for (let warm = 0; warm < WARMUP_ROUNDS; warm++) {
    for (const mode of modes) await runRound(mode, sizes[0]!, 'warm-up');
  }
  let counted = 0;
  for (let run = 0; counted < rounds && run < rounds + 10; run++) {
    const bytes = sizes[run % sizes.length]!; // the app's sizes, round by round
    const results = [];
    for (const mode of modes) results.push(await runRound(mode, bytes, `${run}`));
    const calm = results.every((r) => r.other <= 3 + 0.1 * r.last);
    if (calm) counted++;
    results.forEach((round, i) => {
      record(all.get(modes[i]!)!, round);
      if (calm) record(quiet.get(modes[i]!)!, round);
    });
  }
  for (const mode of modes) {
    const perConn = (bytes: number) => bytes / n / 1024;
    const heap = (m: NodeJS.MemoryUsage) => m.heapUsed + m.external;
    const calm = quiet.get(mode)!;
    const line: ModeResult = {
      label: label(mode),
      n,
      connected,
      connectSeconds,
      quiet: calm.delivered.length ? summarize(calm, n) : null,
      all: summarize(all.get(mode)!, n),
      rssPerConnKB: perConn(after.rss - before.rss),
      heapPerConnKB: perConn(heap(after) - heap(before)),
      payloadBytes: median(all.get(mode)!.sizes),
      sizes: all.get(mode)!.sizes,
    };
    process.stdout.write(`RESULT ${JSON.stringify(line)}\n`);
  }
}

interface Round {
  /** Latency of each client (NaN: nothing within 5 s) and the last one. */
  latencies: Float64Array;
  last: number;
  got: number;
  bytes: number;
  fired: number;
  trace: { start: number; end: number } | null;
  /** CPU time (ms) other processes on the machine used during the round. */
  other: number;
  /** CPU time (ms) the server's and this client's main threads ran during the round. */
  serverCpu: number;
  clientCpu: number;
}

async function runRound(mode: string, bytes: number, name: string): Promise<Round> {
  gc();
  await sleep(Number(values.gap));
  received.fill(NaN);
  got = 0;
  const done = new Promise<void>((resolve) => (roundDone = resolve));
  const timeout = setTimeout(() => roundDone(), TIMEOUT_MS);
  const fired = server.next('fired');
  const load = kind === 'app' ? server.next('load').catch(() => ({ load: null })) : null;
  const ours = [server.child.pid!, process.pid, process.ppid];
  const names = kind === 'app' && db === 'postgres' ? ['postgres'] : [];
  const other0 = foreignCpu(ours, names);
  const cpu = () => [mainThreadCpuMs(server.child.pid!), mainThreadCpuMs(process.pid)] as const;
  const [server0, client0] = cpu();
  active = true;
  const t0 = performance.now();
  server.command(`fire ${bytes} ${mode}`);
  await done;
  active = false;
  const [server1, client1] = cpu();
  const other = cpuBetween(other0, foreignCpu(ours, names));
  clearTimeout(timeout);
  const latencies = received.map((t) => t - t0);
  const last = latencies.reduce((a, b) => (b > a ? b : a), 0);
  const round: Round = {
    latencies,
    last,
    got,
    bytes: lastBytes,
    other,
    serverCpu: server1 - server0,
    clientCpu: client1 - client0,
    fired: (await fired).fired as number,
    trace: load ? ((await load).load as Round['trace']) : null,
  };
  if (process.env.BENCH_VERBOSE) {
    const first = latencies.reduce((a, b) => (b < a ? b : a), Infinity);
    const span = `${first.toFixed(1)}–${last.toFixed(1)} ms, fired ${round.fired.toFixed(1)}`;
    const cpus = `CPU ms server ${round.serverCpu.toFixed(1)}, client ${round.clientCpu.toFixed(1)}`;
    log(`round ${name} ${mode}: ${got}/${n} in ${span}; ${cpus}, others ${other.toFixed(1)}`);
  }
  return round;
}

function record(series: Series, round: Round): void {
  for (const latency of round.latencies) if (!Number.isNaN(latency)) series.lat.push(latency);
  series.last.push(round.last);
  series.delivered.push((round.got / n) * 100);
  series.fired.push(round.fired);
  series.sizes.push(round.bytes);
  series.other.push(round.other);
  series.serverCpu.push(round.serverCpu);
  series.clientCpu.push(round.clientCpu);
  if (round.trace) {
    series.start.push(round.trace.start);
    series.end.push(round.trace.end);
  }
}

main()
  .then(async () => {
    // The server closes first, so the TIME_WAITs are on its side, not on our ephemeral ports.
    await server.quit();
    process.exit(0);
  })
  .catch((error: unknown) => {
    log(`failed: ${error instanceof Error ? error.message : String(error)}`);
    die(1);
  });
