/** One office in the directory: its name links to the office page; the whole card is the target. */
import { html } from 'lit';
import type { Locale } from '../../shared/locale.js';
import type { OfficeSummary } from '../../shared/offices.js';
import { LightElement } from '../lib/light-element.js';
import { officeHref } from '../lib/route.js';
import './office-status.js';

export class OfficeCard extends LightElement {
  static override properties = {
    office: { attribute: false },
    now: { attribute: false },
    locale: { type: String },
  };

  declare office: OfficeSummary;
  declare now: Date;
  declare locale: Locale;

  override render() {
    const { office } = this;
    return html`
      <article class="card">
        <h2 class="card__title"><a href=${officeHref(office.slug)}>${office.name}</a></h2>
        <p class="card__description">${office.description}</p>
        <vb-office-status
          .office=${office}
          .now=${this.now}
          .locale=${this.locale}
        ></vb-office-status>
      </article>
    `;
  }
}

customElements.define('vb-office-card', OfficeCard);
