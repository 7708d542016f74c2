/**
 * An inline "are you sure?" for leaving the lobby or ending a consultation: no modal to trap
 * focus in, the safe answer gets the focus, the question names the group for screen readers.
 */
import { html } from 'lit';

export interface ConfirmOptions {
  id: string;
  question: string;
  yes: string;
  no: string;
  busy: boolean;
  onYes: () => void;
  onNo: () => void;
}

export function confirmView({ id, question, yes, no, busy, onYes, onNo }: ConfirmOptions) {
  return html`<div
    class="section notice notice--warning confirm"
    role="group"
    aria-labelledby=${id}
  >
    <p id=${id}>${question}</p>
    <p class="button-row">
      <button type="button" class="button" ?disabled=${busy} @click=${onYes}>${yes}</button>
      <button type="button" class="button button--secondary confirm__cancel" @click=${onNo}>
        ${no}
      </button>
    </p>
  </div>`;
}
