/**
 * Integration tests run on every database we support: always on in-memory PGlite, and also on
 * PostgreSQL when TEST_DATABASE_URL is set (CI sets it). Each test database on PostgreSQL is a
 * schema of its own, dropped afterwards, so test files can run in parallel.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database, type DatabaseKind } from '../../src/server/db/database.js';
import { migrate } from '../../src/server/db/migrate.js';

export const POSTGRES_URL = process.env.TEST_DATABASE_URL || null;

export const DATABASE_KINDS: DatabaseKind[] = POSTGRES_URL ? ['pglite', 'postgres'] : ['pglite'];

export interface TestDatabase extends Database {
  /** Postgres only: the schema, so a second process can open the same data. */
  schema: string | null;
}

export async function openTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const database = await openDatabase({ kind: 'pglite', dataDir: null });
    await migrate(database.pool);
    return { ...database, schema: null };
  }
  if (!POSTGRES_URL) throw new Error('TEST_DATABASE_URL is not set');
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const database = await openDatabase({
    kind: 'postgres',
    url: POSTGRES_URL,
    schema,
    poolSize: 20,
  });
  await migrate(database.pool);
  return {
    ...database,
    schema,
    async close() {
      await database.close();
      const admin = new pg.Client({ connectionString: POSTGRES_URL });
      await admin.connect();
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    },
  };
}
