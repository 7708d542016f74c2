/**
 * The booking statement on its own: a claim that cannot be complete writes nothing and raises
 * nothing — on PGlite an error in a prepared statement ended the pool's connection, and the
 * next query failed ("Connection terminated unexpectedly").
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, WEDNESDAY_MORNING, type TestApp } from '../../../../test/helpers/app.js';
import { DATABASE_KINDS } from '../../../../test/helpers/databases.js';
import { bookInOneStatement, type NewBooking } from './book-statement.js';

describe.each(DATABASE_KINDS)('the booking statement on %s', (kind) => {
  let t: TestApp;
  let base: Omit<NewBooking, 'id' | 'code' | 'tokenHash' | 'units' | 'seatFrom'>;
  const a = new Date('2026-12-02T09:00:00Z');
  const b = new Date('2026-12-02T09:10:00Z');

  beforeAll(async () => {
    t = await startTestApp(kind, { now: WEDNESDAY_MORNING });
    const office = await t.database.db
      .selectFrom('offices')
      .select('id')
      .where('slug', '=', 'demo')
      .executeTakeFirstOrThrow();
    const service = await t.database.db
      .selectFrom('appointment_services')
      .select('id')
      .where('office_id', '=', office.id)
      .executeTakeFirstOrThrow();
    base = {
      officeId: Number(office.id),
      serviceId: Number(service.id),
      start: a,
      end: new Date(a.getTime() + 20 * 60_000),
      name: 'Erika',
      phone: '+491711234567',
      email: null,
      lang: 'de',
      bookedBy: null,
      now: WEDNESDAY_MORNING,
      messages: [],
      solved: null,
      phoneLimit: null,
    };
  });
  afterAll(() => t.close());

  let n = 0;
  const booking = (units: NewBooking['units']): NewBooking => ({
    ...base,
    id: randomUUID(),
    code: `T${kind.slice(0, 2)}-${n++}`,
    tokenHash: Buffer.from(randomUUID()),
    units,
    seatFrom: n,
  });

  it('writes nothing for a time with a full unit, keeps the connection, and books a free one', async () => {
    const one = [{ start: b, seats: 2 }];
    expect((await bookInOneStatement(t.database, booking(one))).outcome).toBe('booked');
    expect((await bookInOneStatement(t.database, booking(one))).outcome).toBe('booked');

    const both = booking([
      { start: a, seats: 2 },
      { start: b, seats: 2 },
    ]);
    expect((await bookInOneStatement(t.database, both)).outcome).toBe('full');
    const seats = await t.database.db
      .selectFrom('appointment_units')
      .select('starts_at')
      .where('appointment_id', '=', both.id)
      .execute();
    expect(seats).toEqual([]);
    await sql`SELECT 1`.execute(t.database.db); // the pool's connection is still good
    expect((await bookInOneStatement(t.database, booking([{ start: a, seats: 2 }]))).outcome).toBe(
      'booked',
    );
  });
});
