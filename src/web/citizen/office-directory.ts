/**
 * The directory at "/": a search box and every office with its live status. Refreshes through
 * lib/api.ts; announces (politely) only the search result count and real status changes.
 */
import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Locale } from '../../shared/locale.js';
import type { OfficeList } from '../../shared/offices.js';
import type { ApiError } from '../lib/api.js';
import { watchOffices, type Watch } from '../lib/watch.js';
import { clockNow } from '../lib/format.js';
import { t } from '../lib/i18n/index.js';
import { LightElement } from '../lib/light-element.js';
import { filterOffices } from '../lib/search.js';
import { changedOffices, rememberStatuses, type StatusMemory } from '../lib/status-changes.js';
import { errorView, loadingView } from './load-states.js';
import { statusLabel } from './status-badge.js';
import './office-card.js';

const ANNOUNCE_DELAY_MS = 700;
/** More changes than this at once (e.g. every office opening at 8:00) are announced as a count. */
const MAX_NAMED_CHANGES = 3;

export class OfficeDirectory extends LightElement {
  static override properties = {
    locale: { type: String },
    list: { state: true },
    error: { state: true },
    query: { state: true },
    announcement: { state: true },
  };

  declare locale: Locale;
  declare list: OfficeList | null;
  declare error: ApiError | null;
  declare query: string;
  declare announcement: string;

  private watch: Watch | null = null;
  private statuses: StatusMemory = new Map();
  private announceTimer: ReturnType<typeof setTimeout> | undefined;
  /** After "Try again" the button disappears; where the keyboard focus goes once it is done. */
  private focusAfterRetry: 'h1' | '.updated' | null = null;

  constructor() {
    super();
    this.list = null;
    this.error = null;
    this.query = '';
    this.announcement = '';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.watch?.stop();
    this.watch = null;
    clearTimeout(this.announceTimer);
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('locale')) {
      this.watch?.stop();
      this.watch = watchOffices(this.locale, {
        data: (list) => this.receive(list),
        error: (error) => {
          this.error = error;
          this.restoreFocus('.notice button');
        },
      });
    }
    document.title = t('pageTitle', { page: t('directoryTitle') });
  }

  private receive(list: OfficeList): void {
    if (this.list) this.announceChanges(list);
    this.statuses = rememberStatuses(list.offices);
    this.list = list;
    this.error = null;
    this.restoreFocus(this.focusAfterRetry);
  }

  private restoreFocus(selector: string | null): void {
    if (!this.focusAfterRetry || !selector) return;
    this.focusAfterRetry = null;
    void this.updateComplete.then(() => this.querySelector<HTMLElement>(selector)?.focus());
  }

  private announceChanges(list: OfficeList): void {
    const changed = changedOffices(this.statuses, filterOffices(list.offices, this.query));
    if (changed.length === 0) return;
    this.announcement =
      changed.length > MAX_NAMED_CHANGES
        ? t('manyStatusChanged', { count: changed.length })
        : changed
            .map((office) =>
              t('statusChanged', {
                name: office.name,
                status: statusLabel(office.status, this.locale),
              }),
            )
            .join('. ');
  }

  private retry = (): void => {
    this.focusAfterRetry = this.list ? '.updated' : 'h1';
    this.error = null;
    this.watch?.refresh();
  };

  private onSearch = (event: Event): void => {
    this.query = (event.target as HTMLInputElement).value;
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => {
      const count = filterOffices(this.list?.offices ?? [], this.query).length;
      this.announcement = t('resultsFound', { count });
    }, ANNOUNCE_DELAY_MS);
  };

  override render() {
    return html`
      <h1 tabindex="-1">${t('directoryTitle')}</h1>
      <p class="lead">${t('directoryIntro')}</p>
      <div class="sr-only" role="status" aria-live="polite" aria-atomic="true">
        ${this.announcement}
      </div>
      ${
        this.list
          ? this.renderList(this.list)
          : this.error
            ? errorView(this.error, this.locale, this.retry)
            : loadingView(t('loadingOffices'))
      }
    `;
  }

  private renderList(list: OfficeList) {
    if (list.offices.length === 0) return html`<p class="empty">${t('noOffices')}</p>`;
    const offices = filterOffices(list.offices, this.query);
    const now = new Date(list.generatedAt);
    return html`
      <form class="search" role="search" @submit=${(event: Event) => event.preventDefault()}>
        <label for="office-search">${t('searchLabel')}</label>
        <p id="office-search-hint" class="hint">${t('searchHint')}</p>
        <input
          id="office-search"
          type="search"
          autocomplete="off"
          spellcheck="false"
          enterkeyhint="search"
          aria-describedby="office-search-hint"
          .value=${this.query}
          @input=${this.onSearch}
        />
      </form>
      ${
        this.query.trim()
          ? html`<p class="result-count">
              ${t('resultsOfTotal', { shown: offices.length, total: list.offices.length })}
            </p>`
          : nothing
      }
      ${
        offices.length === 0
          ? html`<p class="empty">${t('noResults', { query: this.query.trim() })}</p>`
          : html`<ul class="office-list">
              ${repeat(
                offices,
                (office) => office.slug,
                (office) =>
                  html`<li>
                    <vb-office-card
                      .office=${office}
                      .now=${now}
                      .locale=${this.locale}
                    ></vb-office-card>
                  </li>`,
              )}
            </ul>`
      }
      <p class="updated" tabindex="-1">${t('updatedAt', { time: clockNow(now, this.locale) })}</p>
      ${
        this.error
          ? html`<div class="notice notice--warning">
              <p>${t('refreshFailed')}</p>
              <button type="button" class="button button--secondary" @click=${this.retry}>
                ${t('retry')}
              </button>
            </div>`
          : nothing
      }
    `;
  }
}

customElements.define('vb-office-directory', OfficeDirectory);
