/**
 * The office page at "/{slug}": name, description, live status, the way in (walk-in), booking
 * an appointment (when offered), weekly hours and exceptions.
 * An unknown slug (API 404) shows a friendly "not found" with a way back.
 */
import { html, nothing } from 'lit';
import type { Locale } from '../../shared/locale.js';
import type { OfficeDetail } from '../../shared/offices.js';
import type { ApiError } from '../lib/api.js';
import { watchOffice, type Watch } from '../lib/watch.js';
import { t } from '../lib/i18n/index.js';
import { LightElement } from '../lib/light-element.js';
import { backIcon } from './icons.js';
import { errorMessage, errorView } from './load-states.js';
import { statusLabel } from './status-badge.js';
import './booking-link.js';
import './office-enter.js';
import './office-hours.js';
import './office-status.js';

export class OfficePage extends LightElement {
  static override properties = {
    slug: { type: String },
    locale: { type: String },
    office: { state: true },
    now: { state: true },
    error: { state: true },
    notFound: { state: true },
    announcement: { state: true },
  };

  declare slug: string;
  declare locale: Locale;
  declare office: OfficeDetail | null;
  declare now: Date;
  declare error: ApiError | null;
  /** The 404 answer, kept for its message in both languages. */
  declare notFound: ApiError | null;
  declare announcement: string;

  private watch: Watch | null = null;
  /** "Try again" disappears once pressed; the focus goes to the heading when the answer is in. */
  private focusAfterRetry = false;

  constructor() {
    super();
    this.office = null;
    this.now = new Date();
    this.error = null;
    this.notFound = null;
    this.announcement = '';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.watch?.stop();
    this.watch = null;
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    if ((changed.has('slug') || changed.has('locale')) && !this.notFound) {
      this.watch?.stop();
      this.watch = watchOffice(this.slug, this.locale, {
        data: (office) => this.receive(office),
        error: (error) => this.fail(error),
      });
    }
    const page = this.office?.name ?? (this.notFound ? t('notFoundTitle') : t('loadingOffice'));
    document.title = t('pageTitle', { page });
  }

  private receive(office: OfficeDetail): void {
    if (this.office && this.office.status !== office.status) {
      this.announcement = t('statusChanged', {
        name: office.name,
        status: statusLabel(office.status, this.locale),
      });
    }
    this.office = office;
    this.now = new Date(office.generatedAt);
    this.error = null;
    this.restoreFocus();
  }

  private restoreFocus(): void {
    if (!this.focusAfterRetry) return;
    this.focusAfterRetry = false;
    void this.updateComplete.then(() => this.querySelector<HTMLElement>('h1')?.focus());
  }

  private fail(error: ApiError): void {
    if (error.status === 404) {
      this.watch?.stop();
      this.watch = null;
      this.office = null;
      this.notFound = error;
    } else {
      this.error = error;
    }
    this.restoreFocus();
  }

  private retry = (): void => {
    this.focusAfterRetry = true;
    this.error = null;
    this.watch?.refresh();
  };

  /** Why the office is closed today, from today's closure entry. */
  private closureNote(office: OfficeDetail): string | null {
    const date = office.today.date;
    const closure = office.exceptions.find(
      (exception) =>
        exception.firstDay <= date && date <= exception.lastDay && exception.intervals.length === 0,
    );
    return closure?.note ?? null;
  }

  override render() {
    const back = html`<p class="back">
      <a href="/">${backIcon}<span>${t('backToList')}</span></a>
    </p>`;
    if (this.notFound) {
      return html`${back}
        <h1 tabindex="-1">${t('notFoundTitle')}</h1>
        <p class="lead">${this.notFound.messages?.[this.locale] ?? t('notFoundText')}</p>
        <p><a class="button" href="/">${t('backToList')}</a></p>`;
    }
    const office = this.office;
    if (!office) {
      return html`${back}
      ${
        this.error
          ? html`<h1 tabindex="-1">${t('errorTitle')}</h1>
              ${errorView(this.error, this.locale, this.retry, false)}`
          : html`<h1 class="loading">
              <span class="spinner" aria-hidden="true"></span>${t('loadingOffice')}
            </h1>`
      }`;
    }
    return html`${back}
      <h1 tabindex="-1">${office.name}</h1>
      <p class="lead">${office.description}</p>
      <div class="panel">
        <vb-office-status
          .office=${office}
          .now=${this.now}
          .locale=${this.locale}
          .closureNote=${this.closureNote(office)}
        ></vb-office-status>
      </div>
      <vb-office-enter .office=${office} .locale=${this.locale}></vb-office-enter>
      <vb-booking-link .slug=${office.slug} .locale=${this.locale}></vb-booking-link>
      <div class="sr-only" role="status" aria-live="polite" aria-atomic="true">
        ${this.announcement}
      </div>
      ${
        this.error
          ? html`<div class="notice notice--warning">
              <p>${t('refreshFailed')} ${errorMessage(this.error, this.locale)}</p>
              <button type="button" class="button button--secondary" @click=${this.retry}>
                ${t('retry')}
              </button>
            </div>`
          : nothing
      }
      <vb-office-hours .office=${office} .locale=${this.locale}></vb-office-hours>`;
  }
}

customElements.define('vb-office-page', OfficePage);
