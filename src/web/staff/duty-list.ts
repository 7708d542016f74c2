/**
 * Duty per assigned office: name, how many wait, and a three-way choice (on duty · break · off
 * duty) as a radio group — arrow keys move between the states, each change is saved at once.
 * Emits `vb-duty` with `{ slug, state }`; the console saves it and passes the new StaffMe back.
 */
import { html } from 'lit';
import { live } from 'lit/directives/live.js';
import { LightElement } from '../lib/light-element.js';
import { t } from './i18n/index.js';
import type { DutyState, StaffOffice } from './types.js';

export interface DutyChange {
  slug: string;
  state: DutyState;
}

const ORDER: readonly DutyState[] = ['available', 'paused', 'off'];

export class DutyList extends LightElement {
  static override properties = {
    offices: { attribute: false },
    waiting: { attribute: false },
    pending: { attribute: false },
    locale: { type: String },
  };

  declare offices: StaffOffice[];
  /** Live waiting counts from the queue snapshots (StaffMe's count is only as old as StaffMe). */
  declare waiting: ReadonlyMap<string, number>;
  /** Offices whose change is being saved, with the state asked for. */
  declare pending: ReadonlyMap<string, DutyState>;
  declare locale: string;

  constructor() {
    super();
    this.offices = [];
    this.waiting = new Map();
    this.pending = new Map();
  }

  private change(slug: string, state: DutyState): void {
    this.dispatchEvent(
      new CustomEvent<DutyChange>('vb-duty', { detail: { slug, state }, bubbles: true }),
    );
  }

  override render() {
    return html`<section class="panel duty-panel" aria-labelledby="duty-title">
      <h2 id="duty-title">${t('dutyTitle')}</h2>
      ${this.offices.length === 0 ? html`<p>${t('dutyNone')}</p>` : this.renderList()}
    </section>`;
  }

  private renderList() {
    return html`<ul class="duty-list">
      ${this.offices.map((office) => {
        const count = this.waiting.get(office.slug) ?? office.waiting;
        const busy = this.pending.has(office.slug);
        const shown = this.pending.get(office.slug) ?? office.duty;
        const name = `duty-${office.slug}`;
        return html`<li class="duty-row duty-row--${office.duty}">
          <fieldset class="duty" aria-busy=${busy ? 'true' : 'false'}>
            <legend class="duty__name">${office.name}</legend>
            <p class="duty__waiting">${count === 0 ? t('waitingNone') : t('waiting', { count })}</p>
            <div class="segmented">
              ${ORDER.map(
                (state) =>
                  html`<label class="segmented__option">
                    <input
                      type="radio"
                      name=${name}
                      value=${state}
                      .checked=${live(shown === state)}
                      @change=${() => this.change(office.slug, state)}
                    />
                    <span>${t(`duty_${state}`)}</span>
                  </label>`,
              )}
            </div>
          </fieldset>
        </li>`;
      })}
    </ul>`;
  }
}

customElements.define('vb-duty-list', DutyList);
