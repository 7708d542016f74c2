/**
 * Sends what the outbox holds: claims due rows, hands each to its gateway with the row's
 * idempotency key, marks it sent; a temporary failure (gateway down, throttled) tries again
 * later with growing pauses, a permanent one (number refused) marks it failed. Runs on every
 * node; the claim's lease keeps two nodes off the same row. A gateway that is down for an hour
 * delays messages by an hour and loses none.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { Clock } from '../../clock.js';
import type { DB } from '../../db/schema.js';
import { isDeliveryError } from './delivery-error.js';
import type { Mailer } from './email.js';
import * as outbox from './outbox.js';
import type { SmsGateway } from './sms-gateway.js';

export interface Senders {
  sms: SmsGateway;
  email: Mailer;
}

export interface WorkerOptions {
  pollMs: number;
  /** A claimed row is another node's again after this long (a crash mid-send). */
  leaseMs: number;
  /** First pause after a temporary failure; it doubles up to `maxBackoffMs`. */
  backoffMs: number;
  maxBackoffMs: number;
  /** A message still not sent after this long is given up (marked failed). */
  giveUpAfterMs: number;
  batch: number;
}

export const DEFAULT_WORKER_OPTIONS: WorkerOptions = {
  pollMs: 1_000,
  leaseMs: 60_000,
  backoffMs: 5_000,
  maxBackoffMs: 10 * 60_000,
  giveUpAfterMs: 48 * 3_600_000,
  batch: 20,
};

const WAKE_DELAY_MS = 25;

export function backoff(attempts: number, options: WorkerOptions): number {
  const pause = Math.min(options.maxBackoffMs, options.backoffMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(pause * (0.8 + Math.random() * 0.4)); // jitter: nodes do not retry in step
}

export class OutboxWorker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | null = null;
  private again = false;
  private soon = false;
  private stopped = true;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly senders: Senders,
    private readonly clock: Clock,
    private readonly log: FastifyBaseLogger,
    private readonly options: WorkerOptions = DEFAULT_WORKER_OPTIONS,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /**
   * Something was written to the outbox: look soon instead of at the next poll. A short delay
   * gathers the messages of many bookings into one round (one claim, one update).
   */
  wake(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else if (!this.soon) {
      this.soon = true;
      this.schedule(WAKE_DELAY_MS);
    }
  }

  /** One round: sends every due message; returns how many were handled. */
  async runOnce(): Promise<number> {
    let handled = 0;
    for (;;) {
      const rows = await outbox.claim(
        this.db,
        this.clock(),
        this.options.batch,
        this.options.leaseMs,
      );
      const sent = (await Promise.all(rows.map((row) => this.deliver(row)))).filter(
        (s): s is { id: number; providerId: string } => s !== null,
      );
      await outbox.markSent(this.db, sent, this.clock());
      handled += rows.length;
      if (rows.length < this.options.batch || this.stopped) return handled;
    }
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    if (ms > 0) this.soon = ms === WAKE_DELAY_MS;
    this.timer = setTimeout(() => void this.tick(), ms);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    this.soon = false;
    if (this.stopped || this.running) return;
    this.running = this.runOnce()
      .then(() => undefined)
      .catch((error: unknown) => this.log.error({ err: error }, 'outbox round failed'))
      .finally(() => {
        this.running = null;
        if (this.stopped) return;
        const again = this.again;
        this.again = false;
        this.schedule(again ? 0 : this.options.pollMs);
      });
    await this.running;
  }

  /** Sends one message; its id and the provider's id when it went out, else null. */
  private async deliver(row: outbox.OutboxRow): Promise<{ id: number; providerId: string } | null> {
    const to = row.recipient ?? '';
    try {
      const sent =
        row.channel === 'sms'
          ? await this.senders.sms.send({
              to,
              text: row.body ?? '',
              idempotencyKey: row.idempotency_key,
            })
          : await this.senders.email.send({
              to,
              subject: row.subject ?? '',
              text: row.body ?? '',
              ...(row.ics ? { ics: { filename: 'termin.ics', content: row.ics } } : {}),
              idempotencyKey: row.idempotency_key,
            });
      return { id: row.id, providerId: sent.providerId };
    } catch (error) {
      await this.failed(row, error);
      return null;
    }
  }

  private async failed(row: outbox.OutboxRow, error: unknown): Promise<void> {
    const now = this.clock();
    const text = error instanceof Error ? error.message : String(error);
    const permanent = isDeliveryError(error) && error.permanent;
    const tooOld = now.getTime() - new Date(row.created_at).getTime() > this.options.giveUpAfterMs;
    if (permanent || tooOld) {
      this.log.warn({ id: row.id, channel: row.channel, err: text }, 'message given up');
      await outbox.markFailed(this.db, row.id, text);
      return;
    }
    const retryAfter = isDeliveryError(error) ? (error.retryAfterMs ?? 0) : 0;
    const pause = Math.max(retryAfter, backoff(row.attempts, this.options));
    this.log.info({ id: row.id, channel: row.channel, err: text, pause }, 'message retried later');
    await outbox.markRetry(this.db, row.id, text, new Date(now.getTime() + pause));
  }
}
