/** The appointment page's views without state: the details and what a final state means. */
import { html, nothing } from 'lit';
import type { AppointmentView } from '../../../shared/appointments.js';
import type { Locale } from '../../../shared/locale.js';
import { bookHref, followLink, lobbyHref } from '../../lib/app-route.js';
import { loadTicket } from '../../lib/ticket-store.js';
import { appointmentCard } from './booking-views.js';
import { t } from './i18n/index.js';

export function details(appointment: AppointmentView, locale: Locale) {
  return appointmentCard(appointment, locale, { state: true });
}

/** Cancelled, missed or already entered: what happened and where to go from here. */
export function finalState(appointment: AppointmentView) {
  const office = appointment.office;
  const bookAgain = html`<p>
    <a class="button" href=${bookHref(office)} @click=${followLink}>${t('bookAgain')}</a>
  </p>`;
  switch (appointment.state) {
    case 'cancelled':
      return html`<p id="appointment-outcome" class="notice notice--warning" tabindex="-1">
          ${t('cancelledText')}
        </p>
        ${bookAgain}`;
    case 'no_show':
      return html`<p id="appointment-outcome" class="notice notice--warning" tabindex="-1">
          ${t('noShowText')}
        </p>
        ${bookAgain}`;
    case 'checked_in':
      return html`<p id="appointment-outcome" class="lead" tabindex="-1">${t('checkedInText')}</p>
        ${
          loadTicket(office)
            ? html`<p>
                <a class="button button--big" href=${lobbyHref(office)} @click=${followLink}
                  >${t('toLobby')}</a
                >
              </p>`
            : nothing
        }`;
    case 'booked':
      return nothing;
  }
}
