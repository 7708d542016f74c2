import { html } from 'lit';

const RANGE = /(\d{2}:\d{2}–\d{2}:\d{2})/;

/**
 * Renders a text so that a time range ("08:00–12:00") never breaks after its dash on a narrow
 * screen; lines may still break between ranges.
 */
export function timeText(text: string) {
  return text
    .split(RANGE)
    .map((part, index) => (index % 2 === 1 ? html`<span class="nowrap">${part}</span>` : part));
}
