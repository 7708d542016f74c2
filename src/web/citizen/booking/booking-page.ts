/**
 * Booking at "/{slug}/book": choose the service (skipped when there is only one), a time, then
 * name and mobile number → the confirmation with the booking code. Each step puts the focus on
 * its heading; the browser remembers the appointment so the office page can name it.
 */
import { html, nothing } from 'lit';
import type { Booked, BookingInfo, Service } from '../../../shared/appointments.js';
import type { Locale } from '../../../shared/locale.js';
import type { ApiError } from '../../lib/api.js';
import { followLink } from '../../lib/app-route.js';
import { saveAppointment } from '../../lib/appointment-store.js';
import { t as pageText } from '../../lib/i18n/index.js';
import { LightElement } from '../../lib/light-element.js';
import { officeHref } from '../../lib/route.js';
import { backIcon } from '../icons.js';
import { errorMessage, errorView, loadingView } from '../load-states.js';
import { fetchBookingInfo } from './api.js';
import { confirmation, serviceChoice, summary } from './booking-views.js';
import { t } from './i18n/index.js';
import type { Slot, SlotEvent } from './slot-picker.js';
import type { BookedEvent } from './booking-form.js';
import './booking-form.js';
import './slot-picker.js';

export class BookingPage extends LightElement {
  static override properties = {
    slug: { type: String },
    locale: { type: String },
    info: { state: true },
    error: { state: true },
    service: { state: true },
    chosen: { state: true },
    booked: { state: true },
  };

  declare slug: string;
  declare locale: Locale;
  declare info: BookingInfo | null;
  declare error: ApiError | null;
  declare service: Service | null;
  declare chosen: Slot | null;
  declare booked: Booked | null;

  private controller: AbortController | null = null;
  private focusNext: string | null = null;
  private withEmail = false;

  constructor() {
    super();
    this.info = this.error = this.service = this.chosen = this.booked = null;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.controller?.abort();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('slug') || changed.has('locale')) void this.load();
  }

  protected override updated(): void {
    const office = this.info?.officeName ?? this.slug;
    document.title = pageText('pageTitle', { page: `${t('bookPageTitle')} – ${office}` });
    if (this.focusNext) {
      this.querySelector<HTMLElement>(this.focusNext)?.focus();
      this.focusNext = null;
    }
  }

  private async load(): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.error = null;
    try {
      const info = await fetchBookingInfo(this.slug, this.locale, controller.signal);
      this.info = info;
      // Keep the choice across a language switch (names come in the new language).
      const id = this.service?.id;
      this.service = info.services.find((s) => s.id === id) ?? null;
      if (info.services.length === 1) this.service = info.services[0] ?? null;
    } catch (error) {
      if (!controller.signal.aborted) this.error = error as ApiError;
    }
  }

  private go(step: 'service' | 'time' | 'details', changes: Partial<BookingPage>): void {
    Object.assign(this, changes);
    this.focusNext = `#step-${step}`;
  }

  private onSlot = (event: SlotEvent): void => {
    if (this.chosen) this.chosen = event.detail;
    else this.go('details', { chosen: event.detail });
  };

  private onBooked = (event: BookedEvent): void => {
    const { booked, withEmail } = event.detail;
    this.withEmail = withEmail;
    saveAppointment(this.slug, { token: booked.token, start: booked.appointment.start });
    this.booked = booked;
    this.focusNext = 'h1';
    window.scrollTo(0, 0);
  };

  override render() {
    const { info, error, booked } = this;
    const notOffered = error?.status === 404;
    const title = booked
      ? t('bookedTitle')
      : notOffered
        ? t('notOfferedTitle')
        : t('bookPageTitle');
    // One h1 throughout, so the focus the app put on it stays while the steps change.
    return html`${
        booked
          ? nothing
          : html`<p class="back">
              <a href=${officeHref(this.slug)} @click=${followLink}
                >${backIcon}<span>${t('backToOffice', { office: info?.officeName ?? '' })}</span></a
              >
            </p>`
      }
      <h1 tabindex="-1">${title}</h1>
      ${this.renderBody(info, error)}`;
  }

  private renderBody(info: BookingInfo | null, error: ApiError | null) {
    if (error?.status === 404) return html`<p class="lead">${errorMessage(error, this.locale)}</p>`;
    if (error) return errorView(error, this.locale, () => void this.load(), false);
    if (!info) return loadingView(t('loadingBooking'));
    if (this.booked) return confirmation(this.booked, info, this.locale, this.withEmail);
    return html`<p class="lead">${info.officeName}</p>
      ${this.renderStep(info)}`;
  }

  private renderStep(info: BookingInfo) {
    const many = info.services.length > 1;
    const total = many ? 3 : 2;
    const heading = (step: string, number: number, title: string) =>
      html`<h2 id="step-${step}" tabindex="-1">
        <span class="step">${t('step', { step: number, total })}</span> ${title}
      </h2>`;
    const { service, chosen: slot } = this;
    if (!service) {
      return html`<section class="section">
        ${heading('service', 1, t('serviceTitle'))}
        ${serviceChoice(info.services, (s) => this.go('time', { service: s }))}
      </section>`;
    }
    const changeService = many ? () => this.go('service', { service: null, chosen: null }) : null;
    const changeTime = () => this.go('time', { chosen: null });
    const shown = summary({
      service,
      slot,
      timeZone: info.timeZone,
      locale: this.locale,
      changeService,
      changeTime,
    });
    if (!slot) {
      return html`<section class="section section--wide">
        ${heading('time', total - 1, t('timeTitle'))} ${shown}
        <vb-slot-picker
          .slug=${this.slug}
          .serviceId=${service.id}
          .timeZone=${info.timeZone}
          .horizonDays=${info.horizonDays}
          .locale=${this.locale}
          @vb-slot=${this.onSlot}
        ></vb-slot-picker>
      </section>`;
    }
    return html`<section class="section">
      ${heading('details', total, t('detailsTitle'))} ${shown}
      <vb-booking-form
        .slug=${this.slug}
        .service=${service}
        .chosen=${slot}
        .timeZone=${info.timeZone}
        .locale=${this.locale}
        @vb-slot=${this.onSlot}
        @vb-booked=${this.onBooked}
      ></vb-booking-form>
    </section>`;
  }
}

customElements.define('vb-booking-page', BookingPage);
