/**
 * The protocol's plain parts, free of TypeBox so the browser bundle stays small: the version,
 * subscriptions as TypeScript types, and the canonical key of a subscription.
 * `protocol.ts` holds the schemas and checks at compile time that they describe these types.
 */
export const PROTOCOL_VERSION = 1;

export type Subscription =
  /** Public: all offices with live status, in one language. */
  | { topic: 'offices'; lang: 'de' | 'en' }
  /** Public: one office's waiting order (opaque ids) and wait basis. */
  | { topic: 'lobby'; office: string }
  /** Private: one ticket, for the holder of its secret. Keeps the citizen marked present. */
  | { topic: 'ticket'; ticketId: string; secret: string }
  /** Staff (session cookie) serving this office. */
  | { topic: 'queue'; office: string }
  /** The two participants: the citizen with the ticket secret, the staff member by session. */
  | { topic: 'consultation'; consultationId: string; secret?: string };

export type Topic = Subscription['topic'];

/** The canonical name of a subscription; snapshots and errors refer to it. */
export function topicKey(sub: Subscription): string {
  switch (sub.topic) {
    case 'offices':
      return `offices:${sub.lang}`;
    case 'lobby':
    case 'queue':
      return `${sub.topic}:${sub.office}`;
    case 'ticket':
      return `ticket:${sub.ticketId}`;
    case 'consultation':
      return `consultation:${sub.consultationId}`;
  }
}
