/**
 * The device check in the citizen's lobby, while waiting: camera preview, microphone level,
 * the choice of camera / microphone / speaker, front/back on phones and "audio only" — all
 * remembered on this device. When the browser refuses, help for the browser in use. The
 * camera stays open into the call (shared `localMedia()`), so joining is instant.
 */
import { html, nothing } from 'lit';
import type { Locale } from '../../../shared/locale.js';
import { LightElement } from '../light-element.js';
import { DeviceListController, deviceFields, flipButton } from './device-fields.js';
import { t } from './i18n/index.js';
import { watchLevel } from './level-meter.js';
import { localMedia } from './media.js';
import { problemView } from './problem-view.js';
import { reducedMotion, streamOf } from './streams.js';

export class DeviceCheck extends LightElement {
  static override properties = {
    locale: { type: String },
    level: { state: true },
    ready: { state: true },
  };

  declare locale: Locale;
  declare level: number;
  declare ready: boolean;

  private readonly media = localMedia();
  private readonly devices = new DeviceListController(this);
  private stops: (() => void)[] = [];
  private stopLevel: (() => void) | null = null;
  private meteredTrack: MediaStreamTrack | null = null;
  private readonly calm = reducedMotion();

  constructor() {
    super();
    this.level = 0;
    this.ready = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.stops.push(this.media.events.on('change', () => this.onMedia()));
    void this.media.acquire().then(() => {
      this.ready = true;
      this.onMedia();
      this.startFresh();
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const stop of this.stops.splice(0)) stop();
    this.meter(null);
    this.media.release();
  }

  /**
   * Mute belongs to one call: staff see the check again between calls, and the next call starts
   * with the microphone on. (Camera off is remembered as "audio only", shown here, so that a
   * reload never turns a camera on that someone turned off.)
   */
  private startFresh(): void {
    if (this.media.muted) this.media.setMuted(false);
  }

  private onMedia(): void {
    this.meter(this.media.audio);
    this.devices.refresh();
    this.requestUpdate();
  }

  private meter(track: MediaStreamTrack | null): void {
    if (track === this.meteredTrack) return;
    this.stopLevel?.();
    this.stopLevel = null;
    this.meteredTrack = track;
    this.level = 0;
    if (track) {
      this.stopLevel = watchLevel(track, (level) => (this.level = level), this.calm ? 500 : 100);
    }
  }

  private close(): void {
    this.dispatchEvent(new CustomEvent('vb-close', { bubbles: true }));
  }

  override render() {
    const { media } = this;
    const camera = media.camera;
    return html`<section class="vc-check panel" aria-labelledby="device-check-title">
      <h2 id="device-check-title" tabindex="-1">${t('deviceCheckTitle')}</h2>
      <p class="hint">${t('deviceCheckIntro')}</p>
      ${problemView(media.problem, () => void media.retry())}
      <div class="vc-check__body">
        <div class="vc-check__preview">
          ${
            camera
              ? html`<video
                  class="vc-video ${media.choice.facing === 'environment' ? '' : 'vc-video--mirror'}"
                  data-testid="preview-video"
                  aria-label=${t('localVideo')}
                  .srcObject=${streamOf(camera)}
                  autoplay
                  playsinline
                  muted
                ></video>`
              : html`<p class="vc-check__no-camera">
                  ${
                    !this.ready
                      ? t('statusPreparing')
                      : media.problem
                        ? t('noPicture')
                        : t('noCameraPreview')
                  }
                </p>`
          }
        </div>
        <div class="vc-check__fields">
          ${media.audio ? this.renderLevel() : nothing}
          ${deviceFields('check', this.devices.lists, media)}
          ${flipButton(this.devices.lists, media)}
          <p class="vc-check__audio-only">
            <input
              type="checkbox"
              id="check-audio-only"
              .checked=${media.choice.audioOnly}
              @change=${(event: Event) =>
                void media.choose({ audioOnly: (event.target as HTMLInputElement).checked })}
            />
            <label for="check-audio-only">${t('audioOnly')}</label>
          </p>
        </div>
      </div>
      <p>
        <button type="button" class="vc-button" @click=${() => this.close()}>
          ${t('deviceCheckClose')}
        </button>
      </p>
    </section>`;
  }

  private renderLevel() {
    const level = this.level;
    return html`<div class="vc-level">
      <label for="check-level">${t('levelLabel')}</label>
      ${
        this.calm
          ? html`<output id="check-level" class="vc-level__number">${level} %</output>`
          : html`<meter id="check-level" min="0" max="100" low="8" .value=${level}>
              ${level} %
            </meter>`
      }
      <p class="hint">${t('levelHint')}</p>
    </div>`;
  }
}

customElements.define('vb-device-check', DeviceCheck);
