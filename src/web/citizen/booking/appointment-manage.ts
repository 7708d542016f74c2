/**
 * "Reschedule or cancel" on an appointment's page. Reschedule: the same time picker, then a
 * confirm step; the old time is kept until the new one is taken (server side), SLOT_TAKEN offers
 * the nearest free times. Cancel: an inline "are you sure?". Fires `vb-appointment` with the
 * changed appointment.
 */
import { html, nothing } from 'lit';
import type { AppointmentView } from '../../../shared/appointments.js';
import type { Locale } from '../../../shared/locale.js';
import type { ApiError } from '../../lib/api.js';
import { LightElement } from '../../lib/light-element.js';
import { confirmView } from '../confirm.js';
import { errorMessage, loadingView } from '../load-states.js';
import { cancelAppointment, fetchBookingInfo, rescheduleAppointment } from './api.js';
import { dateTimeText } from './dates.js';
import { t } from './i18n/index.js';
import type { SlotEvent } from './slot-picker.js';
import './slot-picker.js';

type Mode = 'idle' | 'cancel' | 'reschedule';

export class AppointmentManage extends LightElement {
  static override properties = {
    appointment: { attribute: false },
    token: { type: String },
    locale: { type: String },
    mode: { state: true },
    horizonDays: { state: true },
    newStart: { state: true },
    busy: { state: true },
    error: { state: true },
    done: { state: true },
  };

  declare appointment: AppointmentView;
  declare token: string;
  declare locale: Locale;
  declare mode: Mode;
  /** From the office's booking settings, fetched when rescheduling starts. */
  declare horizonDays: number | null;
  declare newStart: string | null;
  declare busy: boolean;
  declare error: ApiError | null;
  /** Said after a successful change. */
  declare done: string;

  private focusNext: string | null = null;

  constructor() {
    super();
    this.mode = 'idle';
    this.horizonDays = this.newStart = this.error = null;
    this.busy = false;
    this.done = '';
  }

  protected override updated(): void {
    if (!this.focusNext) return;
    this.querySelector<HTMLElement>(this.focusNext)?.focus();
    this.focusNext = null;
  }

  private setMode(mode: Mode, focus: string | null): void {
    this.mode = mode;
    this.newStart = null;
    this.error = null;
    this.done = '';
    this.focusNext = focus;
  }

  private startReschedule = async (): Promise<void> => {
    this.setMode('reschedule', '#reschedule-title');
    if (this.horizonDays !== null) return;
    try {
      const info = await fetchBookingInfo(this.appointment.office, this.locale);
      this.horizonDays = info.horizonDays;
    } catch (error) {
      this.error = error as ApiError;
    }
  };

  private onSlot = (event: SlotEvent): void => {
    this.chooseStart(event.detail.start);
  };

  private chooseStart(start: string): void {
    this.newStart = start;
    this.error = null;
    this.focusNext = '.reschedule-confirm .confirm__cancel';
  }

  private run = async (action: () => Promise<AppointmentView>, done: string): Promise<void> => {
    if (this.busy) return;
    this.busy = true;
    this.error = null;
    try {
      const changed = await action();
      this.setMode('idle', changed.state === 'booked' ? '#manage-done' : null);
      this.done = done;
      this.dispatchEvent(new CustomEvent('vb-appointment', { detail: changed, bubbles: true }));
    } catch (error) {
      this.error = error as ApiError;
      this.focusNext = '.manage .notice--error';
    } finally {
      this.busy = false;
    }
  };

  private reschedule = (): void => {
    const start = this.newStart;
    if (!start) return;
    void this.run(() => rescheduleAppointment(this.token, start, this.locale), t('rescheduled'));
  };

  private cancel = (): void => {
    void this.run(() => cancelAppointment(this.token, this.locale), '');
  };

  override render() {
    return html`<section class="section section--wide manage" aria-labelledby="manage-title">
      <h2 id="manage-title" tabindex="-1">${t('manageTitle')}</h2>
      <p id="manage-done" class="lead" role="status" tabindex="-1">${this.done}</p>
      ${this.mode === 'reschedule' ? this.renderReschedule() : this.renderActions()}
      ${this.renderError()}
    </section>`;
  }

  private renderActions() {
    return html`<p class="button-row">
        <button type="button" class="button button--secondary" @click=${this.startReschedule}>
          ${t('rescheduleButton')}
        </button>
        <button
          type="button"
          class="button button--secondary"
          @click=${() => this.setMode('cancel', '.manage .confirm__cancel')}
        >
          ${t('cancelButton')}
        </button>
      </p>
      ${
        this.mode === 'cancel'
          ? confirmView({
              id: 'cancel-question',
              question: t('cancelQuestion'),
              yes: t('cancelYes'),
              no: t('cancelNo'),
              busy: this.busy,
              onYes: this.cancel,
              onNo: () => this.setMode('idle', '#manage-title'),
            })
          : nothing
      }`;
  }

  private renderReschedule() {
    const { appointment, newStart } = this;
    const zone = appointment.timeZone;
    return html`<h3 id="reschedule-title" tabindex="-1">${t('rescheduleTitle')}</h3>
      ${
        this.horizonDays === null
          ? this.error
            ? nothing
            : loadingView(t('loadingSlots'))
          : html`<vb-slot-picker
              .slug=${appointment.office}
              .serviceId=${appointment.service.id}
              .timeZone=${zone}
              .horizonDays=${this.horizonDays}
              .locale=${this.locale}
              .selected=${newStart ?? appointment.start}
              @vb-slot=${this.onSlot}
            ></vb-slot-picker>`
      }
      ${
        newStart
          ? html`<div class="reschedule-confirm">
              ${confirmView({
                id: 'reschedule-question',
                question: t('rescheduleQuestion', {
                  dateTime: dateTimeText(newStart, this.locale, zone),
                }),
                yes: t('rescheduleYes'),
                no: t('rescheduleNo'),
                busy: this.busy,
                onYes: this.reschedule,
                onNo: () => (this.newStart = null),
              })}
            </div>`
          : nothing
      }
      <p>
        <button
          type="button"
          class="link-button"
          @click=${() => this.setMode('idle', '#manage-title')}
        >
          ${t('rescheduleClose')}
        </button>
      </p>`;
  }

  private renderError() {
    const error = this.error;
    if (!error) return nothing;
    const alternatives = error.code === 'SLOT_TAKEN' ? (error.extra.alternatives ?? []) : [];
    return html`<div class="notice notice--error" role="alert" tabindex="-1">
      <p>${errorMessage(error, this.locale)}</p>
      ${
        alternatives.length
          ? html`<p id="manage-alternatives"><strong>${t('alternativesLabel')}</strong></p>
              <ul class="time-list" aria-labelledby="manage-alternatives">
                ${alternatives.map(
                  (start) =>
                    html`<li>
                      <button
                        type="button"
                        class="time-list__time time-list__time--wide"
                        @click=${() => this.chooseStart(start)}
                      >
                        ${dateTimeText(start, this.locale, this.appointment.timeZone)}
                      </button>
                    </li>`,
                )}
              </ul>`
          : nothing
      }
    </div>`;
  }
}

customElements.define('vb-appointment-manage', AppointmentManage);
