/**
 * Pieces of the booking form that keep no state of their own: the service and free-time
 * choices (with the free times offered after SLOT_TAKEN), how a time is labelled, the language
 * of the SMS, and the confirmation with the booking code to read out.
 */
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Booked, Service } from '../../../shared/appointments.js';
import { LOCALES, type Locale } from '../../../shared/locale.js';
import { dateRangeText, formatClock } from '../../lib/format.js';
import { intlLocale, messagesFor, t } from '../i18n/index.js';
import { describedBy, fieldError, type Problem } from './form-parts.js';
import { localDateOf } from './zoned-time.js';

/** "09:30", or "Do., 26.11., 09:30" for a time on another day than `date`. */
export function timeLabel(start: string, date: string, locale: Locale, timeZone: string): string {
  const at = new Date(start);
  const time = formatClock(at, locale, timeZone);
  if (localDateOf(at, timeZone) === date) return time;
  const day = new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'numeric',
  }).format(at);
  return `${day}, ${time}`;
}

/** Deutsch · English as a radio group; each language's name in its own language. */
export function languageChoice(current: Locale, choose: (lang: Locale) => void) {
  return html`<fieldset class="field appointment-form__lang">
    <legend>${t('bookingLang')}</legend>
    <div class="segmented">
      ${LOCALES.map(
        (lang) =>
          html`<label class="segmented__option">
            <input
              type="radio"
              name="booking-lang"
              value=${lang}
              .checked=${live(current === lang)}
              @change=${() => choose(lang)}
            />
            <span lang=${lang}>${messagesFor(lang).languageName}</span>
          </label>`,
      )}
    </div>
  </fieldset>`;
}

export function serviceField(
  services: readonly Service[],
  chosen: number | null,
  problem: Problem | undefined,
  choose: (id: number) => void,
) {
  return html`<div class="field">
    <label for="booking-service">${t('bookingService')}</label>
    <select
      id="booking-service"
      aria-invalid=${problem ? 'true' : 'false'}
      aria-describedby=${describedBy('booking-service', false, problem)}
      @change=${(e: Event) => choose(Number((e.target as HTMLSelectElement).value))}
    >
      ${services.map(
        (service) =>
          html`<option value=${service.id} .selected=${live(service.id === chosen)}>
            ${t('bookingServiceOption', { name: service.name, minutes: service.durationMinutes })}
          </option>`,
      )}
    </select>
    ${fieldError('booking-service', problem)}
  </div>`;
}

export interface TimeFieldOptions {
  /** The free starts of the chosen day. */
  starts: readonly string[];
  /** The chosen start, '' for none; listed even when it is on another day (an alternative). */
  chosen: string;
  /** Why there is nothing to choose (loading, none free, the request failed), or ''. */
  note: string;
  problem: Problem | undefined;
  alternatives: readonly string[];
  label: (start: string) => string;
  /** `focus`: whether focus should move to the list (after choosing an alternative). */
  choose: (start: string, focus?: boolean) => void;
}

export function timeField(field: TimeFieldOptions) {
  const { chosen, note, problem } = field;
  const starts =
    chosen && !field.starts.includes(chosen) ? [chosen, ...field.starts] : field.starts;
  return html`<div class="field">
    <label for="booking-start">${t('bookingTime')}</label>
    <select
      id="booking-start"
      aria-invalid=${problem ? 'true' : 'false'}
      aria-describedby=${describedBy('booking-start', note !== '', problem)}
      @change=${(e: Event) => field.choose((e.target as HTMLSelectElement).value, false)}
    >
      <option value="" .selected=${live(chosen === '')}>${t('bookingTimeChoose')}</option>
      ${starts.map(
        (start) =>
          html`<option value=${start} .selected=${live(start === chosen)}>
            ${field.label(start)}
          </option>`,
      )}
    </select>
    ${note ? html`<p class="hint" id="booking-start-hint">${note}</p>` : nothing}
    ${fieldError('booking-start', problem)}
    ${
      field.alternatives.length > 0
        ? alternativesChoice(field.alternatives, field.label, field.choose)
        : nothing
    }
  </div>`;
}

/** "Frei in der Nähe: [09:20] [09:40]" — a button per free time; choosing does not book yet. */
export function alternativesChoice(
  starts: readonly string[],
  label: (start: string) => string,
  choose: (start: string) => void,
) {
  return html`<div class="alternatives" role="group" aria-labelledby="booking-alternatives">
    <p id="booking-alternatives">${t('bookingAlternatives')}</p>
    <div class="button-row">
      ${starts.map(
        (start) =>
          html`<button
            type="button"
            class="button button--small"
            aria-label=${t('bookingTakeAlternative', { time: label(start) })}
            @click=${() => choose(start)}
          >
            ${label(start)}
          </button>`,
      )}
    </div>
  </div>`;
}

/** What was booked, and the code, big enough to read out on the phone. */
export function bookedSummary(booked: Booked, locale: Locale, timeZone: string) {
  const { appointment } = booked;
  const at = new Date(appointment.start);
  const date = localDateOf(at, timeZone);
  return html`<div class="booked" id="booking-done" tabindex="-1">
    <p>
      ${t('bookingDone', {
        date: dateRangeText(date, date, locale),
        time: formatClock(at, locale, timeZone),
        service: appointment.service.name,
        name: appointment.name ?? '',
      })}
    </p>
    <p class="booked__code">
      ${t('bookingCode')}: <strong class="booked__value">${appointment.code}</strong>
    </p>
    <p class="hint">${t('bookingCodeHint')}</p>
  </div>`;
}
