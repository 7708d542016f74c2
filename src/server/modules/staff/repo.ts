/** All SQL of the staff module: accounts, sessions, assignments, duty. */
import { sql } from 'kysely';
import type { Executor } from '../realtime/bus.js';

export interface StaffAccount {
  id: number;
  email: string;
  name: string;
  role: 'staff' | 'admin';
  passwordHash: string;
  failedLogins: number;
  lockedUntil: Date | null;
}

export interface AssignedOffice {
  officeId: number;
  slug: string;
  nameDe: string;
  nameEn: string;
  duty: 'off' | 'available' | 'paused';
}

export async function findByEmail(db: Executor, email: string): Promise<StaffAccount | null> {
  const row = await db
    .selectFrom('staff')
    .selectAll()
    .where('email', '=', email.toLowerCase())
    .executeTakeFirst();
  return row
    ? {
        id: row.id,
        email: row.email,
        name: row.display_name,
        role: row.role,
        passwordHash: row.password_hash,
        failedLogins: row.failed_logins,
        lockedUntil: row.locked_until,
      }
    : null;
}

export async function recordLogin(
  db: Executor,
  id: number,
  outcome: { ok: true } | { ok: false; lockUntil: Date | null },
): Promise<void> {
  await db
    .updateTable('staff')
    .set(
      outcome.ok
        ? { failed_logins: 0, locked_until: null }
        : {
            failed_logins: outcome.lockUntil ? 0 : sql<number>`failed_logins + 1`,
            locked_until: outcome.lockUntil,
          },
    )
    .where('id', '=', id)
    .execute();
}

export async function insertSession(
  db: Executor,
  session: { tokenHash: Buffer; staffId: number; csrfToken: string; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('staff_sessions')
    .values({
      token_hash: session.tokenHash,
      staff_id: session.staffId,
      csrf_token: session.csrfToken,
      expires_at: session.expiresAt,
    })
    .execute();
}

export async function findSession(db: Executor, tokenHash: Buffer, now: Date) {
  return db
    .selectFrom('staff_sessions as s')
    .innerJoin('staff', 'staff.id', 's.staff_id')
    .select([
      's.staff_id as staffId',
      's.csrf_token as csrfToken',
      'staff.display_name as name',
      'staff.email as email',
      'staff.role as role',
      's.expires_at as expiresAt',
    ])
    .where('s.token_hash', '=', tokenHash)
    .where('s.expires_at', '>', now)
    .executeTakeFirst();
}

export async function deleteSession(db: Executor, tokenHash: Buffer): Promise<void> {
  await db.deleteFrom('staff_sessions').where('token_hash', '=', tokenHash).execute();
}

export async function deleteSessionsOf(db: Executor, staffId: number): Promise<void> {
  await db.deleteFrom('staff_sessions').where('staff_id', '=', staffId).execute();
}

export async function assignedOffices(db: Executor, staffId: number): Promise<AssignedOffice[]> {
  const rows = await db
    .selectFrom('staff_offices as a')
    .innerJoin('offices as o', 'o.id', 'a.office_id')
    .leftJoin('duty as d', (join) =>
      join.onRef('d.staff_id', '=', 'a.staff_id').onRef('d.office_id', '=', 'a.office_id'),
    )
    .select(['o.id', 'o.slug', 'o.name_de', 'o.name_en', 'd.state'])
    .where('a.staff_id', '=', staffId)
    .orderBy('o.position')
    .execute();
  return rows.map((r) => ({
    officeId: r.id,
    slug: r.slug,
    nameDe: r.name_de,
    nameEn: r.name_en,
    duty: r.state ?? 'off',
  }));
}

export async function setDuty(
  db: Executor,
  staffId: number,
  officeId: number,
  state: 'available' | 'paused' | 'off',
  now: Date,
): Promise<void> {
  if (state === 'off') {
    await db
      .deleteFrom('duty')
      .where('staff_id', '=', staffId)
      .where('office_id', '=', officeId)
      .execute();
    return;
  }
  await db
    .insertInto('duty')
    .values({ staff_id: staffId, office_id: officeId, state, since: now })
    .onConflict((oc) =>
      oc.columns(['staff_id', 'office_id']).doUpdateSet({ state, since: now, seen_at: sql`now()` }),
    )
    .execute();
}

/** Heartbeat of the consoles connected to this node. */
export async function touchDuty(db: Executor, staffIds: number[]): Promise<void> {
  if (staffIds.length === 0) return;
  await db
    .updateTable('duty')
    .set({ seen_at: sql`now()` })
    .where('staff_id', 'in', staffIds)
    .execute();
}

/**
 * Ends the duty of staff whose console has not been connected for `minutes` (closed browser,
 * lost laptop); returns the office slugs affected. Database time on both sides, so it works
 * across nodes and is independent of the app's (in tests: pinned) clock.
 */
export async function endStaleDuty(db: Executor, minutes: number): Promise<string[]> {
  const rows = await sql<{ slug: string }>`
    DELETE FROM duty d USING offices o
    WHERE o.id = d.office_id AND d.seen_at < now() - make_interval(mins => ${minutes})
    RETURNING o.slug`.execute(db);
  return [...new Set(rows.rows.map((r) => r.slug))];
}

/** Takes the staff member off duty everywhere; returns the office slugs affected. */
export async function clearDuty(db: Executor, staffId: number): Promise<string[]> {
  const rows = await db
    .deleteFrom('duty')
    .where('staff_id', '=', staffId)
    .returning('office_id')
    .execute();
  if (rows.length === 0) return [];
  const offices = await db
    .selectFrom('offices')
    .select('slug')
    .where(
      'id',
      'in',
      rows.map((r) => r.office_id),
    )
    .execute();
  return offices.map((o) => o.slug);
}
