/** The booking form's text fields: label, hint, the error by the field, the right keyboard. */
import { html, nothing } from 'lit';
import { t, type BookingMessageKey } from './i18n/index.js';

export type Field = 'name' | 'phone' | 'email';

interface FieldSpec {
  type: 'text' | 'tel' | 'email';
  autocomplete: string;
  maxlength: number;
  label: BookingMessageKey;
  hint: BookingMessageKey;
}

const FIELDS: Record<Field, FieldSpec> = {
  name: { type: 'text', autocomplete: 'name', maxlength: 80, label: 'nameLabel', hint: 'nameHint' },
  phone: {
    type: 'tel',
    autocomplete: 'tel',
    maxlength: 40,
    label: 'phoneLabel',
    hint: 'phoneHint',
  },
  email: {
    type: 'email',
    autocomplete: 'email',
    maxlength: 254,
    label: 'emailLabel',
    hint: 'emailHint',
  },
};

export function fieldOf(name: string): Field | null {
  return name === 'name' || name === 'phone' || name === 'email' ? name : null;
}

export interface TextFieldOptions {
  field: Field;
  value: string;
  error: string | undefined;
  required: boolean;
}

export function textField({ field, value, error, required }: TextFieldOptions) {
  const spec = FIELDS[field];
  const id = `booking-${field}`;
  const describedBy = error ? `${id}-error ${id}-hint` : `${id}-hint`;
  return html`<p class="field">
    <label for=${id}>${t(spec.label)}</label>
    <span id="${id}-hint" class="hint">${t(spec.hint)}</span>
    ${error ? html`<span id="${id}-error" class="field-error">${error}</span>` : nothing}
    <input
      id=${id}
      name=${field}
      type=${spec.type}
      autocomplete=${spec.autocomplete}
      maxlength=${spec.maxlength}
      ?required=${required}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${describedBy}
      .value=${value}
    />
  </p>`;
}
