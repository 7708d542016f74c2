/**
 * Changes to a booked appointment: cancel (the seats are free at once), reschedule (atomic: the
 * old time is given back only in the transaction that takes the new one) and check-in at the
 * time (a ticket that is called before walk-ins). Each change writes its messages to the outbox
 * in the same transaction.
 */
import type { AppointmentView } from '../../../shared/appointments.js';
import type { Locale } from '../../../shared/locale.js';
import type { CreatedTicket } from '../../../shared/queue.js';
import { AppError } from '../../http/app-error.js';
import * as outbox from '../notifications/outbox.js';
import { appointmentMessages } from './messages.js';
import { hashToken } from './link-token.js';
import { bookableUnits, type OfficeContexts } from './office-context.js';
import * as repo from './repo.js';
import type { AppointmentDeps } from './service.js';
import { factsOf, viewOfRow } from './views.js';

class SlotTaken extends Error {}

export class AppointmentChanges {
  constructor(
    private readonly deps: AppointmentDeps,
    private readonly contexts: OfficeContexts,
  ) {}

  async cancel(by: { token: string } | { id: string }, locale: Locale): Promise<AppointmentView> {
    const now = this.deps.clock();
    const found = 'token' in by ? { tokenHash: hashToken(by.token) } : { id: by.id };
    const seen = await repo.findAppointment(this.deps.db, found);
    if (!seen) throw new AppError('APPOINTMENT_NOT_FOUND');
    // Read before the transaction: on PGlite (one connection) a query outside a running
    // transaction would wait for it forever.
    const { templates, office } = await this.contexts.get(seen.office_slug);
    const id = await this.deps.db.transaction().execute(async (trx) => {
      const row = await repo.findAppointment(trx, found, true);
      if (!row) throw new AppError('APPOINTMENT_NOT_FOUND');
      if (row.state !== 'booked' || new Date(row.ends_at) <= now) {
        throw new AppError('APPOINTMENT_STATE');
      }
      await trx
        .updateTable('appointments')
        .set({ state: 'cancelled', cancelled_at: now })
        .where('id', '=', row.id)
        .execute();
      await repo.releaseUnits(trx, row.id);
      await outbox.cancelPending(trx, row.id, now);
      if (row.phone) {
        const facts = factsOf(row, { version: row.reschedule_count + 1 });
        const { policy } = this.deps;
        const messages = appointmentMessages(
          'booking_cancelled',
          facts,
          null,
          policy,
          now,
          undefined,
          templates,
        );
        await outbox.enqueue(trx, messages, now);
      }
      return row.id;
    });
    this.contexts.full.freed(office.id);
    this.deps.sent();
    return this.presentById(id, locale);
  }

  /** Atomic: the old time is given back only in the transaction that takes the new one. */
  async reschedule(token: string, start: string, locale: Locale): Promise<AppointmentView> {
    const now = this.deps.clock();
    const wanted = new Date(start);
    const row = await repo.findAppointment(this.deps.db, { tokenHash: hashToken(token) });
    if (!row) throw new AppError('APPOINTMENT_NOT_FOUND');
    const ctx = await this.contexts.get(row.office_slug);
    const units = bookableUnits(ctx, wanted, row.duration_minutes, now);
    try {
      await this.deps.db.transaction().execute(async (trx) => {
        const current = await repo.findAppointment(trx, { id: row.id }, true);
        if (!current || current.state !== 'booked' || new Date(current.starts_at) <= now) {
          throw new AppError('APPOINTMENT_STATE');
        }
        await repo.releaseUnits(trx, row.id);
        const claimed = await repo.claimUnits(trx, ctx.office.id, units, { appointmentId: row.id });
        if (!claimed) throw new SlotTaken();
        const end = new Date(wanted.getTime() + row.duration_minutes * 60_000);
        const version = current.reschedule_count + 1;
        await trx
          .updateTable('appointments')
          .set({ starts_at: wanted, ends_at: end, reschedule_count: version })
          .where('id', '=', row.id)
          .execute();
        await outbox.cancelPending(trx, row.id, now);
        if (current.phone) {
          const facts = factsOf(current, { version, start: wanted, end });
          const messages = appointmentMessages(
            'booking_rescheduled',
            facts,
            token,
            this.deps.policy,
            now,
            new Date(current.starts_at),
            ctx.templates,
          );
          await outbox.enqueue(trx, messages, now);
        }
      });
    } catch (error) {
      if (error instanceof SlotTaken)
        throw await this.contexts.taken(ctx, row.duration_minutes, wanted, now);
      throw error;
    }
    this.contexts.full.freed(ctx.office.id); // the old time's seats
    this.deps.sent();
    return this.presentById(row.id, locale);
  }

  /** The join link at the time: a ticket with priority in the office's lobby. */
  async checkIn(token: string): Promise<CreatedTicket> {
    const now = this.deps.clock();
    const row = await repo.findAppointment(this.deps.db, { tokenHash: hashToken(token) });
    if (!row) throw new AppError('APPOINTMENT_NOT_FOUND');
    const ctx = await this.contexts.get(row.office_slug);
    const start = new Date(row.starts_at);
    if (now.getTime() < start.getTime() - ctx.settings.priorityMinutes * 60_000) {
      throw new AppError('CHECK_IN_TOO_EARLY');
    }
    const entered = await this.deps.db.transaction().execute(async (trx) => {
      const current = await repo.findAppointment(trx, { id: row.id }, true);
      const missed = start.getTime() + ctx.settings.noShowMinutes * 60_000 < now.getTime();
      if (!current || current.state !== 'booked' || missed) throw new AppError('APPOINTMENT_STATE');
      const ticket = await this.deps.queue.enter(trx, ctx.office, {
        name: current.name,
        now,
        appointment: { id: row.id, start },
      });
      await trx
        .updateTable('appointments')
        .set({ state: 'checked_in', ticket_id: ticket.id })
        .where('id', '=', row.id)
        .execute();
      return ticket;
    });
    const ticket = await this.deps.queue.ticketView(entered.id);
    return { ticket, secret: entered.secret };
  }

  private async presentById(id: string, locale: Locale): Promise<AppointmentView> {
    const row = await repo.findAppointment(this.deps.db, { id });
    if (!row) throw new AppError('APPOINTMENT_NOT_FOUND');
    return viewOfRow(await this.contexts.get(row.office_slug), row, locale);
  }
}
