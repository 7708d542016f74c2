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
import type { Bus, BusEvent } from './bus.js';
import { textFrame } from './frame.js';
import { Hub } from './hub.js';
import { errorMessage, registerSocket, send, type Connection } from './socket.js';

function pick(event: Extract<BusEvent, { t: 'typing' }>) {
  return { consultationId: event.consultationId, from: event.from, typing: event.typing };
}

export interface RealtimeDeps {
  bus: Bus;
  offices: OfficeService;
  views: QueueViews;
  queue: QueueService;
  staff: StaffService;
  consultations: ConsultationService;
  signals: SignalService;
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
  });

  const connections = new Set<Connection>();
  await app.register(websocket, {
    options: { maxPayload: MAX_CLIENT_MESSAGE_BYTES, perMessageDeflate: false },
  });
  registerSocket(app, { hub, ...deps }, connections);

  /** Local connections of the other participant of a consultation. */
  const recipients = (consultationId: string, from: string) =>
    [...connections].filter((c) => {
      const role = c.roles.get(consultationId);
      return role && role !== from && c.keys.has(`consultation:${consultationId}`);
    });

  // Signals of one consultation are forwarded in the order they were committed.
  const signalChains = new Map<string, Promise<void>>();
  const relay = (event: BusEvent) => {
    const targets = recipients(event.consultationId, event.from);
    if (targets.length === 0) return;
    if (event.t === 'typing') {
      for (const c of targets) send(c, { v: 1, type: 'typing', ...pick(event) });
      return;
    }
    const previous = signalChains.get(event.consultationId) ?? Promise.resolve();
    const next = previous
      .then(() => deps.signals.payload(event.id))
      .then((data) => {
        if (data === null) return;
        for (const c of recipients(event.consultationId, event.from)) {
          send(c, {
            v: 1,
            type: 'signal',
            consultationId: event.consultationId,
            from: event.from,
            data,
          });
        }
      })
      .catch((error: unknown) => app.log.error({ err: error }, 'signal relay failed'))
      .finally(() => {
        if (signalChains.get(event.consultationId) === next)
          signalChains.delete(event.consultationId);
      });
    signalChains.set(event.consultationId, next);
  };

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
      topics: (topics) => hub.invalidate(topics),
      event: relay,
      reconnected: () => hub.invalidateAll(),
    });
    every(PRESENCE_MS, () =>
      deps.queue.touch(hub.keysOf('ticket').map((key) => after('ticket:', key))),
    );
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
