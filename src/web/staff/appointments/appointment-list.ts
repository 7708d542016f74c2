/**
 * One day of one office: the appointments (time, service, name, phone as a tel: link, booking
 * code, state) with "Cancel" and a confirm step for booked ones, then the blocked times with a
 * delete button. A view: it emits `vb-cancel-appointment` and `vb-delete-block`; the
 * appointments view acts and passes the new day back.
 */
import { html, nothing } from 'lit';
import type { Block, DayView, StaffAppointment } from '../../../shared/appointments.js';
import type { Locale } from '../../../shared/locale.js';
import { formatClock } from '../../lib/format.js';
import { LightElement } from '../../lib/light-element.js';
import { t } from '../i18n/index.js';
import { inDayOrder } from './day-logic.js';

export interface CancelRequest {
  id: string;
  time: string;
}

export interface DeleteBlockRequest {
  id: number;
  from: string;
  to: string;
}

export class AppointmentList extends LightElement {
  static override properties = {
    day: { attribute: false },
    locale: { type: String },
    confirming: { state: true },
  };

  declare day: DayView;
  declare locale: Locale;
  /** The appointment whose cancellation is being asked about. */
  declare confirming: string | null;

  constructor() {
    super();
    this.confirming = null;
  }

  private clock(instant: string): string {
    return formatClock(new Date(instant), this.locale, this.day.timeZone);
  }

  private async ask(id: string | null, focus: string): Promise<void> {
    this.confirming = id;
    await this.updateComplete;
    this.querySelector<HTMLElement>(focus)?.focus();
  }

  private emit<T>(type: string, detail: T): void {
    this.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true }));
  }

  override render() {
    const appointments = inDayOrder(this.day.appointments);
    return html`${
        appointments.length === 0
          ? html`<p class="appointments__empty">${t('appointmentsNone')}</p>`
          : this.renderTable(appointments)
      }
      <h3 id="blocks-title">${t('blocksTitle')}</h3>
      ${
        this.day.blocks.length === 0
          ? html`<p class="appointments__empty">${t('blocksNone')}</p>`
          : html`<ul class="block-list" aria-labelledby="blocks-title">
              ${this.day.blocks.map((block) => this.renderBlock(block))}
            </ul>`
      }`;
  }

  private renderTable(appointments: StaffAppointment[]) {
    return html`<div class="table-scroll">
      <table class="queue-table appointment-table">
        <caption class="sr-only">
          ${t('appointmentsTitle')}
        </caption>
        <thead>
          <tr>
            <th scope="col">${t('colTime')}</th>
            <th scope="col">${t('colService')}</th>
            <th scope="col">${t('colName')}</th>
            <th scope="col">${t('colPhone')}</th>
            <th scope="col">${t('colCode')}</th>
            <th scope="col">${t('colState')}</th>
            <th scope="col"><span class="sr-only">${t('colAction')}</span></th>
          </tr>
        </thead>
        <tbody>
          ${appointments.map((appointment) => this.renderRow(appointment))}
        </tbody>
      </table>
    </div>`;
  }

  private renderRow(appointment: StaffAppointment) {
    const { state, phone, email } = appointment;
    return html`<tr class="appointment appointment--${state}">
      <th scope="row" class="nowrap appointment__time">
        ${this.clock(appointment.start)}–${this.clock(appointment.end)}
      </th>
      <td>${appointment.service.name}</td>
      <td>
        ${
          appointment.name ??
          html`<span aria-hidden="true">${t('noName')}</span
            ><span class="sr-only">${t('noNameHint')}</span>`
        }
        ${
          appointment.bookedByStaff
            ? html`<span class="appointment__by">${t('bookedByPhone')}</span>`
            : nothing
        }
      </td>
      <td class="appointment__contact">
        ${phone ? html`<a class="nowrap" href="tel:${phone}">${phone}</a>` : nothing}
        ${email ? html`<a href="mailto:${email}">${email}</a>` : nothing}
      </td>
      <td class="nowrap appointment__code">${appointment.code}</td>
      <td><span class="state">${t(`apptState_${state}`)}</span></td>
      <td>${state === 'booked' ? this.renderCancel(appointment) : nothing}</td>
    </tr>`;
  }

  private renderCancel(appointment: StaffAppointment) {
    const time = this.clock(appointment.start);
    const name = appointment.name ?? appointment.code;
    if (this.confirming !== appointment.id) {
      return html`<button
        type="button"
        class="button button--small"
        id="cancel-${appointment.id}"
        aria-label=${t('cancelAppointmentLabel', { time, name })}
        @click=${() => void this.ask(appointment.id, `#cancel-no-${appointment.id}`)}
      >
        ${t('cancelAppointment')}
      </button>`;
    }
    const back = () => void this.ask(null, `#cancel-${appointment.id}`);
    return html`<div
      class="confirm"
      role="group"
      aria-labelledby="cancel-question-${appointment.id}"
      @keydown=${(e: KeyboardEvent) => {
        if (e.key === 'Escape') back();
      }}
    >
      <p id="cancel-question-${appointment.id}" class="confirm__question">
        ${t('cancelQuestion', { time, name })}
      </p>
      <div class="button-row">
        <button
          type="button"
          class="button button--small button--danger"
          @click=${() => {
            this.confirming = null;
            this.emit<CancelRequest>('vb-cancel-appointment', { id: appointment.id, time });
          }}
        >
          ${t('cancelYes')}
        </button>
        <button
          type="button"
          class="button button--small"
          id="cancel-no-${appointment.id}"
          @click=${back}
        >
          ${t('cancelNo')}
        </button>
      </div>
    </div>`;
  }

  private renderBlock(block: Block) {
    const from = this.clock(block.start);
    const to = this.clock(block.end);
    return html`<li class="block-list__item">
      <span class="nowrap block-list__time">${from}–${to}</span>
      <span>${t('blockSeats', { count: block.seats })}</span>
      <span class="block-list__reason">${block.reason}</span>
      <button
        type="button"
        class="button button--small"
        aria-label=${t('blockDeleteLabel', { from, to })}
        @click=${() => this.emit<DeleteBlockRequest>('vb-delete-block', { id: block.id, from, to })}
      >
        ${t('blockDelete')}
      </button>
    </li>`;
  }
}

customElements.define('vb-appointment-list', AppointmentList);
