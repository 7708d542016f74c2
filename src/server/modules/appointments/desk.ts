/**
 * The staff side of appointments: a day's bookings and blocks per office, cancelling for a
 * caller, and blocking time (a meeting, illness) — which takes seats like a booking does, so
 * it can never double up with one. Access: staff assigned to the office.
 */
import type { Kysely } from 'kysely';
import { DateTime } from 'luxon';
import type {
  Block,
  BlockRequest,
  DayView,
  StaffAppointment,
} from '../../../shared/appointments.js';
import type { Locale } from '../../../shared/locale.js';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../http/app-error.js';
import type { StaffService } from '../staff/service.js';
import * as repo from './repo.js';
import type { AppointmentService } from './service.js';
import { isBookable } from './slots.js';

const MAX_BLOCK_DAYS = 31;

export class AppointmentDesk {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly staff: StaffService,
    private readonly appointments: AppointmentService,
  ) {}

  async day(staffId: number, slug: string, date: string, locale: Locale): Promise<DayView> {
    await this.staff.assignment(staffId, slug);
    const ctx = await this.appointments.context(slug);
    const zone = ctx.office.timeZone;
    const from = DateTime.fromISO(date, { zone }).startOf('day');
    if (!from.isValid) throw new AppError('VALIDATION_FAILED');
    const to = from.plus({ days: 1 });
    const [rows, blocks] = await Promise.all([
      repo.appointmentsBetween(this.db, ctx.office.id, from.toJSDate(), to.toJSDate()),
      repo.blocksBetween(this.db, ctx.office.id, from.toJSDate(), to.toJSDate()),
    ]);
    const appointments: StaffAppointment[] = [];
    for (const row of rows) {
      appointments.push({
        ...(await this.appointments.present(row, locale)),
        phone: row.phone,
        email: row.email,
        bookedByStaff: row.booked_by !== null,
      });
    }
    return {
      office: slug,
      date,
      timeZone: zone,
      appointments,
      blocks: blocks.map(blockView),
      services: ctx.services.map((s) => ({
        id: s.id,
        name: locale === 'en' ? s.name_en : s.name_de,
        durationMinutes: s.duration_minutes,
      })),
    };
  }

  async cancel(staffId: number, id: string, locale: Locale): Promise<StaffAppointment> {
    const row = await repo.findAppointment(this.db, { id });
    if (!row) throw new AppError('APPOINTMENT_NOT_FOUND');
    await this.staff.assignment(staffId, row.office_slug);
    const view = await this.appointments.cancel({ id }, locale);
    return { ...view, phone: row.phone, email: row.email, bookedByStaff: row.booked_by !== null };
  }

  /** Takes up to `seats` free seats of every unit in the time; what is booked stays booked. */
  async block(staffId: number, slug: string, request: BlockRequest): Promise<Block> {
    await this.staff.assignment(staffId, slug);
    const ctx = await this.appointments.context(slug);
    const start = new Date(request.start);
    const end = new Date(request.end);
    const span = end.getTime() - start.getTime();
    if (Number.isNaN(span) || span <= 0 || span > MAX_BLOCK_DAYS * 86_400_000) {
      throw new AppError('VALIDATION_FAILED');
    }
    const seats = request.seats ?? 1;
    const unitMs = ctx.settings.unitMinutes * 60_000;
    const id = await this.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('appointment_blocks')
        .values({
          office_id: ctx.office.id,
          starts_at: start,
          ends_at: end,
          seats,
          reason: request.reason.trim(),
          created_by: staffId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      // Every unit of the grid the block touches (the grid starts at each opening time).
      for (let t = Math.floor(start.getTime() / unitMs) * unitMs; t < end.getTime(); t += unitMs) {
        const unit = new Date(t);
        const check = isBookable(ctx.rules, {
          start: unit,
          durationMinutes: ctx.settings.unitMinutes,
          now: new Date(t - ctx.settings.leadMinutes * 60_000),
          taken: new Map(),
        });
        if (!check.ok || !check.units[0]) continue;
        for (let i = 0; i < seats; i++) {
          const took = await repo.claimUnits(trx, ctx.office.id, [check.units[0]], {
            blockId: row.id,
          });
          if (!took) break;
        }
      }
      return row.id;
    });
    const [created] = await repo.blocksBetween(this.db, ctx.office.id, start, end);
    return blockView(
      created && created.id === id
        ? created
        : { id, starts_at: start, ends_at: end, seats, reason: request.reason.trim() },
    );
  }

  async unblock(staffId: number, id: number): Promise<void> {
    const row = await this.db
      .selectFrom('appointment_blocks as b')
      .innerJoin('offices as o', 'o.id', 'b.office_id')
      .select(['b.id', 'b.office_id', 'o.slug'])
      .where('b.id', '=', id)
      .executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND');
    await this.staff.assignment(staffId, row.slug);
    await this.db.deleteFrom('appointment_blocks').where('id', '=', id).execute();
    this.appointments.seatsFreed(Number(row.office_id));
  }
}

function blockView(b: {
  id: number;
  starts_at: Date | string;
  ends_at: Date | string;
  seats: number;
  reason: string;
}): Block {
  return {
    id: b.id,
    start: new Date(b.starts_at).toISOString(),
    end: new Date(b.ends_at).toISOString(),
    seats: b.seats,
    reason: b.reason,
  };
}
