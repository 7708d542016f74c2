/**
 * The office page's way to a later time: shown only when the office takes appointments
 * (`GET /api/offices/{slug}/booking` answers 200; 404 BOOKING_NOT_OFFERED hides it). An
 * appointment this browser booked there is named with a link back to it.
 */
import { html, nothing } from 'lit';
import type { BookingInfo } from '../../shared/appointments.js';
import type { Locale } from '../../shared/locale.js';
import { getJson } from '../lib/api.js';
import { appointmentHref, bookHref, followLink } from '../lib/app-route.js';
import { loadAppointment, type AppointmentRef } from '../lib/appointment-store.js';
import { formatClock } from '../lib/format.js';
import { intlLocale, t } from '../lib/i18n/index.js';
import { LightElement } from '../lib/light-element.js';
import { prefetchBookingPages } from './booking-loader.js';

export class BookingLink extends LightElement {
  static override properties = {
    slug: { type: String },
    locale: { type: String },
    info: { state: true },
    held: { state: true },
  };

  declare slug: string;
  declare locale: Locale;
  declare info: BookingInfo | null;
  declare held: AppointmentRef | null;

  private controller: AbortController | null = null;

  constructor() {
    super();
    this.info = null;
    this.held = null;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.controller?.abort();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('slug')) this.held = loadAppointment(this.slug, new Date());
    if (changed.has('slug') || changed.has('locale')) void this.load();
  }

  private async load(): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    const path = `/api/offices/${encodeURIComponent(this.slug)}/booking?lang=${this.locale}`;
    try {
      this.info = await getJson<BookingInfo>(path, this.locale, controller.signal);
      prefetchBookingPages();
    } catch {
      // 404 BOOKING_NOT_OFFERED, or unreachable: the walk-in above is the way in.
      if (!controller.signal.aborted) this.info = null;
    }
  }

  private heldText(held: AppointmentRef, timeZone: string): string {
    const start = new Date(held.start);
    const date = new Intl.DateTimeFormat(intlLocale(this.locale), {
      timeZone,
      weekday: 'long',
      day: 'numeric',
      month: 'long',
    }).format(start);
    return t('yourAppointment', { date, time: formatClock(start, this.locale, timeZone) });
  }

  override render() {
    const { info, held } = this;
    if (!info) return nothing;
    return html`<section class="section booking-offer" aria-labelledby="book-title">
      <h2 id="book-title">${t('bookTitle')}</h2>
      ${
        held
          ? html`<div class="panel">
              <p><strong>${this.heldText(held, info.timeZone)}</strong></p>
              <p>
                <a href=${appointmentHref(held.token)} @click=${followLink}
                  >${t('showAppointment')}</a
                >
              </p>
            </div>`
          : nothing
      }
      <p>${t('bookIntro')}</p>
      <p>
        <a class="button button--secondary" href=${bookHref(this.slug)} @click=${followLink}
          >${t('bookLink')}</a
        >
      </p>
    </section>`;
  }
}

customElements.define('vb-booking-link', BookingLink);
