/**
 * One RTCPeerConnection with the "perfect negotiation" pattern (W3C WebRTC §10.7): either side
 * may start a negotiation at any time; when two offers cross, the polite side (the citizen)
 * rolls its own back and answers, the impolite side (staff) ignores the other's offer.
 *
 * The impolite side creates the two transceivers (audio, then video) up front, so the m-lines
 * never change: muting, camera off (`replaceTrack(null)`), switching devices and screen
 * sharing only replace tracks and never renegotiate. The polite side sends on the transceivers
 * the offer created. Candidates that arrive before their description wait for it.
 */
import { watchResume } from './resume.js';

export interface LocalTracks {
  audio: MediaStreamTrack | null;
  video: MediaStreamTrack | null;
}

export type Description = { type: 'offer' | 'answer'; sdp: string };

export interface NegotiationOptions {
  polite: boolean;
  sendDescription: (description: Description) => void;
  sendCandidate: (candidate: RTCIceCandidateInit) => void;
  tracks: () => LocalTracks;
}

const FULL_SIZE_AFTER_MS = 700;

const kindOf = (t: RTCRtpTransceiver) => t.receiver.track.kind as 'audio' | 'video';

export class Negotiation {
  private makingOffer = false;
  private ignoreOffer = false;
  private settingAnswer = false;
  private restartNext = false;
  private waiting: RTCIceCandidateInit[] = [];
  /** When the last unanswered offer went out (0: none). */
  offeredAt = 0;

  constructor(
    readonly pc: RTCPeerConnection,
    private readonly options: NegotiationOptions,
  ) {
    if (!options.polite) {
      const { audio, video } = options.tracks();
      pc.addTransceiver(audio ?? 'audio', { direction: 'sendrecv' });
      pc.addTransceiver(video ?? 'video', { direction: 'sendrecv' });
    }
    watchResume(pc, () => void this.freshKeyFrame());
    pc.onnegotiationneeded = () => void this.offer();
    pc.onicecandidate = ({ candidate }) => {
      if (candidate?.candidate) options.sendCandidate(candidate.toJSON());
    };
    // A new path later on (ICE restart, network change) needs a key frame; the changes while
    // ICE settles at the start do not.
    let since = 0;
    pc.addEventListener('signalingstatechange', () => {
      const ice = pc.getTransceivers()[0]?.sender.transport?.iceTransport;
      if (!ice || ice.onselectedcandidatepairchange) return;
      ice.onselectedcandidatepairchange = () => {
        if (!since) since = Date.now();
        else if (Date.now() - since > 3_000) void this.freshKeyFrame();
      };
    });
  }

  /** onnegotiationneeded, an ICE restart, or an offer that got lost on the way. */
  async offer(): Promise<void> {
    const { pc } = this;
    try {
      this.makingOffer = true;
      const offer = await pc.createOffer(this.restartNext ? { iceRestart: true } : {});
      if (pc.signalingState !== 'stable') return; // an offer from the other side came first
      this.restartNext = false;
      await pc.setLocalDescription(offer);
      this.offeredAt = Date.now();
      this.sendLocal();
      this.startSmall();
    } catch (error) {
      console.warn('[call] offer failed', error);
    } finally {
      this.makingOffer = false;
    }
  }

  /** Sends the current local description again (it carries the candidates gathered so far). */
  sendLocal(): void {
    const local = this.pc.localDescription;
    if (local && (local.type === 'offer' || local.type === 'answer')) {
      if (local.type === 'offer') this.offeredAt = Date.now();
      this.options.sendDescription({ type: local.type, sdp: local.sdp });
    }
  }

  /** ICE restart with new credentials; the impolite side calls it. */
  restartIce(): void {
    const { pc } = this;
    if (pc.signalingState !== 'stable' || this.makingOffer) return; // one under way already
    if (typeof pc.restartIce === 'function') pc.restartIce();
    else {
      this.restartNext = true; // Safari < 14.1: the next offer restarts ICE.
      void this.offer();
    }
  }

  async description(description: Description): Promise<void> {
    const { pc, options } = this;
    // The same offer once more (resent because a hello crossed it): answer again, apply nothing.
    const remote = pc.remoteDescription;
    if (
      description.type === 'offer' &&
      pc.signalingState === 'stable' &&
      remote?.type === 'offer'
    ) {
      if (remote.sdp === description.sdp) return this.sendLocal();
    }
    const readyForOffer =
      !this.makingOffer && (pc.signalingState === 'stable' || this.settingAnswer);
    const collision = description.type === 'offer' && !readyForOffer;
    this.ignoreOffer = !options.polite && collision;
    if (this.ignoreOffer) return;
    // An answer to nothing (a duplicate after a resent offer) changes nothing.
    if (description.type === 'answer' && pc.signalingState !== 'have-local-offer') return;
    this.settingAnswer = description.type === 'answer';
    try {
      if (collision && pc.signalingState === 'have-local-offer') {
        await pc.setLocalDescription({ type: 'rollback' });
      }
      await pc.setRemoteDescription(description);
    } finally {
      this.settingAnswer = false;
    }
    if (description.type === 'answer') this.offeredAt = 0;
    // The answer first: it is what the other side waits for; the candidates that came before
    // the offer can follow it (each addIceCandidate is a trip to WebRTC's own thread).
    // The tracks go on the senders after it (replaceTrack needs no negotiation).
    if (description.type === 'offer') {
      this.openSenders();
      await pc.setLocalDescription(await pc.createAnswer());
      this.sendLocal();
      this.startSmall();
      await this.setTracks(options.tracks());
    }
    for (const candidate of this.waiting.splice(0)) await this.candidate(candidate);
  }

  async candidate(candidate: RTCIceCandidateInit): Promise<void> {
    if (!this.pc.remoteDescription) {
      this.waiting.push(candidate);
      return;
    }
    try {
      await this.pc.addIceCandidate(candidate);
    } catch (error) {
      // Candidates of an ignored offer, or of an ICE generation already replaced.
      if (!this.ignoreOffer) console.debug('[call] candidate not added', error);
    }
  }

  /** The offer's received-only lines become two-way (this side sends on them too). */
  private openSenders(): void {
    for (const transceiver of this.pc.getTransceivers()) {
      if (transceiver.currentDirection === 'stopped') continue;
      if (transceiver.direction === 'recvonly' || transceiver.direction === 'inactive') {
        transceiver.direction = 'sendrecv';
      }
    }
  }

  /** Puts the local tracks on the senders, all at once. */
  async setTracks(tracks: LocalTracks): Promise<void> {
    const changes = this.pc.getTransceivers().flatMap((transceiver) => {
      const track = tracks[kindOf(transceiver)];
      if (transceiver.currentDirection === 'stopped' || transceiver.sender.track === track) {
        return [];
      }
      return [
        transceiver.sender.replaceTrack(track).catch((error: unknown) => {
          console.warn('[call] replaceTrack failed', error);
        }),
      ];
    });
    await Promise.all(changes);
  }

  /**
   * After a new path was chosen (ICE restart, network change), the other side cannot decode
   * our next frames (their references were lost on the way), and browsers wait up to ~3 s
   * before they ask for a key frame. A change of the encoding's scale makes one at once — at
   * half size, as at the start: the new path's bandwidth estimate starts low again, and a full
   * key frame then took long enough to stall the picture once more. Full size a moment later.
   */
  async freshKeyFrame(): Promise<void> {
    clearTimeout(this.fullSizeTimer);
    await this.scaleVideo(2);
    this.fullSizeTimer = setTimeout(() => void this.scaleVideo(1), FULL_SIZE_AFTER_MS);
  }

  private fullSizeTimer: ReturnType<typeof setTimeout> | undefined;

  private startedSmall = false;

  /**
   * The call's first key frame at half size: a connection starts with a low bandwidth estimate,
   * and the pacer sends a quarter of the bytes four times sooner (the picture appears ≈ 50 ms
   * earlier). Full size once the connection has been up for a moment.
   */
  private startSmall(): void {
    if (this.startedSmall) return;
    this.startedSmall = true;
    void this.scaleVideo(2);
    const { pc } = this;
    const full = () => {
      if (pc.connectionState !== 'connected') return;
      pc.removeEventListener('connectionstatechange', full);
      clearTimeout(this.fullSizeTimer);
      this.fullSizeTimer = setTimeout(() => void this.scaleVideo(1), FULL_SIZE_AFTER_MS);
    };
    pc.addEventListener('connectionstatechange', full);
  }

  private async scaleVideo(by: number): Promise<void> {
    for (const { sender, receiver } of this.pc.getTransceivers()) {
      if (receiver.track.kind !== 'video') continue;
      const parameters = sender.getParameters();
      if (!parameters.encodings?.length) continue;
      for (const encoding of parameters.encodings) encoding.scaleResolutionDownBy = by;
      await sender.setParameters(parameters).catch(() => undefined);
    }
  }

  /** The remote side's tracks, one per transceiver. */
  remoteTracks(): MediaStreamTrack[] {
    return this.pc.getTransceivers().map((transceiver) => transceiver.receiver.track);
  }
}
