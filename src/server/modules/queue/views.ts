/**
 * Read models of the queue: what the lobby, a ticket holder and the staff queue see. These are
 * the snapshot loaders of the realtime topics; each is one read per change per node.
 */
import type { Kysely } from 'kysely';
import type { IceConfig } from '../calls/ice.js';
import type {
  LobbySnapshot,
  QueueEntry,
  QueueSnapshot,
  TicketView,
} from '../../../shared/queue.js';
import { PRESENT_WITHIN_MS } from '../../../shared/presence.js';
import { serviceFigures } from '../../../shared/wait-estimate.js';
import type { Clock } from '../../clock.js';
import type { DB } from '../../db/schema.js';
import type { OfficeService } from '../offices/service.js';
import * as repo from './repo.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export class QueueViews {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly offices: OfficeService,
    private readonly clock: Clock,
    private readonly callTimeoutSeconds: number,
    /** The citizen's ICE servers for a consultation (TURN credentials are made per call). */
    private readonly citizenIce: (consultationId: string) => IceConfig = () => ({
      iceServers: [],
      iceTransportPolicy: 'all',
      turn: false,
    }),
  ) {}

  private joinBy(calledAt: Date | null, state: string): string | null {
    if (!calledAt || state !== 'called') return null;
    return new Date(calledAt.getTime() + this.callTimeoutSeconds * 1000).toISOString();
  }

  async ticket(id: string): Promise<TicketView | null> {
    const ticket = await repo.findTicket(this.db, id);
    if (!ticket) return null;
    const open = await repo.openConsultationOfTicket(this.db, id);
    return {
      id: ticket.id,
      office: ticket.office_slug,
      code: ticket.code,
      name: ticket.name,
      state: ticket.state,
      enqueuedAt: ticket.enqueued_at.toISOString(),
      calledAt: iso(ticket.called_at),
      joinBy: this.joinBy(ticket.called_at, ticket.state),
      consultationId: open?.id ?? null,
      staffName: open?.staff_name ?? null,
      serverTime: this.clock().toISOString(),
      ...(open && ticket.state === 'called' ? { ice: this.citizenIce(open.id) } : {}),
    };
  }

  async lobby(slug: string): Promise<LobbySnapshot | null> {
    const current = await this.offices.current(slug).catch(() => null);
    if (!current) return null;
    const [waiting, durations] = await Promise.all([
      repo.waitingIds(this.db, current.office.id),
      repo.recentServiceSeconds(this.db, current.office.id),
    ]);
    const figures = serviceFigures(durations);
    return {
      office: slug,
      open: current.open,
      status: current.status,
      waiting,
      wait: {
        typicalServiceSeconds: figures.typical,
        slowServiceSeconds: figures.slow,
        staffOnDuty: current.staff.onDuty,
        staffFree: current.staff.free,
        sample: figures.sample,
      },
    };
  }

  async queue(slug: string): Promise<QueueSnapshot | null> {
    const current = await this.offices.current(slug).catch(() => null);
    if (!current) return null;
    const now = this.clock();
    const rows = await repo.activeTickets(this.db, current.office.id);
    const rank = { waiting: 0, called: 1, serving: 2, absent: 3 } as Record<string, number>;
    rows.sort(
      (a, b) =>
        (rank[a.state] ?? 9) - (rank[b.state] ?? 9) ||
        b.priority - a.priority ||
        a.enqueued_at.getTime() - b.enqueued_at.getTime() ||
        a.number - b.number,
    );
    return {
      office: slug,
      officeName: current.office.name.de,
      timeZone: current.office.timeZone,
      tickets: rows.map((t) => this.entry(t, now)),
      generatedAt: now.toISOString(),
    };
  }

  /**
   * One ticket as the office's queue shows it (the answer to "call next": reading the whole
   * queue for it queued the called citizen's own update behind a dozen statements).
   */
  async queueEntry(officeId: number, ticketId: string): Promise<QueueEntry | null> {
    const [row] = await repo.activeTickets(this.db, officeId, ticketId);
    return row ? this.entry(row, this.clock()) : null;
  }

  private entry(t: ActiveTicketRow, now: Date): QueueEntry {
    return {
      id: t.id,
      code: t.code,
      name: t.name,
      state: t.state,
      enqueuedAt: t.enqueued_at.toISOString(),
      calledAt: iso(t.called_at),
      joinBy: this.joinBy(t.called_at, t.state),
      lastSeenAt: t.last_seen_at.toISOString(),
      present: now.getTime() - t.last_seen_at.getTime() < PRESENT_WITHIN_MS,
      calledBy: t.called_by,
      consultationId: t.consultation_id,
      appointment: t.appointment_start
        ? {
            start: new Date(t.appointment_start).toISOString(),
            service: t.service_de ?? '',
            serviceEn: t.service_en ?? '',
          }
        : null,
    };
  }
}

type ActiveTicketRow = Awaited<ReturnType<typeof repo.activeTickets>>[number];

/** Waiting counts per office id (for the public directory). */
export function waitingCounts(db: Kysely<DB>): Promise<Map<number, number>> {
  return repo.waitingCounts(db);
}
