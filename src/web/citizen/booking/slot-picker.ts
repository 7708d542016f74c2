/**
 * Choosing a time: a week at a time (earlier/later), the week's days with how many times are
 * free, and the chosen day's free times as buttons. Days and times are the office's (its zone).
 * Fires `vb-slot` with `{ start, end }`. Used for booking and for rescheduling.
 */
import { html, nothing } from 'lit';
import type { Slots } from '../../../shared/appointments.js';
import type { Locale } from '../../../shared/locale.js';
import type { ApiError } from '../../lib/api.js';
import { LightElement } from '../../lib/light-element.js';
import { errorView, loadingView } from '../load-states.js';
import { fetchSlots } from './api.js';
import { addDays, dayText, daysBetween, localDate, timeText, weekOf, zoneNote } from './dates.js';
import { t } from './i18n/index.js';

export type Slot = Slots['days'][number]['slots'][number];
export type SlotEvent = CustomEvent<Slot>;

/** How many empty weeks the first load skips to reach the first free time. */
const SEEK_WEEKS = 8;

export class SlotPicker extends LightElement {
  static override properties = {
    slug: { type: String },
    serviceId: { type: Number },
    timeZone: { type: String },
    horizonDays: { type: Number },
    locale: { type: String },
    selected: { type: String },
    weekStart: { state: true },
    days: { state: true },
    day: { state: true },
    error: { state: true },
  };

  declare slug: string;
  declare serviceId: number;
  declare timeZone: string;
  declare horizonDays: number;
  declare locale: Locale;
  /** The start of the time chosen so far (marked as pressed). */
  declare selected: string | null;
  declare weekStart: string;
  declare days: Slots['days'] | null;
  declare day: string | null;
  declare error: ApiError | null;

  private today = '';
  private controller: AbortController | null = null;

  constructor() {
    super();
    this.selected = null;
    this.weekStart = '';
    this.days = null;
    this.day = null;
    this.error = null;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.controller?.abort();
  }

  private get lastDay(): string {
    return addDays(this.today, this.horizonDays);
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('serviceId') || changed.has('slug') || changed.has('timeZone')) {
      this.today = localDate(new Date(), this.timeZone);
      const chosen = this.selected ? localDate(new Date(this.selected), this.timeZone) : null;
      // Start at the week of the time already chosen, else today (and seek the first free one).
      const offset = chosen ? Math.max(0, daysBetween(this.today, chosen)) : 0;
      this.weekStart = addDays(this.today, offset - (offset % 7));
      this.day = chosen;
      void this.load(chosen ? 0 : SEEK_WEEKS);
    }
  }

  private async load(seek: number): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.days = null;
    this.error = null;
    const { from, to } = weekOf(this.weekStart, this.lastDay);
    try {
      const slots = await fetchSlots(
        this.slug,
        { serviceId: this.serviceId, from, to },
        this.locale,
        controller.signal,
      );
      if (controller.signal.aborted) return;
      const free = slots.days.filter((d) => d.slots.length > 0);
      const next = addDays(this.weekStart, 7);
      if (free.length === 0 && seek > 0 && next <= this.lastDay) {
        this.weekStart = next;
        return this.load(seek - 1);
      }
      this.days = slots.days;
      if (!free.some((d) => d.date === this.day)) this.day = free[0]?.date ?? null;
    } catch (error) {
      if (!controller.signal.aborted) this.error = error as ApiError;
    }
  }

  private moveWeek(days: number): void {
    this.weekStart = addDays(this.weekStart, days);
    this.day = null;
    void this.load(0);
  }

  private choose(slot: Slot): void {
    this.dispatchEvent(new CustomEvent('vb-slot', { detail: slot, bubbles: true }));
  }

  override render() {
    const { from, to } = weekOf(this.weekStart, this.lastDay);
    const note = zoneNote(this.timeZone, this.locale);
    return html`<div class="slot-picker">
      <div class="week-nav">
        <button
          type="button"
          class="button button--secondary"
          ?disabled=${this.weekStart <= this.today}
          @click=${() => this.moveWeek(-7)}
        >
          ${t('previousWeek')}
        </button>
        <p class="week-nav__label" role="status">
          ${t('weekLabel', { from: dayText(from, this.locale), to: dayText(to, this.locale) })}
        </p>
        <button
          type="button"
          class="button button--secondary"
          ?disabled=${addDays(this.weekStart, 7) > this.lastDay}
          @click=${() => this.moveWeek(7)}
        >
          ${t('nextWeek')}
        </button>
      </div>
      ${this.renderWeek(from, to)} ${note ? html`<p class="hint">${note}</p>` : nothing}
    </div>`;
  }

  private renderWeek(from: string, to: string) {
    if (this.error) return errorView(this.error, this.locale, () => void this.load(0));
    const days = this.days;
    if (!days) return loadingView(t('loadingSlots'));
    const count = (date: string) => days.find((d) => d.date === date)?.slots.length ?? 0;
    const dates = Array.from({ length: daysBetween(from, to) + 1 }, (_, i) => addDays(from, i));
    if (!dates.some((date) => count(date) > 0)) {
      const last = addDays(this.weekStart, 7) > this.lastDay;
      return html`<p class="notice notice--warning">${t(last ? 'nothingFree' : 'weekEmpty')}</p>`;
    }
    return html`<div class="day-list" role="group" aria-label=${t('daysLabel')}>
        ${dates.map((date) => {
          const n = count(date);
          return html`<button
            type="button"
            class="day-list__day"
            aria-pressed=${date === this.day ? 'true' : 'false'}
            ?disabled=${n === 0}
            @click=${() => (this.day = date)}
          >
            <span class="day-list__name">${dayText(date, this.locale, 'short')}</span>
            <span class="day-list__count">${n ? t('dayFree', { count: n }) : t('dayNone')}</span>
          </button>`;
        })}
      </div>
      ${this.renderTimes(days)}`;
  }

  private renderTimes(days: Slots['days']) {
    const day = days.find((d) => d.date === this.day);
    if (!day) return nothing;
    return html`<h3 id="times-title" class="times-title">
        ${t('timesLabel', { date: dayText(day.date, this.locale) })}
      </h3>
      <ul class="time-list" aria-labelledby="times-title">
        ${day.slots.map(
          (slot) =>
            html`<li>
              <button
                type="button"
                class="time-list__time"
                aria-pressed=${slot.start === this.selected ? 'true' : 'false'}
                @click=${() => this.choose(slot)}
              >
                ${timeText(slot.start, this.locale, this.timeZone)}
              </button>
            </li>`,
        )}
      </ul>`;
  }
}

customElements.define('vb-slot-picker', SlotPicker);
