/**
 * The device choice as form fields (camera, microphone, speaker where the browser can pick
 * one, front/back on phones), used by the lobby's device check and the call's "Devices"
 * panel; and the controller that keeps the device lists current (labels appear after the
 * permission, devices come and go).
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { groupDevices, type DeviceLists } from './devices.js';
import { t } from './i18n/index.js';
import type { LocalMedia } from './media.js';

export class DeviceListController implements ReactiveController {
  lists: DeviceLists = { cameras: [], microphones: [], speakers: [] };

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    navigator.mediaDevices?.addEventListener('devicechange', this.refresh);
    this.refresh();
  }

  hostDisconnected(): void {
    navigator.mediaDevices?.removeEventListener('devicechange', this.refresh);
  }

  readonly refresh = (): void => {
    navigator.mediaDevices?.enumerateDevices().then(
      (devices) => {
        this.lists = groupDevices(devices);
        this.host.requestUpdate();
      },
      () => undefined,
    );
  };
}

/** Whether the browser can send sound to a chosen speaker. */
export const canPickSpeaker = () =>
  typeof HTMLMediaElement !== 'undefined' && 'setSinkId' in HTMLMediaElement.prototype;

/** Front/back is offered on touch devices with more than one camera. */
export const canFlip = (lists: DeviceLists) =>
  lists.cameras.length > 1 && matchMedia('(pointer: coarse)').matches;

function select(
  id: string,
  label: string,
  devices: MediaDeviceInfo[],
  current: string,
  onChange: (deviceId: string) => void,
) {
  const options = devices.length
    ? devices.map(
        (device, index) =>
          html`<option value=${device.deviceId} ?selected=${device.deviceId === current}>
            ${device.label || t('deviceNumbered', { kind: label, number: index + 1 })}
          </option>`,
      )
    : html`<option value="">${t('deviceDefault')}</option>`;
  return html`<div class="device-field">
    <label for=${id}>${label}</label>
    <select
      id=${id}
      ?disabled=${devices.length === 0}
      @change=${(event: Event) => onChange((event.target as HTMLSelectElement).value)}
    >
      ${options}
    </select>
  </div>`;
}

/** The device fields; `prefix` keeps ids unique when two sets are on one page. */
export function deviceFields(prefix: string, lists: DeviceLists, media: LocalMedia) {
  const inUse = (track: MediaStreamTrack | null, chosen: string) =>
    track?.getSettings().deviceId ?? chosen;
  const speaker = canPickSpeaker() && lists.speakers.length > 0;
  return html`<div class="device-fields">
    ${select(
      `${prefix}-camera`,
      t('cameraLabel'),
      lists.cameras,
      inUse(media.camera, media.choice.cameraId),
      (cameraId) => void media.choose({ cameraId, facing: '' }),
    )}
    ${select(
      `${prefix}-microphone`,
      t('microphoneLabel'),
      lists.microphones,
      inUse(media.audio, media.choice.microphoneId),
      (microphoneId) => void media.choose({ microphoneId }),
    )}
    ${
      speaker
        ? select(
            `${prefix}-speaker`,
            t('speakerLabel'),
            lists.speakers,
            media.choice.speakerId,
            (speakerId) => void media.choose({ speakerId }),
          )
        : nothing
    }
  </div>`;
}

/** Front ↔ back camera (a plain button: it acts, it is not an on/off state). */
export function flipButton(lists: DeviceLists, media: LocalMedia) {
  if (!canFlip(lists) || !media.camera) return nothing;
  const next = media.choice.facing === 'environment' ? 'user' : 'environment';
  return html`<button
    type="button"
    class="vc-button"
    @click=${() => void media.choose({ facing: next, cameraId: '' })}
  >
    ${t('flipCamera')}
  </button>`;
}
