import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Senders } from '../../src/server/modules/notifications/worker.js';
import { buildApp, DEFAULT_APP_CONFIG, type AppConfig } from '../../src/server/app.js';
import type { DatabaseKind } from '../../src/server/db/database.js';
import { seedDemoData } from '../../src/server/demo/seed.js';
import { openTestDatabase, type TestDatabase } from './databases.js';

/** Wednesday 25 November 2026, 10:00 in Berlin: most demo offices are open. */
export const WEDNESDAY_MORNING = new Date('2026-11-25T09:00:00Z');

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  /** Base URL when started with listen: true. */
  url: string;
  /** Where this app keeps shared documents (a temporary folder). */
  documentsDir: string;
  /** Moves the pinned clock. */
  setNow(now: Date): void;
  /** A server restart: the app (its sockets, timers, caches) goes away, the database stays. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function startTestApp(
  kind: DatabaseKind,
  options: {
    now?: Date;
    demo?: boolean;
    listen?: boolean;
    config?: Partial<AppConfig>;
    /** SMS gateway and mailer; a factory gives each (re)started app its own. */
    senders?: Senders | (() => Senders);
  } = {},
): Promise<TestApp> {
  const database = await openTestDatabase(kind);
  let now = options.now ?? WEDNESDAY_MORNING;
  if (options.demo ?? true) await seedDemoData(database.db, now);
  const documentsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'buergerbuero-documents-'));
  const build = () =>
    buildApp({
      config: {
        ...DEFAULT_APP_CONFIG,
        logLevel: 'silent',
        documentsDir,
        proofOfWorkCost: 1, // solved in milliseconds by the tests
        outboxRetrySeconds: 1,
        ...options.config,
      },
      database,
      clock: () => now,
      ...(options.senders
        ? { senders: typeof options.senders === 'function' ? options.senders() : options.senders }
        : {}),
    });
  const app = await build();
  let url = '';
  if (options.listen) url = await app.listen({ host: '127.0.0.1', port: 0 });
  else await app.ready();
  const t: TestApp = {
    app,
    database,
    url,
    documentsDir,
    setNow(next) {
      now = next;
    },
    async restart() {
      await t.app.close();
      t.app = await build();
      if (options.listen)
        await t.app.listen({ host: '127.0.0.1', port: Number(new URL(url).port) });
      else await t.app.ready();
    },
    async close() {
      await t.app.close();
      await database.close();
      fs.rmSync(documentsDir, { recursive: true, force: true });
    },
  };
  return t;
}

/** Puts a staff member on duty directly in the database (for page tests that need a status). */
export async function putOnDuty(
  t: TestApp,
  email: string,
  slug: string,
  state: 'available' | 'paused',
): Promise<void> {
  const db = t.database.db;
  const staff = await db
    .selectFrom('staff')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  const office = await db
    .selectFrom('offices')
    .select('id')
    .where('slug', '=', slug)
    .executeTakeFirstOrThrow();
  await db.insertInto('duty').values({ staff_id: staff.id, office_id: office.id, state }).execute();
}
