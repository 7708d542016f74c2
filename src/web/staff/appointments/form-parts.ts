/**
 * What the booking and block forms share: a problem to show next to a field (one of the
 * console's texts, or a failed request in the catalogue's words), the error line under a field,
 * its `aria-describedby`, and handing a lost session up to the console.
 */
import { html, nothing } from 'lit';
import { ApiError } from '../../lib/request.js';
import { errorText } from '../api.js';
import { t, type MessageKey } from '../i18n/index.js';

export type Problem = { key: MessageKey } | { error: unknown };

export function problemText(problem: Problem): string {
  return 'key' in problem ? t(problem.key) : errorText(problem.error);
}

/** The line under a field that says what is wrong (id `<field id>-error`), or nothing. */
export function fieldError(id: string, problem: Problem | undefined) {
  return problem
    ? html`<p class="field-error" id="${id}-error">${problemText(problem)}</p>`
    : nothing;
}

/** The field's `aria-describedby`: its hint (id `<field id>-hint`) and its error line. */
export function describedBy(id: string, hint: boolean, problem: Problem | undefined) {
  const ids = [hint ? `${id}-hint` : '', problem ? `${id}-error` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : nothing;
}

/** The end of a form: the failed request in an alert region, and the submit button. */
export function formEnd(formError: unknown, busy: boolean, submit: string, busyText: string) {
  return html`<div role="alert">
      ${formError ? html`<p class="notice notice--error">${errorText(formError)}</p>` : nothing}
    </div>
    <button type="submit" class="button button--primary" ?disabled=${busy}>
      ${busy ? busyText : submit}
    </button>`;
}

/** A 401 means the session is gone: the console reloads into the login form. */
export function reportSessionLoss(from: HTMLElement, error: unknown): boolean {
  if (!(error instanceof ApiError) || error.code !== 'UNAUTHENTICATED') return false;
  from.dispatchEvent(new CustomEvent('vb-session-lost', { bubbles: true }));
  return true;
}

/** Moves focus to the first of `fields` (ids `<prefix>-<field>`) that has a problem. */
export function focusFirstProblem(
  root: HTMLElement,
  prefix: string,
  fields: readonly string[],
  problems: Partial<Record<string, Problem>>,
): void {
  const first = fields.find((field) => problems[field]);
  if (first) root.querySelector<HTMLElement>(`#${prefix}-${first}`)?.focus();
}

export interface InputFieldOptions {
  id: string;
  name: string;
  type: 'text' | 'tel' | 'email' | 'time' | 'number';
  label: string;
  hint?: string;
  problem?: Problem | undefined;
  required?: boolean;
  maxlength?: number;
  min?: number;
  max?: number;
  /** The initial value (the field is not bound: the form reads it on submit). */
  value?: string;
}

/** A labelled input with its hint and error line, wired up by ids for screen readers. */
export function inputField(field: InputFieldOptions) {
  const { id, hint, problem } = field;
  return html`<div class="field">
    <label for=${id}>${field.label}</label>
    ${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : nothing}
    <input
      id=${id}
      name=${field.name}
      type=${field.type}
      autocomplete="off"
      ?required=${field.required ?? false}
      maxlength=${field.maxlength ?? nothing}
      min=${field.min ?? nothing}
      max=${field.max ?? nothing}
      value=${field.value ?? nothing}
      aria-invalid=${problem ? 'true' : 'false'}
      aria-describedby=${describedBy(id, Boolean(hint), problem)}
    />
    ${fieldError(id, problem)}
  </div>`;
}
