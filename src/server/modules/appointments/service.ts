/**
 * Booking rules: free slots, booking (citizen or staff on the phone), cancel, reschedule and
 * check-in. No slot is booked twice because the seats are rows with a primary key (repo
 * `claimUnits`), not because code checked first; the messages go into the outbox in the same
 * transaction. The links' token is returned once and stored only as its SHA-256.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { DateTime } from 'luxon';
import type {
  AppointmentView,
  Booked,
  BookingInfo,
  BookingRequest,
  Slots,
  StaffBookingRequest,
} from '../../../shared/appointments.js';
import type { Locale } from '../../../shared/locale.js';
import type { CreatedTicket } from '../../../shared/queue.js';
import type { Clock } from '../../clock.js';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../http/app-error.js';
import * as outbox from '../notifications/outbox.js';
import { localDay } from '../offices/hours.js';
import type { OfficeRecord } from '../offices/repo.js';
import { scheduleOf, type OfficeService } from '../offices/service.js';
import type { QueueService } from '../queue/service.js';
import { bookInOneStatement } from './book-statement.js';
import { newBookingCode } from './booking-code.js';
import { appointmentMessages, type AppointmentFacts, type MessageSettings } from './messages.js';
import { normalizeMobile } from './phone.js';
import * as repo from './repo.js';
import { freeSlots, isBookable, nearestFree, type Slot, type SlotRules } from './slots.js';

export interface BookingPolicy extends MessageSettings {
  allowedCountries: readonly string[];
  /** Online bookings one mobile number may make per 24 hours. */
  bookingsPerNumber: number;
  /** SMS the app may write per day in all (SMS pumping protection). */
  smsPerDay: number;
}

export interface ProofOfWorkCheck {
  challenge(now?: Date): Promise<unknown>;
  /** A solved challenge's signature, to be used up in the booking's checks; null = refused. */
  check(payload: string, now: Date): Promise<{ signature: string; expiresAt: Date } | null>;
}

export interface AppointmentDeps {
  db: Kysely<DB>;
  clock: Clock;
  offices: OfficeService;
  queue: QueueService;
  proofOfWork: ProofOfWorkCheck;
  policy: BookingPolicy;
  /** The outbox got rows: send now rather than at the next poll. */
  sent: () => void;
}

interface OfficeContext {
  office: OfficeRecord;
  rules: SlotRules;
  settings: repo.BookingSettings;
  services: repo.ServiceRow[];
}

const hashToken = (token: string) => createHash('sha256').update(token).digest();
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ALTERNATIVE_DAYS = [0, 1, 7];
const CONTEXT_TTL_MS = 5_000;
const BOOK_ATTEMPTS = 3;
const SMS_COUNT_TTL_MS = 10_000;
const ALTERNATIVES_TTL_MS = 1_000;

class SlotTaken extends Error {}

export class AppointmentService {
  private readonly contexts = new Map<string, { context: Promise<OfficeContext>; until: number }>();
  private smsCount: { since: number; at: number; count: number } | null = null;
  private readonly alternatives = new Map<string, { until: number; starts: Promise<string[]> }>();

  constructor(private readonly deps: AppointmentDeps) {}

  async info(slug: string, locale: Locale): Promise<BookingInfo> {
    const { office, settings, services } = await this.context(slug);
    return {
      office: office.slug,
      officeName: office.name[locale],
      timeZone: office.timeZone,
      services: services.map((s) => serviceView(s, locale)),
      leadMinutes: settings.leadMinutes,
      horizonDays: settings.horizonDays,
      priorityMinutes: settings.priorityMinutes,
    };
  }

  async slots(slug: string, serviceId: number, from?: string, to?: string): Promise<Slots> {
    const ctx = await this.context(slug);
    const service = serviceOf(ctx, serviceId);
    const now = this.deps.clock();
    const zone = ctx.office.timeZone;
    const first = from ?? localDay(zone, now);
    const last = to ?? DateTime.fromISO(first).plus({ days: 6 }).toISODate()!;
    if (last < first || DateTime.fromISO(last).diff(DateTime.fromISO(first), 'days').days > 62) {
      throw new AppError('VALIDATION_FAILED');
    }
    const days = await this.freeDays(ctx, service.duration_minutes, first, last, now);
    return {
      timeZone: zone,
      days: days.map((d) => ({
        date: d.date,
        slots: d.slots.map((s) => ({ start: iso(s.start), end: iso(s.end) })),
      })),
    };
  }

  /** A citizen books online: checks, the bot check, limits, then the booking itself. */
  async book(slug: string, request: BookingRequest, locale: Locale): Promise<Booked> {
    const ctx = await this.context(slug);
    const contact = this.contact(request);
    const solved = await this.deps.proofOfWork.check(request.altcha, this.deps.clock());
    if (!solved) throw new AppError('CHALLENGE_FAILED');
    return this.create(ctx, request, contact, request.lang ?? locale, null, solved);
  }

  /** Staff book for a caller on the phone (no bot check, no per-number limit). */
  async bookForCaller(
    slug: string,
    staffId: number,
    request: StaffBookingRequest,
    locale: Locale,
  ): Promise<Booked> {
    const ctx = await this.context(slug);
    const contact = this.contact(request);
    return this.create(ctx, request, contact, request.lang ?? locale, staffId);
  }

  async view(token: string, locale: Locale): Promise<AppointmentView> {
    const row = await repo.findAppointment(this.deps.db, { tokenHash: hashToken(token) });
    if (!row) throw new AppError('APPOINTMENT_NOT_FOUND');
    return this.present(row, locale);
  }

  async cancel(by: { token: string } | { id: string }, locale: Locale): Promise<AppointmentView> {
    const now = this.deps.clock();
    const found = 'token' in by ? { tokenHash: hashToken(by.token) } : { id: by.id };
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
        const facts = this.facts(row, { version: row.reschedule_count + 1 });
        await outbox.enqueue(
          trx,
          appointmentMessages('booking_cancelled', facts, null, this.deps.policy, now),
          now,
        );
      }
      return row.id;
    });
    this.deps.sent();
    return this.presentById(id, locale);
  }

  /** Atomic: the old time is given back only in the transaction that takes the new one. */
  async reschedule(token: string, start: string, locale: Locale): Promise<AppointmentView> {
    const now = this.deps.clock();
    const wanted = new Date(start);
    const row = await repo.findAppointment(this.deps.db, { tokenHash: hashToken(token) });
    if (!row) throw new AppError('APPOINTMENT_NOT_FOUND');
    const ctx = await this.context(row.office_slug);
    const units = this.bookable(ctx, wanted, row.duration_minutes, now);
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
          const facts = this.facts(current, { version, start: wanted, end });
          const messages = appointmentMessages(
            'booking_rescheduled',
            facts,
            token,
            this.deps.policy,
            now,
            new Date(current.starts_at),
          );
          await outbox.enqueue(trx, messages, now);
        }
      });
    } catch (error) {
      if (error instanceof SlotTaken) throw await this.taken(ctx, row.duration_minutes, wanted);
      throw error;
    }
    this.deps.sent();
    return this.presentById(row.id, locale);
  }

  /** The join link at the time: a ticket with priority in the office's lobby. */
  async checkIn(token: string): Promise<CreatedTicket> {
    const now = this.deps.clock();
    const row = await repo.findAppointment(this.deps.db, { tokenHash: hashToken(token) });
    if (!row) throw new AppError('APPOINTMENT_NOT_FOUND');
    const ctx = await this.context(row.office_slug);
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

  /**
   * The periodic jobs (every node, idempotent): appointments nobody checked in for by their
   * grace time become no-shows (counted, their seats stay history); after `retentionDays`
   * an appointment loses name, number and e-mail, and sent messages are deleted.
   */
  async sweep(retentionDays: number): Promise<{ missed: number; purged: number }> {
    const now = this.deps.clock();
    const missed = await repo.markNoShows(this.deps.db, now);
    const before = new Date(now.getTime() - retentionDays * 86_400_000);
    const purged = await repo.purgePersonalData(this.deps.db, before, now);
    await outbox.purge(this.deps.db, before);
    return { missed: missed.length, purged };
  }

  async challenge(): Promise<unknown> {
    return this.deps.proofOfWork.challenge(this.deps.clock());
  }

  // --- inside -------------------------------------------------------------------------------

  /**
   * An office's booking rules, read at most every CONTEXT_TTL_MS: a booking then costs only
   * the queries that must see the present (seats, limits). Whether a seat is free is never
   * taken from here but from the database, in the booking's transaction.
   */
  async context(slug: string): Promise<OfficeContext> {
    const now = Date.now(); // the cache's age, not the domain's time
    const cached = this.contexts.get(slug);
    if (cached && cached.until > now) return cached.context;
    const context = this.load(slug);
    this.contexts.set(slug, { context, until: now + CONTEXT_TTL_MS });
    context.catch(() => this.contexts.delete(slug));
    return context;
  }

  private async load(slug: string): Promise<OfficeContext> {
    const office = await this.deps.offices.record(slug);
    const [settings, services] = await Promise.all([
      repo.settings(this.deps.db, office.id),
      repo.services(this.deps.db, office.id),
    ]);
    if (!settings || services.length === 0) throw new AppError('BOOKING_NOT_OFFERED');
    const rules: SlotRules = {
      schedule: scheduleOf(office),
      capacity: settings.capacity,
      unitMinutes: settings.unitMinutes,
      leadMinutes: settings.leadMinutes,
      horizonDays: settings.horizonDays,
    };
    return { office, rules, settings, services };
  }

  private contact(request: StaffBookingRequest) {
    const mobile = normalizeMobile(request.phone, this.deps.policy.allowedCountries);
    if (!mobile.ok) {
      throw new AppError(
        mobile.reason === 'NOT_MOBILE'
          ? 'PHONE_NOT_MOBILE'
          : mobile.reason === 'COUNTRY_NOT_ALLOWED'
            ? 'PHONE_COUNTRY'
            : 'PHONE_INVALID',
      );
    }
    const email = request.email?.trim() ? request.email.trim().toLowerCase() : null;
    if (email && !EMAIL.test(email)) throw new AppError('EMAIL_INVALID');
    const name = request.name.trim();
    if (!name) throw new AppError('VALIDATION_FAILED');
    return { name, phone: mobile.e164, email };
  }

  /** Units and seats of a wanted start, or a coded refusal (whether seats are free is the DB's). */
  private bookable(ctx: OfficeContext, start: Date, durationMinutes: number, now: Date) {
    if (Number.isNaN(start.getTime())) throw new AppError('VALIDATION_FAILED');
    const result = isBookable(ctx.rules, { start, durationMinutes, now, taken: new Map() });
    if (!result.ok) throw new AppError('SLOT_UNAVAILABLE');
    return result.units;
  }

  private async create(
    ctx: OfficeContext,
    request: StaffBookingRequest,
    contact: { name: string; phone: string; email: string | null },
    lang: Locale,
    staffId: number | null,
    solved: { signature: string; expiresAt: Date } | null = null,
  ): Promise<Booked> {
    const service = serviceOf(ctx, request.serviceId);
    const now = this.deps.clock();
    const start = new Date(request.start);
    const units = this.bookable(ctx, start, service.duration_minutes, now);
    const end = new Date(start.getTime() + service.duration_minutes * 60_000);
    const gate = await repo.bookingGate(this.deps.db, {
      solved,
      phone: contact.phone,
      phoneSince: new Date(now.getTime() - 86_400_000),
      officeId: ctx.office.id,
      units: units.map((u) => u.start),
    });
    if (solved && !gate.fresh) throw new AppError('CHALLENGE_FAILED'); // used before
    if (units.some((u) => (gate.taken.get(u.start.getTime()) ?? 0) >= u.seats)) {
      throw await this.taken(ctx, service.duration_minutes, start);
    }
    if (staffId === null && gate.phone >= this.deps.policy.bookingsPerNumber) {
      throw new AppError('BOOKING_LIMIT');
    }
    if ((await this.smsToday(ctx, now)) >= this.deps.policy.smsPerDay) {
      throw new AppError('SMS_LIMIT');
    }
    const token = randomBytes(16).toString('base64url');
    const id = randomUUID();
    const facts: AppointmentFacts = {
      id,
      code: newBookingCode(),
      officeName: ctx.office.name[lang],
      timeZone: ctx.office.timeZone,
      serviceName: lang === 'en' ? service.name_en : service.name_de,
      start,
      end,
      ...contact,
      lang,
      version: 0,
    };
    // A seat taken a moment earlier by another booking, or a booking code already in use:
    // try again (the next attempt takes the next free seat, or draws another code).
    for (let attempt = 0; attempt < BOOK_ATTEMPTS; attempt++) {
      let result: 'booked' | 'taken';
      try {
        result = await bookInOneStatement(this.deps.db, {
          ...facts,
          officeId: ctx.office.id,
          serviceId: service.id,
          tokenHash: hashToken(token),
          bookedBy: staffId,
          now,
          units,
          messages: appointmentMessages('booking_confirmed', facts, token, this.deps.policy, now),
        });
      } catch (error) {
        if (!isCodeCollision(error)) throw error;
        facts.code = newBookingCode();
        continue;
      }
      if (result === 'taken') continue;
      this.deps.sent();
      const appointment = this.viewOf(ctx, {
        id,
        code: facts.code,
        state: 'booked',
        service: serviceView(service, lang),
        start,
        end,
        name: contact.name,
        lang,
      });
      return { appointment, token };
    }
    throw await this.taken(ctx, service.duration_minutes, start);
  }

  private async freeDays(
    ctx: OfficeContext,
    duration: number,
    from: string,
    to: string,
    now: Date,
  ) {
    const zone = ctx.office.timeZone;
    const rangeStart = DateTime.fromISO(from, { zone }).startOf('day').toJSDate();
    const rangeEnd = DateTime.fromISO(to, { zone }).plus({ days: 1 }).startOf('day').toJSDate();
    const taken = await repo.takenUnits(this.deps.db, ctx.office.id, rangeStart, rangeEnd);
    return freeSlots(ctx.rules, { durationMinutes: duration, from, to, now, taken });
  }

  /**
   * SMS written today, counted in the database at most every SMS_COUNT_TTL_MS and by this node
   * in between: the daily limit is a guard against SMS pumping, it need not be exact.
   */
  private async smsToday(ctx: OfficeContext, now: Date): Promise<number> {
    const since = DateTime.fromJSDate(now, { zone: ctx.office.timeZone }).startOf('day').toJSDate();
    const known = this.smsCount;
    if (!known || known.since !== since.getTime() || now.getTime() - known.at > SMS_COUNT_TTL_MS) {
      const count = await repo.smsSince(this.deps.db, since);
      this.smsCount = { since: since.getTime(), at: now.getTime(), count };
    }
    return this.smsCount!.count++;
  }

  /**
   * SLOT_TAKEN with the free starts nearest to the wanted one: the wanted day first, wider only
   * when it has fewer than three free times. When many people want the same time (a popular
   * slot just opened), the suggestions are computed once per ALTERNATIVES_TTL_MS — they are
   * suggestions; booking one checks it like any other.
   */
  private async taken(ctx: OfficeContext, duration: number, wanted: Date): Promise<AppError> {
    const key = `${ctx.office.id}|${duration}|${wanted.getTime()}`;
    const known = this.alternatives.get(key);
    const wallClock = Date.now(); // a cache's age, not the domain's time
    if (!known || known.until <= wallClock) {
      if (this.alternatives.size > 1000) this.alternatives.clear();
      const until = wallClock + ALTERNATIVES_TTL_MS;
      const starts = this.nearest(ctx, duration, wanted, this.deps.clock());
      this.alternatives.set(key, { until, starts });
    }
    const starts = await this.alternatives.get(key)!.starts.catch((error: unknown) => {
      this.alternatives.delete(key);
      throw error;
    });
    return new AppError('SLOT_TAKEN', undefined, starts);
  }

  private async nearest(ctx: OfficeContext, duration: number, wanted: Date, now: Date) {
    const day = DateTime.fromJSDate(wanted, { zone: ctx.office.timeZone });
    let nearest: Slot[] = [];
    for (const around of ALTERNATIVE_DAYS) {
      const from = day.minus({ days: around }).toISODate()!;
      const to = day.plus({ days: around }).toISODate()!;
      const days = await this.freeDays(ctx, duration, from, to, now);
      nearest = nearestFree(days, wanted, 3);
      if (nearest.length >= 3) break;
    }
    return nearest.map((s) => iso(s.start));
  }

  private facts(
    row: repo.AppointmentRow,
    change: { version: number; start?: Date; end?: Date },
  ): AppointmentFacts {
    const lang = row.lang;
    return {
      id: row.id,
      code: row.code,
      officeName: lang === 'en' ? row.office_name_en : row.office_name_de,
      timeZone: row.time_zone,
      serviceName: lang === 'en' ? row.service_name_en : row.service_name_de,
      start: change.start ?? new Date(row.starts_at),
      end: change.end ?? new Date(row.ends_at),
      name: row.name ?? '',
      phone: row.phone ?? '',
      email: row.email,
      lang,
      version: change.version,
    };
  }

  private async presentById(id: string, locale: Locale): Promise<AppointmentView> {
    const row = await repo.findAppointment(this.deps.db, { id });
    if (!row) throw new AppError('APPOINTMENT_NOT_FOUND');
    return this.present(row, locale);
  }

  async present(row: repo.AppointmentRow, locale: Locale): Promise<AppointmentView> {
    const ctx = await this.context(row.office_slug);
    return this.viewOf(ctx, {
      id: row.id,
      code: row.code,
      state: row.state,
      service: {
        id: row.service_id,
        name: locale === 'en' ? row.service_name_en : row.service_name_de,
        durationMinutes: row.duration_minutes,
      },
      start: new Date(row.starts_at),
      end: new Date(row.ends_at),
      name: row.name,
      lang: row.lang,
      locale,
    });
  }

  private viewOf(
    ctx: OfficeContext,
    a: Pick<AppointmentView, 'id' | 'code' | 'state' | 'service' | 'name' | 'lang'> & {
      start: Date;
      end: Date;
      locale?: Locale;
    },
  ): AppointmentView {
    const { settings, office } = ctx;
    const start = a.start.getTime();
    return {
      id: a.id,
      code: a.code,
      state: a.state,
      office: office.slug,
      officeName: office.name[a.locale ?? a.lang],
      timeZone: office.timeZone,
      service: a.service,
      start: iso(a.start),
      end: iso(a.end),
      name: a.name,
      checkInFrom: iso(new Date(start - settings.priorityMinutes * 60_000)),
      missedAt: iso(new Date(start + settings.noShowMinutes * 60_000)),
      lang: a.lang,
    };
  }
}

function serviceOf(ctx: OfficeContext, serviceId: number): repo.ServiceRow {
  const service = ctx.services.find((s) => s.id === serviceId);
  if (!service) throw new AppError('SERVICE_NOT_FOUND');
  return service;
}

function serviceView(s: repo.ServiceRow, locale: Locale) {
  return {
    id: s.id,
    name: locale === 'en' ? s.name_en : s.name_de,
    durationMinutes: s.duration_minutes,
  };
}

const iso = (d: Date) => d.toISOString();

function isCodeCollision(error: unknown): boolean {
  const e = error as { code?: string; constraint?: string; message?: string };
  return e.code === '23505' && `${e.constraint ?? e.message ?? ''}`.includes('code');
}
