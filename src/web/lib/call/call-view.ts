/**
 * `<vb-video-call>`: the 1:1 video call of a consultation, for the citizen (polite side) and
 * the staff member (impolite side). It joins as soon as it is on the page and leaves when it
 * is removed. Remote `<video data-testid="remote-video">` (named after the other person),
 * local `<video data-testid="local-video">` ("Ihr Bild"); the state is said in words
 * ("Verbindung wird wiederhergestellt …"), never only shown by a frozen picture.
 */
import { html, nothing } from 'lit';
import type { Locale } from '../../../shared/locale.js';
import { LightElement } from '../light-element.js';
import type { CallAuth } from './auth.js';
import { controlsView, qualityView, remoteOverlayView, statusText } from './call-parts.js';
import { DeviceListController, deviceFields, flipButton } from './device-fields.js';
import { t } from './i18n/index.js';
import { localMedia } from './media.js';
import type { PeerState } from './peer.js';
import { takeSession } from './prepare.js';
import type { CallSession } from './session.js';
import { applySpeaker, playWithSound, unmute } from './playback.js';
import { problemView } from './problem-view.js';
import { watchQuality, type Quality, type QualitySample } from './quality.js';
import type { MediaState } from './signal.js';
import { streamOf } from './streams.js';

export class VideoCall extends LightElement {
  static override properties = {
    consultationId: { type: String },
    auth: { attribute: false },
    remoteName: { type: String },
    headingLevel: { type: Number },
    waiting: { type: Boolean },
    locale: { type: String },
    state: { state: true },
    remote: { state: true },
    remoteMedia: { state: true },
    quality: { state: true },
    devicesOpen: { state: true },
    soundBlocked: { state: true },
  };

  declare consultationId: string;
  declare auth: CallAuth;
  declare remoteName: string;
  declare headingLevel: 2 | 3;
  /** The other side has not joined yet (staff while calling): "waiting", not "connecting". */
  declare waiting: boolean;
  declare locale: Locale;
  declare state: PeerState | 'preparing';
  declare remote: MediaStream | null;
  declare remoteMedia: MediaState;
  declare quality: { level: Quality; sample: QualitySample | null };
  declare devicesOpen: boolean;
  declare soundBlocked: boolean;

  private readonly media = localMedia();
  private readonly devices = new DeviceListController(this);
  private session: CallSession | null = null;
  private stops: (() => void)[] = [];
  private stopQuality: (() => void) | null = null;
  private playing: MediaStream | null = null;

  constructor() {
    super();
    this.state = 'preparing';
    this.remote = null;
    this.remoteMedia = { audio: true, video: true, screen: false };
    this.quality = { level: 'unknown', sample: null };
    this.devicesOpen = this.soundBlocked = this.waiting = false;
    this.headingLevel = 2;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stop();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('consultationId') && this.consultationId && this.auth) this.start();
  }

  private start(): void {
    this.stop();
    const session = takeSession(this.consultationId, this.auth, this.locale);
    const { peer } = session;
    this.session = session;
    this.state = this.media.audio || this.media.camera ? peer.state : 'preparing';
    this.remote = peer.remote;
    this.remoteMedia = peer.remoteMedia;
    this.watch(peer.pc);
    this.stops.push(
      this.media.events.on('change', () => {
        if (this.state === 'preparing') this.state = peer.state;
        this.devices.refresh();
        this.requestUpdate();
      }),
      peer.events.on('state', (state) => (this.state = state)),
      peer.events.on('remote', (stream) => (this.remote = stream)),
      peer.events.on('remoteMedia', (state) => (this.remoteMedia = state)),
      peer.events.on('pc', (pc) => this.watch(pc)),
    );
  }

  private stop(): void {
    for (const stop of this.stops.splice(0)) stop();
    this.watch(null);
    this.session?.close();
    this.session = null;
    this.remote = null;
    this.state = 'preparing';
  }

  private watch(pc: RTCPeerConnection | null): void {
    this.stopQuality?.();
    this.stopQuality = null;
    this.quality = { level: 'unknown', sample: null };
    if (pc) {
      this.stopQuality = watchQuality(pc, (level, sample) => {
        this.quality = { level, sample };
        if (sample.stalled && this.state === 'connected') this.session?.peer.stalled();
      });
    }
  }

  protected override updated(): void {
    const video = this.remoteVideo();
    if (!video) return;
    applySpeaker(video, this.media.choice.speakerId);
    if (this.remote && this.playing !== this.remote) {
      this.playing = this.remote;
      playWithSound(video, () => (this.soundBlocked = true));
    }
  }

  private remoteVideo(): HTMLVideoElement | null {
    return this.querySelector<HTMLVideoElement>('[data-testid="remote-video"]');
  }

  override render() {
    const { media } = this;
    // No packet for 2 s says "reconnecting" before the browser's own checks do (~5 s).
    const stalled = this.state === 'connected' && this.quality.sample?.stalled;
    const state =
      this.waiting && this.state !== 'connected'
        ? 'waiting'
        : stalled
          ? 'reconnecting'
          : this.state;
    const name = this.remoteName || t('remoteFallback');
    const title = t('callTitle');
    return html`<section class="vc" aria-labelledby="video-call-title">
      ${
        this.headingLevel === 3
          ? html`<h3 id="video-call-title" class="vc__title">${title}</h3>`
          : html`<h2 id="video-call-title" class="vc__title">${title}</h2>`
      }
      <p class="vc-status vc-status--${state}" role="status" data-testid="call-status">
        <span class="vc-status__dot" aria-hidden="true"></span>${statusText(state, name)}
      </p>
      <div class="vc-stage">
        <figure class="vc-remote">
          <video
            class="vc-video"
            data-testid="remote-video"
            aria-label=${name}
            .srcObject=${this.remote}
            autoplay
            playsinline
          ></video>
          ${remoteOverlayView(state, this.remoteMedia, name)}
          <figcaption class="vc-caption">${name}</figcaption>
        </figure>
        <figure class="vc-local">
          <video
            class="vc-video ${media.screen || media.choice.facing === 'environment' ? '' : 'vc-video--mirror'}"
            data-testid="local-video"
            aria-label=${t('localVideo')}
            .srcObject=${streamOf(media.video)}
            autoplay
            playsinline
            muted
          ></video>
          ${
            media.video
              ? nothing
              : html`<p class="vc-overlay vc-overlay--small">${t('localCameraOff')}</p>`
          }
          <figcaption class="vc-caption">
            ${t('localVideo')}${media.muted ? html` · ${t('localMuted')}` : nothing}
          </figcaption>
        </figure>
      </div>
      ${
        this.soundBlocked
          ? html`<p class="vc-sound">
              <span>${t('playSoundHint')}</span>
              <button
                type="button"
                class="vc-button"
                @click=${() => {
                  const video = this.remoteVideo();
                  if (video) void unmute(video).then(() => (this.soundBlocked = false));
                }}
              >
                ${t('playSound')}
              </button>
            </p>`
          : nothing
      }
      <div class="vc-bar">
        ${controlsView({
          media,
          devicesOpen: this.devicesOpen,
          busy: this.state === 'preparing',
          toggleDevices: () => (this.devicesOpen = !this.devicesOpen),
          toggleCamera: () => void media.choose({ audioOnly: !!media.camera }),
        })}
        ${state === 'connected' ? qualityView(this.quality.level, this.quality.sample) : nothing}
      </div>
      <div id="call-devices" class="vc-devices" ?hidden=${!this.devicesOpen}>
        ${deviceFields('call', this.devices.lists, media)} ${flipButton(this.devices.lists, media)}
      </div>
      ${media.screen ? html`<p class="hint">${t('localSharing')}</p>` : nothing}
      ${problemView(media.problem, () => void media.retry())} ${this.iceNote()}
    </section>`;
  }

  private iceNote() {
    const ice = this.session?.ice;
    if (this.auth?.role !== 'staff' || !ice) return nothing;
    if (!ice.turn) return html`<p class="hint">${t('noTurnNote')}</p>`;
    return ice.relay ? html`<p class="hint">${t('relayNote')}</p>` : nothing;
  }
}

customElements.define('vb-video-call', VideoCall);
