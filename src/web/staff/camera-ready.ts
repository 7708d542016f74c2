/**
 * Between calls, while on duty: the staff member's own picture and microphone level (the call
 * chunk's device check), with the choice of camera, microphone and speaker. It keeps camera and
 * microphone open, so a call starts with them running (opening them on "Call next" cost
 * 30–80 ms of the call's setup, on a machine the call shares), and it shows that they are on.
 * Closed, it stays closed on this device (localStorage) until opened again.
 */
import { html, nothing } from 'lit';
import type { Locale } from '../../shared/locale.js';
import { LightElement } from '../lib/light-element.js';
import { t } from './i18n/index.js';

const KEY = 'vb-staff-camera-ready';

function remembered(): boolean {
  try {
    return localStorage.getItem(KEY) !== 'off';
  } catch {
    return true;
  }
}

function remember(on: boolean): void {
  try {
    localStorage.setItem(KEY, on ? 'on' : 'off');
  } catch {
    // private mode: only for this page
  }
}

export class CameraReady extends LightElement {
  static override properties = {
    locale: { type: String },
    on: { state: true },
    load: { state: true },
  };

  declare locale: Locale;
  declare on: boolean;
  declare load: 'loading' | 'ready' | 'failed';

  constructor() {
    super();
    this.on = remembered();
    this.load = 'loading';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    import('../lib/call/index.js').then(
      () => (this.load = 'ready'),
      () => (this.load = 'failed'),
    );
  }

  private set(on: boolean): void {
    this.on = on;
    remember(on);
    if (!on)
      void this.updateComplete.then(() => this.querySelector<HTMLElement>('button')?.focus());
  }

  override render() {
    if (this.load === 'failed') return nothing;
    if (!this.on) {
      return html`<section class="panel camera-ready" aria-labelledby="camera-ready-title">
        <h2 id="camera-ready-title">${t('cameraReadyTitle')}</h2>
        <p class="hint">${t('cameraReadyOff')}</p>
        <button type="button" class="button button--secondary" @click=${() => this.set(true)}>
          ${t('cameraReadyOn')}
        </button>
      </section>`;
    }
    if (this.load === 'loading') {
      return html`<p class="loading">
        <span class="spinner" aria-hidden="true"></span>${t('callLoading')}
      </p>`;
    }
    return html`<vb-device-check
      .locale=${this.locale}
      @vb-close=${() => this.set(false)}
    ></vb-device-check>`;
  }
}

customElements.define('vb-camera-ready', CameraReady);
