/**
 * The outbox: messages are rows written in the same transaction as the change they tell about
 * (a booking that rolls back sends nothing), sent later by the worker. Each row has a unique
 * idempotency key, so writing the same message twice keeps one row; a row is claimed with
 * `FOR UPDATE SKIP LOCKED` plus a lease, so two nodes never send it at the same time.
 */
import { sql } from 'kysely';
import type { OutboxTable } from '../../db/schema.js';
import type { Executor } from '../realtime/bus.js';

export interface OutboxMessage {
  idempotencyKey: string;
  channel: 'sms' | 'email';
  recipient: string;
  subject?: string;
  body: string;
  ics?: string;
  appointmentId?: string;
  dueAt: Date;
}

export type OutboxRow = Pick<
  OutboxTable,
  'channel' | 'recipient' | 'subject' | 'body' | 'ics' | 'idempotency_key' | 'appointment_id'
> & { id: number; attempts: number; created_at: Date };

export async function enqueue(db: Executor, messages: OutboxMessage[], now: Date): Promise<void> {
  if (messages.length === 0) return;
  await db
    .insertInto('outbox')
    .values(
      messages.map((m) => ({
        idempotency_key: m.idempotencyKey,
        channel: m.channel,
        recipient: m.recipient,
        subject: m.subject ?? null,
        body: m.body,
        ics: m.ics ?? null,
        appointment_id: m.appointmentId ?? null,
        due_at: m.dueAt,
        created_at: now,
      })),
    )
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .execute();
}

/** Pending messages of an appointment that are not due yet (a reminder) will never be sent. */
export async function cancelPending(db: Executor, appointmentId: string, now: Date) {
  await db
    .updateTable('outbox')
    .set({ state: 'cancelled' })
    .where('appointment_id', '=', appointmentId)
    .where('state', '=', 'pending')
    .where('due_at', '>', now)
    .execute();
}

/** Takes up to `limit` due messages for `leaseMs`; another node skips them meanwhile. */
export async function claim(
  db: Executor,
  now: Date,
  limit: number,
  leaseMs: number,
): Promise<OutboxRow[]> {
  const leaseUntil = new Date(now.getTime() + leaseMs);
  const result = await sql<OutboxRow>`
    UPDATE outbox SET locked_until = ${leaseUntil}, attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM outbox
      WHERE state = 'pending' AND due_at <= ${now}
        AND (locked_until IS NULL OR locked_until <= ${now})
      ORDER BY due_at, id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING id, channel, recipient, subject, body, ics, idempotency_key, appointment_id,
      attempts, created_at`.execute(db);
  return result.rows;
}

/** Marks a round's sent messages in one statement. */
export async function markSent(
  db: Executor,
  sent: readonly { id: number; providerId: string }[],
  now: Date,
): Promise<void> {
  if (sent.length === 0) return;
  await sql`
    UPDATE outbox SET state = 'sent', sent_at = ${now}, locked_until = NULL,
      provider_id = s.provider_id
    FROM unnest(${sent.map((s) => s.id)}::bigint[], ${sent.map((s) => s.providerId)}::text[])
      AS s(id, provider_id)
    WHERE outbox.id = s.id`.execute(db);
}

export async function markRetry(db: Executor, id: number, error: string, dueAt: Date) {
  await db
    .updateTable('outbox')
    .set({ due_at: dueAt, locked_until: null, last_error: error.slice(0, 500) })
    .where('id', '=', id)
    .execute();
}

export async function markFailed(db: Executor, id: number, error: string) {
  await db
    .updateTable('outbox')
    .set({ state: 'failed', locked_until: null, last_error: error.slice(0, 500) })
    .where('id', '=', id)
    .execute();
}

/**
 * Messages written before `before` are deleted with their content (GDPR). The retention is far
 * longer than the worker tries (48 h), so nothing still being sent is lost.
 */
export async function purge(db: Executor, before: Date): Promise<void> {
  await db.deleteFrom('outbox').where('created_at', '<', before).execute();
}
