/**
 * Many staff members pressing "Call next" at the same moment never get the same citizen: the
 * database hands out each waiting ticket once (FOR UPDATE SKIP LOCKED), on every database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedTicket } from '../../../shared/queue.js';
import { startTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { DATABASE_KINDS } from '../../../../test/helpers/databases.js';
import { loginStaff, PASSWORD, type StaffClient } from '../../../../test/helpers/staff.js';
import { hashPassword } from '../staff/passwords.js';

const STAFF = 8;

describe.each(DATABASE_KINDS)('call next under contention on %s', (kind) => {
  let t: TestApp;
  let staff: StaffClient[];
  let idle: StaffClient[] = [];

  beforeAll(async () => {
    t = await startTestApp(kind, { listen: true, config: { ticketsPerClient: 1000 } });
    const db = t.database.db;
    const demo = await db
      .selectFrom('offices')
      .select('id')
      .where('slug', '=', 'demo')
      .executeTakeFirstOrThrow();
    const hash = await hashPassword(PASSWORD);
    const emails = Array.from({ length: STAFF }, (_, i) => `clerk${i}@buergerbuero.example`);
    for (const email of emails) {
      const { id } = await db
        .insertInto('staff')
        .values({ email, display_name: email, password_hash: hash, role: 'staff' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db.insertInto('staff_offices').values({ staff_id: id, office_id: demo.id }).execute();
    }
    staff = await Promise.all(emails.map((email) => loginStaff(t.app, email)));
    for (const clerk of staff)
      await clerk.request('PUT', '/api/staff/duty/demo', { state: 'available' });
  });
  afterAll(() => t.close());

  const enter = async () =>
    (
      await t.app.inject({ method: 'POST', url: '/api/offices/demo/tickets', payload: {} })
    ).json<CreatedTicket>();

  it('gives each of 8 simultaneous callers a different citizen', async () => {
    const tickets = await Promise.all(Array.from({ length: STAFF }, enter));
    const answers = await Promise.all(
      staff.map((clerk) => clerk.request('POST', '/api/staff/offices/demo/call-next')),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(STAFF).fill(200));
    const called = answers.map((a) => a.body.ticket.id as string);
    expect(new Set(called).size).toBe(STAFF);
    expect(called.sort()).toEqual(tickets.map((x) => x.ticket.id).sort());
    for (const [i, clerk] of staff.entries()) {
      await clerk.request(
        'POST',
        `/api/staff/consultations/${answers[i]!.body.consultationId}/absent`,
      );
    }
  });

  it('hands 3 waiting citizens to 3 of 8 callers; the others hear QUEUE_EMPTY', async () => {
    await t.database.db
      .updateTable('tickets')
      .set({ state: 'left' })
      .where('state', '=', 'absent')
      .execute();
    await Promise.all(Array.from({ length: 3 }, enter));
    const answers = await Promise.all(
      staff.map((clerk) => clerk.request('POST', '/api/staff/offices/demo/call-next')),
    );
    idle = staff.filter((_, i) => answers[i]!.body?.error?.code === 'QUEUE_EMPTY');
    const ok = answers.filter((a) => a.status === 200);
    expect(ok).toHaveLength(3);
    expect(new Set(ok.map((a) => a.body.ticket.id)).size).toBe(3);
    expect(answers.filter((a) => a.body?.error?.code === 'QUEUE_EMPTY')).toHaveLength(5);
    const open = await t.database.db
      .selectFrom('consultations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('ended_at', 'is', null)
      .executeTakeFirstOrThrow();
    expect(Number(open.n)).toBe(3);
  });

  it('never lets one staff member open two consultations, even with two tabs calling at once', async () => {
    await Promise.all(Array.from({ length: 2 }, enter));
    const free = idle[0]!; // not in a consultation after the previous test
    const [a, b] = await Promise.all([
      free.request('POST', '/api/staff/offices/demo/call-next'),
      free.request('POST', '/api/staff/offices/demo/call-next'),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect([a, b].find((x) => x.status === 409)!.body.error.code).toBe('STAFF_BUSY');
  });
});
