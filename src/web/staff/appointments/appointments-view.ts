/**
 * The "Termine / Appointments" view of the staff console: choose one of the staff member's
 * offices and a day (today, previous/next, or any date), see that day's appointments and
 * blocked times, cancel or unblock, book for a caller and block time. Owns the day's data and
 * the list's actions; the list and the two forms are views that emit events.
 */
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import type { DayView } from '../../../shared/appointments.js';
import type { Locale } from '../../../shared/locale.js';
import { dateRangeText } from '../../lib/format.js';
import { LightElement } from '../../lib/light-element.js';
import { errorText } from '../api.js';
import type { Notice } from '../call-flow.js';
import { t } from '../i18n/index.js';
import type { StaffOffice } from '../types.js';
import { appointmentsApi } from './api.js';
import type { CancelRequest, DeleteBlockRequest } from './appointment-list.js';
import { reportSessionLoss } from './form-parts.js';
import { addDays, browserTimeZone, isLocalDate, localDateOf } from './zoned-time.js';
import './appointment-list.js';
import './block-form.js';
import './caller-booking.js';

export class AppointmentsView extends LightElement {
  static override properties = {
    offices: { attribute: false },
    locale: { type: String },
    /** The server's clock (ms), for "today". */
    serverNow: { type: Number },
    slug: { state: true },
    date: { state: true },
    day: { state: true },
    error: { state: true },
    notice: { state: true },
    busy: { state: true },
  };

  declare offices: StaffOffice[];
  declare locale: Locale;
  declare serverNow: number;
  declare slug: string;
  /** The chosen day, YYYY-MM-DD in the office's zone. */
  declare date: string;
  /** The loaded day, and which office and date it is of. */
  declare day: { slug: string; date: string; view: DayView } | null;
  declare error: unknown;
  declare notice: Notice | null;
  declare busy: boolean;

  private dayRequest = 0;

  constructor() {
    super();
    this.offices = [];
    this.slug = this.date = '';
    this.day = this.error = this.notice = null;
    this.busy = false;
  }

  /** The office's zone once a day of it is loaded, else this browser's. */
  private timeZone(): string {
    return this.day?.view.timeZone ?? browserTimeZone();
  }

  private today(): string {
    return localDateOf(new Date(this.serverNow || Date.now()), this.timeZone());
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (!this.offices.some((office) => office.slug === this.slug)) {
      this.slug = this.offices[0]?.slug ?? '';
    }
    if (!this.date) this.date = this.today();
    // Service names come in the page's language: a language switch loads the day again.
    const asked = changed.has('slug') || changed.has('date') || changed.has('locale');
    if (asked && this.slug) void this.load();
  }

  private async load(): Promise<void> {
    const request = ++this.dayRequest;
    const { slug, date } = this;
    this.error = null;
    try {
      const view = await appointmentsApi.day(slug, date);
      if (request === this.dayRequest) this.day = { slug, date, view };
    } catch (error) {
      if (request !== this.dayRequest || reportSessionLoss(this, error)) return;
      this.error = error;
      this.day = null;
    }
  }

  private async act(action: () => Promise<unknown>, done: Notice): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.notice = null;
    let failure: unknown = null;
    try {
      await action();
      this.notice = done;
    } catch (error) {
      if (reportSessionLoss(this, error)) return;
      failure = error;
    } finally {
      this.busy = false;
    }
    await this.load();
    if (failure) this.error = failure;
    await this.updateComplete;
    this.querySelector<HTMLElement>('#appointments-day-title')?.focus();
  }

  private cancel(request: CancelRequest): Promise<void> {
    return this.act(
      () => appointmentsApi.cancel(request.id),
      ['appointmentCancelled', { time: request.time }],
    );
  }

  private deleteBlock(request: DeleteBlockRequest): Promise<void> {
    const { id, from, to } = request;
    return this.act(() => appointmentsApi.deleteBlock(id), ['blockDeleted', { from, to }]);
  }

  private goTo(date: string): void {
    if (!isLocalDate(date)) return;
    this.date = date;
    this.notice = null;
  }

  override render() {
    return html`<section class="panel appointments" aria-labelledby="appointments-title">
      <h2 id="appointments-title" tabindex="-1">${t('appointmentsTitle')}</h2>
      ${this.offices.length === 0 ? html`<p>${t('dutyNone')}</p>` : this.renderControls()}
      <div role="status">
        ${this.notice ? html`<p class="notice">${t(...this.notice)}</p>` : nothing}
      </div>
      <div role="alert">
        ${this.error ? html`<p class="notice notice--error">${errorText(this.error)}</p>` : nothing}
      </div>
      ${this.renderDay()}
    </section>`;
  }

  private renderControls() {
    return html`<div class="appointments__controls">
      <div class="field">
        <label for="appointments-office">${t('appointmentsOffice')}</label>
        <select
          id="appointments-office"
          @change=${(e: Event) => (this.slug = (e.target as HTMLSelectElement).value)}
        >
          ${this.offices.map(
            (office) =>
              html`<option value=${office.slug} .selected=${live(office.slug === this.slug)}>
                ${office.name}
              </option>`,
          )}
        </select>
      </div>
      <fieldset class="day-picker">
        <legend>${t('appointmentsDay')}</legend>
        <button
          type="button"
          class="button button--small"
          @click=${() => this.goTo(addDays(this.date, -1))}
        >
          ${t('dayPrevious')}
        </button>
        <label class="sr-only" for="appointments-date">${t('appointmentsDate')}</label>
        <input
          id="appointments-date"
          type="date"
          required
          .value=${live(this.date)}
          @change=${(e: Event) => this.goTo((e.target as HTMLInputElement).value)}
        />
        <button
          type="button"
          class="button button--small"
          @click=${() => this.goTo(addDays(this.date, 1))}
        >
          ${t('dayNext')}
        </button>
        <button type="button" class="button button--small" @click=${() => this.goTo(this.today())}>
          ${t('dayToday')}
        </button>
        <button type="button" class="button button--small" @click=${() => void this.load()}>
          ${t('appointmentsReload')}
        </button>
      </fieldset>
    </div>`;
  }

  private renderDay() {
    const { day, slug, date } = this;
    if (!slug) return nothing;
    if (!day || day.slug !== slug || day.date !== date) {
      return this.error
        ? nothing
        : html`<p class="loading" role="status">${t('appointmentsLoading')}</p>`;
    }
    const { view } = day;
    const zone = view.timeZone;
    return html`<h3 id="appointments-day-title" class="appointments__day-title" tabindex="-1">
        ${t('appointmentsOn', { date: dateRangeText(date, date, this.locale) })}
      </h3>
      ${
        zone !== browserTimeZone()
          ? html`<p class="hint">${t('appointmentsZone', { zone })}</p>`
          : nothing
      }
      <vb-appointment-list
        .day=${view}
        .locale=${this.locale}
        @vb-cancel-appointment=${(e: CustomEvent<CancelRequest>) => void this.cancel(e.detail)}
        @vb-delete-block=${(e: CustomEvent<DeleteBlockRequest>) => void this.deleteBlock(e.detail)}
      ></vb-appointment-list>
      ${
        view.services.length === 0
          ? html`<p class="notice">${t('bookingNotOffered')}</p>`
          : html`<div class="appointments__forms">
              <vb-caller-booking
                .slug=${slug}
                .date=${date}
                .timeZone=${zone}
                .services=${view.services}
                .locale=${this.locale}
                @vb-booked=${() => void this.load()}
              ></vb-caller-booking>
              <vb-block-form
                .slug=${slug}
                .date=${date}
                .timeZone=${zone}
                .locale=${this.locale}
                @vb-block-added=${() => void this.load()}
              ></vb-block-form>
            </div>`
      }`;
  }
}

customElements.define('vb-appointments', AppointmentsView);
