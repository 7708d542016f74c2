/**
 * An appointment's page at "/a/{token}" (and "/a/{token}/change", which starts at "reschedule
 * or cancel"): the details; "Enter now" from `checkInFrom` on — a clock re-enables it without a
 * reload — which turns the appointment into a ticket with priority and opens the lobby, exactly
 * as a walk-in's ticket; reschedule and cancel (`vb-appointment-manage`).
 */
import { html, nothing } from 'lit';
import type { AppointmentView } from '../../../shared/appointments.js';
import type { Locale } from '../../../shared/locale.js';
import type { ApiError } from '../../lib/api.js';
import { followLink, lobbyHref, navigate } from '../../lib/app-route.js';
import { forgetAppointment, saveAppointment } from '../../lib/appointment-store.js';
import { unlockAudio } from '../../lib/call-alert.js';
import { t as pageText } from '../../lib/i18n/index.js';
import { LightElement } from '../../lib/light-element.js';
import { officeHref } from '../../lib/route.js';
import { saveTicket } from '../../lib/ticket-store.js';
import { backIcon } from '../icons.js';
import { errorMessage, errorView, loadingView } from '../load-states.js';
import { checkIn, fetchAppointment } from './api.js';
import { details, finalState } from './appointment-views.js';
import { enterFromText } from './dates.js';
import { t } from './i18n/index.js';
import './appointment-manage.js';

/** The clock ticks at least this often while "Enter" is not yet possible. */
const TICK_MS = 30_000;

export class AppointmentPage extends LightElement {
  static override properties = {
    token: { type: String },
    change: { type: Boolean },
    locale: { type: String },
    appointment: { state: true },
    error: { state: true },
    now: { state: true },
    entering: { state: true },
    enterError: { state: true },
  };

  declare token: string;
  declare change: boolean;
  declare locale: Locale;
  declare appointment: AppointmentView | null;
  declare error: ApiError | null;
  declare now: Date;
  declare entering: boolean;
  declare enterError: ApiError | null;

  private controller: AbortController | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private focusNext: string | null = null;

  constructor() {
    super();
    this.appointment = this.error = this.enterError = null;
    this.now = new Date();
    this.entering = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.tick);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.controller?.abort();
    clearTimeout(this.timer);
    document.removeEventListener('visibilitychange', this.tick);
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('token') || changed.has('locale')) void this.load();
  }

  protected override updated(): void {
    const page = this.appointment?.officeName ?? t('appointmentTitle');
    document.title = pageText('pageTitle', { page: `${t('appointmentTitle')} – ${page}` });
    const target = this.focusNext;
    this.focusNext = null;
    // After a macrotask: the parts inside (vb-appointment-manage) have rendered by then.
    if (target) setTimeout(() => this.querySelector<HTMLElement>(target)?.focus());
  }

  private async load(): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.error = null;
    try {
      const first = this.appointment === null;
      this.receive(await fetchAppointment(this.token, this.locale, controller.signal));
      if (first && this.change && this.appointment?.state === 'booked') {
        this.focusNext = '#manage-title';
      }
    } catch (error) {
      if (!controller.signal.aborted) this.error = error as ApiError;
    }
  }

  private receive = (appointment: AppointmentView): void => {
    this.appointment = appointment;
    if (appointment.state === 'booked') {
      saveAppointment(appointment.office, { token: this.token, start: appointment.start });
    } else {
      forgetAppointment(appointment.office, this.token);
    }
    this.tick();
  };

  /** Re-reads the clock; wakes up exactly when entering becomes possible. */
  private tick = (): void => {
    clearTimeout(this.timer);
    this.now = new Date();
    const appointment = this.appointment;
    if (appointment?.state !== 'booked') return;
    const wait = Date.parse(appointment.checkInFrom) - this.now.getTime();
    if (wait > 0) this.timer = setTimeout(this.tick, Math.min(wait + 50, TICK_MS));
  };

  private onChanged = (event: CustomEvent<AppointmentView>): void => {
    this.receive(event.detail);
    if (event.detail.state !== 'booked') this.focusNext = '#appointment-outcome';
  };

  private enter = async (): Promise<void> => {
    const appointment = this.appointment;
    if (!appointment || this.entering || !this.canEnter(appointment)) return;
    unlockAudio(); // This click lets the lobby play the call sound later.
    this.entering = true;
    this.enterError = null;
    try {
      const created = await checkIn(this.token, this.locale);
      saveTicket(appointment.office, { id: created.ticket.id, secret: created.secret });
      forgetAppointment(appointment.office, this.token);
      navigate(lobbyHref(appointment.office));
    } catch (error) {
      this.entering = false;
      this.enterError = error as ApiError;
      this.focusNext = '.enter-appointment .notice';
    }
  };

  private canEnter(appointment: AppointmentView): boolean {
    return this.now.getTime() >= Date.parse(appointment.checkInFrom);
  }

  override render() {
    const appointment = this.appointment;
    const notFound = this.error?.status === 404;
    return html`${
        appointment
          ? html`<p class="back">
              <a href=${officeHref(appointment.office)} @click=${followLink}
                >${backIcon}<span>${t('backToOffice', { office: appointment.officeName })}</span></a
              >
            </p>`
          : nothing
      }
      <h1 tabindex="-1">${notFound ? t('appointmentNotFoundTitle') : t('appointmentTitle')}</h1>
      ${this.renderBody(appointment)}`;
  }

  private renderBody(appointment: AppointmentView | null) {
    const error = this.error;
    if (error?.status === 404) return html`<p class="lead">${errorMessage(error, this.locale)}</p>`;
    if (error) return errorView(error, this.locale, () => void this.load(), false);
    if (!appointment) return loadingView(t('loadingAppointment'));
    return html`${details(appointment, this.locale)} ${finalState(appointment)}
    ${
      appointment.state === 'booked'
        ? html`${this.renderEnter(appointment)}
            <vb-appointment-manage
              .appointment=${appointment}
              .token=${this.token}
              .locale=${this.locale}
              @vb-appointment=${this.onChanged}
            ></vb-appointment-manage>`
        : nothing
    }`;
  }

  private renderEnter(appointment: AppointmentView) {
    const open = this.canEnter(appointment);
    const text = open
      ? t('enterNow')
      : enterFromText(appointment.checkInFrom, this.now, this.locale, appointment.timeZone);
    return html`<section class="section enter-appointment" aria-labelledby="enter-title">
      <h2 id="enter-title">${t('enterTitle')}</h2>
      <p id="enter-when" role="status">${text}</p>
      ${
        this.enterError
          ? html`<div class="notice notice--error" role="alert" tabindex="-1">
              <p>${errorMessage(this.enterError, this.locale)}</p>
            </div>`
          : nothing
      }
      <button
        type="button"
        class="button button--big button--call"
        aria-disabled=${open && !this.entering ? 'false' : 'true'}
        aria-describedby="enter-when"
        @click=${this.enter}
      >
        ${this.entering ? t('entering') : t('enterButton')}
      </button>
    </section>`;
  }
}

customElements.define('vb-appointment-page', AppointmentPage);
