/** An office's status in words, colour and shape — never colour alone. */
import { html } from 'lit';
import type { OfficeStatus } from '../../shared/offices.js';
import type { Locale } from '../../shared/locale.js';
import { translate } from '../lib/i18n/index.js';
import { LightElement } from '../lib/light-element.js';
import { STATUS_ICONS } from './icons.js';

export function statusLabel(status: OfficeStatus, locale: Locale): string {
  return translate(locale, `status_${status}`);
}

export class StatusBadge extends LightElement {
  static override properties = {
    status: { type: String },
    locale: { type: String },
  };

  declare status: OfficeStatus;
  declare locale: Locale;

  override render() {
    return html`<span class="badge badge--${this.status}"
      >${STATUS_ICONS[this.status]}<span>${statusLabel(this.status, this.locale)}</span></span
    >`;
  }
}

customElements.define('vb-status-badge', StatusBadge);
