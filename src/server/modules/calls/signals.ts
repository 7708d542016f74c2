/**
 * WebRTC signaling between the two participants of a consultation. An SDP can exceed NOTIFY's
 * 8,000 bytes, so each message is a row; the bus carries only its id, and the node where the
 * other participant is connected reads the row and forwards it. Rows are kept minutes, not days.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../http/app-error.js';
import type { Bus } from '../realtime/bus.js';

export const SIGNAL_KEEP_MINUTES = 10;

export class SignalService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly bus: Bus,
  ) {}

  /**
   * Stores and announces signals from a participant, in order, in one statement and one
   * notification (the caller has checked the role); `node` names the app node that already
   * delivered them to the participants connected there. Stored only while the consultation is
   * open.
   */
  async send(
    consultationId: string,
    from: 'citizen' | 'staff',
    data: readonly string[],
    node: string,
  ): Promise<void> {
    const result = await sql<{ id: number }>`
      INSERT INTO signals (consultation_id, sender, payload)
      SELECT ${consultationId}::uuid, ${from}, p
      FROM unnest(${data}::text[]) WITH ORDINALITY AS s(p, n)
      WHERE EXISTS (
        SELECT 1 FROM consultations WHERE id = ${consultationId} AND ended_at IS NULL)
      ORDER BY n
      RETURNING id`.execute(this.db);
    if (result.rows.length === 0) throw new AppError('CONSULTATION_ENDED');
    const ids = result.rows.map((r) => Number(r.id)).sort((a, b) => a - b);
    await this.bus.publishEvent({ t: 'signal', consultationId, from, ids, node });
  }

  /** Whether the consultation exists and has not ended. */
  async isOpen(consultationId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('consultations')
      .select('id')
      .where('id', '=', consultationId)
      .where('ended_at', 'is', null)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** The payloads of signal rows by id (rows pruned meanwhile are missing). */
  async payloadsById(ids: readonly number[]): Promise<Map<number, string>> {
    const rows = await this.db
      .selectFrom('signals')
      .select(['id', 'payload'])
      .where('id', 'in', [...ids])
      .execute();
    return new Map(rows.map((r) => [Number(r.id), r.payload]));
  }

  async prune(now: Date): Promise<void> {
    await this.db
      .deleteFrom('signals')
      .where('created_at', '<', new Date(now.getTime() - SIGNAL_KEEP_MINUTES * 60_000))
      .execute();
  }
}
