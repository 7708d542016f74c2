/**
 * A booking as ONE statement, atomic without a transaction: use up the proof of work, claim a
 * free seat of every unit, insert the appointment, insert its outbox rows. The appointment and the messages are only
 * inserted when every unit got its seat; a unit that got none leaves a seat row pointing at an
 * appointment that was not inserted, which the foreign key refuses at the end of the statement
 * — so a partial claim never survives. The primary key (office, unit, seat) decides races; a
 * seat another booking took a moment earlier is simply not taken here (the caller tries again:
 * the next attempt sees that booking and takes the next free seat).
 * Measured (bench/booking): one round trip instead of five (BEGIN, three inserts, COMMIT).
 * The statement lives in the function `book_appointment` (migrations/007_book_function.sql),
 * which forces its generic plan: PostgreSQL had planned the prepared statement anew for every
 * booking (0.3–0.5 ms). Each unit's free seat is found through the primary key.
 */
import { sql } from 'kysely';
import { runPrepared, type Queryable } from '../../db/prepared.js';
import type { OutboxMessage } from '../notifications/outbox.js';

export interface NewBooking {
  id: string;
  officeId: number;
  serviceId: number;
  start: Date;
  end: Date;
  code: string;
  tokenHash: Buffer;
  name: string;
  phone: string;
  email: string | null;
  lang: 'de' | 'en';
  bookedBy: number | null;
  now: Date;
  units: readonly { start: Date; seats: number }[];
  /**
   * The seat to try first (any number; taken modulo the seats). Requests in flight together
   * for one time pass different numbers, so they claim different seats instead of all racing
   * for seat 0 and trying again.
   */
  seatFrom: number;
  messages: readonly OutboxMessage[];
  /** The proof of work to use up (online bookings); nothing is written if it was used before. */
  solved: { signature: string; expiresAt: Date } | null;
  /** At most `limit` bookings of this number created since `since` (online bookings). */
  phoneLimit: { since: Date; limit: number } | null;
}

export type BookOutcome = 'booked' | 'full' | 'taken' | 'partial' | 'used' | 'limit';

/**
 * - 'booked';
 * - 'full': a unit had no free seat (in the statement's snapshot) — nothing written, the proof
 *   of work is not used up;
 * - 'taken': every unit had a free seat, but another booking took one meanwhile and no unit got
 *   a seat — the statement committed, the proof of work is used up;
 * - 'partial': some units got a seat, others not (the same race) — rolled back, nothing used;
 * - 'used': the proof of work was used before; nothing written;
 * - 'limit': the number has its `phoneLimit` of bookings; nothing written.
 * Refusals in the order used, full, limit (as the read before the statement had them until
 * migration 008), judged in the statement's snapshot; `taken` is each unit's count of taken seats in that snapshot.
 * A claim that cannot be complete is not tried: seat rows without their appointment would break
 * the foreign key, and on PGlite an error in a prepared statement ends the connection (the
 * next query failed with "Connection terminated unexpectedly"). Only a race between
 * connections (PostgreSQL) can still end in 'partial'.
 * Other errors are thrown.
 */
export async function bookInOneStatement(
  database: Queryable,
  b: NewBooking,
): Promise<{ outcome: BookOutcome; taken: readonly number[] }> {
  const m = b.messages;
  const signature = b.solved?.signature ?? null;
  try {
    // The statement itself is the function book_appointment (migrations/007, 008): inside it
    // the plan is made once per connection (a prepared statement was planned for every booking).
    const query = sql<{
      booked_id: string | null;
      outcome: Exclude<BookOutcome, 'partial'>;
      taken: (number | string)[] | null;
    }>`
      SELECT * FROM book_appointment(${b.officeId}::bigint,
        ${b.units.map((u) => u.start)}::timestamptz[], ${b.units.map((u) => u.seats)}::int[],
        ${b.seatFrom}::int, ${signature}::text, ${b.solved?.expiresAt ?? null}::timestamptz,
        ${b.phoneLimit?.since ?? null}::timestamptz, ${b.phoneLimit?.limit ?? null}::int,
        ${b.id}::uuid, ${b.serviceId}::bigint, ${b.start}::timestamptz, ${b.end}::timestamptz,
        ${b.code}::text, ${b.tokenHash}::bytea, ${b.name}::text, ${b.phone}::text,
        ${b.email}::text, ${b.lang}::text, ${b.bookedBy}::bigint, ${b.now}::timestamptz,
        ${m.map((x) => x.idempotencyKey)}::text[], ${m.map((x) => x.channel)}::text[],
        ${m.map((x) => x.recipient)}::text[], ${m.map((x) => x.subject ?? null)}::text[],
        ${m.map((x) => x.body)}::text[], ${m.map((x) => x.ics ?? null)}::text[],
        ${m.map((x) => x.dueAt)}::timestamptz[])`;
    const [row] = await runPrepared(database, 'book_appointment_v5', query);
    if (!row) throw new Error('the booking statement returned no row');
    return { outcome: row.outcome, taken: (row.taken ?? []).map(Number) };
  } catch (error) {
    // Some units got a seat, others not: the orphan seat rows break the foreign key.
    if ((error as { code?: string }).code === '23503') return { outcome: 'partial', taken: [] };
    throw error;
  }
}
