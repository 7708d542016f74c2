/**
 * Offices as citizens see them: the records from the repo plus the derived live status.
 * Status is a pure function of (hours, holidays, who is on duty, now) — nothing is stored.
 */
import { DateTime } from 'luxon';
import type { Locale } from '../../../shared/locale.js';
import type { OfficeDetail, OfficeList, OfficeSummary } from '../../../shared/offices.js';
import type { Clock } from '../../clock.js';
import { AppError } from '../../http/app-error.js';
import { localDay, statusAt, type Schedule } from './hours.js';
import { liveStatus, type StaffPresence } from './live-status.js';
import type { OfficeRecord, OfficeRepo } from './repo.js';

const NOBODY: StaffPresence = { onDuty: 0, free: 0 };
const EXCEPTIONS_AHEAD_DAYS = 90;

/** Number of people waiting per office id; the walk-in queue provides it. */
export type WaitingCounts = () => Promise<Map<number, number>>;

export function scheduleOf(office: OfficeRecord): Schedule {
  return {
    timeZone: office.timeZone,
    weekly: office.weekly,
    exceptions: office.exceptions,
    holidays: office.holidays,
  };
}

function isoIn(timeZone: string, instant: Date | null): string | null {
  if (!instant) return null;
  return DateTime.fromJSDate(instant, { zone: timeZone }).toISO({ suppressMilliseconds: true });
}

/** How long office records (hours, exceptions) are reused; they change rarely. */
const RECORDS_TTL_MS = 5_000;

export class OfficeService {
  private records: { fromDay: string; until: number; list: Promise<OfficeRecord[]> } | null = null;

  constructor(
    private readonly repo: OfficeRepo,
    private readonly clock: Clock,
    private readonly waitingCounts: WaitingCounts = () =>
      Promise.resolve(new Map<number, number>()),
  ) {}

  async list(locale: Locale): Promise<OfficeList> {
    const now = this.clock();
    const [offices, presence, waiting] = await Promise.all([
      this.cachedList(fromDay(now)),
      this.repo.presence(),
      this.waitingCounts(),
    ]);
    return {
      offices: offices.map((o) => summarize(o, presence, waiting, locale, now)),
      generatedAt: utcIso(now),
    };
  }

  /** One office's record and live state, for rules that depend on it (entering the queue). */
  async current(slug: string) {
    const now = this.clock();
    const [offices, presence] = await Promise.all([
      this.cachedList(fromDay(now), slug),
      this.repo.presence(),
    ]);
    const office = offices[0];
    if (!office) throw new AppError('OFFICE_NOT_FOUND');
    const staff = presence.get(office.id) ?? NOBODY;
    const open = statusAt(scheduleOf(office), now).open;
    return { office, open, staff, status: liveStatus(open, staff) };
  }

  /** One office's record (hours, exceptions, zone) without its live state. */
  async record(slug: string): Promise<OfficeRecord> {
    const [office] = await this.cachedList(fromDay(this.clock()), slug);
    if (!office) throw new AppError('OFFICE_NOT_FOUND');
    return office;
  }

  /**
   * All office records, read at most every RECORDS_TTL_MS (status, queue and lobby snapshots
   * each need them; on PGlite every query blocks the event loop). Changes to hours show within
   * that time.
   */
  private async cachedList(from: string, slug?: string): Promise<OfficeRecord[]> {
    const now = Date.now(); // the cache's age, not the domain's time
    if (!this.records || this.records.fromDay !== from || this.records.until <= now) {
      const list = this.repo.list(from);
      this.records = { fromDay: from, until: now + RECORDS_TTL_MS, list };
      list.catch(() => (this.records = null));
    }
    const list = await this.records.list;
    return slug === undefined ? list : list.filter((o) => o.slug === slug);
  }

  exists(slug: string): Promise<boolean> {
    return this.repo.exists(slug);
  }

  async get(slug: string, locale: Locale): Promise<OfficeDetail> {
    const now = this.clock();
    const [offices, presence, waiting] = await Promise.all([
      this.cachedList(fromDay(now), slug),
      this.repo.presence(),
      this.waitingCounts(),
    ]);
    const office = offices[0];
    if (!office) throw new AppError('OFFICE_NOT_FOUND');
    const today = localDay(office.timeZone, now);
    const until = DateTime.fromISO(today).plus({ days: EXCEPTIONS_AHEAD_DAYS }).toISODate()!;
    return {
      ...summarize(office, presence, waiting, locale, now),
      generatedAt: utcIso(now),
      exceptions: groupExceptions(office.exceptions, locale).filter(
        (e) => e.lastDay >= today && e.firstDay <= until,
      ),
    };
  }
}

function utcIso(now: Date): string {
  return DateTime.fromJSDate(now, { zone: 'UTC' }).toISO({ suppressMilliseconds: true })!;
}

/** Exceptions that might still matter: a day of slack covers every time zone. */
function fromDay(now: Date): string {
  return DateTime.fromJSDate(now, { zone: 'UTC' }).minus({ days: 1 }).toISODate()!;
}

function summarize(
  office: OfficeRecord,
  presence: Map<number, StaffPresence>,
  waiting: Map<number, number>,
  locale: Locale,
  now: Date,
): OfficeSummary {
  const status = statusAt(scheduleOf(office), now);
  return {
    slug: office.slug,
    name: office.name[locale],
    description: office.description[locale],
    timeZone: office.timeZone,
    status: liveStatus(status.open, presence.get(office.id) ?? NOBODY),
    open: status.open,
    waiting: waiting.get(office.id) ?? 0,
    closesAt: isoIn(office.timeZone, status.closesAt),
    nextOpening: isoIn(office.timeZone, status.nextOpening),
    today: {
      date: status.today.date,
      intervals: status.today.intervals,
      holiday: status.today.holiday?.[locale] ?? null,
      exception: status.today.exception,
    },
    openingHours: office.weekly.map((intervals, i) => ({ weekday: i + 1, intervals })),
  };
}

/** Rows of one exception (same days and note) become one entry with all its intervals. */
function groupExceptions(
  exceptions: OfficeRecord['exceptions'],
  locale: Locale,
): OfficeDetail['exceptions'] {
  const grouped = new Map<string, OfficeDetail['exceptions'][number]>();
  for (const e of exceptions) {
    const note = e.notes[locale] ?? e.notes.de;
    const key = `${e.firstDay}|${e.lastDay}|${note ?? ''}`;
    const entry = grouped.get(key) ?? {
      firstDay: e.firstDay,
      lastDay: e.lastDay,
      intervals: [],
      note,
    };
    entry.intervals.push(...e.intervals);
    grouped.set(key, entry);
  }
  return [...grouped.values()];
}
