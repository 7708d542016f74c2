/**
 * Several app processes share one PostgreSQL, and queue changes reach every subscriber on every
 * node: staff on node A calls, the citizen whose page is connected to node B sees it, and the
 * call's signals cross between the nodes in order.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedTicket, QueueSnapshot, TicketView } from '../../src/shared/queue.js';
import type { CallAnswer, StaffMe } from '../../src/shared/staff.js';
import { POSTGRES_URL } from '../helpers/databases.js';
import { freePort, startProcess, type AppProcess } from '../helpers/process.js';
import { ANNA, PASSWORD } from '../helpers/staff.js';
import { TestSocket } from '../helpers/ws-client.js';

describe.skipIf(!POSTGRES_URL)('two app processes on one PostgreSQL', () => {
  const schema = `test_nodes_${randomBytes(4).toString('hex')}`;
  const nodes: { app: AppProcess; url: string }[] = [];
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: POSTGRES_URL! });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    const url = `${POSTGRES_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      const app = startProcess({ DATABASE_URL: url, DEMO_DATA: 'true', PORT: String(port) });
      nodes.push({ app, url: `http://127.0.0.1:${port}` });
    }
    await Promise.all(nodes.map((n) => n.app.ready));
  }, 60_000);

  afterAll(async () => {
    for (const s of sockets) s.close();
    for (const n of nodes) n.app.child.kill('SIGTERM');
    await Promise.all(nodes.map((n) => n.app.exited));
    const admin = new pg.Client({ connectionString: POSTGRES_URL! });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  });

  it('seeds once although both started together', async () => {
    const [a, b] = nodes.map((n) => n.app.output().stdout);
    expect([a, b].filter((out) => out!.includes('demo data seeded'))).toHaveLength(1);
  });

  it('delivers a call made on node A to the citizen connected to node B', async () => {
    const [nodeA, nodeB] = nodes as [(typeof nodes)[0], (typeof nodes)[0]];
    const login = await fetch(`${nodeA.url}/api/staff/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: ANNA, password: PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const me = (await login.json()) as StaffMe;
    const staffHeaders = {
      cookie,
      'x-csrf-token': me.csrfToken,
      'content-type': 'application/json',
    };
    const duty = await fetch(`${nodeA.url}/api/staff/duty/demo`, {
      method: 'PUT',
      headers: staffHeaders,
      body: JSON.stringify({ state: 'available' }),
    });
    expect(duty.status).toBe(200);

    const staffSocket = await TestSocket.open(nodeA.url, { cookie });
    sockets.push(staffSocket);
    staffSocket.send({ v: 1, type: 'subscribe', sub: { topic: 'queue', office: 'demo' } });
    await staffSocket.snapshot<QueueSnapshot>('queue:demo');

    // The citizen enters through node B and watches the ticket there.
    const entered = await fetch(`${nodeB.url}/api/offices/demo/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(entered.status).toBe(201);
    const { ticket, secret } = (await entered.json()) as CreatedTicket;
    const citizen = await TestSocket.open(nodeB.url);
    sockets.push(citizen);
    citizen.send({
      v: 1,
      type: 'subscribe',
      sub: { topic: 'ticket', ticketId: ticket.id, secret },
    });
    await citizen.snapshot<TicketView>(`ticket:${ticket.id}`, (v) => v.state === 'waiting');

    // Node A's staff queue hears about the ticket taken on node B.
    await staffSocket.snapshot<QueueSnapshot>('queue:demo', (q) =>
      q.tickets.some((x) => x.id === ticket.id),
    );

    const call = await fetch(`${nodeA.url}/api/staff/offices/demo/call-next`, {
      method: 'POST',
      headers: staffHeaders,
      body: '{}',
    });
    expect(call.status).toBe(200);
    const called = await citizen.snapshot<TicketView>(
      `ticket:${ticket.id}`,
      (v) => v.state === 'called',
    );
    expect(called.staffName).toBe('Anna Schmidt');

    // Signaling crosses the nodes (through the database), in the order sent, both ways.
    const { consultationId } = (await call.json()) as CallAnswer;
    citizen.send({
      v: 1,
      type: 'subscribe',
      sub: { topic: 'consultation', consultationId, secret },
    });
    staffSocket.send({ v: 1, type: 'subscribe', sub: { topic: 'consultation', consultationId } });
    await citizen.snapshot(`consultation:${consultationId}`);
    await staffSocket.snapshot(`consultation:${consultationId}`);
    const signals = (socket: TestSocket) =>
      socket.messages.flatMap((m) => (m.type === 'signal' ? [m.data] : []));
    const sent = ['offer', 'c1', 'c2', 'c3'];
    for (const data of sent) staffSocket.send({ v: 1, type: 'signal', consultationId, data });
    citizen.send({ v: 1, type: 'signal', consultationId, data: 'answer' });
    await expect.poll(() => signals(citizen), { timeout: 5000 }).toEqual(sent);
    await expect.poll(() => signals(staffSocket), { timeout: 5000 }).toEqual(['answer']);
  });
});
