/**
 * Runs a query as a named (prepared) statement: PostgreSQL plans it once per connection instead
 * of on every call. For the few hot statements with a fixed text (a booking, its checks); the
 * parameters may be arrays, so the text does not depend on how many rows they carry.
 */
import type { Kysely, RawBuilder } from 'kysely';
import type pg from 'pg';
import type { DB } from './schema.js';

export interface Queryable {
  db: Kysely<DB>;
  pool: pg.Pool;
}

export async function runPrepared<R>(
  database: Queryable,
  name: string,
  query: RawBuilder<R>,
): Promise<R[]> {
  const compiled = query.compile(database.db);
  const result = await database.pool.query({
    name,
    text: compiled.sql,
    values: [...compiled.parameters],
  });
  return result.rows as R[];
}
