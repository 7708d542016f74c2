/**
 * Fan-out between app nodes goes through the database: a service publishes the topics it changed
 * inside its transaction (`pg_notify` is delivered at commit, and not at all on rollback); every
 * node LISTENs and refreshes those topics for its own subscribers. PGlite does the same in-process.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';

export type Executor = Kysely<DB> | Transaction<DB>;

/** Ephemeral events that are not state: typing, and pointers to signaling rows. */
export type BusEvent =
  | { t: 'typing'; consultationId: string; from: 'citizen' | 'staff'; typing: boolean }
  | {
      t: 'signal';
      consultationId: string;
      from: 'citizen' | 'staff';
      /** Rows of `signals`, in the order sent. */
      ids: number[];
      /** The node that delivered them to its own connections already. */
      node: string;
    };

const EVENT_PREFIX = '!';

export class Bus {
  constructor(private readonly database: Database) {}

  /** Call inside the transaction that made the change. Topics: `offices`, `lobby:<slug>`, … */
  async publish(db: Executor, topics: string[]): Promise<void> {
    if (topics.length === 0) return;
    const payload = [...new Set(topics)].join(' ');
    await sql`SELECT pg_notify(${this.database.channel}, ${payload})`.execute(db);
  }

  async publishEvent(event: BusEvent): Promise<void> {
    const payload = EVENT_PREFIX + JSON.stringify(event);
    await sql`SELECT pg_notify(${this.database.channel}, ${payload})`.execute(this.database.db);
  }

  /** Starts listening; returns stop(). */
  listen(handlers: {
    topics(topics: string[]): void;
    event(event: BusEvent): void;
    reconnected(): void;
  }): Promise<() => Promise<void>> {
    return this.database.listen(
      (payload) => {
        if (payload.startsWith(EVENT_PREFIX)) {
          try {
            handlers.event(JSON.parse(payload.slice(1)) as BusEvent);
          } catch {
            // not ours: ignore
          }
        } else {
          handlers.topics(payload.split(' ').filter(Boolean));
        }
      },
      () => handlers.reconnected(),
    );
  }
}
