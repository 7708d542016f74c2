/**
 * Wires appointments and their notifications on one node: the services, the routes, the outbox
 * worker (started when the app is ready, stopped before the database closes) and the periodic
 * jobs (no-shows, deleting personal data after the retention period).
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type pg from 'pg';
import type { Clock } from '../../clock.js';
import type { Config } from '../../config.js';
import type { DB } from '../../db/schema.js';
import { createSenders } from '../notifications/senders.js';
import { DEFAULT_WORKER_OPTIONS, OutboxWorker, type Senders } from '../notifications/worker.js';
import type { OfficeService } from '../offices/service.js';
import type { QueueService } from '../queue/service.js';
import type { StaffService } from '../staff/service.js';
import { AppointmentDesk } from './desk.js';
import { ProofOfWork } from './proof-of-work.js';
import { appointmentRoutes } from './routes.js';
import { AppointmentService } from './service.js';

export type AppointmentConfig = Pick<
  Config,
  | 'publicUrl'
  | 'sms'
  | 'smtpUrl'
  | 'emailFrom'
  | 'smsCountries'
  | 'smsPerDay'
  | 'bookingsPerNumber'
  | 'bookingsPerClient'
  | 'reminderMinutes'
  | 'bookingRetentionDays'
  | 'proofOfWorkCost'
  | 'outboxRetrySeconds'
>;

const JOBS_EVERY_MS = 30_000;

export async function registerAppointments(
  app: FastifyInstance,
  deps: {
    db: Kysely<DB>;
    pool: pg.Pool;
    clock: Clock;
    config: AppointmentConfig;
    offices: OfficeService;
    queue: QueueService;
    staff: StaffService;
    /** Tests pass gateways of their own (e.g. one pointing at a stopped SMPP server). */
    senders?: Senders;
  },
): Promise<{ appointments: AppointmentService; worker: OutboxWorker }> {
  const { db, clock, config } = deps;
  const senders = deps.senders ?? createSenders(config, app.log);
  const worker = new OutboxWorker(db, senders, clock, app.log, {
    ...DEFAULT_WORKER_OPTIONS,
    backoffMs: config.outboxRetrySeconds * 1000,
  });
  const appointments = new AppointmentService({
    db,
    pool: deps.pool,
    clock,
    offices: deps.offices,
    queue: deps.queue,
    proofOfWork: new ProofOfWork(db, { cost: config.proofOfWorkCost }),
    policy: {
      publicUrl: config.publicUrl,
      reminderMinutes: config.reminderMinutes,
      emailFrom: config.emailFrom,
      allowedCountries: config.smsCountries,
      bookingsPerNumber: config.bookingsPerNumber,
      smsPerDay: config.smsPerDay,
    },
    sent: () => worker.wake(),
  });
  const desk = new AppointmentDesk(db, deps.staff, appointments);
  await app.register(
    appointmentRoutes(appointments, desk, deps.staff, {
      bookingsPerClient: config.bookingsPerClient,
    }),
  );

  let timer: NodeJS.Timeout | undefined;
  const jobs = async () => {
    const { missed } = await appointments.sweep(config.bookingRetentionDays);
    if (missed > 0) app.log.info({ count: missed }, 'appointments missed');
  };
  app.addHook('onReady', async () => {
    worker.start();
    timer = setInterval(() => {
      jobs().catch((error: unknown) => app.log.error({ err: error }, 'appointment jobs failed'));
    }, JOBS_EVERY_MS).unref();
  });
  app.addHook('preClose', async () => {
    clearInterval(timer);
    await worker.stop();
    await Promise.all([senders.sms.close(), senders.email.close()]);
  });
  return { appointments, worker };
}
