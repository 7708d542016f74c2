/**
 * One `Negotiation` (perfect negotiation) at a time, signaling over a `SignalChannel`; recovery.
 * - Joining: a page says `hello` when its channel is ready (load, reload, WebSocket back). Each
 *   RTCPeerConnection has its own `sid`; a new remote `sid` after another means the other page
 *   reloaded: this side starts a fresh connection (DTLS and ICE state cannot be reused).
 * - Recovery: ICE `disconnected` for 1.5 s or `failed` → both sides put fresh ICE servers (TURN
 *   credentials expire) into `setConfiguration`, the impolite side restarts ICE. A watchdog
 *   resends an unanswered offer and says `hello` again while nothing is connected.
 */
import { retry } from './auth.js';
import type { SignalChannel } from './channel.js';
import { Emitter } from './emitter.js';
import {
  DISCONNECT_GRACE_MS,
  RELAY_RETRY_GAPS_MS,
  RESEND_AFTER_MS,
  RestartPacing,
  WATCHDOG_MS,
} from './pacing.js';
import { Negotiation, type Description, type LocalTracks } from './negotiation.js';
import { decodeSignal, newSid, type MediaState, type SignalPayload } from './signal.js';
import { setTestHook } from './test-hook.js';

export type PeerState = 'waiting' | 'connecting' | 'connected' | 'reconnecting' | 'closed';

export interface PeerEvents {
  state: PeerState;
  remote: MediaStream | null; // the other side's tracks (a new object when they change)
  remoteMedia: MediaState; // what the other side says it sends
  pc: RTCPeerConnection | null; // the connection in use (a new one after a remote reload)
}

export interface PeerOptions {
  polite: boolean;
  sid?: string; // this connection's id, when a hello already named it (prepare.ts)
  greeted?: boolean; // that hello went out on the channel as it is now: no second one
  channel: SignalChannel;
  config: () => Promise<RTCConfiguration>; // fresh ICE servers and policy from the server
  /** ICE servers already at hand: the first connection is made at once, not a task later. */
  initialConfig?: RTCConfiguration;
  tracks: () => LocalTracks;
  media: () => MediaState;
}

type Payload = Omit<SignalPayload, 'sid' | 'to'>;

/** A stall reported this recently (the call view samples every 2 s) means it still lasts. */
const STALL_RECENT_MS = 3_000;

export class Peer {
  readonly events = new Emitter<PeerEvents>();
  readonly sid: string;
  state: PeerState = 'waiting';
  remote: MediaStream | null = null;
  remoteMedia: MediaState = { audio: true, video: true, screen: false };
  private session: Negotiation | null = null;
  private remoteSid: string | null = null;
  private readonly retired = new Set<string>();
  private everConnected = false;
  private closed = false;
  private readonly pacing = new RestartPacing();
  private greeted = false;
  private chain: Promise<void>;
  private graceTimer: ReturnType<typeof setTimeout> | undefined;
  /** Since the last ICE restart: whether a relay candidate came (relay-only: the TURN server answers). */
  private relayGathered = false;
  private relayRetries = 0;
  private relayTimer: ReturnType<typeof setTimeout> | undefined;
  private stalledAt = -Infinity;
  private readonly watchdog: ReturnType<typeof setInterval>;
  private readonly stopReady: () => void;
  private arrive: () => void = () => undefined;
  /** The connection is up for the first time (or the peer closed). */
  readonly connected = new Promise<void>((resolve) => (this.arrive = resolve));
  private flow: () => void = () => undefined;
  /** The other side's picture arrives for the first time (or the peer closed). */
  readonly flowing = new Promise<void>((resolve) => (this.flow = resolve));

  constructor(private readonly options: PeerOptions) {
    const { channel } = options;
    this.sid = options.sid ?? newSid();
    const initial = options.initialConfig;
    this.chain = initial ? Promise.resolve(this.openWith(initial)) : this.open();
    channel.consume((data) => this.enqueue(() => this.receive(data)));
    this.stopReady = channel.events.on('ready', () =>
      this.enqueue(async () => this.onChannelReady()),
    );
    this.greeted = options.greeted === true && channel.ready;
    if (channel.ready && !this.greeted) this.enqueue(async () => this.onChannelReady());
    this.watchdog = setInterval(() => this.enqueue(async () => this.check()), WATCHDOG_MS);
  }

  get pc(): RTCPeerConnection | null {
    return this.session?.pc ?? null;
  }

  /** After a local track changed (mute is `track.enabled` and needs nothing here). */
  async updateTracks(): Promise<void> {
    await this.session?.setTracks(this.options.tracks());
    this.post({ media: this.options.media() });
  }

  /**
   * The offer once more, as it is now (with every candidate gathered since it was made), and
   * what this side sends: a connection made ahead of its call has just been given one.
   */
  announce(): void {
    this.enqueue(async () => {
      this.session?.sendLocal();
      this.post({ media: this.options.media() });
    });
  }

  /** Nothing arrives although ICE still says connected (it notices only after ~5 s). */
  stalled(): void {
    this.stalledAt = Date.now();
    if (this.options.polite) this.enqueue(async () => this.post({ hello: true }));
    else this.enqueue(() => this.recover(true));
  }

  close(): void {
    this.closed = true;
    this.arrive();
    this.flow();
    clearInterval(this.watchdog);
    clearTimeout(this.graceTimer);
    clearTimeout(this.relayTimer);
    this.stopReady();
    this.session?.pc.close();
    this.session = null;
    this.setState('closed');
    setTestHook(null);
    this.events.emit('pc', null);
    this.events.clear();
  }

  private enqueue(task: () => Promise<void>): void {
    this.chain = this.chain.then(task).catch((error: unknown) => {
      console.warn('[call] signaling step failed', error);
    });
  }

  private post(payload: Payload): void {
    if (this.closed) return;
    const to = this.remoteSid && !('hello' in payload) ? { to: this.remoteSid } : {};
    this.options.channel.send(JSON.stringify({ sid: this.sid, ...to, ...payload }));
  }

  /** A new RTCPeerConnection with fresh ICE servers. */
  private async open(): Promise<void> {
    // Retried until it works: a connection without the server's ICE policy would not be safe.
    const config = await retry(this.options.config, () => this.closed);
    if (!this.closed) this.openWith(config);
  }

  private openWith(config: RTCConfiguration): void {
    this.session?.pc.close();
    // One transport for audio and video: half the candidates to gather, signal and check.
    // Candidates are gathered from now on, not only once the local description is set (a TURN
    // allocation takes tens of ms): one pooled set, which the bundled transport takes.
    const pc = new RTCPeerConnection({
      bundlePolicy: 'max-bundle',
      iceCandidatePoolSize: 1,
      ...config,
    });
    const session = new Negotiation(pc, {
      polite: this.options.polite,
      sendDescription: (description: Description) => this.post({ description }),
      sendCandidate: (candidate) => {
        if (/ typ relay/.test(candidate.candidate ?? '')) {
          this.relayGathered = true;
          this.relayRetries = 0;
        }
        this.post({ candidate });
      },
      tracks: this.options.tracks,
    });
    this.session = session;
    const live = () => this.session === session && !this.closed;
    pc.ontrack = () =>
      live() && this.events.emit('remote', (this.remote = new MediaStream(session.remoteTracks())));
    pc.oniceconnectionstatechange = pc.onconnectionstatechange = () =>
      live() && this.onIceState(pc);
    pc.addEventListener('track', ({ track }) => {
      if (track.kind !== 'video') return;
      if (!track.muted) this.flow();
      else track.addEventListener('unmute', () => this.flow(), { once: true });
    });
    setTestHook(pc);
    this.events.emit('pc', pc);
    this.events.emit('remote', (this.remote = null));
    this.updateState();
  }

  private async receive(data: string): Promise<void> {
    const message = decodeSignal(data);
    if (!message || this.closed || !this.session) return;
    if ((message.to && message.to !== this.sid) || this.retired.has(message.sid)) return;
    if (message.sid !== this.remoteSid) await this.meet(message.sid);
    else if ('hello' in message) {
      // The page already known says hello again: its WebSocket came back, signals may be lost.
      this.post({ media: this.options.media() });
      if (!this.options.polite) this.repair();
    }
    const session = this.session;
    if (!session) return;
    if ('description' in message) await session.description(message.description);
    else if ('candidate' in message) await session.candidate(message.candidate);
    else if ('media' in message)
      this.events.emit('remoteMedia', (this.remoteMedia = message.media));
  }

  /** The first message of another page (or of the other side's next page after a reload). */
  private async meet(sid: string): Promise<void> {
    const session = this.session;
    const bound = this.remoteSid !== null || session?.pc.remoteDescription != null;
    if (this.remoteSid) this.retired.add(this.remoteSid);
    this.remoteSid = sid;
    this.events.emit(
      'remoteMedia',
      (this.remoteMedia = { audio: true, video: true, screen: false }),
    );
    if (bound) await this.open();
    else if (session && !this.options.polite && session.pc.signalingState === 'have-local-offer') {
      session.sendLocal(); // the offer went out before anyone was there to hear it
    }
    this.post({ media: this.options.media() });
    this.updateState();
  }

  /** Signals may have been lost: an unanswered offer goes again; a broken path restarts. */
  private repair(): void {
    const pc = this.pc;
    if (!pc || !this.remoteSid || this.state === 'connected') return;
    if (pc.signalingState === 'have-local-offer') this.session?.sendLocal();
    else if (this.state === 'reconnecting') void this.recover(true);
  }

  private onChannelReady(): void {
    // A polite page that already took the offer kept for it needs no hello the first time.
    const known = this.options.polite && !!this.pc?.remoteDescription && !this.greeted;
    this.greeted = true;
    this.post(known ? { media: this.options.media() } : { hello: true });
    if (!this.options.polite) this.repair();
  }

  private onIceState(pc: RTCPeerConnection): void {
    const ice = pc.iceConnectionState;
    clearTimeout(this.graceTimer);
    if (ice === 'connected' || ice === 'completed') {
      this.everConnected = true;
      this.pacing.connected();
    }
    if (ice === 'disconnected') {
      this.graceTimer = setTimeout(() => this.enqueue(() => this.recover()), DISCONNECT_GRACE_MS);
    } else if (ice === 'failed' || pc.connectionState === 'failed') {
      this.enqueue(() => this.recover());
    }
    this.updateState();
  }

  /** Fresh ICE servers for both sides; the impolite side restarts ICE (or resends its offer). */
  private async recover(force = false): Promise<void> {
    const session = this.session;
    if (!session || this.closed || (!force && this.state === 'connected')) return;
    const { pc } = session;
    const drives = !this.options.polite && this.remoteSid !== null;
    if (drives && pc.signalingState === 'have-local-offer') return session.sendLocal();
    if (!this.pacing.take(Date.now())) return;
    try {
      const config = await this.options.config();
      if (this.session === session) pc.setConfiguration({ ...pc.getConfiguration(), ...config });
    } catch (error) {
      console.warn('[call] fresh ICE servers not available', error);
    }
    if (!drives || this.session !== session || !pc.remoteDescription) return;
    this.restart(session);
  }

  /** An ICE restart; relay-only, it is tried again soon while the relay does not answer. */
  private restart(session: Negotiation): void {
    this.relayGathered = false;
    session.restartIce();
    clearTimeout(this.relayTimer);
    if (session.pc.getConfiguration().iceTransportPolicy !== 'relay') return;
    const gap = RELAY_RETRY_GAPS_MS[Math.min(this.relayRetries, RELAY_RETRY_GAPS_MS.length - 1)];
    this.relayTimer = setTimeout(() => {
      this.enqueue(async () => {
        if (this.closed || this.session !== session || this.relayGathered) return;
        const stalling = Date.now() - this.stalledAt < STALL_RECENT_MS;
        if (this.state === 'connected' && !stalling) return; // healed meanwhile
        this.relayRetries++;
        this.restart(session);
      });
    }, gap);
  }

  private async check(): Promise<void> {
    const session = this.session;
    if (!session || this.closed || this.state === 'connected') return;
    const now = Date.now();
    if (this.options.polite) {
      const lost = !session.pc.remoteDescription || this.state === 'reconnecting';
      if (lost && this.pacing.helloDue(now)) this.post({ hello: true });
    } else if (this.remoteSid) {
      if (session.offeredAt > 0 && now - session.offeredAt >= RESEND_AFTER_MS) session.sendLocal();
      else if (this.state === 'reconnecting' || session.pc.iceConnectionState === 'failed') {
        await this.recover();
      }
    }
  }

  private updateState(): void {
    const ice = this.pc?.iceConnectionState;
    const state: PeerState =
      ice === 'connected' || ice === 'completed'
        ? 'connected'
        : this.everConnected
          ? 'reconnecting'
          : this.remoteSid
            ? 'connecting'
            : 'waiting';
    this.setState(this.closed ? 'closed' : state);
  }

  private setState(state: PeerState): void {
    if (state === this.state) return;
    this.state = state;
    if (state === 'connected') this.arrive();
    this.events.emit('state', state);
  }
}
