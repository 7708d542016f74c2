/**
 * Periodic clean-up on every node; each job is idempotent, so nodes running it at the same time
 * do no harm: tickets unseen for the grace time leave the line, old signaling rows go,
 * documents of ended consultations (or past retention) are deleted with their files, and duty
 * ends for staff whose console has been gone for minutes (a closed browser).
 */
import type { FastifyInstance } from 'fastify';
import type { SignalService } from './modules/calls/signals.js';
import type { DocumentService } from './modules/documents/service.js';
import type { QueueService } from './modules/queue/service.js';
import type { StaffService } from './modules/staff/service.js';

const EVERY_MS = 30_000;
/** Duty ends when the staff member's console has not been connected for this long. */
export const STALE_DUTY_MINUTES = 3;

export function registerMaintenance(
  app: FastifyInstance,
  jobs: {
    queue: QueueService;
    signals: SignalService;
    documents: DocumentService;
    staff: StaffService;
    clock: () => Date;
  },
): void {
  let timer: NodeJS.Timeout | undefined;
  const run = async () => {
    await jobs.queue.expireUnseen();
    await jobs.signals.prune(jobs.clock());
    await jobs.documents.purge();
    const ended = await jobs.staff.endStaleDuty(STALE_DUTY_MINUTES);
    if (ended.length > 0) app.log.info({ offices: ended }, 'duty ended: console gone');
  };
  app.addHook('onReady', async () => {
    timer = setInterval(() => {
      run().catch((error: unknown) => app.log.error({ err: error }, 'maintenance failed'));
    }, EVERY_MS).unref();
  });
  app.addHook('onClose', async () => clearInterval(timer));
}
