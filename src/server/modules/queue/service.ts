/**
 * The ticket's life (DESIGN.md): waiting ─call─▶ called ─join─▶ serving ─end─▶ done, with
 * absent, left and recall. Every transition is one transaction that locks the ticket, checks
 * the state, writes, and publishes the changed topics (delivered at commit). Illegal
 * transitions are a coded 409, never a crash.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { CallAnswer } from '../../../shared/staff.js';
import type { CreatedTicket, TicketView } from '../../../shared/queue.js';
import type { Clock } from '../../clock.js';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../http/app-error.js';
import { localDay } from '../offices/hours.js';
import type { OfficeService } from '../offices/service.js';
import type { Bus } from '../realtime/bus.js';
import type { StaffService } from '../staff/service.js';
import * as repo from './repo.js';
import type { QueueViews } from './views.js';

export interface QueueSettings {
  callTimeoutSeconds: number;
  ticketGraceMinutes: number;
}

export interface QueueDeps {
  db: Kysely<DB>;
  bus: Bus;
  clock: Clock;
  offices: OfficeService;
  staff: StaffService;
  views: QueueViews;
  settings: QueueSettings;
  /** Runs after a consultation has ended (e.g. to delete its documents). */
  afterEnd?: () => Promise<void>;
  /** A consultation was made (its members, for the access checks that follow at once). */
  opened?: (consultationId: string, members: { staffId: number; secretHash: Buffer }) => void;
}

/** Who acts on a consultation: its staff member, or the citizen holding the ticket secret. */
export type Actor = { kind: 'staff'; staffId: number } | { kind: 'citizen'; secret: string };

const hashSecret = (secret: string) => createHash('sha256').update(secret).digest();

function topicsFor(slug: string, ticketId: string, consultationId?: string | null): string[] {
  const topics = ['offices', `lobby:${slug}`, `queue:${slug}`, `ticket:${ticketId}`];
  if (consultationId) topics.push(`consultation:${consultationId}`);
  return topics;
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string }).code === '23505';
}

export class QueueService {
  constructor(private readonly deps: QueueDeps) {}

  async createTicket(slug: string, name: string | null): Promise<CreatedTicket> {
    const { db, clock } = this.deps;
    const current = await this.deps.offices.current(slug);
    if (!current.open) throw new AppError('OFFICE_CLOSED');
    if (current.staff.onDuty === 0) throw new AppError('OFFICE_UNSTAFFED');
    const now = clock();
    const { id, secret } = await db
      .transaction()
      .execute((trx) => this.enter(trx, current.office, { name, now }));
    return { ticket: await this.ticketView(id), secret };
  }

  /**
   * A new ticket inside the caller's transaction (walk-in, or an appointment's check-in, which
   * comes with priority: called before walk-ins, in the order of the appointments' times).
   */
  async enter(
    trx: Transaction<DB>,
    office: { id: number; slug: string; timeZone: string; ticketPrefix: string },
    entry: { name: string | null; now: Date; appointment?: { id: string; start: Date } },
  ): Promise<{ id: string; secret: string }> {
    const { now, appointment } = entry;
    const secret = randomBytes(32).toString('base64url'); // 256 bits
    const day = localDay(office.timeZone, now);
    const number = await repo.nextNumber(trx, office.id, day);
    const code = `${office.ticketPrefix}-${String(number).padStart(3, '0')}`;
    const row = await repo.insertTicket(trx, {
      officeId: office.id,
      day,
      number,
      code,
      secretHash: hashSecret(secret),
      name: entry.name?.trim() ? entry.name.trim() : null,
      now,
      ...(appointment
        ? {
            appointmentId: appointment.id,
            priority: 1,
            enqueuedAt: appointment.start < now ? appointment.start : now,
          }
        : {}),
    });
    await this.deps.bus.publish(trx, topicsFor(office.slug, row.id));
    return { id: row.id, secret };
  }

  /** The ticket if `secret` is its secret; otherwise TICKET_NOT_FOUND (never "wrong secret"). */
  async authorize(db: Kysely<DB> | Transaction<DB>, id: string, secret: string, lock = false) {
    const ticket = await repo.findTicket(db, id, lock);
    const given = hashSecret(secret);
    if (!ticket || !timingSafeEqual(ticket.secret_hash, given)) {
      throw new AppError('TICKET_NOT_FOUND');
    }
    return ticket;
  }

  async ticketView(id: string): Promise<TicketView> {
    const view = await this.deps.views.ticket(id);
    if (!view) throw new AppError('TICKET_NOT_FOUND');
    return view;
  }

  async viewFor(id: string, secret: string): Promise<TicketView> {
    await this.authorize(this.deps.db, id, secret);
    return this.ticketView(id);
  }

  /** The citizen leaves the line (or hangs up). */
  async leave(id: string, secret: string): Promise<TicketView> {
    await this.transition(async (trx, now) => {
      const ticket = await this.authorize(trx, id, secret, true);
      const open = await repo.openConsultationOfTicket(trx, id);
      if (ticket.state === 'serving' && open) {
        await repo.updateConsultation(trx, open.id, { ended_at: now, outcome: 'done' });
        await repo.updateTicket(trx, id, { state: 'done', ended_at: now });
      } else if (['waiting', 'called', 'absent'].includes(ticket.state)) {
        if (open) await repo.updateConsultation(trx, open.id, { ended_at: now, outcome: 'absent' });
        await repo.updateTicket(trx, id, { state: 'left', left_reason: 'citizen', ended_at: now });
      } else {
        throw new AppError('TICKET_STATE');
      }
      return topicsFor(ticket.office_slug, id, open?.id);
    });
    await this.deps.afterEnd?.();
    return this.ticketView(id);
  }

  /** The called citizen steps into the consultation room. */
  async join(id: string, secret: string): Promise<TicketView> {
    await this.transition(async (trx, now) => {
      const ticket = await this.authorize(trx, id, secret, true);
      const open = await repo.openConsultationOfTicket(trx, id);
      if (ticket.state === 'serving' && open) return []; // joining twice (two tabs) is fine
      if (ticket.state !== 'called' || !open) throw new AppError('TICKET_STATE');
      await repo.updateTicket(trx, id, { state: 'serving', joined_at: now });
      await repo.updateConsultation(trx, open.id, { joined_at: now });
      return topicsFor(ticket.office_slug, id, open.id);
    });
    return this.ticketView(id);
  }

  /** Call next: the database hands each waiting citizen to exactly one staff member. */
  async callNext(staffId: number, slug: string): Promise<CallAnswer> {
    const office = await this.onDuty(staffId, slug);
    return this.call(staffId, (trx) => repo.lockNextWaiting(trx, office.officeId), 'QUEUE_EMPTY');
  }

  /** Call a specific waiting or absent ticket. */
  async callTicket(staffId: number, ticketId: string): Promise<CallAnswer> {
    const ticket = await repo.findTicket(this.deps.db, ticketId);
    if (!ticket) throw new AppError('TICKET_NOT_FOUND');
    await this.onDuty(staffId, ticket.office_slug);
    return this.call(
      staffId,
      async (trx) => {
        const locked = await repo.findTicket(trx, ticketId, true);
        return locked && ['waiting', 'absent'].includes(locked.state) ? locked : undefined;
      },
      'TICKET_STATE',
    );
  }

  /** Ring again while the citizen has not joined (also after being marked absent). */
  async recall(staffId: number, consultationId: string): Promise<void> {
    await this.withOwnConsultation(staffId, consultationId, async (trx, c, ticket, now) => {
      if (c.joined_at) throw new AppError('TICKET_STATE');
      await repo.updateTicket(trx, ticket.id, { state: 'called', called_at: now, bumpCalls: true });
      await repo.updateConsultation(trx, c.id, { started_at: now });
    });
  }

  /** The citizen did not come: mark absent (kept, can be called again) and free the staff member. */
  async markAbsent(staffId: number, consultationId: string): Promise<void> {
    await this.withOwnConsultation(staffId, consultationId, async (trx, c, ticket, now) => {
      if (c.joined_at) throw new AppError('TICKET_STATE');
      await repo.updateConsultation(trx, c.id, { ended_at: now, outcome: 'absent' });
      await repo.updateTicket(trx, ticket.id, { state: 'absent' });
    });
  }

  /** End the consultation: done, with its times kept for statistics. */
  async end(actor: Actor, consultationId: string): Promise<void> {
    if (actor.kind === 'citizen') {
      const c = await repo.findConsultation(this.deps.db, consultationId);
      if (!c) throw new AppError('CONSULTATION_NOT_FOUND');
      if (c.ended_at) throw new AppError('CONSULTATION_ENDED');
      await this.leave(c.ticket_id, actor.secret);
      return;
    }
    await this.withOwnConsultation(actor.staffId, consultationId, async (trx, c, ticket, now) => {
      if (!c.joined_at) {
        // Ended before the citizen came in: that is "absent", not a consultation.
        await repo.updateConsultation(trx, c.id, { ended_at: now, outcome: 'absent' });
        await repo.updateTicket(trx, ticket.id, { state: 'absent' });
        return;
      }
      await repo.updateConsultation(trx, c.id, { ended_at: now, outcome: 'done' });
      await repo.updateTicket(trx, ticket.id, { state: 'done', ended_at: now });
    });
    await this.deps.afterEnd?.();
  }

  /** Presence heartbeat for tickets whose pages are connected to this node. */
  async touch(ticketIds: string[]): Promise<void> {
    if (ticketIds.length === 0) return;
    await this.deps.db.transaction().execute(async (trx) => {
      const offices = await repo.touchTickets(trx, ticketIds, this.deps.clock());
      const slugs = await repo.officeSlugs(trx, offices);
      await this.deps.bus.publish(
        trx,
        slugs.map((s) => `queue:${s}`),
      );
    });
  }

  /** Tickets unseen for the grace time leave the line. Safe to run on every node at once. */
  async expireUnseen(): Promise<number> {
    const now = this.deps.clock();
    const cutoff = new Date(now.getTime() - this.deps.settings.ticketGraceMinutes * 60_000);
    return this.deps.db.transaction().execute(async (trx) => {
      const expired = await repo.expireUnseen(trx, cutoff, now);
      if (expired.length === 0) return 0;
      const slugs = await repo.officeSlugs(trx, [...new Set(expired.map((t) => t.office_id))]);
      await this.deps.bus.publish(trx, [
        'offices',
        ...slugs.flatMap((s) => [`lobby:${s}`, `queue:${s}`]),
        ...expired.map((t) => `ticket:${t.id}`),
      ]);
      return expired.length;
    });
  }

  private async onDuty(staffId: number, slug: string) {
    const office = await this.deps.staff.assignment(staffId, slug);
    if (office.duty === 'off') throw new AppError('NOT_ON_DUTY');
    return office;
  }

  private async call(
    staffId: number,
    pick: (trx: Transaction<DB>) => Promise<repo.TicketRow | undefined>,
    noneCode: 'QUEUE_EMPTY' | 'TICKET_STATE',
  ): Promise<CallAnswer> {
    const { db, bus, clock } = this.deps;
    if (await repo.openConsultationOfStaff(db, staffId)) throw new AppError('STAFF_BUSY');
    let result: { consultationId: string; ticketId: string; officeId: number; secretHash: Buffer };
    try {
      result = await db.transaction().execute(async (trx) => {
        const ticket = await pick(trx);
        if (!ticket) throw new AppError(noneCode);
        const now = clock();
        const consultationId = await repo.insertConsultation(trx, {
          ticketId: ticket.id,
          officeId: ticket.office_id,
          staffId,
          now,
        });
        await repo.updateTicket(trx, ticket.id, {
          state: 'called',
          called_at: now,
          bumpCalls: true,
        });
        await trx
          .updateTable('duty')
          .set({ state: 'available' })
          .where('staff_id', '=', staffId)
          .where('office_id', '=', ticket.office_id)
          .execute();
        await bus.publish(trx, topicsFor(ticket.office_slug, ticket.id, consultationId));
        return {
          consultationId,
          ticketId: ticket.id,
          officeId: ticket.office_id,
          secretHash: ticket.secret_hash,
        };
      });
    } catch (error) {
      // The partial unique index: this staff member opened a consultation meanwhile.
      if (isUniqueViolation(error)) throw new AppError('STAFF_BUSY');
      throw error;
    }
    this.deps.opened?.(result.consultationId, { staffId, secretHash: result.secretHash });
    const entry = await this.deps.views.queueEntry(result.officeId, result.ticketId);
    if (!entry) throw new AppError('TICKET_NOT_FOUND');
    return { consultationId: result.consultationId, ticket: entry };
  }

  private async withOwnConsultation(
    staffId: number,
    consultationId: string,
    change: (
      trx: Transaction<DB>,
      c: NonNullable<Awaited<ReturnType<typeof repo.findConsultation>>>,
      ticket: repo.TicketRow,
      now: Date,
    ) => Promise<void>,
  ): Promise<void> {
    await this.deps.db.transaction().execute(async (trx) => {
      const c = await repo.findConsultation(trx, consultationId, true);
      if (!c) throw new AppError('CONSULTATION_NOT_FOUND');
      if (c.staff_id !== staffId) throw new AppError('FORBIDDEN');
      if (c.ended_at) throw new AppError('CONSULTATION_ENDED');
      const ticket = await repo.findTicket(trx, c.ticket_id, true);
      if (!ticket) throw new AppError('TICKET_NOT_FOUND');
      await change(trx, c, ticket, this.deps.clock());
      await this.deps.bus.publish(trx, topicsFor(ticket.office_slug, ticket.id, c.id));
    });
  }

  /** One transaction; `change` returns the topics to publish at its commit. */
  private async transition(
    change: (trx: Transaction<DB>, now: Date) => Promise<string[]>,
  ): Promise<void> {
    await this.deps.db.transaction().execute(async (trx) => {
      const topics = await change(trx, this.deps.clock());
      await this.deps.bus.publish(trx, topics);
    });
  }
}
