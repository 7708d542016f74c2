/**
 * "Book for a caller": service, a free time of the chosen day (the public free-times endpoint),
 * name, mobile number, optional e-mail and the language of the SMS. Errors appear next to their
 * field in the catalogue's words; a time taken meanwhile offers the nearest free ones. After
 * booking it shows the code to read out and emits `vb-booked` with the `Booked` answer.
 */
import { html, nothing } from 'lit';
import type { Booked, Service, Slots } from '../../../shared/appointments.js';
import type { Locale } from '../../../shared/locale.js';
import { LightElement } from '../../lib/light-element.js';
import { ApiError } from '../../lib/request.js';
import { errorText } from '../api.js';
import { t } from '../i18n/index.js';
import { appointmentsApi } from './api.js';
import {
  bookedSummary,
  languageChoice,
  serviceField,
  timeField,
  timeLabel,
} from './booking-parts.js';
import {
  alternativesFor,
  bookingFieldOf,
  freeStartsOn,
  suggestedStarts,
  type BookingField,
} from './day-logic.js';
import {
  focusFirstProblem,
  formEnd,
  inputField,
  reportSessionLoss,
  type Problem,
} from './form-parts.js';

const FIELDS: readonly BookingField[] = ['service', 'start', 'name', 'phone', 'email'];

export class CallerBooking extends LightElement {
  static override properties = {
    slug: { type: String },
    date: { type: String },
    timeZone: { type: String },
    services: { attribute: false },
    locale: { type: String },
    serviceId: { state: true },
    slots: { state: true },
    slotsError: { state: true },
    start: { state: true },
    lang: { state: true },
    problems: { state: true },
    formError: { state: true },
    alternatives: { state: true },
    busy: { state: true },
    booked: { state: true },
  };

  declare slug: string;
  /** The chosen day (YYYY-MM-DD in the office's zone). */
  declare date: string;
  declare timeZone: string;
  declare services: Service[];
  declare locale: Locale;
  declare serviceId: number | null;
  /** The free times of the chosen service and day; null while loading. */
  declare slots: Slots | null;
  declare slotsError: unknown;
  /** The chosen start (ISO instant), '' when none. */
  declare start: string;
  declare lang: Locale;
  declare problems: Partial<Record<BookingField, Problem>>;
  declare formError: unknown;
  declare alternatives: string[];
  declare busy: boolean;
  declare booked: Booked | null;

  private slotsRequest = 0;

  constructor() {
    super();
    this.services = [];
    this.serviceId = this.slots = this.slotsError = this.formError = this.booked = null;
    this.start = '';
    this.lang = 'de';
    this.problems = {};
    this.alternatives = [];
    this.busy = false;
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (!this.services.some((service) => service.id === this.serviceId)) {
      this.serviceId = this.services[0]?.id ?? null;
    }
    if (changed.has('slug') || changed.has('date') || changed.has('serviceId')) {
      this.start = '';
      this.alternatives = [];
      this.problems = {};
      void this.loadSlots();
    }
  }

  private async loadSlots(): Promise<void> {
    const request = ++this.slotsRequest;
    this.slots = this.slotsError = null;
    if (this.serviceId === null) return;
    try {
      const slots = await appointmentsApi.freeTimes(this.slug, this.serviceId, this.date);
      if (request === this.slotsRequest) this.slots = slots;
    } catch (error) {
      if (request === this.slotsRequest && !reportSessionLoss(this, error)) {
        this.slotsError = error;
      }
    }
  }

  /** Why the free times cannot be listed (yet), or ''. */
  private slotsNote(): string {
    if (this.slotsError) return errorText(this.slotsError);
    if (this.serviceId === null) return '';
    if (this.slots === null) return t('bookingTimesLoading');
    return freeStartsOn(this.slots, this.date).length === 0 ? t('bookingNoTimes') : '';
  }

  private label(start: string): string {
    return timeLabel(start, this.date, this.locale, this.timeZone);
  }

  /** A free time chosen from the list (focus stays) or from the alternatives (focus moves). */
  private async choose(start: string, focus = true): Promise<void> {
    this.start = start;
    this.alternatives = [];
    this.problems = { ...this.problems, start: undefined };
    if (!focus) return;
    await this.updateComplete;
    this.querySelector<HTMLElement>('#booking-start')?.focus();
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy || this.serviceId === null) return;
    const form = event.target as HTMLFormElement;
    const input = (name: string) => form.querySelector<HTMLInputElement>(`[name=${name}]`);
    const [name, phone, email] = ['name', 'phone', 'email'].map(
      (field) => input(field)?.value.trim() ?? '',
    ) as [string, string, string];
    const problems: Partial<Record<BookingField, Problem>> = {};
    if (!this.start) problems.start = { key: 'bookingTimeMissing' };
    if (!name) problems.name = { key: 'bookingNameMissing' };
    if (!phone) problems.phone = { key: 'bookingPhoneMissing' };
    this.problems = problems;
    this.formError = this.booked = null;
    this.alternatives = [];
    if (Object.keys(problems).length > 0) return this.showProblems();
    const start = this.start;
    this.busy = true;
    try {
      const booked = await appointmentsApi.book(this.slug, {
        serviceId: this.serviceId,
        start,
        name,
        phone,
        lang: this.lang,
        ...(email ? { email } : {}),
      });
      for (const field of ['name', 'phone', 'email']) {
        const element = input(field);
        if (element) element.value = '';
      }
      this.booked = booked;
      this.start = '';
      this.busy = false;
      this.dispatchEvent(new CustomEvent<Booked>('vb-booked', { detail: booked, bubbles: true }));
      void this.loadSlots();
      await this.updateComplete;
      this.querySelector<HTMLElement>('#booking-done')?.focus();
    } catch (error) {
      this.busy = false;
      if (!reportSessionLoss(this, error)) await this.showFailure(error, start);
    }
  }

  private async showFailure(error: unknown, start: string): Promise<void> {
    const code = error instanceof ApiError ? error.code : null;
    const field = bookingFieldOf(code);
    if (field) this.problems = { [field]: { error } };
    else this.formError = error;
    if (code === 'SLOT_TAKEN' || code === 'SLOT_UNAVAILABLE') {
      this.start = '';
      await this.loadSlots();
      const free = freeStartsOn(this.slots, this.date);
      this.alternatives = alternativesFor(start, suggestedStarts(error), free);
    }
    await this.showProblems();
  }

  private async showProblems(): Promise<void> {
    await this.updateComplete;
    focusFirstProblem(this, 'booking', FIELDS, this.problems);
  }

  override render() {
    const { problems } = this;
    return html`<section class="panel appointment-form" aria-labelledby="booking-title">
      <h3 id="booking-title">${t('bookingTitle')}</h3>
      <p class="hint">${t('bookingIntro')}</p>
      <div role="status">
        ${this.booked ? bookedSummary(this.booked, this.locale, this.timeZone) : nothing}
      </div>
      <form novalidate @submit=${(e: SubmitEvent) => void this.submit(e)}>
        ${serviceField(this.services, this.serviceId, problems.service, (id) => (this.serviceId = id))}
        ${timeField({
          starts: freeStartsOn(this.slots, this.date),
          chosen: this.start,
          note: this.slotsNote(),
          problem: problems.start,
          alternatives: this.alternatives,
          label: (start) => this.label(start),
          choose: (start, focus) => void this.choose(start, focus),
        })}
        ${inputField({
          id: 'booking-name',
          name: 'name',
          type: 'text',
          label: t('bookingName'),
          problem: problems.name,
          required: true,
          maxlength: 80,
        })}
        ${inputField({
          id: 'booking-phone',
          name: 'phone',
          type: 'tel',
          label: t('bookingPhone'),
          hint: t('bookingPhoneHint'),
          problem: problems.phone,
          required: true,
          maxlength: 40,
        })}
        ${inputField({
          id: 'booking-email',
          name: 'email',
          type: 'email',
          label: t('bookingEmail'),
          problem: problems.email,
          maxlength: 254,
        })}
        ${languageChoice(this.lang, (lang) => (this.lang = lang))}
        ${formEnd(this.formError, this.busy, t('bookingSubmit'), t('bookingBusy'))}
      </form>
    </section>`;
  }
}

customElements.define('vb-caller-booking', CallerBooking);
