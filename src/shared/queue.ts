/**
 * Walk-in: tickets, the lobby, the staff queue and the consultation room, as the HTTP API and the
 * WebSocket snapshots carry them. One TypeBox schema per shape: validation, type and serializer.
 */
import { Type, type Static } from '@sinclair/typebox';

export const TICKET_STATES = ['waiting', 'called', 'serving', 'done', 'left', 'absent'] as const;
export type TicketState = (typeof TICKET_STATES)[number];

const Instant = Type.String({ format: 'date-time' });
const NullableInstant = Type.Union([Instant, Type.Null()]);
const Uuid = Type.String({ format: 'uuid' });

/** POST /api/offices/{slug}/tickets */
export const CreateTicketBodySchema = Type.Object(
  {
    name: Type.Optional(
      Type.String({ maxLength: 80, description: 'Optional: how staff should address the citizen' }),
    ),
  },
  { additionalProperties: false },
);
export type CreateTicketBody = Static<typeof CreateTicketBodySchema>;

/** GET /api/consultations/{id}/ice; also with a called ticket (one round trip less to join). */
export const IceConfigSchema = Type.Object({
  iceServers: Type.Array(
    Type.Object({
      urls: Type.Array(Type.String()),
      username: Type.Optional(Type.String()),
      credential: Type.Optional(Type.String()),
    }),
  ),
  iceTransportPolicy: Type.Union([Type.Literal('all'), Type.Literal('relay')]),
  turn: Type.Boolean(),
});

/** What the holder of a ticket's secret sees about it (never anyone else's data). */
export const TicketViewSchema = Type.Object({
  id: Uuid,
  office: Type.String({ description: 'office slug' }),
  code: Type.String({ examples: ['B-017'], description: 'short number, easy to say on the phone' }),
  name: Type.Union([Type.String(), Type.Null()]),
  state: Type.Union(TICKET_STATES.map((s) => Type.Literal(s))),
  enqueuedAt: Instant,
  calledAt: NullableInstant,
  /** Until when the citizen should join after being called (then staff may move on). */
  joinBy: NullableInstant,
  consultationId: Type.Union([Uuid, Type.Null()]),
  staffName: Type.Union([Type.String(), Type.Null()]),
  /** The server's clock, so a page on a phone with a wrong clock counts down correctly. */
  serverTime: Instant,
  /** While called: the ICE servers for the call, so joining needs no request for them. */
  ice: Type.Optional(IceConfigSchema),
});
export type TicketView = Static<typeof TicketViewSchema>;

/** The answer to ticket creation: the only time the secret is sent. */
export const CreatedTicketSchema = Type.Object({
  ticket: TicketViewSchema,
  secret: Type.String({
    description: 'keep it: it proves the ticket is yours (header x-ticket-secret)',
  }),
});
export type CreatedTicket = Static<typeof CreatedTicketSchema>;

/** Recent service figures from which a citizen's page estimates the wait for its position. */
export const WaitBasisSchema = Type.Object({
  /** Median and 80th percentile of recent consultation durations plus hand-over, in seconds. */
  typicalServiceSeconds: Type.Number(),
  slowServiceSeconds: Type.Number(),
  staffOnDuty: Type.Integer({ minimum: 0 }),
  staffFree: Type.Integer({ minimum: 0 }),
  /** How many recent consultations the figures come from (0 = defaults). */
  sample: Type.Integer({ minimum: 0 }),
});
export type WaitBasis = Static<typeof WaitBasisSchema>;

/** Public: who waits in which order (opaque ticket ids only — no names, no codes). */
export const LobbySnapshotSchema = Type.Object({
  office: Type.String(),
  open: Type.Boolean(),
  status: Type.String(),
  waiting: Type.Array(Uuid),
  wait: WaitBasisSchema,
});
export type LobbySnapshot = Static<typeof LobbySnapshotSchema>;

/** Staff view of one office's queue. */
export const QueueEntrySchema = Type.Object({
  id: Uuid,
  code: Type.String(),
  name: Type.Union([Type.String(), Type.Null()]),
  state: Type.Union(TICKET_STATES.map((s) => Type.Literal(s))),
  enqueuedAt: Instant,
  calledAt: NullableInstant,
  joinBy: NullableInstant,
  lastSeenAt: Instant,
  /** Whether the citizen's page is connected right now (seen in the last 45 s). */
  present: Type.Boolean(),
  calledBy: Type.Union([Type.String(), Type.Null()]),
  /** The open consultation of a called or served ticket. */
  consultationId: Type.Union([Uuid, Type.Null()]),
  /** A checked-in appointment (called before walk-ins): its time and service. */
  appointment: Type.Union([
    Type.Object({ start: Instant, service: Type.String(), serviceEn: Type.String() }),
    Type.Null(),
  ]),
});
export type QueueEntry = Static<typeof QueueEntrySchema>;

export const QueueSnapshotSchema = Type.Object({
  office: Type.String(),
  officeName: Type.String(),
  /** The office's zone, for showing appointment times. */
  timeZone: Type.String(),
  /** waiting first (call order), then called and absent tickets; ends with nothing done/left. */
  tickets: Type.Array(QueueEntrySchema),
  generatedAt: Instant,
});
export type QueueSnapshot = Static<typeof QueueSnapshotSchema>;

export const ChatMessageSchema = Type.Object({
  id: Type.Integer(),
  from: Type.Union([Type.Literal('citizen'), Type.Literal('staff')]),
  text: Type.String(),
  sentAt: Instant,
});
export type ChatMessage = Static<typeof ChatMessageSchema>;

export const DOCUMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;

export const DocumentInfoSchema = Type.Object({
  id: Uuid,
  from: Type.Union([Type.Literal('citizen'), Type.Literal('staff')]),
  filename: Type.String(),
  mediaType: Type.Union(DOCUMENT_TYPES.map((t) => Type.Literal(t))),
  size: Type.Integer(),
  sha256: Type.String(),
  uploadedAt: Instant,
});
export type DocumentInfo = Static<typeof DocumentInfoSchema>;

export const ConsultationSnapshotSchema = Type.Object({
  id: Uuid,
  office: Type.String(),
  ticketCode: Type.String(),
  citizenName: Type.Union([Type.String(), Type.Null()]),
  staffName: Type.String(),
  state: Type.Union([Type.Literal('calling'), Type.Literal('active'), Type.Literal('ended')]),
  startedAt: Instant,
  joinedAt: NullableInstant,
  endedAt: NullableInstant,
  messages: Type.Array(ChatMessageSchema),
  /** Highest message id each side's page has received (for the delivered ticks). */
  receivedUpTo: Type.Object({ citizen: Type.Integer(), staff: Type.Integer() }),
  documents: Type.Array(DocumentInfoSchema),
  /** The largest document either side may share (DOCUMENT_MAX_MB), for the page to say. */
  documentMaxBytes: Type.Integer(),
  /** Whether the citizen may still leave a rating (ended, served, not rated yet). */
  canRate: Type.Boolean(),
});
export type ConsultationSnapshot = Static<typeof ConsultationSnapshotSchema>;

/** POST /api/consultations/{id}/messages */
export const SendMessageBodySchema = Type.Object(
  { text: Type.String({ minLength: 1, maxLength: 2000 }) },
  { additionalProperties: false },
);

/** POST /api/consultations/{id}/rating — anonymous. */
export const RatingBodySchema = Type.Object(
  {
    stars: Type.Integer({ minimum: 1, maximum: 5 }),
    comment: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);
