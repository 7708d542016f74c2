/**
 * An office's booking rules (hours, seats, grid, lead time, services) as one value, read at
 * most every CONTEXT_TTL_MS; and what follows from them alone: free days, the suggestions of a
 * refused time. Whether a seat is free is never taken from here but from the database, in the
 * statement that books it.
 */
import type { Kysely } from 'kysely';
import { DateTime } from 'luxon';
import type { Locale } from '../../../shared/locale.js';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../http/app-error.js';
import type { TemplateOverrides } from '../notifications/templates.js';
import type { OfficeRecord } from '../offices/repo.js';
import { scheduleOf, type OfficeService } from '../offices/service.js';
import * as repo from './repo.js';
import { freeSlots, isBookable, nearestFree, type Slot, type SlotRules } from './slots.js';
import { FullTimes } from './full-times.js';

export interface OfficeContext {
  office: OfficeRecord;
  rules: SlotRules;
  settings: repo.BookingSettings;
  services: repo.ServiceRow[];
  /** The office's own wording of messages. */
  templates: TemplateOverrides;
}

const CONTEXT_TTL_MS = 5_000;
const ALTERNATIVES_TTL_MS = 1_000;
/** Suggestions: the wanted day, then ±1 day, then ±7 days — until three are found. */
const ALTERNATIVE_DAYS = [0, 1, 7];

export class OfficeContexts {
  /** Times just seen fully booked (see full-times.ts). */
  readonly full = new FullTimes();
  private readonly contexts = new Map<string, { context: Promise<OfficeContext>; until: number }>();
  private readonly alternatives = new Map<string, { until: number; starts: Promise<string[]> }>();
  private readonly unitsKept = new Map<
    string,
    { second: number; ctx: OfficeContext; units: BookableUnit[] }
  >();

  constructor(
    private readonly db: Kysely<DB>,
    private readonly offices: OfficeService,
  ) {}

  async get(slug: string): Promise<OfficeContext> {
    const now = Date.now(); // the cache's age, not the domain's time
    const cached = this.contexts.get(slug);
    if (cached && cached.until > now) return cached.context;
    const context = this.load(slug);
    this.contexts.set(slug, { context, until: now + CONTEXT_TTL_MS });
    context.catch(() => this.contexts.delete(slug));
    return context;
  }

  /** Free starts per local day in [from, to] for a service of `duration` minutes. */
  async freeDays(ctx: OfficeContext, duration: number, from: string, to: string, now: Date) {
    const zone = ctx.office.timeZone;
    const rangeStart = DateTime.fromISO(from, { zone }).startOf('day').toJSDate();
    const rangeEnd = DateTime.fromISO(to, { zone }).plus({ days: 1 }).startOf('day').toJSDate();
    const taken = await repo.takenUnits(this.db, ctx.office.id, rangeStart, rangeEnd);
    return freeSlots(ctx.rules, { durationMinutes: duration, from, to, now, taken });
  }

  /**
   * SLOT_TAKEN with the three free starts nearest to the wanted one. When many people want the
   * same time (a popular slot just opened), they are computed once per ALTERNATIVES_TTL_MS —
   * they are suggestions; booking one checks it like any other time.
   */
  /**
   * bookableUnits(), kept per office, time and length within the same second of `now` (the
   * rules behind it are cached anyway; luxon's work for it was a tenth of a refusal's cost).
   */
  units(ctx: OfficeContext, start: Date, duration: number, now: Date): BookableUnit[] {
    const second = Math.floor(now.getTime() / 1000);
    const key = `${ctx.office.id}|${duration}|${start.getTime()}`;
    const known = this.unitsKept.get(key);
    if (known && known.second === second && known.ctx === ctx) return known.units;
    const units = bookableUnits(ctx, start, duration, now); // throws for a time not offered
    if (this.unitsKept.size > 1000) this.unitsKept.clear();
    this.unitsKept.set(key, { second, ctx, units });
    return units;
  }

  async taken(ctx: OfficeContext, duration: number, wanted: Date, now: Date): Promise<AppError> {
    const key = `${ctx.office.id}|${duration}|${wanted.getTime()}`;
    const known = this.alternatives.get(key);
    const age = Date.now();
    if (!known || known.until <= age) {
      if (this.alternatives.size > 1000) this.alternatives.clear();
      const starts = this.nearest(ctx, duration, wanted, now);
      this.alternatives.set(key, { until: age + ALTERNATIVES_TTL_MS, starts });
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
      nearest = nearestFree(await this.freeDays(ctx, duration, from, to, now), wanted, 3);
      if (nearest.length >= 3) break;
    }
    return nearest.map((s) => s.start.toISOString());
  }

  private async load(slug: string): Promise<OfficeContext> {
    const office = await this.offices.record(slug);
    const [settings, services, templates] = await Promise.all([
      repo.settings(this.db, office.id),
      repo.services(this.db, office.id),
      repo.templates(this.db, office.id),
    ]);
    if (!settings || services.length === 0) throw new AppError('BOOKING_NOT_OFFERED');
    const rules: SlotRules = {
      schedule: scheduleOf(office),
      capacity: settings.capacity,
      unitMinutes: settings.unitMinutes,
      leadMinutes: settings.leadMinutes,
      horizonDays: settings.horizonDays,
    };
    return { office, rules, settings, services, templates };
  }
}

export function serviceOf(ctx: OfficeContext, serviceId: number): repo.ServiceRow {
  const service = ctx.services.find((s) => s.id === serviceId);
  if (!service) throw new AppError('SERVICE_NOT_FOUND');
  return service;
}

export function serviceView(s: repo.ServiceRow, locale: Locale) {
  return {
    id: s.id,
    name: locale === 'en' ? s.name_en : s.name_de,
    durationMinutes: s.duration_minutes,
  };
}

/** Units and seats of a wanted start, or a coded refusal (whether seats are free is the DB's). */
export type BookableUnit = { start: Date; seats: number };

export function bookableUnits(
  ctx: OfficeContext,
  start: Date,
  durationMinutes: number,
  now: Date,
): BookableUnit[] {
  if (Number.isNaN(start.getTime())) throw new AppError('VALIDATION_FAILED');
  const result = isBookable(ctx.rules, { start, durationMinutes, now, taken: new Map() });
  if (!result.ok) throw new AppError('SLOT_UNAVAILABLE');
  return result.units;
}
