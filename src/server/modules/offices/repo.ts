/** All SQL of the offices module. Returns plain records; knows nothing about status or HTTP. */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { HolidayRegion } from './holidays.js';
import type { DateException, Interval } from './hours.js';
import type { StaffPresence } from './live-status.js';

export interface OfficeRecord {
  id: number;
  slug: string;
  ticketPrefix: string;
  name: { de: string; en: string };
  description: { de: string; en: string };
  timeZone: string;
  holidays: HolidayRegion | null;
  /** index 0 = Monday … 6 = Sunday */
  weekly: Interval[][];
  exceptions: (DateException & { notes: { de: string | null; en: string | null } })[];
}

/** Postgres returns 'HH:MM:SS'; the domain speaks 'HH:MM'. */
const hhmm = (time: string): string => time.slice(0, 5);

export class OfficeRepo {
  constructor(private readonly db: Kysely<DB>) {}

  /** Offices in display order with their hours and the exceptions that end on or after `fromDay`. */
  async list(fromDay: string, slug?: string): Promise<OfficeRecord[]> {
    let query = this.db.selectFrom('offices').selectAll().orderBy('position').orderBy('name_de');
    if (slug !== undefined) query = query.where('slug', '=', slug);
    const offices = await query.execute();
    if (offices.length === 0) return [];
    const ids = offices.map((o) => o.id);
    const [hours, exceptions] = await Promise.all([
      this.db
        .selectFrom('opening_hours')
        .selectAll()
        .where('office_id', 'in', ids)
        .orderBy('opens')
        .execute(),
      this.db
        .selectFrom('opening_exceptions')
        .selectAll()
        .where('office_id', 'in', ids)
        .where('last_day', '>=', fromDay)
        .orderBy('first_day')
        .orderBy('opens')
        .execute(),
    ]);
    return offices.map((o) => ({
      id: o.id,
      slug: o.slug,
      ticketPrefix: o.ticket_prefix,
      name: { de: o.name_de, en: o.name_en },
      description: { de: o.description_de, en: o.description_en },
      timeZone: o.time_zone,
      holidays: o.holiday_country
        ? { country: o.holiday_country, state: o.holiday_state, region: o.holiday_region }
        : null,
      weekly: Array.from({ length: 7 }, (_, i) =>
        hours
          .filter((h) => h.office_id === o.id && h.weekday === i + 1)
          .map((h) => ({ opens: hhmm(h.opens), closes: hhmm(h.closes) })),
      ),
      exceptions: exceptions
        .filter((e) => e.office_id === o.id)
        .map((e) => ({
          firstDay: e.first_day,
          lastDay: e.last_day,
          intervals: e.opens && e.closes ? [{ opens: hhmm(e.opens), closes: hhmm(e.closes) }] : [],
          notes: { de: e.note_de, en: e.note_en },
        })),
    }));
  }

  async exists(slug: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('offices')
      .select('id')
      .where('slug', '=', slug)
      .executeTakeFirst();
    return row !== undefined;
  }

  /**
   * Staff on duty per office id. Offices nobody serves are absent from the map. Free = available
   * and not in an open consultation (the one place this module reads the queue's table).
   */
  async presence(): Promise<Map<number, StaffPresence>> {
    const rows = await this.db
      .selectFrom('duty')
      .select((eb) => [
        'office_id',
        eb.fn.countAll<number>().as('on_duty'),
        eb.fn
          .count<number>('staff_id')
          .filterWhere((w) =>
            w.and([
              w('state', '=', 'available'),
              w.not(
                w.exists(
                  w
                    .selectFrom('consultations as c')
                    .select('c.id')
                    .whereRef('c.staff_id', '=', 'duty.staff_id')
                    .where('c.ended_at', 'is', null),
                ),
              ),
            ]),
          )
          .as('free'),
      ])
      .groupBy('office_id')
      .execute();
    return new Map(
      rows.map((r) => [r.office_id, { onDuty: Number(r.on_duty), free: Number(r.free) }]),
    );
  }
}
