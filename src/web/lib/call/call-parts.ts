/** The call's view parts: the status line, the controls and the quality indicator. */
import { html, nothing } from 'lit';
import type { PeerState } from './peer.js';
import type { MediaState } from './signal.js';
import type { Quality, QualitySample } from './quality.js';
import { t } from './i18n/index.js';
import * as icons from './icons.js';
import { LocalMedia } from './media.js';

export function statusText(state: PeerState | 'preparing', name: string): string {
  switch (state) {
    case 'preparing':
      return t('statusPreparing');
    case 'waiting':
      return t('statusWaiting', { name });
    case 'connecting':
      return t('statusConnecting', { name });
    case 'connected':
      return t('statusConnected', { name });
    default:
      return t('statusReconnecting');
  }
}

export interface ControlsOptions {
  media: LocalMedia;
  devicesOpen: boolean;
  busy: boolean;
  toggleDevices: () => void;
  toggleCamera: () => void;
}

/** Real buttons; the on/off ones carry `aria-pressed` and keep their name. */
export function controlsView({
  media,
  devicesOpen,
  busy,
  toggleDevices,
  toggleCamera,
}: ControlsOptions) {
  const muted = media.muted;
  const cameraOff = !media.camera;
  const sharing = !!media.screen;
  const toggle = (
    pressed: boolean,
    label: string,
    icon: unknown,
    onClick: () => void,
    cls: string,
  ) =>
    html`<button
      type="button"
      class="vc-button vc-toggle ${cls}"
      aria-pressed=${pressed ? 'true' : 'false'}
      ?disabled=${busy}
      @click=${onClick}
    >
      ${icon}<span>${label}</span>
    </button>`;
  return html`<div class="vc-controls" role="group" aria-label=${t('controlsLabel')}>
    ${toggle(
      muted,
      t('mute'),
      muted ? icons.micOffIcon : icons.micIcon,
      () => media.setMuted(!muted),
      'vc-mute',
    )}
    ${toggle(
      cameraOff,
      t('cameraOff'),
      cameraOff ? icons.cameraOffIcon : icons.cameraIcon,
      toggleCamera,
      'vc-camera',
    )}
    ${
      LocalMedia.canShareScreen()
        ? toggle(
            sharing,
            t('shareScreen'),
            icons.screenIcon,
            () => (sharing ? media.stopSharing() : void media.shareScreen()),
            'vc-share',
          )
        : nothing
    }
    <button
      type="button"
      class="vc-button vc-devices-toggle"
      aria-expanded=${devicesOpen ? 'true' : 'false'}
      aria-controls="call-devices"
      @click=${toggleDevices}
    >
      ${icons.devicesIcon}<span>${t('devicesButton')}</span>
    </button>
  </div>`;
}

export function qualityView(quality: Quality, sample: QualitySample | null) {
  const figures = [
    sample?.rttMs != null ? t('qualityRtt', { rtt: Math.round(sample.rttMs) }) : '',
    sample?.lossPct != null ? t('qualityLoss', { loss: Math.round(sample.lossPct * 10) / 10 }) : '',
    sample?.fps != null ? t('qualityFps', { fps: Math.round(sample.fps) }) : '',
  ]
    .filter(Boolean)
    .join(' · ');
  return html`<div class="vc-quality vc-quality--${quality}" data-testid="call-quality">
    ${icons.qualityIcon(quality)}
    <span
      ><span class="vc-quality__label">${t('qualityTitle')}:</span>
      <strong>${t(`quality_${quality}`)}</strong></span
    >
    ${figures ? html`<span class="vc-quality__figures">${figures}</span>` : nothing}
    ${quality === 'poor' ? html`<span class="vc-quality__tip">${t('qualityPoorHint')}</span>` : nothing}
  </div>`;
}

/** Words over the other side's picture whenever it is not simply live. */
export function remoteOverlayView(
  state: PeerState | 'preparing',
  remoteMedia: MediaState,
  name: string,
) {
  const live = state === 'connected';
  let text = '';
  if (state === 'reconnecting') text = `${t('statusReconnecting')} ${t('statusReconnectingHint')}`;
  else if (!live) text = statusText(state, name);
  else if (!remoteMedia.video) text = t('remoteCameraOff', { name });
  const notes = [
    remoteMedia.screen && live ? t('remoteSharing', { name }) : '',
    !remoteMedia.audio && live ? t('remoteMuted', { name }) : '',
  ].filter(Boolean);
  return html`${text ? html`<p class="vc-overlay" aria-hidden="true">${text}</p>` : nothing}
  ${notes.length ? html`<p class="vc-remote-notes">${notes.join(' ')}</p>` : nothing}`;
}
