/**
 * One query layer for both databases: Kysely over a `pg.Pool`. For PGlite the pool talks to the
 * in-process WASM database through PGlite's node-postgres adapter (one connection: PGlite is
 * single-session, so transactions serialize). PostgreSQL gets a normal pool.
 */
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { listenPostgres } from './listener.js';
import { acquireLock, type LockHandle } from './lock-file.js';
import type { DB } from './schema.js';

// Dates stay 'YYYY-MM-DD' strings (a local date has no zone; pg would make it a local-midnight
// Date); bigint ids and counts become numbers (they stay far below 2^53).
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  kind: DatabaseKind;
  db: Kysely<DB>;
  pool: pg.Pool;
  /** The NOTIFY channel of this database (per schema, so test schemas do not hear each other). */
  channel: string;
  /**
   * Hears NOTIFY on `channel`. `onReconnect` runs after a lost listening connection is back
   * (notifications in between are lost, so listeners refresh everything). Returns stop().
   */
  listen(
    onPayload: (payload: string) => void,
    onReconnect: () => void,
  ): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export type DatabaseOptions =
  | { kind: 'postgres'; url: string; poolSize?: number; schema?: string }
  | { kind: 'pglite'; dataDir: string | null };

/** dataDir null = in memory (tests). */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.kind === 'postgres' ? openPostgres(options) : openPglite(options.dataDir);
}

async function openPostgres(options: {
  url: string;
  poolSize?: number;
  schema?: string;
}): Promise<Database> {
  const config: pg.PoolConfig = {
    connectionString: options.url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 10_000,
    application_name: 'buergerbuero',
  };
  if (options.schema) {
    const setup = new pg.Client({ connectionString: options.url });
    await setup.connect();
    await setup.query(`CREATE SCHEMA IF NOT EXISTS ${pg.escapeIdentifier(options.schema)}`);
    await setup.end();
    config.options = `-c search_path=${options.schema}`;
  }
  const pool = new pg.Pool(config);
  pool.on('error', () => {}); // an idle client lost its connection; the next query reconnects
  await pool.query('SELECT 1'); // fail at start, not at the first request
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  const channel = options.schema ? `buergerbuero_${options.schema}` : 'buergerbuero';
  return {
    kind: 'postgres',
    db,
    pool,
    channel,
    listen: (onPayload, onReconnect) =>
      listenPostgres(
        {
          connectionString: config.connectionString,
          application_name: 'buergerbuero-listen',
          ...(config.options ? { options: config.options } : {}),
        },
        channel,
        onPayload,
        onReconnect,
      ),
    async close() {
      await db.destroy(); // ends the pool
    },
  };
}

async function openPglite(dataDir: string | null): Promise<Database> {
  let lock: LockHandle | null = null;
  if (dataDir) lock = acquireLock(path.join(dataDir, 'app.lock'));
  try {
    const pglite = dataDir ? new PGlite(path.join(dataDir, 'pgdata')) : new PGlite();
    await pglite.waitReady;
    const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1 });
    pool.on('connect', yieldBeforeEachQuery);
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return {
      kind: 'pglite',
      db,
      pool,
      channel: 'buergerbuero',
      // In-process: PGlite delivers NOTIFY to its own listeners after the notifying commit.
      // Call before serving requests: LISTEN goes through PGlite's own query path.
      async listen(onPayload) {
        const stop = await pglite.listen('buergerbuero', onPayload);
        return stop;
      },
      async close() {
        await db.destroy();
        await pglite.close();
        lock?.release();
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

/**
 * PGlite runs every query synchronously in this thread, and the queries queued behind one run
 * back to back in the same turn of the event loop: a burst of snapshot loads after a commit
 * (ticket, consultation, lobby …) held the WebSocket for 20–60 ms, with a call's offer and
 * answer waiting in it. One turn of the loop before each query lets sockets be read between
 * queries (their own cost is unchanged).
 */
function yieldBeforeEachQuery(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  const yielding = (...args: unknown[]) => {
    // Only the promise form (text/config and values, no callback) is deferred.
    if (
      typeof args[args.length - 1] === 'function' ||
      (typeof args[0] !== 'string' &&
        typeof (args[0] as { submit?: unknown })?.submit === 'function')
    ) {
      return query(...args);
    }
    return new Promise((resolve) => setImmediate(resolve)).then(() => query(...args));
  };
  (client as { query: unknown }).query = yielding;
}
