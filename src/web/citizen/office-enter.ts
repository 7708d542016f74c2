/**
 * The office page's way in: while the office is open and staffed, an optional name, what is
 * stored, and "Enter" (→ a ticket, then the lobby). Closed or unstaffed: why not, instead of the
 * button. A ticket this browser already holds for the office leads back to the lobby instead.
 */
import { html, nothing } from 'lit';
import type { Locale } from '../../shared/locale.js';
import type { OfficeSummary } from '../../shared/offices.js';
import type { TicketView } from '../../shared/queue.js';
import { createTicket, type ApiError } from '../lib/api.js';
import { followLink, lobbyHref, navigate } from '../lib/app-route.js';
import { unlockAudio } from '../lib/call-alert.js';
import { t } from '../lib/i18n/index.js';
import { LightElement } from '../lib/light-element.js';
import { realtime } from '../lib/realtime.js';
import {
  clearTicket,
  isActive,
  loadTicket,
  saveTicket,
  type TicketRef,
} from '../lib/ticket-store.js';
import { errorMessage } from './load-states.js';

export class OfficeEnter extends LightElement {
  static override properties = {
    office: { attribute: false },
    locale: { type: String },
    held: { state: true },
    heldTicket: { state: true },
    busy: { state: true },
    error: { state: true },
  };

  declare office: OfficeSummary;
  declare locale: Locale;
  /** The ticket this browser holds for the office, until the server says it is over. */
  declare held: TicketRef | null;
  declare heldTicket: TicketView | null;
  declare busy: boolean;
  declare error: ApiError | null;

  private watching: { slug: string; stop: () => void } | null = null;

  constructor() {
    super();
    this.held = null;
    this.heldTicket = null;
    this.busy = false;
    this.error = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.watchHeld();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopWatching();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('office') && this.watching?.slug !== this.office.slug) this.watchHeld();
  }

  private stopWatching(): void {
    this.watching?.stop();
    this.watching = null;
  }

  /** The ticket's own topic says whether it is still active (and its code). */
  private watchHeld(): void {
    this.stopWatching();
    const slug = this.office.slug;
    const held = loadTicket(slug);
    this.held = held;
    this.heldTicket = null;
    if (!held) return;
    const forget = () => {
      clearTicket(slug);
      this.held = null;
      this.heldTicket = null;
      this.stopWatching();
    };
    const stop = realtime().subscribe(
      { topic: 'ticket', ticketId: held.id, secret: held.secret },
      (message) => {
        if (message.topic !== 'ticket') return;
        if (isActive(message.data.state)) this.heldTicket = message.data;
        else forget();
      },
      (error) => {
        if (error.code === 'TICKET_NOT_FOUND') forget();
      },
    );
    this.watching = { slug, stop };
  }

  private submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (this.busy) return;
    unlockAudio(); // This click lets the lobby play the call sound later.
    const form = event.currentTarget as HTMLFormElement;
    const name = new FormData(form).get('name');
    this.busy = true;
    this.error = null;
    const slug = this.office.slug;
    try {
      const created = await createTicket(slug, typeof name === 'string' ? name : '', this.locale);
      saveTicket(slug, { id: created.ticket.id, secret: created.secret });
      navigate(lobbyHref(slug));
    } catch (error) {
      this.error = error as ApiError;
      this.busy = false;
      await this.updateComplete;
      this.querySelector<HTMLElement>('.enter .notice')?.focus();
    }
  };

  override render() {
    const { office } = this;
    return html`<section class="section enter" aria-labelledby="enter-title">
      <h2 id="enter-title">${t('enterTitle')}</h2>
      ${this.held ? this.renderHeld() : this.renderEnter(office)}
    </section>`;
  }

  private renderHeld() {
    const ticket = this.heldTicket;
    const slug = this.office.slug;
    return html`<div class="panel enter__held">
      ${
        ticket?.state === 'called'
          ? html`<p class="enter__called"><strong>${t('haveTicketCalled')}</strong></p>`
          : nothing
      }
      <p>${ticket ? t('haveTicket', { code: ticket.code }) : t('haveTicketUnknown')}</p>
      <p>
        <a class="button button--big" href=${lobbyHref(slug)} @click=${followLink}
          >${t('backToLobby')}</a
        >
      </p>
    </div>`;
  }

  private renderEnter(office: OfficeSummary) {
    if (office.status === 'closed') return html`<p class="lead">${t('enterClosed')}</p>`;
    if (office.status === 'open_unstaffed') return html`<p class="lead">${t('enterUnstaffed')}</p>`;
    return html`<p>${t('enterIntro')}</p>
      <form class="panel enter__form" @submit=${this.submit}>
        <p class="field">
          <label for="enter-name">${t('nameLabel')}</label>
          <span id="enter-name-hint" class="hint">${t('nameHint')}</span>
          <input
            id="enter-name"
            name="name"
            type="text"
            maxlength="80"
            autocomplete="name"
            aria-describedby="enter-name-hint"
          />
        </p>
        <h3 class="privacy__title">${t('privacyTitle')}</h3>
        <p class="privacy">${t('privacyText')} ${t('privacyDevice')}</p>
        ${
          this.error
            ? html`<div class="notice notice--error" role="alert" tabindex="-1">
                <p>${errorMessage(this.error, this.locale)}</p>
              </div>`
            : nothing
        }
        <button type="submit" class="button button--big" ?disabled=${this.busy}>
          ${this.busy ? t('entering') : t('enterButton')}
        </button>
      </form>`;
  }
}

customElements.define('vb-office-enter', OfficeEnter);
