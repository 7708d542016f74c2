/**
 * All SQL of the queue: tickets and the consultations they lead to (one aggregate: the ticket's
 * life). Locks are taken here, rules live in the service.
 */
import { sql } from 'kysely';
import type { TicketStateColumn } from '../../db/schema.js';
import type { Executor } from '../realtime/bus.js';

export const ACTIVE_STATES: TicketStateColumn[] = ['waiting', 'called', 'serving', 'absent'];

/** The next number of an office on a local day: one counter row, incremented atomically. */
export async function nextNumber(db: Executor, officeId: number, day: string): Promise<number> {
  const row = await db
    .insertInto('ticket_counters')
    .values({ office_id: officeId, day, last_number: 1 })
    .onConflict((oc) =>
      oc
        .columns(['office_id', 'day'])
        .doUpdateSet({ last_number: sql<number>`ticket_counters.last_number + 1` }),
    )
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return row.last_number;
}

export async function insertTicket(
  db: Executor,
  ticket: {
    officeId: number;
    day: string;
    number: number;
    code: string;
    secretHash: Buffer;
    name: string | null;
    now: Date;
    appointmentId?: string;
    priority?: number;
    enqueuedAt?: Date;
  },
) {
  return db
    .insertInto('tickets')
    .values({
      office_id: ticket.officeId,
      day: ticket.day,
      number: ticket.number,
      code: ticket.code,
      secret_hash: ticket.secretHash,
      name: ticket.name,
      enqueued_at: ticket.enqueuedAt ?? ticket.now,
      last_seen_at: ticket.now,
      appointment_id: ticket.appointmentId ?? null,
      priority: ticket.priority ?? 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

const ticketColumns = [
  't.id',
  't.office_id',
  'o.slug as office_slug',
  't.code',
  't.secret_hash',
  't.name',
  't.state',
  't.enqueued_at',
  't.called_at',
  't.last_seen_at',
] as const;

export async function findTicket(db: Executor, id: string, lock = false) {
  let query = db
    .selectFrom('tickets as t')
    .innerJoin('offices as o', 'o.id', 't.office_id')
    .select(ticketColumns)
    .where('t.id', '=', id);
  if (lock) query = query.forUpdate('t');
  return query.executeTakeFirst();
}
export type TicketRow = NonNullable<Awaited<ReturnType<typeof findTicket>>>;

/** The head of the line; tickets another transaction is calling right now are skipped. */
export async function lockNextWaiting(db: Executor, officeId: number) {
  return db
    .selectFrom('tickets as t')
    .innerJoin('offices as o', 'o.id', 't.office_id')
    .select(ticketColumns)
    .where('t.office_id', '=', officeId)
    .where('t.state', '=', 'waiting')
    .orderBy('t.priority', 'desc')
    .orderBy('t.enqueued_at')
    .orderBy('t.number')
    .limit(1)
    .forUpdate('t')
    .skipLocked()
    .executeTakeFirst();
}

export async function updateTicket(
  db: Executor,
  id: string,
  patch: {
    state: TicketStateColumn;
    called_at?: Date;
    joined_at?: Date;
    ended_at?: Date;
    left_reason?: 'citizen' | 'timeout';
    bumpCalls?: boolean;
  },
): Promise<void> {
  const { bumpCalls, ...columns } = patch;
  await db
    .updateTable('tickets')
    .set({ ...columns, ...(bumpCalls ? { call_count: sql<number>`call_count + 1` } : {}) })
    .where('id', '=', id)
    .execute();
}

export async function openConsultationOfTicket(db: Executor, ticketId: string) {
  return db
    .selectFrom('consultations as c')
    .innerJoin('staff as s', 's.id', 'c.staff_id')
    .select(['c.id', 'c.staff_id', 'c.joined_at', 's.display_name as staff_name'])
    .where('c.ticket_id', '=', ticketId)
    .where('c.ended_at', 'is', null)
    .executeTakeFirst();
}

export async function findConsultation(db: Executor, id: string, lock = false) {
  let query = db.selectFrom('consultations').selectAll().where('id', '=', id);
  if (lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function openConsultationOfStaff(db: Executor, staffId: number) {
  return db
    .selectFrom('consultations')
    .select('id')
    .where('staff_id', '=', staffId)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
}

export async function insertConsultation(
  db: Executor,
  c: { ticketId: string; officeId: number; staffId: number; now: Date },
): Promise<string> {
  const row = await db
    .insertInto('consultations')
    .values({
      ticket_id: c.ticketId,
      office_id: c.officeId,
      staff_id: c.staffId,
      started_at: c.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateConsultation(
  db: Executor,
  id: string,
  patch: { joined_at?: Date; ended_at?: Date; outcome?: 'done' | 'absent'; started_at?: Date },
): Promise<void> {
  await db.updateTable('consultations').set(patch).where('id', '=', id).execute();
}

export async function waitingIds(db: Executor, officeId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('tickets')
    .select('id')
    .where('office_id', '=', officeId)
    .where('state', '=', 'waiting')
    .orderBy('priority', 'desc')
    .orderBy('enqueued_at')
    .orderBy('number')
    .execute();
  return rows.map((r) => r.id);
}

export async function waitingCounts(db: Executor): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('tickets')
    .select((eb) => ['office_id', eb.fn.countAll<number>().as('n')])
    .where('state', '=', 'waiting')
    .groupBy('office_id')
    .execute();
  return new Map(rows.map((r) => [r.office_id, Number(r.n)]));
}

/** Durations (s) of the office's recent finished consultations, for the wait estimate. */
export async function recentServiceSeconds(db: Executor, officeId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('consultations')
    .select(sql<number>`extract(epoch from ended_at - started_at)`.as('seconds'))
    .where('office_id', '=', officeId)
    .where('outcome', '=', 'done')
    .orderBy('ended_at', 'desc')
    .limit(20)
    .execute();
  return rows.map((r) => Number(r.seconds));
}

/** The active tickets of an office (or only the one with `ticketId`), as the queue shows them. */
export async function activeTickets(db: Executor, officeId: number, ticketId?: string) {
  let query = db.selectFrom('tickets as t');
  if (ticketId !== undefined) query = query.where('t.id', '=', ticketId);
  return (
    query
      .leftJoin('consultations as c', (join) =>
        join.onRef('c.ticket_id', '=', 't.id').on('c.ended_at', 'is', null),
      )
      .leftJoin('staff as s', 's.id', 'c.staff_id')
      // The appointment behind a checked-in ticket, for the staff's mark (read only).
      .leftJoin('appointments as a', 'a.id', 't.appointment_id')
      .leftJoin('appointment_services as sv', 'sv.id', 'a.service_id')
      .select([
        'a.starts_at as appointment_start',
        'sv.name_de as service_de',
        'sv.name_en as service_en',
        't.id',
        't.code',
        't.name',
        't.state',
        't.priority',
        't.number',
        't.enqueued_at',
        't.called_at',
        't.last_seen_at',
        's.display_name as called_by',
        'c.id as consultation_id',
      ])
      .where('t.office_id', '=', officeId)
      .where('t.state', 'in', ACTIVE_STATES)
      .execute()
  );
}

/** Presence heartbeat: returns the offices whose queue view changes. */
export async function touchTickets(db: Executor, ids: string[], now: Date): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .updateTable('tickets')
    .set({ last_seen_at: now })
    .where('id', 'in', ids)
    .where('state', 'in', ACTIVE_STATES)
    .returning('office_id')
    .execute();
  return [...new Set(rows.map((r) => r.office_id))];
}

/** Waiting or absent tickets nobody has looked after for the grace time leave the queue. */
export async function expireUnseen(db: Executor, seenBefore: Date, now: Date) {
  return db
    .updateTable('tickets')
    .set({ state: 'left', left_reason: 'timeout', ended_at: now })
    .where('state', 'in', ['waiting', 'absent'])
    .where('last_seen_at', '<', seenBefore)
    .returning(['id', 'office_id'])
    .execute();
}

export async function officeSlugs(db: Executor, ids: number[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('offices').select('slug').where('id', 'in', ids).execute();
  return rows.map((r) => r.slug);
}
