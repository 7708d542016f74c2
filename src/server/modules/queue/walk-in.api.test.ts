/**
 * The walk-in flow through the real HTTP API and WebSocket, on every database: enter, lobby,
 * call, join, chat, end — and the rules and errors around it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ConsultationSnapshot,
  CreatedTicket,
  LobbySnapshot,
  QueueSnapshot,
  TicketView,
} from '../../../shared/queue.js';
import { startTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { DATABASE_KINDS } from '../../../../test/helpers/databases.js';
import { ANNA, loginStaff, MEHMET, type StaffClient } from '../../../../test/helpers/staff.js';
import { TestSocket } from '../../../../test/helpers/ws-client.js';

describe.each(DATABASE_KINDS)('walk-in on %s', (kind) => {
  let t: TestApp;
  let anna: StaffClient;
  const sockets: TestSocket[] = [];
  const socket = async (headers: Record<string, string> = {}) => {
    const s = await TestSocket.open(t.url, headers);
    sockets.push(s);
    return s;
  };
  const enter = async (slug: string, name?: string) => {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/offices/${slug}/tickets`,
      payload: name ? { name } : {},
    });
    return { status: response.statusCode, body: response.json() };
  };
  const asCitizen = (ticket: CreatedTicket, method: 'GET' | 'POST', path: string) =>
    t.app.inject({
      method,
      url: `/api/tickets/${ticket.ticket.id}${path}`,
      headers: { 'x-ticket-secret': ticket.secret },
    });

  beforeAll(async () => {
    t = await startTestApp(kind, { listen: true });
    anna = await loginStaff(t.app, ANNA);
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await t.close();
  });

  it('refuses to enter an open office nobody serves, a closed one and an unknown one', async () => {
    expect(await enter('demo')).toMatchObject({
      status: 409,
      body: { error: { code: 'OFFICE_UNSTAFFED' } },
    });
    // The Bauordnungsamt has no hours on Wednesdays.
    await loginStaff(t.app, MEHMET).then((m) =>
      m.request('PUT', '/api/staff/duty/bauordnung', { state: 'available' }),
    );
    expect(await enter('bauordnung')).toMatchObject({
      status: 409,
      body: { error: { code: 'OFFICE_CLOSED' } },
    });
    expect((await enter('nowhere')).status).toBe(404);
  });

  it('runs a whole visit: ticket, lobby position, call, join, chat both ways, end', async () => {
    expect((await anna.request('PUT', '/api/staff/duty/demo', { state: 'available' })).status).toBe(
      200,
    );
    const first = (await enter('demo', 'Erika Mustermann')).body as CreatedTicket;
    const second = (await enter('demo')).body as CreatedTicket;
    expect(first.ticket.code).toBe('D-001');
    expect(second.ticket.code).toBe('D-002');
    expect(first.secret.length).toBeGreaterThanOrEqual(43); // 32 random bytes

    // The second citizen's page: its ticket, and the lobby with one person ahead.
    const citizen = await socket();
    citizen.send({
      v: 1,
      type: 'subscribe',
      sub: { topic: 'ticket', ticketId: second.ticket.id, secret: second.secret },
    });
    citizen.send({ v: 1, type: 'subscribe', sub: { topic: 'lobby', office: 'demo' } });
    const lobby = await citizen.snapshot<LobbySnapshot>('lobby:demo');
    expect(lobby.waiting.indexOf(second.ticket.id) + 1).toBe(2);
    expect(JSON.stringify(lobby)).not.toContain('Erika'); // no names in public

    // Staff sees both in the queue, with the name given.
    const console = await socket({ cookie: anna.cookie });
    console.send({ v: 1, type: 'subscribe', sub: { topic: 'queue', office: 'demo' } });
    const queue = await console.snapshot<QueueSnapshot>(
      'queue:demo',
      (q) => q.tickets.length === 2,
    );
    expect(queue.tickets.map((e) => [e.code, e.name, e.present])).toEqual([
      ['D-001', 'Erika Mustermann', true],
      ['D-002', null, true],
    ]);

    // Call next → the first; the second moves to place 1 live.
    const call = await anna.request('POST', '/api/staff/offices/demo/call-next');
    expect(call.status).toBe(200);
    expect(call.body.ticket.code).toBe('D-001');
    await citizen.snapshot<LobbySnapshot>('lobby:demo', (l) => l.waiting[0] === second.ticket.id);
    const busy = await anna.request('POST', '/api/staff/offices/demo/call-next');
    expect(busy).toMatchObject({ status: 409, body: { error: { code: 'STAFF_BUSY' } } });

    // The first citizen is called, joins, and chats.
    const called = (await asCitizen(first, 'GET', '')).json<TicketView>();
    expect(called).toMatchObject({ state: 'called', staffName: 'Anna Schmidt' });
    expect(Date.parse(called.joinBy!) - Date.parse(called.calledAt!)).toBe(60_000);
    const joined = (await asCitizen(first, 'POST', '/join')).json<TicketView>();
    expect(joined.state).toBe('serving');
    const consultationId = call.body.consultationId as string;
    expect(joined.consultationId).toBe(consultationId);

    const room = await socket();
    room.send({
      v: 1,
      type: 'subscribe',
      sub: { topic: 'consultation', consultationId, secret: first.secret },
    });
    console.send({ v: 1, type: 'subscribe', sub: { topic: 'consultation', consultationId } });
    await room.snapshot<ConsultationSnapshot>(
      `consultation:${consultationId}`,
      (c) => c.state === 'active',
    );

    const hello = await t.app.inject({
      method: 'POST',
      url: `/api/consultations/${consultationId}/messages`,
      headers: { 'x-ticket-secret': first.secret },
      payload: { text: 'Guten Tag, ich möchte mich ummelden.' },
    });
    expect(hello.statusCode).toBe(201);
    const reply = await anna.request('POST', `/api/consultations/${consultationId}/messages`, {
      text: 'Gern, ich helfe Ihnen.',
    });
    expect(reply.status).toBe(201);
    const withBoth = await room.snapshot<ConsultationSnapshot>(
      `consultation:${consultationId}`,
      (c) => c.messages.length === 2,
    );
    expect(withBoth.messages.map((m) => [m.from, m.text])).toEqual([
      ['citizen', 'Guten Tag, ich möchte mich ummelden.'],
      ['staff', 'Gern, ich helfe Ihnen.'],
    ]);

    // Typing reaches the other side only; delivery marks move forward.
    room.send({ v: 1, type: 'typing', consultationId, typing: true });
    await console.next(
      (m): m is Extract<typeof m, { type: 'typing' }> =>
        m.type === 'typing' && m.from === 'citizen',
    );
    room.send({ v: 1, type: 'received', consultationId, upTo: withBoth.messages[1]!.id });
    await console.snapshot<ConsultationSnapshot>(
      `consultation:${consultationId}`,
      (c) => c.receivedUpTo.citizen === withBoth.messages[1]!.id,
    );

    // End: the ticket is done with its times; the staff member is free for the next.
    expect(
      (await anna.request('POST', `/api/staff/consultations/${consultationId}/end`)).status,
    ).toBe(204);
    const done = (await asCitizen(first, 'GET', '')).json<TicketView>();
    expect(done.state).toBe('done');
    const row = await t.database.db
      .selectFrom('tickets')
      .select(['enqueued_at', 'called_at', 'joined_at', 'ended_at'])
      .where('id', '=', first.ticket.id)
      .executeTakeFirstOrThrow();
    expect(row.called_at && row.joined_at && row.ended_at).toBeTruthy();
    const late = await t.app.inject({
      method: 'POST',
      url: `/api/consultations/${consultationId}/messages`,
      headers: { 'x-ticket-secret': first.secret },
      payload: { text: 'Noch etwas' },
    });
    expect(late.json().error.code).toBe('CONSULTATION_ENDED');
    expect((await anna.request('POST', '/api/staff/offices/demo/call-next')).body.ticket.code).toBe(
      'D-002',
    );
    const second2 = await citizen.snapshot<TicketView>(
      `ticket:${second.ticket.id}`,
      (v) => v.state === 'called',
    );
    expect(second2.staffName).toBe('Anna Schmidt');

    // Not there: marked absent (kept), can be called again, then leaves.
    const cid = second2.consultationId!;
    expect((await anna.request('POST', `/api/staff/consultations/${cid}/absent`)).status).toBe(204);
    await citizen.snapshot<TicketView>(`ticket:${second.ticket.id}`, (v) => v.state === 'absent');
    expect((await anna.request('POST', `/api/staff/tickets/${second.ticket.id}/call`)).status).toBe(
      200,
    );
    expect((await asCitizen(second, 'POST', '/leave')).json<TicketView>().state).toBe('left');
    expect((await anna.request('POST', '/api/staff/offices/demo/call-next')).body.error.code).toBe(
      'QUEUE_EMPTY',
    );
  });

  it('shows a ticket only to the holder of its secret', async () => {
    const ticket = (await enter('demo')).body as CreatedTicket;
    const wrong = await t.app.inject({
      url: `/api/tickets/${ticket.ticket.id}`,
      headers: { 'x-ticket-secret': 'x'.repeat(43) },
    });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().error.code).toBe('TICKET_NOT_FOUND');
    const missing = await t.app.inject({ url: `/api/tickets/${ticket.ticket.id}` });
    expect(missing.statusCode).toBe(400);
    const s = await socket();
    const key = `ticket:${ticket.ticket.id}`;
    s.send({
      v: 1,
      type: 'subscribe',
      sub: { topic: 'ticket', ticketId: ticket.ticket.id, secret: 'y'.repeat(43) },
    });
    expect((await s.error(key)).code).toBe('TICKET_NOT_FOUND');
    await asCitizen(ticket, 'POST', '/leave');
  });

  it('answers bad WebSocket messages with an error and keeps the connection', async () => {
    const s = await socket();
    s.sendRaw('not json');
    expect((await s.error()).code).toBe('MESSAGE_INVALID');
    s.send({ v: 2, type: 'ping' });
    s.send({ v: 1, type: 'shout' });
    s.send({ v: 1, type: 'subscribe', sub: { topic: 'queue', office: 'demo' } });
    expect((await s.error('queue:demo')).code).toBe('UNAUTHENTICATED');
    s.send({ v: 1, type: 'ping' });
    await s.next((m): m is Extract<typeof m, { type: 'pong' }> => m.type === 'pong');
    expect(
      s.messages.filter((m) => m.type === 'error' && m.code === 'MESSAGE_INVALID'),
    ).toHaveLength(3);
    s.sendRaw('x'.repeat(40_000));
    await expect(s.next((_m): _m is never => false, { ms: 2000 })).rejects.toThrow(
      'socket closed (1009)',
    );
  });

  it('keeps staff to the offices they serve and requires the CSRF token', async () => {
    const queue = await anna.request('POST', '/api/staff/offices/bauordnung/call-next');
    expect(queue).toMatchObject({ status: 403, body: { error: { code: 'NOT_ASSIGNED' } } });
    const noToken = await t.app.inject({
      method: 'PUT',
      url: '/api/staff/duty/demo',
      headers: { cookie: anna.cookie },
      payload: { state: 'paused' },
    });
    expect(noToken.json().error.code).toBe('CSRF_INVALID');
    const s = await socket({ cookie: anna.cookie });
    s.send({ v: 1, type: 'subscribe', sub: { topic: 'queue', office: 'bauordnung' } });
    expect((await s.error('queue:bauordnung')).code).toBe('NOT_ASSIGNED');
  });
});
