/**
 * The signaling channel of one consultation over the page's WebSocket. The server takes a
 * signal only from a connection that is a member of the consultation, and handles each
 * connection's messages in order — so signals wait until the subscription has gone out on the
 * current socket (`ready`), not for its snapshot (a round trip and a snapshot load earlier: the
 * staff member's offer leaves about 50 ms sooner), and after a reconnect until it goes out again.
 * Signals that arrive
 * before anyone `consume`s them are kept (the citizen's page opens the channel when called,
 * so the staff member's offer is already there when "Join" is pressed). A staff member's channel
 * may start before its consultation is known (the click on "Call next"): it keeps what the
 * peer sends until `bind()`.
 */
import { realtime } from '../realtime.js';
import { Emitter } from './emitter.js';

const MAX_QUEUED = 60;

export class SignalChannel {
  readonly events = new Emitter<{ ready: void }>();
  ready = false;
  private queue: string[] = [];
  private received: string[] = [];
  private consumer: ((data: string) => void) | null = null;
  private readonly stops: (() => void)[] = [];
  private consultationId: string | null = null;

  /** `consultationId` null: not yet known (staff on the click); `bind()` it when it is. */
  constructor(
    consultationId: string | null,
    private readonly secret: string | undefined,
  ) {
    if (consultationId) this.bind(consultationId);
  }

  get boundTo(): string | null {
    return this.consultationId;
  }

  /** Subscribes to the consultation; what was sent before goes out once that is on its way. */
  bind(consultationId: string): void {
    if (this.consultationId) return;
    this.consultationId = consultationId;
    const rt = realtime();
    const { secret } = this;
    this.stops.push(
      rt.subscribe(
        { topic: 'consultation', consultationId, ...(secret ? { secret } : {}) },
        () => undefined, // the room's state is the call view's business
        undefined,
        () => this.becomeReady(),
      ),
      rt.onState((state) => {
        if (state !== 'open') this.ready = false;
      }),
      rt.onSignal((message) => {
        if (message.consultationId !== consultationId) return;
        if (this.consumer) this.consumer(message.data);
        else if (this.received.push(message.data) > MAX_QUEUED) this.received.shift();
      }),
    );
  }

  /** Sends now when ready; else keeps it (bounded) for when the channel is ready again. */
  send(data: string): void {
    if (this.ready && this.consultationId) {
      realtime().send({ v: 1, type: 'signal', consultationId: this.consultationId, data });
      return;
    }
    this.queue.push(data);
    if (this.queue.length > MAX_QUEUED) this.queue.shift();
  }

  /** Forgets what was kept for sending (it is stale: the sender says it anew). */
  dropUnsent(): void {
    this.queue = [];
  }

  /** Delivers the signals kept so far, then each new one. */
  consume(listener: (data: string) => void): void {
    this.consumer = listener;
    for (const data of this.received.splice(0)) listener(data);
  }

  close(): void {
    for (const stop of this.stops.splice(0)) stop();
    this.events.clear();
    this.consumer = null;
    this.queue = [];
    this.received = [];
  }

  private becomeReady(): void {
    if (this.ready) return;
    this.ready = true;
    for (const data of this.queue.splice(0)) this.send(data);
    this.events.emit('ready', undefined);
  }
}
