/** SQL of the consultation room: chat messages and delivery marks. */
import type { Executor } from '../realtime/bus.js';

export async function findRoom(db: Executor, id: string) {
  return db
    .selectFrom('consultations as c')
    .innerJoin('tickets as t', 't.id', 'c.ticket_id')
    .innerJoin('offices as o', 'o.id', 'c.office_id')
    .innerJoin('staff as s', 's.id', 'c.staff_id')
    .select([
      'c.id',
      'c.staff_id',
      'c.ticket_id',
      'c.started_at',
      'c.joined_at',
      'c.ended_at',
      'c.citizen_received_up_to',
      'c.staff_received_up_to',
      'c.rated',
      't.code',
      't.name',
      't.secret_hash',
      'o.slug',
      's.display_name as staff_name',
    ])
    .where('c.id', '=', id)
    .executeTakeFirst();
}
export type RoomRow = NonNullable<Awaited<ReturnType<typeof findRoom>>>;

export async function messages(db: Executor, consultationId: string) {
  return db
    .selectFrom('chat_messages')
    .select(['id', 'sender', 'body', 'sent_at'])
    .where('consultation_id', '=', consultationId)
    .orderBy('id')
    .execute();
}

export async function insertMessage(
  db: Executor,
  m: { consultationId: string; sender: 'citizen' | 'staff'; body: string; now: Date },
) {
  return db
    .insertInto('chat_messages')
    .values({ consultation_id: m.consultationId, sender: m.sender, body: m.body, sent_at: m.now })
    .returning(['id', 'sender', 'body', 'sent_at'])
    .executeTakeFirstOrThrow();
}

/** Only moves forward: a late, smaller acknowledgement never undoes a tick. */
export async function markReceived(
  db: Executor,
  consultationId: string,
  side: 'citizen' | 'staff',
  upTo: number,
): Promise<boolean> {
  const column = side === 'citizen' ? 'citizen_received_up_to' : 'staff_received_up_to';
  const result = await db
    .updateTable('consultations')
    .set({ [column]: upTo })
    .where('id', '=', consultationId)
    .where(column, '<', upTo)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
