/**
 * The booking form: name, mobile number, optional e-mail, the proof-of-work check, confirm.
 * The check starts when the form gets the focus, so it is usually done before "Book" is
 * pressed. The API's messages appear by the field they concern; SLOT_TAKEN offers the nearest
 * free times (`vb-slot`); success fires `vb-booked` with the answer.
 */
import { html, nothing } from 'lit';
import type { Booked, Service } from '../../../shared/appointments.js';
import type { Locale } from '../../../shared/locale.js';
import type { ApiError } from '../../lib/api.js';
import { LightElement } from '../../lib/light-element.js';
import { errorMessage } from '../load-states.js';
import { bookAppointment, CHALLENGE_URL } from './api.js';
import { dateTimeText } from './dates.js';
import { t } from './i18n/index.js';
import { ProofCheck } from './proof-check.js';
import type { Slot } from './slot-picker.js';
import { fieldOf, textField, type Field } from './form-fields.js';

export type BookedEvent = CustomEvent<{ booked: Booked; withEmail: boolean }>;

/** What was typed, kept while the tab lives (going back to another time keeps it). */
const draft: Record<Field, string> = { name: '', phone: '', email: '' };

export class BookingForm extends LightElement {
  static override properties = {
    slug: { type: String },
    service: { attribute: false },
    chosen: { attribute: false },
    timeZone: { type: String },
    locale: { type: String },
    busy: { state: true },
    fieldErrors: { state: true },
    formError: { state: true },
    alternatives: { state: true },
    note: { state: true },
  };

  declare slug: string;
  declare service: Service;
  /** The time chosen (a SLOT_TAKEN alternative replaces it). */
  declare chosen: Slot;
  declare timeZone: string;
  declare locale: Locale;
  declare busy: boolean;
  declare fieldErrors: Partial<Record<Field, string>>;
  declare formError: ApiError | null;
  declare alternatives: string[];
  /** A quiet line under the button: the check is still running, or a new time was taken. */
  declare note: string;

  private readonly proof = new ProofCheck(this);

  constructor() {
    super();
    this.busy = false;
    this.fieldErrors = {};
    this.formError = null;
    this.alternatives = [];
    this.note = '';
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    const previous = changed.get('chosen') as Slot | undefined;
    if (previous && previous.start !== this.chosen.start) {
      this.alternatives = [];
      this.formError = null;
      this.note = t('alternativeChosen', {
        dateTime: dateTimeText(this.chosen.start, this.locale, this.timeZone),
      });
    }
  }

  private onInput = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    const field = fieldOf(input.name);
    if (field) draft[field] = input.value;
  };

  private submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (this.busy) return;
    const missing: Partial<Record<Field, string>> = {};
    if (!draft.name.trim()) missing.name = t('nameMissing');
    if (!draft.phone.trim()) missing.phone = t('phoneMissing');
    this.fieldErrors = missing;
    this.formError = null;
    this.alternatives = [];
    if (Object.keys(missing).length > 0) return this.focusOn('[aria-invalid="true"]');
    this.busy = true;
    this.note = t('checkRunning');
    const altcha = await this.proof.payload();
    this.note = '';
    if (!altcha) {
      this.busy = false;
      return this.focusOn('.proof .field-error, .proof input');
    }
    try {
      const email = draft.email.trim();
      const booked = await bookAppointment(
        this.slug,
        {
          serviceId: this.service.id,
          start: this.chosen.start,
          name: draft.name.trim(),
          phone: draft.phone.trim(),
          ...(email ? { email } : {}),
          lang: this.locale,
          altcha,
        },
        this.locale,
      );
      draft.name = draft.phone = draft.email = '';
      const detail = { booked, withEmail: email !== '' };
      this.dispatchEvent(new CustomEvent('vb-booked', { detail, bubbles: true }));
    } catch (error) {
      this.busy = false;
      this.fail(error as ApiError);
    }
  };

  /** Puts the API's message where it belongs, and a fresh check in place (it is used up). */
  private fail(error: ApiError): void {
    this.proof.renew(error.code === 'CHALLENGE_FAILED' ? errorMessage(error, this.locale) : '');
    const field = fieldForError(error);
    if (field) {
      this.fieldErrors = { [field]: errorMessage(error, this.locale) };
      return this.focusOn('[aria-invalid="true"]');
    }
    if (error.code === 'CHALLENGE_FAILED') return this.focusOn('.proof .field-error');
    this.formError = error;
    if (error.code === 'SLOT_TAKEN') this.alternatives = error.extra.alternatives ?? [];
    this.focusOn('.booking-form__error');
  }

  private focusOn(selector: string): void {
    void this.updateComplete.then(() => this.querySelector<HTMLElement>(selector)?.focus());
  }

  private chooseAlternative(start: string): void {
    const end = new Date(Date.parse(start) + this.service.durationMinutes * 60_000).toISOString();
    this.dispatchEvent(new CustomEvent<Slot>('vb-slot', { detail: { start, end }, bubbles: true }));
    this.focusOn('.booking-form button[type="submit"]');
  }

  override render() {
    const errors = this.fieldErrors;
    return html`<form
      class="panel booking-form"
      novalidate
      @submit=${this.submit}
      @input=${this.onInput}
    >
      ${textField({ field: 'name', value: draft.name, error: errors.name, required: true })}
      ${textField({ field: 'phone', value: draft.phone, error: errors.phone, required: true })}
      ${textField({ field: 'email', value: draft.email, error: errors.email, required: false })}
      <h3 class="privacy__title">${t('privacyTitle')}</h3>
      <p class="privacy">${t('privacyText')}</p>
      ${this.proof.render(CHALLENGE_URL, this.locale)} ${this.renderError()}
      <button type="submit" class="button button--big" ?disabled=${this.busy}>
        ${this.busy ? t('submitting') : t('submit')}
      </button>
      <p class="hint" role="status">${this.note}</p>
    </form>`;
  }

  private renderError() {
    const error = this.formError;
    if (!error) return nothing;
    return html`<div class="notice notice--error booking-form__error" role="alert" tabindex="-1">
      <p>${errorMessage(error, this.locale)}</p>
      ${
        this.alternatives.length
          ? html`<p id="alternatives-label"><strong>${t('alternativesLabel')}</strong></p>
              <ul class="time-list" aria-labelledby="alternatives-label">
                ${this.alternatives.map(
                  (start) =>
                    html`<li>
                      <button
                        type="button"
                        class="time-list__time time-list__time--wide"
                        @click=${() => this.chooseAlternative(start)}
                      >
                        ${dateTimeText(start, this.locale, this.timeZone)}
                      </button>
                    </li>`,
                )}
              </ul>`
          : nothing
      }
    </div>`;
  }
}

function fieldForError(error: ApiError): Field | null {
  if (error.code?.startsWith('PHONE_')) return 'phone';
  if (error.code === 'EMAIL_INVALID') return 'email';
  if (error.code === 'VALIDATION_FAILED') {
    for (const detail of error.extra.details ?? []) {
      const field = fieldOf(detail.path.replace(/^\//, '').split('/')[0] ?? '');
      if (field) return field;
    }
  }
  return null;
}

customElements.define('vb-booking-form', BookingForm);
