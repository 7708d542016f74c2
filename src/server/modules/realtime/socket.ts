/**
 * The WebSocket endpoint `/ws`: one typed protocol (src/shared/protocol.ts), each message
 * validated on arrival. A bad message gets an error back and harms no one else; oversized ones
 * close the connection (1009); a flooding client is throttled. Subscriptions are authorized here
 * and then served by the hub.
 */
import type {} from '@fastify/websocket';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import { ERRORS, type ErrorCode } from '../../../shared/errors.js';
import type { Locale } from '../../../shared/locale.js';
import {
  ClientMessageSchema,
  MAX_CLIENT_MESSAGE_BYTES,
  topicKey,
  type ClientMessage,
  type ServerMessage,
  type Subscription,
} from '../../../shared/protocol.js';
import { AppError } from '../../http/app-error.js';
import { requestLocale } from '../../http/locale.js';
import { SESSION_COOKIE } from '../../http/staff-auth.js';
import type { ConsultationService, Participant } from '../consultations/service.js';
import type { QueueService } from '../queue/service.js';
import type { StaffService } from '../staff/service.js';
import type { Bus } from './bus.js';
import type { Hub } from './hub.js';
import type { SignalRelay } from './signal-relay.js';

const validate = TypeCompiler.Compile(ClientMessageSchema);
const BURST = 40;
const REFILL_PER_SECOND = 20;

export interface SocketDeps {
  hub: Hub;
  bus: Bus;
  queue: QueueService;
  staff: StaffService;
  consultations: ConsultationService;
  relay: SignalRelay;
}

export interface Connection {
  socket: WebSocket;
  locale: Locale;
  keys: Set<string>;
  /** Consultations this connection has joined, and as whom. */
  roles: Map<string, Participant>;
  sessionToken: string | undefined;
  /** The staff member of this console, once a staff subscription proved it. */
  staffId?: number;
  tokens: number;
  refilledAt: number;
  alive: boolean;
  inbox: Promise<void>;
}

export function send(connection: Connection, message: ServerMessage): void {
  if (connection.socket.readyState === connection.socket.OPEN) {
    connection.socket.send(JSON.stringify(message));
  }
}

export function errorMessage(code: ErrorCode, locale: Locale, key?: string): ServerMessage {
  const entry = ERRORS[code];
  return {
    v: 1,
    type: 'error',
    code,
    message: entry[locale],
    messages: { de: entry.de, en: entry.en },
    ...(key ? { key } : {}),
  };
}

export function registerSocket(
  app: FastifyInstance,
  deps: SocketDeps,
  connections: Set<Connection>,
): void {
  app.get('/ws', { websocket: true, schema: { hide: true } }, (socket, request: FastifyRequest) => {
    const connection: Connection = {
      socket,
      locale: requestLocale(request),
      keys: new Set(),
      roles: new Map(),
      sessionToken: request.cookies[SESSION_COOKIE],
      tokens: BURST,
      refilledAt: Date.now(),
      alive: true,
      inbox: Promise.resolve(),
    };
    connections.add(connection);
    socket.on('pong', () => (connection.alive = true));
    // One message at a time per connection: signals must reach the peer in the order sent.
    socket.on('message', (data: Buffer, isBinary: boolean) => {
      connection.inbox = connection.inbox
        .then(() => handle(connection, data, isBinary))
        .catch((error: unknown) => failed(connection, error));
    });
    socket.on('close', () => {
      connections.delete(connection);
      for (const key of connection.keys) deps.hub.unsubscribe(socket, key);
    });
  });

  /** A message could not be handled: the sender gets the coded error, the log the rest. */
  function failed(connection: Connection, error: unknown): void {
    const code = error instanceof AppError ? error.code : 'INTERNAL';
    if (code === 'INTERNAL') app.log.error({ err: error }, 'websocket message failed');
    send(connection, errorMessage(code, connection.locale));
  }

  function allow(connection: Connection): boolean {
    const now = Date.now();
    connection.tokens = Math.min(
      BURST,
      connection.tokens + ((now - connection.refilledAt) / 1000) * REFILL_PER_SECOND,
    );
    connection.refilledAt = now;
    if (connection.tokens < 1) return false;
    connection.tokens -= 1;
    return true;
  }

  async function handle(connection: Connection, data: Buffer, isBinary: boolean): Promise<void> {
    if (!allow(connection)) {
      send(connection, errorMessage('RATE_LIMITED', connection.locale));
      return;
    }
    if (isBinary || data.length > MAX_CLIENT_MESSAGE_BYTES) {
      send(connection, errorMessage('MESSAGE_INVALID', connection.locale));
      return;
    }
    let message: unknown;
    try {
      message = JSON.parse(data.toString('utf8'));
    } catch {
      send(connection, errorMessage('MESSAGE_INVALID', connection.locale));
      return;
    }
    if (!validate.Check(message)) {
      send(connection, errorMessage('MESSAGE_INVALID', connection.locale));
      return;
    }
    await dispatch(connection, message);
  }

  async function dispatch(connection: Connection, message: ClientMessage): Promise<void> {
    switch (message.type) {
      case 'ping':
        send(connection, { v: 1, type: 'pong' });
        return;
      case 'subscribe':
        return subscribe(connection, message.sub);
      case 'unsubscribe':
        connection.keys.delete(message.key);
        deps.hub.unsubscribe(connection.socket, message.key);
        return;
      case 'typing': {
        const from = connection.roles.get(message.consultationId);
        if (!from) throw new AppError('FORBIDDEN');
        await deps.bus.publishEvent({
          t: 'typing',
          consultationId: message.consultationId,
          from,
          typing: message.typing,
        });
        return;
      }
      case 'signal': {
        const from = connection.roles.get(message.consultationId);
        if (!from) throw new AppError('FORBIDDEN');
        const { consultationId, data } = message;
        deps.relay.signal(connection, { consultationId, from, data }, (error) =>
          failed(connection, error),
        );
        return;
        return;
      }
      case 'received': {
        const side = connection.roles.get(message.consultationId);
        if (!side) throw new AppError('FORBIDDEN');
        await deps.consultations.markReceived(message.consultationId, side, message.upTo);
        return;
      }
    }
  }

  async function staffId(connection: Connection): Promise<number> {
    const session = await deps.staff.session(connection.sessionToken);
    if (!session) throw new AppError('UNAUTHENTICATED');
    connection.staffId = session.staffId; // for the duty heartbeat
    return session.staffId;
  }

  async function subscribe(connection: Connection, sub: Subscription): Promise<void> {
    const key = topicKey(sub);
    try {
      await authorize(connection, sub);
    } catch (error) {
      const code = error instanceof AppError ? error.code : 'INTERNAL';
      send(connection, errorMessage(code, connection.locale, key));
      return;
    }
    connection.keys.add(key);
    const role = sub.topic === 'consultation' ? connection.roles.get(sub.consultationId) : null;
    if (sub.topic === 'consultation' && role)
      deps.relay.joined(connection, sub.consultationId, role);
    // The snapshot goes out when loaded; the connection's next messages (a consultation's
    // signals right behind its subscription) need not wait for that load.
    void deps.hub.subscribe(connection.socket, sub.topic, key);
    if (sub.topic === 'ticket') await deps.queue.touch([sub.ticketId]); // present again
  }

  async function authorize(connection: Connection, sub: Subscription): Promise<void> {
    switch (sub.topic) {
      case 'offices':
      case 'lobby':
        return; // public
      case 'ticket':
        await deps.queue.viewFor(sub.ticketId, sub.secret);
        return;
      case 'queue':
        await deps.staff.assignment(await staffId(connection), sub.office);
        return;
      case 'consultation': {
        const id = sub.secret ? null : await staffId(connection).catch(() => null);
        const role = await deps.consultations.roleIn(sub.consultationId, {
          secret: sub.secret ?? null,
          staffId: id,
        });
        if (!role) throw new AppError('CONSULTATION_NOT_FOUND');
        connection.roles.set(sub.consultationId, role);
        return;
      }
    }
  }
}
