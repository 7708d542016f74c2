/**
 * Signaling and ICE for the video consultation: only the two participants signal each other,
 * large SDPs pass, order is kept, and staff get relay-only ICE with short-lived TURN credentials.
 */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CreatedTicket, TicketView } from '../../../shared/queue.js';
import type { ServerMessage } from '../../../shared/protocol.js';
import { startTestApp, WEDNESDAY_MORNING, type TestApp } from '../../../../test/helpers/app.js';
import {
  activeConsultation,
  type ActiveConsultation,
} from '../../../../test/helpers/consultation.js';
import { DATABASE_KINDS } from '../../../../test/helpers/databases.js';
import { ANNA, loginStaff } from '../../../../test/helpers/staff.js';
import { TestSocket } from '../../../../test/helpers/ws-client.js';

type Signal = Extract<ServerMessage, { type: 'signal' }>;
const isSignal = (m: ServerMessage): m is Signal => m.type === 'signal';
const TURN = {
  urls: ['turn:127.0.0.1:3478?transport=udp'],
  secret: 'test-secret-0123456789',
  ttlSeconds: 600,
};

describe.each(DATABASE_KINDS)('signaling on %s', (kind) => {
  let t: TestApp;
  let c: ActiveConsultation;
  const sockets: TestSocket[] = [];
  const open = async (headers: Record<string, string> = {}) => {
    const s = await TestSocket.open(t.url, headers);
    sockets.push(s);
    return s;
  };

  beforeAll(async () => {
    t = await startTestApp(kind, { listen: true, config: { turn: TURN } });
    c = await activeConsultation(t);
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await t.close();
  });

  it('relays signals between the two participants only, in order, up to large SDPs', async () => {
    const id = c.consultationId;
    const citizen = await open();
    const staff = await open({ cookie: c.staff.cookie });
    citizen.send({
      v: 1,
      type: 'subscribe',
      sub: { topic: 'consultation', consultationId: id, secret: c.ticket.secret },
    });
    staff.send({ v: 1, type: 'subscribe', sub: { topic: 'consultation', consultationId: id } });
    await citizen.snapshot(`consultation:${id}`);
    await staff.snapshot(`consultation:${id}`);

    const sdp = JSON.stringify({
      description: { type: 'offer', sdp: 'v=0\r\n'.padEnd(12_000, 'a') },
    });
    citizen.send({ v: 1, type: 'signal', consultationId: id, data: sdp });
    for (let i = 0; i < 5; i++) {
      citizen.send({
        v: 1,
        type: 'signal',
        consultationId: id,
        data: JSON.stringify({ candidate: i }),
      });
    }
    const received: string[] = [];
    for (let i = 0; received.length < 6 && i < 50; i++) {
      await staff.next(isSignal, { since: 0 });
      received.splice(0, received.length, ...staff.messages.filter(isSignal).map((m) => m.data));
      if (received.length < 6) await new Promise((r) => setTimeout(r, 50));
    }
    expect(received[0]).toBe(sdp);
    expect(received.slice(1).map((d) => JSON.parse(d).candidate)).toEqual([0, 1, 2, 3, 4]);
    expect(staff.messages.filter(isSignal).every((m) => m.from === 'citizen')).toBe(true);
    expect(citizen.messages.filter(isSignal)).toEqual([]); // never echoed to the sender

    // PGlite admits one app node: signals stay off the database. Nodes sharing PostgreSQL
    // store them for each other.
    const stored = async () =>
      Number(
        (
          await t.database.db
            .selectFrom('signals')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('consultation_id', '=', id)
            .executeTakeFirstOrThrow()
        ).n,
      );
    if (kind === 'pglite') expect(await stored()).toBe(0);
    else await vi.waitFor(async () => expect(await stored()).toBe(6));

    // A stranger can neither join nor signal.
    const stranger = await open();
    stranger.send({
      v: 1,
      type: 'subscribe',
      sub: { topic: 'consultation', consultationId: id, secret: 'q'.repeat(43) },
    });
    expect((await stranger.error(`consultation:${id}`)).code).toBe('CONSULTATION_NOT_FOUND');
    const seen = stranger.messages.length;
    stranger.send({ v: 1, type: 'signal', consultationId: id, data: '{"x":1}' });
    const forbidden = await stranger.next(
      (m): m is Extract<ServerMessage, { type: 'error' }> => m.type === 'error',
      { since: seen },
    );
    expect(forbidden.code).toBe('FORBIDDEN');
    expect(staff.messages.filter(isSignal)).toHaveLength(6);

    // Oversized signaling is refused as invalid.
    const before = citizen.messages.length;
    citizen.send({ v: 1, type: 'signal', consultationId: id, data: 'x'.repeat(25_000) });
    const refused = await citizen.next(
      (m): m is Extract<ServerMessage, { type: 'error' }> => m.type === 'error',
      { since: before },
    );
    expect(refused.code).toBe('MESSAGE_INVALID');
  });

  it('gives staff relay-only ICE and the citizen any path, with TURN REST credentials', async () => {
    const staff = await c.staff.request('GET', `/api/consultations/${c.consultationId}/ice`);
    expect(staff.body.iceTransportPolicy).toBe('relay');
    const server = staff.body.iceServers[0];
    expect(server.urls).toEqual(TURN.urls);
    expect(server.credential).toBe(
      createHmac('sha1', TURN.secret).update(server.username).digest('base64'),
    );
    const expiry = Number(server.username.split(':')[0]);
    expect(expiry * 1000 - WEDNESDAY_MORNING.getTime()).toBe(600_000); // the app's clock + TTL
    const citizen = await t.app.inject({
      url: `/api/consultations/${c.consultationId}/ice`,
      headers: { 'x-ticket-secret': c.ticket.secret },
    });
    expect(citizen.json().iceTransportPolicy).toBe('all');
    const stranger = await t.app.inject({
      url: `/api/consultations/${c.consultationId}/ice`,
      headers: { 'x-ticket-secret': 'w'.repeat(43) },
    });
    expect(stranger.statusCode).toBe(404);
    const health = (await t.app.inject({ url: '/healthz' })).json();
    expect(health.turn).toBe('configured');
  });

  it('gives a logged-in staff member relay-only ICE before any call, and no one else', async () => {
    const before = await c.staff.request('GET', '/api/staff/ice');
    expect(before.status).toBe(200);
    expect(before.body.iceTransportPolicy).toBe('relay');
    const server = before.body.iceServers[0];
    expect(server.username).toMatch(/^\d+:staff-s\d+$/);
    expect(server.credential).toBe(
      createHmac('sha1', TURN.secret).update(server.username).digest('base64'),
    );
    const anonymous = await t.app.inject({ url: '/api/staff/ice' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('keeps signals sent before the other side joined and delivers them, in order, when it does', async () => {
    const id = c.consultationId;
    for (const s of sockets.splice(0)) s.close(); // the pages of the test before are gone
    await new Promise((r) => setTimeout(r, 100));
    const staff = await open({ cookie: c.staff.cookie });
    staff.send({ v: 1, type: 'subscribe', sub: { topic: 'consultation', consultationId: id } });
    await staff.snapshot(`consultation:${id}`);
    const early = ['{"early":"offer"}', '{"early":1}', '{"early":2}'];
    for (const data of early) staff.send({ v: 1, type: 'signal', consultationId: id, data });
    await new Promise((r) => setTimeout(r, 100)); // nobody on the citizen's side yet

    const citizen = await open();
    citizen.send({
      v: 1,
      type: 'subscribe',
      sub: { topic: 'consultation', consultationId: id, secret: c.ticket.secret },
    });
    await citizen.snapshot(`consultation:${id}`);
    const got = () => citizen.messages.filter(isSignal).map((m) => m.data);
    await expect.poll(got, { timeout: 3000 }).toEqual(early);
    // Delivered once: a second page of the citizen joining later gets nothing held.
    const again = await open();
    again.send({
      v: 1,
      type: 'subscribe',
      sub: { topic: 'consultation', consultationId: id, secret: c.ticket.secret },
    });
    await again.snapshot(`consultation:${id}`);
    await new Promise((r) => setTimeout(r, 100));
    expect(again.messages.filter(isSignal)).toEqual([]);
  });

  it('takes one anonymous rating after the consultation, and no signals once it ended', async () => {
    const rate = (stars: number) =>
      t.app.inject({
        method: 'POST',
        url: `/api/consultations/${c.consultationId}/rating`,
        headers: { 'x-ticket-secret': c.ticket.secret },
        payload: { stars, comment: 'Sehr freundlich' },
      });
    expect((await rate(5)).json().error.code).toBe('RATING_NOT_ALLOWED'); // still running
    await c.staff.request('POST', `/api/staff/consultations/${c.consultationId}/end`);
    expect((await rate(5)).statusCode).toBe(204);
    expect((await rate(4)).json().error.code).toBe('RATING_NOT_ALLOWED'); // once
    expect((await rate(9)).statusCode).toBe(400);
    const ratings = await t.database.db.selectFrom('ratings').selectAll().execute();
    expect(ratings).toHaveLength(1);
    expect(Object.keys(ratings[0]!).sort()).toEqual(['comment', 'day', 'id', 'office_id', 'stars']);

    const citizen = await open();
    citizen.send({
      v: 1,
      type: 'subscribe',
      sub: { topic: 'consultation', consultationId: c.consultationId, secret: c.ticket.secret },
    });
    await citizen.snapshot(`consultation:${c.consultationId}`);
    citizen.send({
      v: 1,
      type: 'signal',
      consultationId: c.consultationId,
      data: '{"hello":true}',
    });
    expect((await citizen.error()).code).toBe('CONSULTATION_ENDED');
  });
});

describe('a called ticket', () => {
  it('carries the citizen’s ICE servers until it is joined (no request for them on Join)', async () => {
    const t = await startTestApp('pglite', { config: { turn: TURN } });
    try {
      const clerk = await loginStaff(() => t.app, ANNA);
      await clerk.request('PUT', '/api/staff/duty/demo', { state: 'available' });
      const ticket = (
        await t.app.inject({ method: 'POST', url: '/api/offices/demo/tickets', payload: {} })
      ).json<CreatedTicket>();
      const headers = { 'x-ticket-secret': ticket.secret };
      const view = async () =>
        (
          await t.app.inject({ url: `/api/tickets/${ticket.ticket.id}`, headers })
        ).json<TicketView>();
      expect((await view()).ice).toBeUndefined();

      await clerk.request('POST', '/api/staff/offices/demo/call-next');
      const called = await view();
      expect(called.state).toBe('called');
      expect(called.ice?.iceTransportPolicy).toBe('all'); // privacy mode binds staff only
      const server = called.ice!.iceServers[0]!;
      expect(server.urls).toEqual(TURN.urls);
      expect(server.credential).toBe(
        createHmac('sha1', TURN.secret).update(server.username!).digest('base64'),
      );

      await t.app.inject({ method: 'POST', url: `/api/tickets/${ticket.ticket.id}/join`, headers });
      expect((await view()).ice).toBeUndefined();
    } finally {
      await t.close();
    }
  });
});
