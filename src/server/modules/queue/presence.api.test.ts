/** A ticket keeps its place while its page is away for less than the grace time — not longer. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedTicket, TicketView } from '../../../shared/queue.js';
import { startTestApp, WEDNESDAY_MORNING, type TestApp } from '../../../../test/helpers/app.js';
import { DATABASE_KINDS } from '../../../../test/helpers/databases.js';
import { ANNA, loginStaff } from '../../../../test/helpers/staff.js';

describe.each(DATABASE_KINDS)('ticket grace time on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind, { config: { ticketGraceMinutes: 10 } });
    const anna = await loginStaff(t.app, ANNA);
    await anna.request('PUT', '/api/staff/duty/demo', { state: 'available' });
  });
  afterAll(() => t.close());

  const minutes = (n: number) => new Date(WEDNESDAY_MORNING.getTime() + n * 60_000);
  const view = async (ticket: CreatedTicket) =>
    (
      await t.app.inject({
        url: `/api/tickets/${ticket.ticket.id}`,
        headers: { 'x-ticket-secret': ticket.secret },
      })
    ).json<TicketView>();

  it('keeps the place for 9 minutes away, releases it after 11', async () => {
    const ticket = (
      await t.app.inject({ method: 'POST', url: '/api/offices/demo/tickets', payload: {} })
    ).json<CreatedTicket>();
    t.setNow(minutes(9));
    expect(await t.app.services.queue.expireUnseen()).toBe(0);
    expect((await view(ticket)).state).toBe('waiting');
    t.setNow(minutes(11));
    expect(await t.app.services.queue.expireUnseen()).toBe(1);
    expect((await view(ticket)).state).toBe('left');
  });

  it('counts a connected page as present (heartbeat) so the place is kept', async () => {
    t.setNow(WEDNESDAY_MORNING);
    const ticket = (
      await t.app.inject({ method: 'POST', url: '/api/offices/demo/tickets', payload: {} })
    ).json<CreatedTicket>();
    for (const m of [5, 10, 15, 20]) {
      t.setNow(minutes(m));
      await t.app.services.queue.touch([ticket.ticket.id]);
      await t.app.services.queue.expireUnseen();
    }
    expect((await view(ticket)).state).toBe('waiting');
  });
});
