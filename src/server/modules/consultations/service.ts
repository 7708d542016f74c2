/**
 * The consultation room: who may be in it (its staff member, and the citizen holding the
 * ticket's secret), its snapshot, and the chat with delivery marks.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ChatMessage, ConsultationSnapshot, DocumentInfo } from '../../../shared/queue.js';
import type { Clock } from '../../clock.js';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../http/app-error.js';
import type { Bus } from '../realtime/bus.js';
import * as repo from './repo.js';

export type Participant = 'citizen' | 'staff';
export type Credentials = { staffId?: number | null; secret?: string | null };
/** A consultation's two sides: its staff member, and the SHA-256 of its ticket's secret. */
export interface Members {
  staffId: number;
  secretHash: Buffer;
}

const MEMBERS_KEPT = 10_000;

export class ConsultationService {
  /** Set once the documents module exists (it needs this service for access checks). */
  documents: (consultationId: string) => Promise<DocumentInfo[]> = () => Promise.resolve([]);
  /** The document size limit (set by the app from DOCUMENT_MAX_MB), for the snapshot. */
  documentMaxBytes = 20 * 1024 * 1024;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly bus: Bus,
    private readonly clock: Clock,
  ) {}

  /**
   * Who is in a consultation never changes, so it is kept (bounded) once read or made here: the
   * pages' subscriptions at the start of a call then need no query (on PGlite each waited behind
   * the call's other writes, about 50 ms).
   */
  private readonly members = new Map<string, Members>();

  /** A consultation made on this node (call next): its members, without reading them back. */
  remember(id: string, members: Members): void {
    if (this.members.size >= MEMBERS_KEPT) {
      this.members.delete(this.members.keys().next().value!); // the oldest
    }
    this.members.set(id, members);
  }

  /** Which side these credentials are in this consultation, or null when none. */
  async roleIn(id: string, credentials: Credentials): Promise<Participant | null> {
    let members = this.members.get(id);
    if (!members) {
      const room = await repo.findRoom(this.db, id);
      if (!room) return null;
      members = membersOf(room);
      this.remember(id, members);
    }
    return participantOf(members, credentials);
  }

  async snapshot(id: string): Promise<ConsultationSnapshot | null> {
    const room = await repo.findRoom(this.db, id);
    if (!room) return null;
    const [messages, documents] = await Promise.all([
      repo.messages(this.db, id),
      this.documents(id),
    ]);
    return {
      id: room.id,
      office: room.slug,
      ticketCode: room.code,
      citizenName: room.name,
      staffName: room.staff_name,
      state: room.ended_at ? 'ended' : room.joined_at ? 'active' : 'calling',
      startedAt: room.started_at.toISOString(),
      joinedAt: room.joined_at?.toISOString() ?? null,
      endedAt: room.ended_at?.toISOString() ?? null,
      messages: messages.map(toMessage),
      receivedUpTo: { citizen: room.citizen_received_up_to, staff: room.staff_received_up_to },
      documents,
      documentMaxBytes: this.documentMaxBytes,
      canRate: room.ended_at !== null && room.joined_at !== null && !room.rated,
    };
  }

  async send(id: string, credentials: Credentials, text: string): Promise<ChatMessage> {
    const body = text.trim();
    if (body.length === 0) throw new AppError('VALIDATION_FAILED');
    return this.db.transaction().execute(async (trx) => {
      const room = await repo.findRoom(trx, id);
      const from = room ? participantOf(membersOf(room), credentials) : null;
      if (!room || !from) throw new AppError('CONSULTATION_NOT_FOUND');
      if (room.ended_at) throw new AppError('CONSULTATION_ENDED');
      if (!room.joined_at) throw new AppError('TICKET_STATE');
      const row = await repo.insertMessage(trx, {
        consultationId: id,
        sender: from,
        body,
        now: this.clock(),
      });
      await this.bus.publish(trx, [`consultation:${id}`]);
      return toMessage(row);
    });
  }

  async markReceived(id: string, side: Participant, upTo: number): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      if (await repo.markReceived(trx, id, side, upTo)) {
        await this.bus.publish(trx, [`consultation:${id}`]);
      }
    });
  }

  /** An anonymous 1–5 rating after a served consultation; once. */
  async rate(id: string, secret: string, stars: number, comment: string | null): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const room = await repo.findRoom(trx, id);
      if (!room || participantOf(membersOf(room), { secret }) !== 'citizen') {
        throw new AppError('CONSULTATION_NOT_FOUND');
      }
      const claimed = await trx
        .updateTable('consultations')
        .set({ rated: true })
        .where('id', '=', id)
        .where('rated', '=', false)
        .where('ended_at', 'is not', null)
        .where('joined_at', 'is not', null)
        .returning('office_id')
        .executeTakeFirst();
      if (!claimed) throw new AppError('RATING_NOT_ALLOWED');
      await trx
        .insertInto('ratings')
        .values({
          office_id: claimed.office_id,
          stars,
          comment: comment?.trim() || null,
          day: this.clock().toISOString().slice(0, 10),
        })
        .execute();
      await this.bus.publish(trx, [`consultation:${id}`]);
    });
  }

  /** The staff member's open consultation, for a console that reloads. */
  async activeOf(staffId: number): Promise<string | null> {
    const row = await this.db
      .selectFrom('consultations')
      .select('id')
      .where('staff_id', '=', staffId)
      .where('ended_at', 'is', null)
      .executeTakeFirst();
    return row?.id ?? null;
  }
}

function participantOf(members: Members, credentials: Credentials): Participant | null {
  if (credentials.staffId != null && credentials.staffId === members.staffId) return 'staff';
  if (credentials.secret) {
    const given = createHash('sha256').update(credentials.secret).digest();
    if (timingSafeEqual(given, members.secretHash)) return 'citizen';
  }
  return null;
}

const membersOf = (room: repo.RoomRow): Members => ({
  staffId: room.staff_id,
  secretHash: room.secret_hash,
});

function toMessage(row: {
  id: number;
  sender: Participant;
  body: string;
  sent_at: Date;
}): ChatMessage {
  return { id: row.id, from: row.sender, text: row.body, sentAt: row.sent_at.toISOString() };
}
