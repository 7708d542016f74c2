/**
 * `<vb-rating>`: after the consultation, an anonymous 1–5 rating with an optional comment —
 * offered only while the consultation's snapshot says `canRate` (served, ended, not yet
 * rated). Five radio buttons in a fieldset: arrow keys choose, the words say what each means.
 */
import { html, nothing } from 'lit';
import type { Locale } from '../../shared/locale.js';
import { rateConsultation, type ApiError } from '../lib/api.js';
import { t, type MessageKey } from '../lib/i18n/index.js';
import { LightElement } from '../lib/light-element.js';
import { realtime } from '../lib/realtime.js';
import { errorMessage } from './load-states.js';

const STARS = [1, 2, 3, 4, 5] as const;

export class RatingForm extends LightElement {
  static override properties = {
    consultationId: { type: String },
    secret: { attribute: false },
    locale: { type: String },
    canRate: { state: true },
    sending: { state: true },
    done: { state: true },
    error: { state: true },
  };

  declare consultationId: string;
  declare secret: string;
  declare locale: Locale;
  declare canRate: boolean;
  declare sending: boolean;
  declare done: boolean;
  declare error: string;

  private stop: (() => void) | null = null;

  constructor() {
    super();
    this.canRate = this.sending = this.done = false;
    this.error = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.stop = realtime().subscribe(
      { topic: 'consultation', consultationId: this.consultationId, secret: this.secret },
      (message) => {
        if (message.topic === 'consultation') this.canRate = message.data.canRate;
      },
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stop?.();
  }

  private async submit(event: Event): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const stars = Number(data.get('stars'));
    const field = data.get('comment');
    const comment = typeof field === 'string' ? field.trim() : '';
    if (!(stars >= 1 && stars <= 5)) {
      this.error = t('ratingChoose');
      form.querySelector<HTMLInputElement>('input[name="stars"]')?.focus();
      return;
    }
    this.sending = true;
    this.error = '';
    try {
      await rateConsultation(
        this.consultationId,
        { stars, ...(comment ? { comment } : {}) },
        this.secret,
        this.locale,
      );
      this.done = true;
      await this.updateComplete;
      this.querySelector<HTMLElement>('.rating__thanks')?.focus();
    } catch (error) {
      const failure = error as ApiError;
      this.error = errorMessage(failure, this.locale);
      if (failure.code === 'RATING_NOT_ALLOWED') this.canRate = false;
    } finally {
      this.sending = false;
    }
  }

  override render() {
    if (this.done) {
      return html`<p class="notice rating__thanks" role="status" tabindex="-1">
        ${t('ratingThanks')}
      </p>`;
    }
    const error = this.error
      ? html`<p class="notice notice--error" role="alert">${this.error}</p>`
      : nothing;
    if (!this.canRate) return error;
    return html`<section class="panel rating" aria-labelledby="rating-title">
      <h2 id="rating-title">${t('ratingTitle')}</h2>
      <p class="hint">${t('ratingIntro')}</p>
      <form @submit=${(event: Event) => void this.submit(event)} novalidate>
        <fieldset class="rating__stars">
          <legend>${t('ratingLegend')}</legend>
          ${STARS.map(
            (stars) =>
              html`<p class="rating__option">
                <input type="radio" name="stars" id="rating-${stars}" value=${stars} />
                <label for="rating-${stars}">
                  <span class="rating__glyphs" aria-hidden="true"
                    >${'★'.repeat(stars)}${'☆'.repeat(5 - stars)}</span
                  >
                  ${t(`ratingStars${stars}` as MessageKey)}
                </label>
              </p>`,
          )}
        </fieldset>
        <p class="field">
          <label for="rating-comment">${t('ratingComment')}</label>
          <span class="hint" id="rating-comment-hint">${t('ratingCommentHint')}</span>
          <textarea
            id="rating-comment"
            name="comment"
            rows="3"
            maxlength="1000"
            aria-describedby="rating-comment-hint"
          ></textarea>
        </p>
        ${error}
        <button type="submit" class="button" ?disabled=${this.sending}>
          ${this.sending ? t('ratingSending') : t('ratingSubmit')}
        </button>
      </form>
    </section>`;
  }
}

customElements.define('vb-rating', RatingForm);
