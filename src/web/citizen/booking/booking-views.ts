/** Booking's views without state: the service choice, the summary so far, the confirmation. */
import { html, nothing } from 'lit';
import type {
  AppointmentView,
  Booked,
  BookingInfo,
  Service,
} from '../../../shared/appointments.js';
import type { Locale } from '../../../shared/locale.js';
import { appointmentHref, followLink } from '../../lib/app-route.js';
import { officeHref } from '../../lib/route.js';
import { dateTimeText } from './dates.js';
import { t } from './i18n/index.js';
import type { Slot } from './slot-picker.js';

export function serviceText(service: Service): string {
  return `${service.name} (${t('serviceDuration', { minutes: service.durationMinutes })})`;
}

export function serviceChoice(services: readonly Service[], choose: (service: Service) => void) {
  return html`<ul class="service-list">
    ${services.map(
      (service) =>
        html`<li>
          <button type="button" class="service-list__service" @click=${() => choose(service)}>
            <span class="service-list__name">${service.name}</span>
            <span class="service-list__duration"
              >${t('serviceDuration', { minutes: service.durationMinutes })}</span
            >
          </button>
        </li>`,
    )}
  </ul>`;
}

export interface SummaryOptions {
  service: Service;
  slot: Slot | null;
  timeZone: string;
  locale: Locale;
  /** Offered when the office has more than one service. */
  changeService: (() => void) | null;
  changeTime: (() => void) | null;
}

export function summary(options: SummaryOptions) {
  const { service, slot, timeZone, locale, changeService, changeTime } = options;
  const change = (label: string, action: (() => void) | null) =>
    action
      ? html`<button type="button" class="link-button" @click=${action}>${label}</button>`
      : nothing;
  return html`<dl class="summary">
    <div>
      <dt>${t('summaryService')}</dt>
      <dd>${serviceText(service)} ${change(t('changeService'), changeService)}</dd>
    </div>
    ${
      slot
        ? html`<div>
            <dt>${t('summaryTime')}</dt>
            <dd>
              <strong>${dateTimeText(slot.start, locale, timeZone)}</strong>
              ${change(t('changeTime'), changeTime)}
            </dd>
          </div>`
        : nothing
    }
  </dl>`;
}

/** The booked appointment: code, office, service, time; optionally the hint and its state. */
export function appointmentCard(
  appointment: AppointmentView,
  locale: Locale,
  options: { hint?: boolean; state?: boolean } = {},
) {
  return html`<div class="panel booked">
    <p class="ticket-code">
      <span>${t('codeLabel')}</span>
      <strong class="ticket-code__value">${appointment.code}</strong>
    </p>
    ${options.hint ? html`<p class="hint">${t('codeHint')}</p>` : nothing}
    <dl class="summary">
      <div>
        <dt>${t('officeLabel')}</dt>
        <dd>${appointment.officeName}</dd>
      </div>
      <div>
        <dt>${t('summaryService')}</dt>
        <dd>${serviceText(appointment.service)}</dd>
      </div>
      <div>
        <dt>${t('summaryTime')}</dt>
        <dd><strong>${dateTimeText(appointment.start, locale, appointment.timeZone)}</strong></dd>
      </div>
      ${
        options.state
          ? html`<div>
              <dt>${t('stateLabel')}</dt>
              <dd class="appointment-state appointment-state--${appointment.state}">
                ${t(`state_${appointment.state}`)}
              </dd>
            </div>`
          : nothing
      }
    </dl>
  </div>`;
}

export function confirmation(booked: Booked, info: BookingInfo, locale: Locale, email: boolean) {
  const { appointment, token } = booked;
  return html`${appointmentCard(appointment, locale, { hint: true })}
    <p class="lead">${t('bookedSms')} ${email ? t('bookedEmail') : nothing}</p>
    <p>${t('bookedEnter')}</p>
    <p class="button-row">
      <a class="button button--big" href=${appointmentHref(token)} @click=${followLink}
        >${t('toAppointment')}</a
      >
      <a class="button button--secondary" href=${officeHref(info.office)} @click=${followLink}
        >${t('toOffice')}</a
      >
    </p>`;
}
