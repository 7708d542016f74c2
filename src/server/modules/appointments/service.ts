/**
 * Booking rules: free slots, booking (citizen or staff on the phone), cancel, reschedule and
 * check-in. No slot is booked twice because the seats are rows with a primary key (repo
 * `claimUnits`), not because code checked first; the messages go into the outbox in the same
 * transaction. The links' token is returned once and stored only as its SHA-256.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type pg from 'pg';
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
import type { OfficeService } from '../offices/service.js';
import type { QueueService } from '../queue/service.js';
import { bookInOneStatement } from './book-statement.js';
import { newBookingCode } from './booking-code.js';
import { appointmentMessages, type AppointmentFacts, type MessageSettings } from './messages.js';
import { AppointmentChanges } from './changes.js';
import { OfficeContexts, serviceOf, serviceView, type OfficeContext } from './office-context.js';
import { hashToken, newLinkToken } from './link-token.js';
import * as repo from './repo.js';
import { appointmentView, checkContact, viewOfRow } from './views.js';

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
  /** The pool under `db`, for the booking's prepared statement. */
  pool: pg.Pool;
  clock: Clock;
  offices: OfficeService;
  queue: QueueService;
  proofOfWork: ProofOfWorkCheck;
  policy: BookingPolicy;
  /** The outbox got rows: send now rather than at the next poll. */
  sent: () => void;
}

const BOOK_ATTEMPTS = 3;
const SMS_COUNT_TTL_MS = 10_000;

export class AppointmentService {
  private readonly contexts: OfficeContexts;
  private readonly changes: AppointmentChanges;
  private smsCount: { day: string; at: number; count: number } | null = null;
  /** Turns through the seats of a time: see `seatFrom` in book-statement.ts. */
  private seatTurn = 0;

  constructor(private readonly deps: AppointmentDeps) {
    this.contexts = new OfficeContexts(deps.db, deps.offices);
    this.changes = new AppointmentChanges(deps, this.contexts);
  }

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
    const days = await this.contexts.freeDays(ctx, service.duration_minutes, first, last, now);
    return {
      timeZone: zone,
      days: days.map((d) => ({
        date: d.date,
        slots: d.slots.map((s) => ({ start: s.start.toISOString(), end: s.end.toISOString() })),
      })),
    };
  }

  /** A citizen books online: checks, the bot check, limits, then the booking itself. */
  async book(slug: string, request: BookingRequest, locale: Locale): Promise<Booked> {
    const ctx = await this.context(slug);
    await this.refuseKnownFull(ctx, request);
    const contact = checkContact(request, this.deps.policy.allowedCountries);
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
    await this.refuseKnownFull(ctx, request);
    const contact = checkContact(request, this.deps.policy.allowedCountries);
    return this.create(ctx, request, contact, request.lang ?? locale, staffId);
  }

  async view(token: string, locale: Locale): Promise<AppointmentView> {
    const row = await repo.findAppointment(this.deps.db, { tokenHash: hashToken(token) });
    if (!row) throw new AppError('APPOINTMENT_NOT_FOUND');
    return this.present(row, locale);
  }

  cancel(by: { token: string } | { id: string }, locale: Locale): Promise<AppointmentView> {
    return this.changes.cancel(by, locale);
  }

  reschedule(token: string, start: string, locale: Locale): Promise<AppointmentView> {
    return this.changes.reschedule(token, start, locale);
  }

  checkIn(token: string): Promise<CreatedTicket> {
    return this.changes.checkIn(token);
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
   * A time this node just saw full is refused first, before the costlier checks: in the rush
   * on a popular time nearly every request ends here (see full-times.ts).
   */
  private async refuseKnownFull(ctx: OfficeContext, request: StaffBookingRequest): Promise<void> {
    const service = serviceOf(ctx, request.serviceId);
    const start = new Date(request.start);
    const units = this.contexts.units(ctx, start, service.duration_minutes, this.deps.clock());
    if (this.contexts.full.anyFull(ctx.office.id, units)) {
      throw await this.taken(ctx, service.duration_minutes, start);
    }
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
    const units = this.contexts.units(ctx, start, service.duration_minutes, now);
    const end = new Date(start.getTime() + service.duration_minutes * 60_000);
    const { full } = this.contexts;
    if ((await this.smsToday(ctx, now)) >= this.deps.policy.smsPerDay) {
      throw new AppError('SMS_LIMIT');
    }
    // The other checks (proof of work unused, seats free, the number's limit) are made by the
    // booking statement itself, in this order, writing nothing when one fails.
    const phoneLimit =
      staffId === null
        ? {
            since: new Date(now.getTime() - 86_400_000),
            limit: this.deps.policy.bookingsPerNumber,
          }
        : null;
    const token = newLinkToken();
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
    let proof = solved;
    for (let attempt = 0; attempt < BOOK_ATTEMPTS; attempt++) {
      let result: Awaited<ReturnType<typeof bookInOneStatement>>;
      try {
        result = await bookInOneStatement(this.deps, {
          ...facts,
          officeId: ctx.office.id,
          serviceId: service.id,
          tokenHash: hashToken(token),
          bookedBy: staffId,
          now,
          units,
          seatFrom: this.seatTurn++ % 1_000_000,
          solved: proof,
          phoneLimit,
          messages: appointmentMessages(
            'booking_confirmed',
            facts,
            token,
            this.deps.policy,
            now,
            undefined,
            ctx.templates,
          ),
        });
      } catch (error) {
        if (!isCodeCollision(error)) throw error;
        facts.code = newBookingCode();
        continue;
      }
      const { outcome, taken } = result;
      const takenOf = (i: number) => taken[i] ?? 0;
      if (outcome === 'used') throw new AppError('CHALLENGE_FAILED'); // used before or meanwhile
      if (outcome === 'full') {
        // nothing written, proof kept; the next requests for these times need no query
        units.forEach((u, i) => takenOf(i) >= u.seats && full.full(ctx.office.id, u.start));
        break;
      }
      if (outcome === 'limit') throw new AppError('BOOKING_LIMIT');
      if (outcome === 'taken') proof = null; // this request used it up: the next try is ours
      if (outcome !== 'booked') continue;
      this.deps.sent();
      // The last free seat of a unit, as far as the statement saw: the next requests need no query.
      units.forEach((u, i) => takenOf(i) + 1 >= u.seats && full.full(ctx.office.id, u.start));
      const appointment = appointmentView(ctx, {
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

  /**
   * SMS written today, counted in the database at most every SMS_COUNT_TTL_MS and by this node
   * in between: the daily limit is a guard against SMS pumping, it need not be exact.
   */
  private async smsToday(ctx: OfficeContext, now: Date): Promise<number> {
    const zone = ctx.office.timeZone;
    const day = localDay(zone, now); // Intl, cheap; luxon only when the count is read
    const known = this.smsCount;
    if (!known || known.day !== day || now.getTime() - known.at > SMS_COUNT_TTL_MS) {
      const since = DateTime.fromJSDate(now, { zone }).startOf('day').toJSDate();
      const count = await repo.smsSince(this.deps.db, since);
      this.smsCount = { day, at: now.getTime(), count };
    }
    return this.smsCount!.count++;
  }

  /** Seats of this office were freed on this node (a block removed). */
  seatsFreed(officeId: number): void {
    this.contexts.full.freed(officeId);
  }

  async present(row: repo.AppointmentRow, locale: Locale): Promise<AppointmentView> {
    return viewOfRow(await this.contexts.get(row.office_slug), row, locale);
  }

  /** An office's booking rules (cached briefly; see office-context.ts). */
  context(slug: string): Promise<OfficeContext> {
    return this.contexts.get(slug);
  }

  private taken(ctx: OfficeContext, duration: number, wanted: Date): Promise<AppError> {
    return this.contexts.taken(ctx, duration, wanted, this.deps.clock());
  }
}

function isCodeCollision(error: unknown): boolean {
  const e = error as { code?: string; constraint?: string; message?: string };
  return e.code === '23505' && `${e.constraint ?? e.message ?? ''}`.includes('code');
}
