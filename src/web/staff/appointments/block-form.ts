/**
 * "Block time": from and to on the chosen day (wall clock of the office's zone, turned into
 * instants here), how many seats fewer, and why — a meeting, illness. Emits `vb-block-added`
 * with the saved `Block`; the appointments view reloads the day.
 */
import { html, nothing } from 'lit';
import type { Block } from '../../../shared/appointments.js';
import type { Locale } from '../../../shared/locale.js';
import { formatClock } from '../../lib/format.js';
import { LightElement } from '../../lib/light-element.js';
import { t } from '../i18n/index.js';
import { appointmentsApi } from './api.js';
import { blockSpan } from './day-logic.js';
import {
  focusFirstProblem,
  formEnd,
  inputField,
  reportSessionLoss,
  type Problem,
} from './form-parts.js';

type BlockField = 'from' | 'to' | 'seats' | 'reason';
const FIELDS: readonly BlockField[] = ['from', 'to', 'seats', 'reason'];
const MAX_SEATS = 100;

export class BlockForm extends LightElement {
  static override properties = {
    slug: { type: String },
    date: { type: String },
    timeZone: { type: String },
    locale: { type: String },
    problems: { state: true },
    formError: { state: true },
    busy: { state: true },
    added: { state: true },
  };

  declare slug: string;
  /** The chosen day (YYYY-MM-DD in the office's zone). */
  declare date: string;
  declare timeZone: string;
  declare locale: Locale;
  declare problems: Partial<Record<BlockField, Problem>>;
  declare formError: unknown;
  declare busy: boolean;
  /** The block just saved, for the confirmation. */
  declare added: Block | null;

  constructor() {
    super();
    this.problems = {};
    this.formError = this.added = null;
    this.busy = false;
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const form = event.target as HTMLFormElement;
    const input = (name: BlockField) => form.querySelector<HTMLInputElement>(`[name=${name}]`);
    const value = (name: BlockField) => input(name)?.value.trim() ?? '';
    const span = blockSpan(this.date, value('from'), value('to'), this.timeZone);
    const seats = Number(value('seats') || '1');
    const reason = value('reason');
    const problems: Partial<Record<BlockField, Problem>> = {};
    if ('problem' in span) problems[span.field] = { key: span.problem };
    if (!Number.isInteger(seats) || seats < 1 || seats > MAX_SEATS) {
      problems.seats = { key: 'blockSeatsInvalid' };
    }
    if (!reason) problems.reason = { key: 'blockReasonMissing' };
    this.problems = problems;
    this.formError = this.added = null;
    if ('problem' in span || Object.keys(problems).length > 0) return this.showProblems();
    this.busy = true;
    try {
      const block = await appointmentsApi.addBlock(this.slug, { ...span, seats, reason });
      form.reset();
      this.added = block;
      this.dispatchEvent(
        new CustomEvent<Block>('vb-block-added', { detail: block, bubbles: true }),
      );
    } catch (error) {
      if (!reportSessionLoss(this, error)) this.formError = error;
    } finally {
      this.busy = false;
    }
  }

  private async showProblems(): Promise<void> {
    await this.updateComplete;
    focusFirstProblem(this, 'block', FIELDS, this.problems);
  }

  private clock(instant: string): string {
    return formatClock(new Date(instant), this.locale, this.timeZone);
  }

  override render() {
    const { problems, added } = this;
    return html`<section class="panel appointment-form" aria-labelledby="block-title">
      <h3 id="block-title">${t('blockTitle')}</h3>
      <p class="hint">${t('blockIntro')}</p>
      <div role="status">
        ${
          added
            ? html`<p class="notice">
                ${t('blockAdded', { from: this.clock(added.start), to: this.clock(added.end) })}
              </p>`
            : nothing
        }
      </div>
      <form novalidate @submit=${(e: SubmitEvent) => void this.submit(e)}>
        <div class="appointment-form__row">
          ${inputField({
            id: 'block-from',
            name: 'from',
            type: 'time',
            label: t('blockFrom'),
            problem: problems.from,
            required: true,
          })}
          ${inputField({
            id: 'block-to',
            name: 'to',
            type: 'time',
            label: t('blockTo'),
            hint: t('blockToHint'),
            problem: problems.to,
            required: true,
          })}
        </div>
        ${inputField({
          id: 'block-seats',
          name: 'seats',
          type: 'number',
          label: t('blockSeatsLabel'),
          hint: t('blockSeatsHint'),
          problem: problems.seats,
          min: 1,
          max: MAX_SEATS,
          value: '1',
        })}
        ${inputField({
          id: 'block-reason',
          name: 'reason',
          type: 'text',
          label: t('blockReason'),
          hint: t('blockReasonHint'),
          problem: problems.reason,
          required: true,
          maxlength: 200,
        })}
        ${formEnd(this.formError, this.busy, t('blockSubmit'), t('blockBusy'))}
      </form>
    </section>`;
  }
}

customElements.define('vb-block-form', BlockForm);
