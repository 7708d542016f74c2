/**
 * Documents shared in a consultation: only its two participants can upload and read them; the
 * type is checked by content; they are deleted when the consultation ends and at the latest
 * after the retention time.
 */
import type { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { DocumentInfo } from '../../../shared/queue.js';
import type { Clock } from '../../clock.js';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../http/app-error.js';
import type { ConsultationService, Credentials, Participant } from '../consultations/service.js';
import type { Bus } from '../realtime/bus.js';
import { cleanFilename, sniffMediaType } from './sniff.js';
import type { DocumentStore } from './store.js';

export interface DocumentSettings {
  maxBytes: number;
  retentionHours: number;
}

export class DocumentService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly bus: Bus,
    private readonly clock: Clock,
    private readonly store: DocumentStore,
    private readonly consultations: ConsultationService,
    private readonly settings: DocumentSettings,
  ) {}

  private async participant(
    consultationId: string,
    credentials: Credentials,
  ): Promise<Participant> {
    const role = await this.consultations.roleIn(consultationId, credentials);
    if (!role) throw new AppError('CONSULTATION_NOT_FOUND');
    return role;
  }

  async upload(
    consultationId: string,
    credentials: Credentials,
    rawName: string | undefined,
    body: Readable,
  ): Promise<DocumentInfo> {
    const from = await this.participant(consultationId, credentials);
    await this.requireOpen(consultationId);
    const received = await this.store.receive(body, this.settings.maxBytes);
    try {
      const mediaType = sniffMediaType(received.head);
      if (!mediaType) throw new AppError('DOCUMENT_TYPE');
      const row = await this.db.transaction().execute(async (trx) => {
        await this.requireOpen(consultationId, trx); // it may have ended during the upload
        const inserted = await trx
          .insertInto('documents')
          .values({
            consultation_id: consultationId,
            uploader: from,
            filename: cleanFilename(
              rawName,
              mediaType === 'application/pdf' ? 'dokument.pdf' : 'bild',
            ),
            media_type: mediaType,
            size_bytes: received.size,
            sha256: received.sha256,
            created_at: this.clock(),
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await this.store.keep(received, inserted.id); // before commit: no row without its file
        await this.bus.publish(trx, [`consultation:${consultationId}`]);
        return inserted;
      });
      return toInfo(row);
    } catch (error) {
      await this.store.discard(received);
      throw error;
    }
  }

  async open(consultationId: string, documentId: string, credentials: Credentials) {
    await this.participant(consultationId, credentials);
    const row = await this.db
      .selectFrom('documents')
      .selectAll()
      .where('id', '=', documentId)
      .where('consultation_id', '=', consultationId)
      .executeTakeFirst();
    if (!row) throw new AppError('DOCUMENT_NOT_FOUND');
    return { info: toInfo(row), path: this.store.pathOf(row.id) };
  }

  async list(consultationId: string): Promise<DocumentInfo[]> {
    const rows = await this.db
      .selectFrom('documents')
      .selectAll()
      .where('consultation_id', '=', consultationId)
      .orderBy('created_at')
      .execute();
    return rows.map(toInfo);
  }

  /** Deletes the documents of ended consultations and any older than the retention time. */
  async purge(): Promise<number> {
    const cutoff = new Date(this.clock().getTime() - this.settings.retentionHours * 3_600_000);
    const rows = await this.db
      .deleteFrom('documents')
      .where((eb) =>
        eb.or([
          eb('created_at', '<', cutoff),
          eb(
            'consultation_id',
            'in',
            eb.selectFrom('consultations').select('id').where('ended_at', 'is not', null),
          ),
        ]),
      )
      .returning('id')
      .execute();
    await this.store.remove(rows.map((r) => r.id));
    return rows.length;
  }

  private async requireOpen(consultationId: string, db: Kysely<DB> = this.db): Promise<void> {
    const c = await db
      .selectFrom('consultations')
      .select(['ended_at', 'joined_at'])
      .where('id', '=', consultationId)
      .executeTakeFirst();
    if (!c) throw new AppError('CONSULTATION_NOT_FOUND');
    if (c.ended_at) throw new AppError('CONSULTATION_ENDED');
    if (!c.joined_at) throw new AppError('TICKET_STATE');
  }
}

function toInfo(row: {
  id: string;
  uploader: Participant;
  filename: string;
  media_type: DocumentInfo['mediaType'];
  size_bytes: number;
  sha256: string;
  created_at: Date;
}): DocumentInfo {
  return {
    id: row.id,
    from: row.uploader,
    filename: row.filename,
    mediaType: row.media_type,
    size: row.size_bytes,
    sha256: row.sha256,
    uploadedAt: row.created_at.toISOString(),
  };
}
