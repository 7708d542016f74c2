/**
 * One participant's call in one consultation: the signaling channel, the peer connection
 * (`Peer`) and this page's camera and microphone, kept in step (a new or switched track goes
 * onto the sender at once). The view (`call-view.ts`) only shows a session; on the citizen's
 * side the session starts on the click to join, before the view is on the page.
 */
import type { Locale } from '../../../shared/locale.js';
import { fetchIce, type CallAuth, type IceAnswer } from './auth.js';
import { SignalChannel } from './channel.js';
import { localMedia } from './media.js';
import { Peer } from './peer.js';

export interface SessionStart {
  channel?: SignalChannel;
  /** The id a `hello` already named. */
  sid?: string;
  /** That hello went out on the channel's current connection. */
  greeted?: boolean;
  /** ICE servers fetched in advance (one use). */
  ice?: Promise<IceAnswer | null>;
  /** The same, when they are here already and still valid: the connection starts at once. */
  iceNow?: IceAnswer | null;
  /** Camera and microphone wait for `openMedia()` (a staff call made ready ahead). */
  deferMedia?: boolean;
}

/** Fresh ICE servers are per consultation: only a bound channel can ask for them. */
function boundId(channel: SignalChannel): string {
  if (!channel.boundTo) throw new Error('no consultation yet to ask for ICE servers');
  return channel.boundTo;
}

export class CallSession {
  readonly peer: Peer;
  readonly channel: SignalChannel;
  /** What the server said about TURN (for the staff member's note). */
  ice: { turn: boolean; relay: boolean } | null = null;
  private readonly media = localMedia();
  private stopMedia: (() => void) | null = null;
  private closed = false;
  private acquired = false;

  /** `consultationId` null: the channel given is bound later (a staff call on the click). */
  constructor(
    consultationId: string | null,
    readonly auth: CallAuth,
    locale: Locale,
    start: SessionStart = {},
  ) {
    const { media } = this;
    this.channel =
      start.channel ??
      new SignalChannel(consultationId, auth.role === 'citizen' ? auth.secret : undefined);
    const channel = this.channel;
    const now = start.iceNow ?? null;
    let early = now ? null : (start.ice ?? null);
    /** Notes what the server said about TURN; the peer connection's part of it. */
    const use = (ice: IceAnswer): RTCConfiguration => {
      this.ice = { turn: ice.turn, relay: ice.iceTransportPolicy === 'relay' };
      return { iceServers: ice.iceServers, iceTransportPolicy: ice.iceTransportPolicy };
    };
    this.peer = new Peer({
      ...(now ? { initialConfig: use(now) } : {}),
      polite: auth.role === 'citizen',
      ...(start.sid ? { sid: start.sid, greeted: start.greeted === true } : {}),
      channel: this.channel,
      config: async () => {
        const prefetched = early ? await early : null;
        early = null;
        return use(prefetched ?? (await fetchIce(boundId(channel), auth, locale)));
      },
      tracks: () => ({ audio: media.audio, video: media.video }),
      media: () => media.state,
    });
    if (!start.deferMedia) this.openMedia();
  }

  /** Camera and microphone for the call (once): each new or switched track goes on the sender. */
  openMedia(): void {
    if (this.stopMedia || this.closed) return;
    const { media } = this;
    this.stopMedia = media.events.on('change', () => void this.peer.updateTracks());
    void media.acquire().then(() => {
      this.acquired = true;
      if (this.closed) media.release();
      else void this.peer.updateTracks();
    });
  }

  /** The consultation's id, once the channel knows it. */
  get consultationId(): string | null {
    return this.channel.boundTo;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.stopMedia?.();
    this.peer.close();
    this.channel.close();
    this.media.stopSharing();
    if (this.acquired) this.media.release();
  }
}
