/**
 * Wires the realtime path on one node: the bus (LISTEN), the hub (snapshots → frames → sockets),
 * the `/ws` endpoint, and the node's timers: presence heartbeats for connected tickets,
 * time-based office status, and WebSocket pings.
 */
import websocket from '@fastify/websocket';
import type { FastifyInstance } from 'fastify';
import { MAX_CLIENT_MESSAGE_BYTES } from '../../../shared/protocol.js';
import type { SignalService } from '../calls/signals.js';
import type { ConsultationService } from '../consultations/service.js';
import type { OfficeService } from '../offices/service.js';
import type { QueueService } from '../queue/service.js';
import type { QueueViews } from '../queue/views.js';
import type { StaffService } from '../staff/service.js';
import type { Bus } from './bus.js';
import { textFrame } from './frame.js';
import { Hub } from './hub.js';
import { SignalRelay } from './signal-relay.js';
import { errorMessage, registerSocket, type Connection } from './socket.js';

export interface RealtimeDeps {
  bus: Bus;
  offices: OfficeService;
  views: QueueViews;
  queue: QueueService;
  staff: StaffService;
  consultations: ConsultationService;
  signals: SignalService;
  /** The only app node (PGlite): signals need no database round. */
  singleNode: boolean;
}

const PRESENCE_MS = 15_000;
const STATUS_MS = 30_000;
const PING_MS = 30_000;

const after = (prefix: string, key: string) => key.slice(prefix.length);

export async function registerRealtime(app: FastifyInstance, deps: RealtimeDeps): Promise<Hub> {
  const hub = new Hub({
    log: app.log,
    loaders: {
      offices: (key) => deps.offices.list(after('offices:', key) === 'en' ? 'en' : 'de'),
      lobby: (key) => deps.views.lobby(after('lobby:', key)),
      ticket: (key) => deps.views.ticket(after('ticket:', key)),
      queue: (key) => deps.views.queue(after('queue:', key)),
      consultation: (key) => deps.consultations.snapshot(after('consultation:', key)),
    },
    goneCodes: {
      lobby: 'OFFICE_NOT_FOUND',
      queue: 'OFFICE_NOT_FOUND',
      ticket: 'TICKET_NOT_FOUND',
      consultation: 'CONSULTATION_NOT_FOUND',
    },
    errorFrame: (code, key) => textFrame(JSON.stringify(errorMessage(code, 'de', key))),
    // The directory's waiting counts may lag half a second, the staff's queue list and the
    // lobby's waiting order (the other citizens' places) 150 ms: their refreshes then stay out
    // of a call's first 150 ms, where on PGlite every query blocks the event loop (measured:
    // call setup p50 387 → 358 ms with the first two). A ticket's and a consultation's own
    // topics stay immediate: the called citizen learns it at once.
    lazy: { offices: 500, queue: 150, lobby: 150 },
  });

  const connections = new Set<Connection>();
  const relay = new SignalRelay(connections, deps.signals, app.log, deps.singleNode);
  await app.register(websocket, {
    options: { maxPayload: MAX_CLIENT_MESSAGE_BYTES, perMessageDeflate: false },
  });
  registerSocket(app, { hub, relay, ...deps }, connections);

  let stopListening: (() => Promise<void>) | null = null;
  const timers: NodeJS.Timeout[] = [];
  const every = (ms: number, task: () => Promise<void> | void) =>
    timers.push(
      setInterval(() => {
        void Promise.resolve()
          .then(task)
          .catch((error: unknown) => app.log.error({ err: error }, 'realtime task failed'));
      }, ms).unref(),
    );

  app.addHook('onReady', async () => {
    stopListening = await deps.bus.listen({
      topics: (topics) => {
        relay.changed(topics);
        hub.invalidate(topics);
      },
      event: (event) => relay.fromBus(event),
      reconnected: () => hub.invalidateAll(),
    });
    every(PRESENCE_MS, () =>
      deps.queue.touch(hub.keysOf('ticket').map((key) => after('ticket:', key))),
    );
    // Staff consoles connected here are alive: their duty goes on (maintenance.ts ends the rest).
    every(PRESENCE_MS, () => {
      const staffIds = new Set<number>();
      for (const c of connections) if (c.staffId !== undefined) staffIds.add(c.staffId);
      return deps.staff.touchDuty([...staffIds]);
    });
    // Opening and closing times pass without any write: re-check status-bearing topics.
    every(STATUS_MS, () =>
      hub.invalidate(['offices', ...hub.keysOf('lobby'), ...hub.keysOf('queue')]),
    );
    every(PING_MS, () => {
      for (const connection of connections) {
        if (!connection.alive) connection.socket.terminate();
        connection.alive = false;
        connection.socket.ping();
      }
    });
  });

  app.addHook('onClose', async () => {
    for (const timer of timers) clearInterval(timer);
    hub.close();
    for (const connection of connections) connection.socket.terminate();
    await stopListening?.();
  });

  return hub;
}
