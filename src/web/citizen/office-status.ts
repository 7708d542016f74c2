/**
 * The live part of an office, shared by the directory card and the office page:
 * status badge, people waiting, until when open / when it opens next, today's hours.
 */
import { html, nothing } from 'lit';
import type { Locale } from '../../shared/locale.js';
import type { OfficeSummary } from '../../shared/offices.js';
import { availabilityText, todayHoursText, waitingText } from '../lib/format.js';
import { LightElement } from '../lib/light-element.js';
import './status-badge.js';
import { timeText } from './time-text.js';

export class OfficeStatusView extends LightElement {
  static override properties = {
    office: { attribute: false },
    now: { attribute: false },
    locale: { type: String },
    closureNote: { attribute: false },
  };

  declare office: OfficeSummary;
  declare now: Date;
  declare locale: Locale;
  /** Why the office is closed today, when known (the office page has the exceptions). */
  declare closureNote: string | null;

  constructor() {
    super();
    this.closureNote = null;
  }

  override render() {
    const { office, now, locale } = this;
    const availability = availabilityText(office, now, locale);
    const showWaiting = office.open || office.waiting > 0;
    return html`
      <p class="status-line">
        <vb-status-badge .status=${office.status} .locale=${locale}></vb-status-badge>
        ${
          showWaiting
            ? html`<span class="waiting">${waitingText(office.waiting, locale)}</span>`
            : nothing
        }
      </p>
      ${availability ? html`<p class="availability">${availability}</p>` : nothing}
      <p class="today">${timeText(todayHoursText(office.today, locale, this.closureNote))}</p>
    `;
  }
}

customElements.define('vb-office-status', OfficeStatusView);
