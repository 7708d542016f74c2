/**
 * The real app for the lobby fan-out bench, listening on 127.0.0.1 on a pinned clock (Wednesday
 * morning, the demo office open), on in-memory PGlite — or on PostgreSQL when BENCH_DATABASE_URL
 * is set. Anna goes on duty for `demo`; each `fire` is a citizen taking a ticket through the HTTP
 * route (app.inject: the whole Fastify route, rate limit and service transaction; no TCP), whose
 * commit notifies `lobby:demo`. Run with --expose-gc; spoken to by bench/fanout-client.ts.
 */
import type {} from '@fastify/websocket';
import { Hub } from '../src/server/modules/realtime/hub.js';
import { emit, serveControl } from './fanout-control.js';

const postgresUrl = process.env.BENCH_DATABASE_URL;
if (postgresUrl) process.env.TEST_DATABASE_URL = postgresUrl; // read by the helper on import
const { startTestApp } = await import('../test/helpers/app.js');
const { ANNA, loginStaff } = await import('../test/helpers/staff.js');

// Trace (read-only wrapper): when the hub's refresh after a fire starts and ends. `load` reads
// the snapshot, serializes it once and writes the frame to every subscriber synchronously, so
// its end is when the last socket write was handed to the kernel.
let firedAt: number | null = null;
type Load = (this: Hub, key: string, state: unknown) => Promise<void>;
const hub = Hub.prototype as unknown as { load: Load };
const load = hub.load;
hub.load = async function (key, state) {
  const since = firedAt;
  const start = performance.now();
  await load.call(this, key, state);
  if (since !== null && key === 'lobby:demo') {
    firedAt = null;
    emit({ load: { start: start - since, end: performance.now() - since } });
  }
};

const t = await startTestApp(postgresUrl ? 'postgres' : 'pglite', {
  listen: true,
  config: { ticketsPerClient: 1_000_000 },
});
const anna = await loginStaff(t.app, ANNA);
const duty = await anna.request('PUT', '/api/staff/duty/demo', { state: 'available' });
if (duty.status !== 200) throw new Error(`going on duty failed: ${JSON.stringify(duty.body)}`);
// Anna's console is not a browser here: her heartbeat, so her duty does not end after minutes.
setInterval(() => void t.app.services.staff.touchDuty([anna.me.id]), 30_000).unref();

serveControl({
  url: t.url,
  async fire() {
    firedAt = performance.now();
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/offices/demo/tickets',
      payload: {},
    });
    if (response.statusCode !== 201) throw new Error(`ticket: ${response.body}`);
  },
  connections: () => t.app.websocketServer.clients.size,
  close: () => t.close(),
});
