/**
 * The one WebSocket protocol (`/ws`). Every message is a member of one discriminated union with
 * a version field; the server validates each on arrival. The server pushes whole snapshots of a
 * topic (no diffs, no replay): a client that reconnects subscribes again and is up to date.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { ErrorCode } from './errors.js';
import type { OfficeList } from './offices.js';
import type { ConsultationSnapshot, LobbySnapshot, QueueSnapshot, TicketView } from './queue.js';

import { PROTOCOL_VERSION, type Subscription, type Topic } from './topics.js';

export { PROTOCOL_VERSION, topicKey, type Subscription, type Topic } from './topics.js';
/** Larger messages are refused (and the connection closed with 1009). */
export const MAX_CLIENT_MESSAGE_BYTES = 32 * 1024;
/** A signaling payload (an SDP with its candidates stays far below this). */
export const MAX_SIGNAL_CHARS = 24_000;

const V = Type.Literal(PROTOCOL_VERSION);
const Slug = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 80 });
const Uuid = Type.String({
  pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
});
const Secret = Type.String({ minLength: 20, maxLength: 100 });

export const SubscriptionSchema = Type.Union([
  /** Public: all offices with live status, in one language. */
  Type.Object({
    topic: Type.Literal('offices'),
    lang: Type.Union([Type.Literal('de'), Type.Literal('en')]),
  }),
  /** Public: one office's waiting order (opaque ids) and wait basis. */
  Type.Object({ topic: Type.Literal('lobby'), office: Slug }),
  /** Private: one ticket, for the holder of its secret. Keeps the citizen marked present. */
  Type.Object({ topic: Type.Literal('ticket'), ticketId: Uuid, secret: Secret }),
  /** Staff (session cookie) serving this office. */
  Type.Object({ topic: Type.Literal('queue'), office: Slug }),
  /** The two participants: the citizen with the ticket secret, the staff member by session. */
  Type.Object({
    topic: Type.Literal('consultation'),
    consultationId: Uuid,
    secret: Type.Optional(Secret),
  }),
]);
// The schema must describe exactly the plain type in topics.ts.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesType: Same<Static<typeof SubscriptionSchema>, Subscription> = true;
void schemaMatchesType;

export const ClientMessageSchema = Type.Union([
  Type.Object({ v: V, type: Type.Literal('subscribe'), sub: SubscriptionSchema }),
  Type.Object({ v: V, type: Type.Literal('unsubscribe'), key: Type.String({ maxLength: 200 }) }),
  /** Only on a consultation this connection has subscribed to. */
  Type.Object({ v: V, type: Type.Literal('typing'), consultationId: Uuid, typing: Type.Boolean() }),
  /** "My page has shown messages up to this id" — the other side's delivered ticks. */
  Type.Object({
    v: V,
    type: Type.Literal('received'),
    consultationId: Uuid,
    upTo: Type.Integer({ minimum: 0 }),
  }),
  /** WebRTC signaling to the other participant (an opaque JSON string: description, candidate…). */
  Type.Object({
    v: V,
    type: Type.Literal('signal'),
    consultationId: Uuid,
    data: Type.String({ minLength: 2, maxLength: MAX_SIGNAL_CHARS }),
  }),
  Type.Object({ v: V, type: Type.Literal('ping') }),
]);
export type ClientMessage = Static<typeof ClientMessageSchema>;

interface SnapshotData {
  offices: OfficeList;
  lobby: LobbySnapshot;
  ticket: TicketView;
  queue: QueueSnapshot;
  consultation: ConsultationSnapshot;
}

export type SnapshotMessage = {
  [T in Topic]: { v: 1; type: 'snapshot'; topic: T; key: string; data: SnapshotData[T] };
}[Topic];

export type ServerMessage =
  | SnapshotMessage
  | { v: 1; type: 'typing'; consultationId: string; from: 'citizen' | 'staff'; typing: boolean }
  | { v: 1; type: 'signal'; consultationId: string; from: 'citizen' | 'staff'; data: string }
  | {
      v: 1;
      type: 'error';
      code: ErrorCode;
      message: string;
      messages: { de: string; en: string };
      /** The subscription key the error is about, when there is one. */
      key?: string;
    }
  | { v: 1; type: 'pong' };
