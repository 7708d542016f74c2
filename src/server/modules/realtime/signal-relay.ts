/**
 * Forwards typing notes and WebRTC signals to the other participant of a consultation.
 * Same-node fast path: when the other participant is connected to this node (always on PGlite,
 * usually behind a sticky load balancer), a signal goes straight from socket to socket; it is
 * still stored and announced on the bus for the other nodes, which this node then ignores.
 * Measured (bench/call-setup): the round through the database cost 40–120 ms per hop on a busy
 * PGlite, several hops per call setup.
 * Single node (PGlite: its lock file admits one app process): there are no other nodes, so
 * signals are never stored — each write blocked PGlite's event loop for 1–12 ms, about twenty
 * times per call setup. A signal is then delivered at once, and whether the consultation is
 * still open is read beside it (once, kept until its topic changes): that read sat in the
 * offer's path behind a call's other queries, 5–15 ms.
 * Held signals: a signal for a participant who is not connected yet (the citizen's page
 * subscribes while the staff member's offer is already on its way) or whose page is
 * reconnecting is kept for a short while and delivered when it joins — instead of being lost
 * and asked for again, which cost a round trip.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { AppError } from '../../http/app-error.js';
import type { SignalService } from '../calls/signals.js';
import type { Participant } from '../consultations/service.js';
import type { BusEvent } from './bus.js';
import { send, type Connection } from './socket.js';

/** How long and how many undelivered signals are kept per consultation. */
const HOLD_MS = 30_000;
const HOLD_MAX = 80;

interface Unstored {
  pending: {
    consultationId: string;
    from: Participant;
    data: string;
    failed: (e: unknown) => void;
  }[];
  busy: boolean;
}

interface Held {
  from: Participant;
  /** The payload, or the id of its row (signals from other nodes are read when delivered). */
  data: string | number;
  at: number;
}

export class SignalRelay {
  /** This node's name on the bus, so it can skip the signals it delivered itself. */
  readonly node = randomUUID();
  /** Signals of one consultation are forwarded in the order they were committed. */
  private readonly chains = new Map<string, Promise<void>>();
  /** Per sending connection: signals not yet written (written in order, in batches). */
  private readonly unstored = new WeakMap<Connection, Unstored>();
  private readonly held = new Map<string, Held[]>();
  /** Single node: consultations known to be open (dropped when their topic changes). */
  private readonly knownOpen = new Set<string>();
  /** Single node: open checks under way (signals arriving meanwhile share one). */
  private readonly checking = new Map<string, Promise<boolean>>();

  constructor(
    private readonly connections: ReadonlySet<Connection>,
    private readonly signals: SignalService,
    private readonly log: FastifyBaseLogger,
    private readonly singleNode = false,
  ) {}

  /** Topics changed (any node): a consultation's open state is read again. */
  changed(topics: readonly string[]): void {
    for (const topic of topics) {
      if (topic.startsWith('consultation:')) this.knownOpen.delete(topic.slice(13));
    }
  }

  /**
   * A signal from a member connected here: delivered to local peers now; stored and announced
   * behind the sender's earlier signals (in order), without holding up the sender's next one.
   */
  signal(
    sender: Connection,
    message: { consultationId: string; from: Participant; data: string },
    failed: (error: unknown) => void,
  ): void {
    const { consultationId } = message;
    if (this.singleNode) {
      // Delivered at once; whether the consultation is still open is checked meanwhile (the
      // sender is a member, so at worst its peer gets a last signal of an ended call).
      this.deliver(message);
      if (!this.knownOpen.has(consultationId)) void this.checkOpen(consultationId, failed);
      return;
    }
    this.deliver(message);
    const store = this.unstored.get(sender) ?? { pending: [], busy: false };
    this.unstored.set(sender, store);
    store.pending.push({ ...message, failed });
    if (!store.busy) void this.store(sender, store);
  }

  /** Single node: the sender learns that the consultation ended; nothing is held for it. */
  private async checkOpen(consultationId: string, failed: (e: unknown) => void): Promise<void> {
    const checking = this.checking.get(consultationId) ?? this.signals.isOpen(consultationId);
    this.checking.set(consultationId, checking);
    try {
      if (await checking) {
        if (this.knownOpen.size >= 10_000) this.knownOpen.clear(); // bounded
        this.knownOpen.add(consultationId);
        return;
      }
    } catch (error) {
      this.log.error({ err: error }, 'signal relay: open check failed');
      return;
    } finally {
      this.checking.delete(consultationId);
    }
    this.held.delete(consultationId);
    failed(new AppError('CONSULTATION_ENDED'));
  }

  /** To the other participant's connections here, or held until one joins. */
  private deliver(message: { consultationId: string; from: Participant; data: string }): void {
    const { consultationId, from, data } = message;
    const targets = this.recipients(consultationId, from);
    for (const c of targets) send(c, { v: 1, type: 'signal', consultationId, from, data });
    if (targets.length === 0) this.hold(consultationId, { from, data, at: Date.now() });
  }

  /**
   * Writes a connection's signals: what arrived while the last write ran goes in the next one
   * (an offer and its candidates: one or two statements instead of one per signal — on a busy
   * PGlite those statements queued behind each other and delayed everything else).
   */
  private async store(sender: Connection, store: Unstored): Promise<void> {
    store.busy = true;
    while (store.pending.length > 0) {
      const batch = store.pending.splice(0);
      // Consecutive signals of one consultation and side form one write (order kept).
      for (let i = 0; i < batch.length;) {
        const first = batch[i]!;
        let j = i + 1;
        while (j < batch.length && batch[j]!.consultationId === first.consultationId) j++;
        const run = batch.slice(i, j);
        await this.signals
          .send(
            first.consultationId,
            first.from,
            run.map((s) => s.data),
            this.node,
          )
          .catch(first.failed);
        i = j;
      }
    }
    store.busy = false;
    if (sender.socket.readyState !== sender.socket.OPEN) this.unstored.delete(sender);
  }

  /** An event from the bus (any node, this one included). */
  fromBus(event: BusEvent): void {
    const targets = this.recipients(event.consultationId, event.from);
    if (event.t === 'signal' && event.node !== this.node && targets.length === 0) {
      const at = Date.now();
      for (const id of event.ids)
        this.hold(event.consultationId, { from: event.from, data: id, at });
    }
    if (targets.length === 0) return;
    if (event.t === 'typing') {
      const { consultationId, from, typing } = event;
      for (const c of targets) send(c, { v: 1, type: 'typing', consultationId, from, typing });
      return;
    }
    if (event.node === this.node) return;
    const { consultationId, from } = event;
    this.inOrder(consultationId, async () => {
      const read = await this.signals.payloadsById(event.ids);
      const payloads = event.ids.flatMap((id) => read.get(id) ?? []);
      for (const c of this.recipients(consultationId, from)) {
        for (const data of payloads) send(c, { v: 1, type: 'signal', consultationId, from, data });
      }
    });
  }

  /** A connection became a participant here: what was held for its side arrives now, in order. */
  joined(connection: Connection, consultationId: string, role: Participant): void {
    const held = this.fresh(consultationId);
    const mine = held.filter((h) => h.from !== role);
    if (mine.length === 0) return;
    this.held.set(
      consultationId,
      held.filter((h) => h.from === role),
    );
    this.inOrder(consultationId, async () => {
      // Held from other nodes: ids, read in one query; from this node: the payload itself.
      const ids = mine.flatMap((h) => (typeof h.data === 'number' ? [h.data] : []));
      const read =
        ids.length > 0 ? await this.signals.payloadsById(ids) : new Map<number, string>();
      for (const h of mine) {
        const data = typeof h.data === 'string' ? h.data : read.get(h.data);
        if (data !== undefined) {
          send(connection, { v: 1, type: 'signal', consultationId, from: h.from, data });
        }
      }
    });
  }

  private hold(consultationId: string, held: Held): void {
    const list = this.fresh(consultationId);
    list.push(held);
    if (list.length > HOLD_MAX) list.shift();
    this.held.set(consultationId, list);
  }

  /** The held signals of a consultation younger than HOLD_MS (older ones are dropped). */
  private fresh(consultationId: string): Held[] {
    const since = Date.now() - HOLD_MS;
    const list = (this.held.get(consultationId) ?? []).filter((h) => h.at >= since);
    if (list.length === 0) this.held.delete(consultationId);
    // Other consultations' old entries go too, so the map cannot grow without bound.
    for (const [id, other] of this.held) {
      if (id !== consultationId && (other.at(-1)?.at ?? 0) < since) this.held.delete(id);
    }
    return list;
  }

  /** Deliveries of one consultation run one after the other (rows are read on the way). */
  private inOrder(consultationId: string, task: () => Promise<void>): void {
    const previous = this.chains.get(consultationId) ?? Promise.resolve();
    const next = previous
      .then(task)
      .catch((error: unknown) => this.log.error({ err: error }, 'signal relay failed'))
      .finally(() => {
        if (this.chains.get(consultationId) === next) this.chains.delete(consultationId);
      });
    this.chains.set(consultationId, next);
  }

  /** Local connections of the other participant. */
  private recipients(consultationId: string, from: Participant): Connection[] {
    const found: Connection[] = [];
    for (const c of this.connections) {
      const role = c.roles.get(consultationId);
      if (role && role !== from && c.keys.has(`consultation:${consultationId}`)) found.push(c);
    }
    return found;
  }
}
