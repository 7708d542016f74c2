/** All SQL of appointments: booking settings, seats per unit, bookings and blocks. */
import { sql } from 'kysely';
import type { Executor } from '../realtime/bus.js';
import type { TemplateOverrides } from '../notifications/templates.js';
import type { Capacity, CapacityInterval } from './slots.js';

export interface BookingSettings {
  unitMinutes: number;
  leadMinutes: number;
  horizonDays: number;
  priorityMinutes: number;
  noShowMinutes: number;
  capacity: Capacity;
}

const hhmm = (time: string) => time.slice(0, 5);

/** null = the office takes no appointments. */
export async function settings(db: Executor, officeId: number): Promise<BookingSettings | null> {
  const row = await db
    .selectFrom('appointment_settings')
    .selectAll()
    .where('office_id', '=', officeId)
    .executeTakeFirst();
  if (!row) return null;
  const rows = await db
    .selectFrom('appointment_capacity')
    .select(['weekday', 'opens', 'closes', 'seats'])
    .where('office_id', '=', officeId)
    .orderBy('weekday')
    .orderBy('opens')
    .execute();
  const weekly: CapacityInterval[][] = Array.from({ length: 7 }, () => []);
  for (const r of rows) {
    weekly[r.weekday - 1]?.push({ opens: hhmm(r.opens), closes: hhmm(r.closes), seats: r.seats });
  }
  return {
    unitMinutes: row.unit_minutes,
    leadMinutes: row.lead_minutes,
    horizonDays: row.horizon_days,
    priorityMinutes: row.priority_minutes,
    noShowMinutes: row.no_show_minutes,
    capacity: { weekly },
  };
}

export function services(db: Executor, officeId: number) {
  return db
    .selectFrom('appointment_services')
    .select(['id', 'name_de', 'name_en', 'duration_minutes'])
    .where('office_id', '=', officeId)
    .where('active', '=', true)
    .orderBy('position')
    .orderBy('id')
    .execute();
}
export type ServiceRow = Awaited<ReturnType<typeof services>>[number];

/** Taken seats per unit start (epoch ms) in [from, to). */
export async function takenUnits(
  db: Executor,
  officeId: number,
  from: Date,
  to: Date,
): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('appointment_units')
    .select(['starts_at', (eb) => eb.fn.countAll<string>().as('taken')])
    .where('office_id', '=', officeId)
    .where('starts_at', '>=', from)
    .where('starts_at', '<', to)
    .groupBy('starts_at')
    .execute();
  return new Map(rows.map((r) => [new Date(r.starts_at).getTime(), Number(r.taken)]));
}

/**
 * Takes one free seat of each unit for a booking or a block; false when a unit has none left.
 * The primary key (office, unit, seat) decides every race: a seat another transaction took
 * first makes the insert do nothing (after waiting for that transaction), and the next seat
 * is tried. Call inside a transaction, so a partial claim is rolled back.
 */
export async function claimUnits(
  db: Executor,
  officeId: number,
  units: readonly { start: Date; seats: number }[],
  owner: { appointmentId: string } | { blockId: number },
): Promise<boolean> {
  const appointmentId = 'appointmentId' in owner ? owner.appointmentId : null;
  const blockId = 'blockId' in owner ? owner.blockId : null;
  for (const unit of units) {
    let claimed = false;
    for (let attempt = 0; attempt < unit.seats && !claimed; attempt++) {
      const result = await sql<{ seat: number }>`
        INSERT INTO appointment_units (office_id, starts_at, seat, appointment_id, block_id)
        SELECT ${officeId}, ${unit.start}, s, ${appointmentId}::uuid, ${blockId}::bigint
        FROM generate_series(0, ${unit.seats - 1}) AS s
        WHERE NOT EXISTS (
          SELECT 1 FROM appointment_units u
          WHERE u.office_id = ${officeId} AND u.starts_at = ${unit.start} AND u.seat = s)
        ORDER BY s LIMIT 1
        ON CONFLICT DO NOTHING
        RETURNING seat`.execute(db);
      if (result.rows.length > 0) claimed = true;
      else if (!(await hasFreeSeat(db, officeId, unit))) return false;
    }
    if (!claimed) return false;
  }
  return true;
}

async function hasFreeSeat(db: Executor, officeId: number, unit: { start: Date; seats: number }) {
  const row = await db
    .selectFrom('appointment_units')
    .select((eb) => eb.fn.countAll<string>().as('taken'))
    .where('office_id', '=', officeId)
    .where('starts_at', '=', unit.start)
    .where('seat', '<', unit.seats)
    .executeTakeFirstOrThrow();
  return Number(row.taken) < unit.seats;
}

export async function releaseUnits(db: Executor, appointmentId: string): Promise<void> {
  await db.deleteFrom('appointment_units').where('appointment_id', '=', appointmentId).execute();
}

const appointmentColumns = [
  'a.id',
  'a.office_id',
  'a.service_id',
  'a.starts_at',
  'a.ends_at',
  'a.code',
  'a.state',
  'a.name',
  'a.phone',
  'a.email',
  'a.lang',
  'a.booked_by',
  'a.ticket_id',
  'a.reschedule_count',
  'o.slug as office_slug',
  'o.name_de as office_name_de',
  'o.name_en as office_name_en',
  'o.time_zone',
  's.name_de as service_name_de',
  's.name_en as service_name_en',
  's.duration_minutes',
] as const;

function appointmentQuery(db: Executor) {
  return db
    .selectFrom('appointments as a')
    .innerJoin('offices as o', 'o.id', 'a.office_id')
    .innerJoin('appointment_services as s', 's.id', 'a.service_id')
    .select(appointmentColumns);
}

export async function findAppointment(
  db: Executor,
  by: { id: string } | { tokenHash: Buffer },
  lock = false,
) {
  let query = appointmentQuery(db);
  query =
    'id' in by ? query.where('a.id', '=', by.id) : query.where('a.token_hash', '=', by.tokenHash);
  if (lock) query = query.forUpdate('a');
  return query.executeTakeFirst();
}
export type AppointmentRow = NonNullable<Awaited<ReturnType<typeof findAppointment>>>;

export function appointmentsBetween(db: Executor, officeId: number, from: Date, to: Date) {
  return appointmentQuery(db)
    .where('a.office_id', '=', officeId)
    .where('a.starts_at', '>=', from)
    .where('a.starts_at', '<', to)
    .orderBy('a.starts_at')
    .orderBy('a.created_at')
    .execute();
}

/** SMS written since a time (the daily limit against SMS pumping). */
export async function smsSince(db: Executor, since: Date): Promise<number> {
  const row = await db
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('channel', '=', 'sms')
    .where('created_at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function blocksBetween(db: Executor, officeId: number, from: Date, to: Date) {
  return db
    .selectFrom('appointment_blocks')
    .select(['id', 'starts_at', 'ends_at', 'seats', 'reason'])
    .where('office_id', '=', officeId)
    .where('starts_at', '<', to)
    .where('ends_at', '>', from)
    .orderBy('starts_at')
    .execute();
}

/** Booked appointments nobody checked in for by `missedBefore` (their start + grace). */
export async function markNoShows(db: Executor, now: Date): Promise<string[]> {
  const rows = await db
    .updateTable('appointments as a')
    .set({ state: 'no_show' })
    .from('appointment_settings as st')
    .whereRef('st.office_id', '=', 'a.office_id')
    .where('a.state', '=', 'booked')
    .where(sql<boolean>`a.starts_at + make_interval(mins => st.no_show_minutes) < ${now}`)
    .returning('a.id')
    .execute();
  return rows.map((r) => r.id);
}

/** Clears name, number and e-mail of appointments that ended before `before`. */
export async function purgePersonalData(db: Executor, before: Date, now: Date): Promise<number> {
  const result = await db
    .updateTable('appointments')
    .set({ name: null, phone: null, email: null, purged_at: now })
    .where('ends_at', '<', before)
    .where('purged_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The office's own wording of messages (missing fields: the defaults). */
export async function templates(db: Executor, officeId: number): Promise<TemplateOverrides> {
  const rows = await db
    .selectFrom('message_templates')
    .selectAll()
    .where('office_id', '=', officeId)
    .execute();
  const overrides: TemplateOverrides = {};
  for (const row of rows) {
    const own = {
      ...(row.sms ? { sms: row.sms } : {}),
      ...(row.email_subject ? { emailSubject: row.email_subject } : {}),
      ...(row.email_body ? { emailBody: row.email_body } : {}),
    };
    overrides[row.lang] = { ...overrides[row.lang], [row.kind]: own };
  }
  return overrides;
}
