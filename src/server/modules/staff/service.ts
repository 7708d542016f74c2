/**
 * Staff accounts: login with lockout after repeated failures, sessions in the database (any node
 * can check them; "log out everywhere" deletes them all), and duty per assigned office.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Locale } from '../../../shared/locale.js';
import type { DutyState, StaffMe } from '../../../shared/staff.js';
import type { Clock } from '../../clock.js';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../http/app-error.js';
import type { Bus } from '../realtime/bus.js';
import { hashPassword, verifyPassword } from './passwords.js';
import * as repo from './repo.js';

export const SESSION_HOURS = 12;
const MAX_FAILED_LOGINS = 5;
const LOCK_MINUTES = 15;

export interface StaffSession {
  staffId: number;
  name: string;
  email: string;
  role: 'staff' | 'admin';
  csrfToken: string;
}

export interface StaffServiceDeps {
  db: Kysely<DB>;
  bus: Bus;
  clock: Clock;
  /** People waiting per office slug (from the queue). */
  waitingBySlug(): Promise<Map<string, number>>;
  /** The staff member's open consultation, if any (from the queue). */
  activeConsultation(staffId: number): Promise<string | null>;
}

export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

// Checked against when the e-mail is unknown, so both cases take the same time.
const dummyHash = hashPassword('not-a-real-password');

/**
 * A session found is believed this long without asking the database again: a call's requests
 * and the consultation's subscription right behind them (each checks the session) then cost
 * one query, not three queued behind each other. Logout on this node forgets it at once; a
 * logout on another node, or a changed role or name, shows here at most this long after.
 */
const SESSION_MEMO_MS = 5_000;
const SESSION_MEMO_MAX = 1_000;

interface MemoEntry {
  session: StaffSession;
  expiresAt: Date;
  until: number;
}

export class StaffService {
  private readonly memo = new Map<string, MemoEntry>();

  constructor(private readonly deps: StaffServiceDeps) {}

  async login(email: string, password: string): Promise<{ token: string; session: StaffSession }> {
    const { db, clock } = this.deps;
    const account = await repo.findByEmail(db, email.trim());
    if (!account) {
      await verifyPassword(await dummyHash, password);
      throw new AppError('LOGIN_FAILED');
    }
    const now = clock();
    if (account.lockedUntil && account.lockedUntil > now) throw new AppError('ACCOUNT_LOCKED');
    if (!(await verifyPassword(account.passwordHash, password))) {
      const lock = account.failedLogins + 1 >= MAX_FAILED_LOGINS;
      await repo.recordLogin(db, account.id, {
        ok: false,
        lockUntil: lock ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : null,
      });
      throw new AppError(lock ? 'ACCOUNT_LOCKED' : 'LOGIN_FAILED');
    }
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    await db.transaction().execute(async (trx) => {
      await repo.recordLogin(trx, account.id, { ok: true });
      await repo.insertSession(trx, {
        tokenHash: hashToken(token),
        staffId: account.id,
        csrfToken,
        expiresAt: new Date(now.getTime() + SESSION_HOURS * 3_600_000),
      });
    });
    return {
      token,
      session: {
        staffId: account.id,
        name: account.name,
        email: account.email,
        role: account.role,
        csrfToken,
      },
    };
  }

  async session(token: string | undefined): Promise<StaffSession | null> {
    if (!token || token.length > 100) return null;
    const tokenHash = hashToken(token);
    const key = tokenHash.toString('hex');
    const now = this.deps.clock();
    const known = this.memo.get(key);
    if (known && known.until > Date.now() && known.expiresAt > now) return known.session;
    const row = await repo.findSession(this.deps.db, tokenHash, now);
    if (!row) {
      this.memo.delete(key);
      return null;
    }
    const { expiresAt, ...session } = row;
    if (this.memo.size >= SESSION_MEMO_MAX) this.memo.clear(); // bounded; refilled on demand
    this.memo.set(key, { session, expiresAt, until: Date.now() + SESSION_MEMO_MS });
    return session;
  }

  /** Ends this session; off duty everywhere when it was the last one. */
  async logout(token: string, staffId: number, everywhere: boolean): Promise<void> {
    this.forget(token, staffId, everywhere);
    await this.deps.db.transaction().execute(async (trx) => {
      if (everywhere) await repo.deleteSessionsOf(trx, staffId);
      else await repo.deleteSession(trx, hashToken(token));
      const left = await trx
        .selectFrom('staff_sessions')
        .select('staff_id')
        .where('staff_id', '=', staffId)
        .executeTakeFirst();
      if (!left) {
        const slugs = await repo.clearDuty(trx, staffId);
        await this.deps.bus.publish(trx, dutyTopics(slugs));
      }
    });
    this.forget(token, staffId, everywhere); // also what was looked up while it ran
  }

  private forget(token: string, staffId: number, everywhere: boolean): void {
    this.memo.delete(hashToken(token).toString('hex'));
    if (!everywhere) return;
    for (const [key, entry] of this.memo) {
      if (entry.session.staffId === staffId) this.memo.delete(key);
    }
  }

  async me(session: StaffSession, locale: Locale): Promise<StaffMe> {
    const [offices, waiting, active] = await Promise.all([
      repo.assignedOffices(this.deps.db, session.staffId),
      this.deps.waitingBySlug(),
      this.deps.activeConsultation(session.staffId),
    ]);
    return {
      id: session.staffId,
      name: session.name,
      email: session.email,
      role: session.role,
      csrfToken: session.csrfToken,
      offices: offices.map((o) => ({
        slug: o.slug,
        name: locale === 'en' ? o.nameEn : o.nameDe,
        duty: o.duty,
        waiting: waiting.get(o.slug) ?? 0,
      })),
      activeConsultationId: active,
    };
  }

  /** The office if this staff member may serve it, with the current duty. */
  async assignment(staffId: number, slug: string): Promise<repo.AssignedOffice> {
    const offices = await repo.assignedOffices(this.deps.db, staffId);
    const office = offices.find((o) => o.slug === slug);
    if (!office) {
      const exists = await this.deps.db
        .selectFrom('offices')
        .select('id')
        .where('slug', '=', slug)
        .executeTakeFirst();
      throw new AppError(exists ? 'NOT_ASSIGNED' : 'OFFICE_NOT_FOUND');
    }
    return office;
  }

  async setDuty(staffId: number, slug: string, state: DutyState): Promise<void> {
    const office = await this.assignment(staffId, slug);
    await this.deps.db.transaction().execute(async (trx) => {
      await repo.setDuty(trx, staffId, office.officeId, state, this.deps.clock());
      await this.deps.bus.publish(trx, dutyTopics([slug]));
    });
  }

  /** The consoles of these staff members are connected (a node's heartbeat). */
  touchDuty(staffIds: number[]): Promise<void> {
    return repo.touchDuty(this.deps.db, staffIds);
  }

  /** Duty without a connected console for `minutes` ends; the offices' status follows. */
  async endStaleDuty(minutes: number): Promise<string[]> {
    return this.deps.db.transaction().execute(async (trx) => {
      const slugs = await repo.endStaleDuty(trx, minutes);
      await this.deps.bus.publish(trx, dutyTopics(slugs));
      return slugs;
    });
  }
}

/** Duty changes the public status, the lobby's wait basis and the staff queue view. */
export function dutyTopics(slugs: string[]): string[] {
  return slugs.length === 0
    ? []
    : ['offices', ...slugs.flatMap((s) => [`lobby:${s}`, `queue:${s}`])];
}
