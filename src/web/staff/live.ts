/**
 * The console's live data over the page's one WebSocket: a queue snapshot per office on duty,
 * the current consultation, the citizen's typing, the connection state and the server's clock.
 * A Lit reactive controller: every change re-renders the host. A reconnect re-subscribes (in
 * `realtime.ts`) and the fresh snapshots repair everything.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ServerMessage } from '../../shared/protocol.js';
import type { ConsultationSnapshot, QueueEntry, QueueSnapshot } from '../../shared/queue.js';
import { realtime, type ConnectionState } from '../lib/realtime.js';
import { newArrivals, observeOffset, waitingTickets } from './queue-logic.js';

export type LiveError = Extract<ServerMessage, { type: 'error' }>;

export interface LiveEvents {
  /** New tickets in an office's waiting room (not on the first snapshot). */
  arrivals(office: string, tickets: QueueEntry[]): void;
  /** The consultation's snapshot says it ended. */
  ended(snapshot: ConsultationSnapshot): void;
  /** A subscription was refused or its subject is gone. */
  error(topic: 'queue' | 'consultation', error: LiveError): void;
}

/** A "typing" that is never followed by "stopped" (lost message) ends after this long. */
const TYPING_TIMEOUT_MS = 8_000;

export class StaffLive implements ReactiveController {
  readonly queues = new Map<string, QueueSnapshot>();
  readonly queueErrors = new Map<string, LiveError>();
  consultation: ConsultationSnapshot | null = null;
  consultationId: string | null = null;
  citizenTyping = false;
  connection: ConnectionState = 'connecting';
  /** Server clock minus browser clock (ms); 0 until the first snapshot. */
  offsetMs: number | null = null;

  private readonly queueStops = new Map<string, () => void>();
  private readonly seenWaiting = new Map<string, Set<string>>();
  private stopConsultation: (() => void) | null = null;
  private stops: (() => void)[] = [];
  private typingTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly events: LiveEvents,
  ) {
    host.addController(this);
  }

  /** The server's "now" (ms), by the browser's clock corrected with the observed offset. */
  serverNow(): number {
    return Date.now() + (this.offsetMs ?? 0);
  }

  hostConnected(): void {
    const rt = realtime();
    this.stops = [
      rt.onState((state) => {
        this.connection = state;
        this.host.requestUpdate();
      }),
      rt.onTyping((message) => {
        if (message.consultationId !== this.consultationId || message.from !== 'citizen') return;
        this.setTyping(message.typing);
      }),
    ];
  }

  hostDisconnected(): void {
    for (const stop of this.stops.splice(0)) stop();
    this.watchQueues([]);
    this.watchConsultation(null);
  }

  /** Subscribes to exactly these offices' queues. */
  watchQueues(slugs: readonly string[]): void {
    for (const [slug, stop] of this.queueStops) {
      if (slugs.includes(slug)) continue;
      stop();
      this.queueStops.delete(slug);
      this.queues.delete(slug);
      this.queueErrors.delete(slug);
      this.seenWaiting.delete(slug);
    }
    for (const slug of slugs) {
      if (this.queueStops.has(slug)) continue;
      const stop = realtime().subscribe(
        { topic: 'queue', office: slug },
        (message) => {
          if (message.topic === 'queue') this.setQueue(slug, message.data);
        },
        (error) => {
          this.queueErrors.set(slug, error);
          this.events.error('queue', error);
          this.host.requestUpdate();
        },
      );
      this.queueStops.set(slug, stop);
    }
  }

  /** Subscribes to one consultation (or none). */
  watchConsultation(id: string | null): void {
    if (id === this.consultationId) return;
    this.stopConsultation?.();
    this.stopConsultation = null;
    this.consultationId = id;
    this.consultation = null;
    this.setTyping(false);
    if (!id) return;
    this.stopConsultation = realtime().subscribe(
      { topic: 'consultation', consultationId: id },
      (message) => {
        if (message.topic !== 'consultation' || message.data.id !== this.consultationId) return;
        const before = this.consultation;
        this.consultation = message.data;
        const last = message.data.messages.at(-1);
        if (last?.from === 'citizen' && last.id > (before?.messages.at(-1)?.id ?? 0)) {
          this.setTyping(false);
        }
        this.host.requestUpdate();
        if (message.data.state === 'ended') this.events.ended(message.data);
      },
      (error) => {
        if (this.consultationId === id) this.events.error('consultation', error);
      },
    );
    this.host.requestUpdate();
  }

  private setQueue(slug: string, snapshot: QueueSnapshot): void {
    this.offsetMs = observeOffset(this.offsetMs, snapshot.generatedAt, Date.now());
    const arrived = newArrivals(this.seenWaiting.get(slug) ?? null, snapshot);
    this.seenWaiting.set(slug, new Set(waitingTickets(snapshot).map((ticket) => ticket.id)));
    this.queues.set(slug, snapshot);
    this.queueErrors.delete(slug);
    this.host.requestUpdate();
    if (arrived.length > 0) this.events.arrivals(slug, arrived);
  }

  private setTyping(typing: boolean): void {
    clearTimeout(this.typingTimer);
    if (typing) this.typingTimer = setTimeout(() => this.setTyping(false), TYPING_TIMEOUT_MS);
    if (this.citizenTyping === typing) return;
    this.citizenTyping = typing;
    this.host.requestUpdate();
  }
}
