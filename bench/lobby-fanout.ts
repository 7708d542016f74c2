/**
 * Lobby fan-out bench: for each N idle `lobby:demo` subscribers on one server process, how long
 * from one queue change to its snapshot on every client, how many get it, and the server's
 * memory per connection — for the real app and two baselines with the same client and payload
 * size: the floor (bare `ws`, one frame written to all) and Socket.IO 4 (`io.emit`).
 *
 *   node --import tsx bench/lobby-fanout.ts [--n 1000,5000,10000] [--rounds 20]
 *        [--servers app,floor,socketio]        (BENCH_DATABASE_URL=… runs the app on PostgreSQL)
 *
 * Each run is bench/fanout-client.ts pinned to core 1 (--max-semi-space-size=64), which starts
 * its server pinned to core 0. Prints figures; goals are reported, never enforced.
 * BENCH_VERBOSE=1 prints every round (latency span, server/client CPU, other processes' CPU).
 */
import type { ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { pinned } from './fanout-process.js';
import { report } from './fanout-report.js';
import { fmt, type ModeResult } from './fanout-stats.js';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '1000,5000,10000' },
    rounds: { type: 'string', default: '20' },
    servers: { type: 'string', default: 'app,floor,socketio' },
  },
});
const counts = values.n.split(',').map(Number);
const servers = values.servers.split(',');

let socketIo = true;
try {
  createRequire(import.meta.url).resolve('socket.io');
} catch {
  socketIo = false;
}

let child: ChildProcess | null = null;
const stop = (code: number) => {
  child?.kill('SIGTERM'); // the client kills its server on the way out
  process.exit(code);
};
process.on('SIGINT', () => stop(130));
process.on('SIGTERM', () => stop(143));

function run(server: string, n: number, sizes: number[]): Promise<ModeResult[]> {
  const client = new URL('./fanout-client.ts', import.meta.url).pathname;
  const args = ['--server', server, '--n', String(n), '--rounds', values.rounds];
  args.push('--sizes', sizes.join(','));
  const node = [process.execPath, '--max-semi-space-size=64', '--expose-gc', '--import', 'tsx'];
  const proc = pinned(1, [...node, client, ...args]);
  child = proc;
  const results: ModeResult[] = [];
  createInterface({ input: proc.stdout }).on('line', (line) => {
    if (line.startsWith('RESULT ')) results.push(JSON.parse(line.slice(7)) as ModeResult);
  });
  return new Promise((resolve) =>
    proc.on('exit', (code) => {
      child = null;
      if (code !== 0) console.error(`  ${server} at n=${n} failed (exit ${code})`);
      resolve(results);
    }),
  );
}

const all: ModeResult[] = [];
const started = performance.now();
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
console.log(
  `lobby fan-out: n=${counts.join(',')}, ${values.rounds} rounds; load average ${load()}`,
);
if (servers.includes('socketio') && !socketIo) console.log('socket.io is not installed: skipped');
for (const n of counts) {
  let sizes = [400];
  for (const server of servers) {
    if (server === 'socketio' && !socketIo) continue;
    const results = await run(server, n, sizes);
    // The baselines send what the app sent in the same round (the lobby grows by one a round).
    if (server === 'app' && results[0]?.sizes.length) sizes = results[0].sizes;
    for (const r of results) {
      const bytes = `${r.sizes[0]}–${r.sizes[r.sizes.length - 1]} B`;
      const f = r.quiet ?? r.all;
      console.log(`  ${r.label} n=${n}: p50 ${fmt(f.p50)} p99 ${fmt(f.p99)} ms, ${bytes}`);
    }
    all.push(...results);
  }
}

const seconds = ((performance.now() - started) / 1000).toFixed(0);
console.log(`\nResults (${seconds} s; load average now ${load()}). t0 = just before`);
console.log('the trigger line is written to the server; latency = t0 → that client has the frame.');
report(all);
