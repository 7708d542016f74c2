/**
 * WebRTC signaling between the two participants of a consultation. An SDP can exceed NOTIFY's
 * 8,000 bytes, so each message is a row; the bus carries only its id, and the node where the
 * other participant is connected reads the row and forwards it. Rows are kept minutes, not days.
 */
import type { Kysely } from 'kysely';
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
   * Stores and announces a signal from a participant (the caller has checked the role); `node`
   * names the app node that already delivered it to the participants connected there.
   */
  async send(
    consultationId: string,
    from: 'citizen' | 'staff',
    data: string,
    node: string,
  ): Promise<void> {
    // One statement: stored only while the consultation is open.
    const row = await this.db
      .insertInto('signals')
      .columns(['consultation_id', 'sender', 'payload'])
      .expression((eb) =>
        eb
          .selectFrom('consultations')
          .select([eb.val(consultationId).as('c'), eb.val(from).as('s'), eb.val(data).as('p')])
          .where('id', '=', consultationId)
          .where('ended_at', 'is', null),
      )
      .returning('id')
      .executeTakeFirst();
    if (!row) throw new AppError('CONSULTATION_ENDED');
    await this.bus.publishEvent({ t: 'signal', consultationId, from, id: row.id, node });
  }

  async payload(id: number): Promise<string | null> {
    const row = await this.db
      .selectFrom('signals')
      .select('payload')
      .where('id', '=', id)
      .executeTakeFirst();
    return row?.payload ?? null;
  }

  async prune(now: Date): Promise<void> {
    await this.db
      .deleteFrom('signals')
      .where('created_at', '<', new Date(now.getTime() - SIGNAL_KEEP_MINUTES * 60_000))
      .execute();
  }
}
