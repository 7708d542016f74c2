/**
 * Seeds the demo town on first start (empty database only). One transaction under an advisory
 * lock, so two processes starting together on one PostgreSQL seed once.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { DateTime } from 'luxon';
import type { DB } from '../db/schema.js';
import { hashPassword } from '../modules/staff/passwords.js';
import { DEMO_ACCOUNTS, DEMO_OFFICES, DEMO_PASSWORD, type DemoOffice } from './demo-offices.js';

const SEED_LOCK = 4_711_002;
const ZONE = 'Europe/Berlin';

export async function seedDemoData(db: Kysely<DB>, now: Date): Promise<boolean> {
  // Hash outside the transaction: argon2 is deliberately slow.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${SEED_LOCK})`.execute(trx);
    const existing = await trx.selectFrom('offices').select('id').limit(1).executeTakeFirst();
    if (existing) return false;

    const ids = new Map<string, number>();
    for (const [position, office] of DEMO_OFFICES.entries()) {
      const { id } = await trx
        .insertInto('offices')
        .values({
          slug: office.slug,
          ticket_prefix: office.prefix,
          name_de: office.name.de,
          name_en: office.name.en,
          description_de: office.description.de,
          description_en: office.description.en,
          time_zone: ZONE,
          holiday_country: office.holidays ? 'DE' : null,
          holiday_state: office.holidays ? 'BY' : null,
          holiday_region: office.holidays ? 'A' : null,
          position,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.set(office.slug, id);
      const rows = office.hours.flatMap(([days, opens, closes]) =>
        days.map((weekday) => ({ office_id: id, weekday, opens, closes })),
      );
      await trx.insertInto('opening_hours').values(rows).execute();
      if (office.booking) await seedBooking(trx, id, office);
    }

    await trx.insertInto('opening_exceptions').values(demoExceptions(ids, now)).execute();

    for (const account of DEMO_ACCOUNTS) {
      const { id } = await trx
        .insertInto('staff')
        .values({
          email: account.email,
          display_name: account.name,
          password_hash: passwordHash,
          role: account.role,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const slugs = account.offices === 'all' ? [...ids.keys()] : account.offices;
      await trx
        .insertInto('staff_offices')
        .values(slugs.map((slug) => ({ staff_id: id, office_id: ids.get(slug)! })))
        .execute();
    }
    return true;
  });
}

/** Closures and special hours near the seed date, so the directory shows them. */
function demoExceptions(ids: Map<string, number>, now: Date) {
  const today = DateTime.fromJSDate(now, { zone: ZONE }).startOf('day');
  const nextMonday = today.plus({ weeks: 1 }).startOf('week');
  const day = (d: DateTime) => d.toISODate()!;
  const year = today.year;
  const eve = (month: number, dayOfMonth: number) =>
    DateTime.fromObject({ year, month, day: dayOfMonth }, { zone: ZONE });
  return [
    {
      office_id: ids.get('standesamt')!,
      first_day: day(nextMonday),
      last_day: day(nextMonday.plus({ days: 6 })),
      opens: null,
      closes: null,
      note_de: 'Geschlossen wegen Umstellung auf das neue Personenstandsregister',
      note_en: 'Closed while moving to the new civil status register',
    },
    ...[eve(12, 24), eve(12, 31)].map((d) => ({
      office_id: ids.get('stadtkasse')!,
      first_day: day(d),
      last_day: day(d),
      opens: '08:00',
      closes: '11:00',
      note_de: 'Verkürzte Öffnungszeit',
      note_en: 'Shorter opening hours',
    })),
    {
      office_id: ids.get('bauordnung')!,
      first_day: day(nextMonday.plus({ days: 2 })),
      last_day: day(nextMonday.plus({ days: 2 })),
      opens: null,
      closes: null,
      note_de: 'Geschlossen wegen Personalversammlung',
      note_en: 'Closed for a staff meeting',
    },
  ];
}

/** Services, settings and seats (during the opening hours) of an office that takes bookings. */
async function seedBooking(trx: Transaction<DB>, officeId: number, office: DemoOffice) {
  const booking = office.booking;
  if (!booking) return;
  await trx
    .insertInto('appointment_services')
    .values(
      booking.services.map(([de, en, minutes], position) => ({
        office_id: officeId,
        name_de: de,
        name_en: en,
        duration_minutes: minutes,
        position,
      })),
    )
    .execute();
  await trx
    .insertInto('appointment_settings')
    .values({ office_id: officeId, lead_minutes: booking.leadMinutes })
    .execute();
  await trx
    .insertInto('appointment_capacity')
    .values(
      office.hours.flatMap(([days, opens, closes]) =>
        days.map((weekday) => ({
          office_id: officeId,
          weekday,
          opens,
          closes,
          seats: booking.seats,
        })),
      ),
    )
    .execute();
}
