/**
 * Inline SVG icons (no icon font, no third-party host). Each status has its own shape, so it
 * is recognisable without colour: check in a circle, hourglass, empty ring, cross in a square.
 * All are decorative (aria-hidden): the words next to them carry the meaning.
 */
import { html, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import type { OfficeStatus } from '../../shared/offices.js';

const icon = (body: SVGTemplateResult): TemplateResult =>
  html`<svg
    class="icon"
    viewBox="0 0 24 24"
    width="20"
    height="20"
    aria-hidden="true"
    focusable="false"
  >
    ${body}
  </svg>`;

export const STATUS_ICONS: Record<OfficeStatus, TemplateResult> = {
  open_free: icon(
    svg`<circle cx="12" cy="12" r="11" fill="currentColor" /><path d="M6.5 12.5l3.5 3.5 7.5-8" fill="none" stroke="#fff" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round" />`,
  ),
  open_busy: icon(
    svg`<path d="M5 2h14v2h-1.5v2.5a5.5 5.5 0 0 1-3 4.9v1.2a5.5 5.5 0 0 1 3 4.9V20H19v2H5v-2h1.5v-2.5a5.5 5.5 0 0 1 3-4.9v-1.2a5.5 5.5 0 0 1-3-4.9V4H5z" fill="currentColor" />`,
  ),
  open_unstaffed: icon(
    svg`<circle cx="12" cy="12" r="9.5" fill="none" stroke="currentColor" stroke-width="3" /><path d="M7.5 12h9" stroke="currentColor" stroke-width="3" stroke-linecap="round" />`,
  ),
  closed: icon(
    svg`<rect x="1.5" y="1.5" width="21" height="21" rx="3" fill="currentColor" /><path d="M8 8l8 8M16 8l-8 8" stroke="#fff" stroke-width="2.5" stroke-linecap="round" />`,
  ),
};

export const languageIcon = icon(
  svg`<circle cx="12" cy="12" r="9.5" fill="none" stroke="currentColor" stroke-width="2" /><path d="M2.5 12h19M12 2.5c3 3.2 3 15.8 0 19M12 2.5c-3 3.2-3 15.8 0 19" fill="none" stroke="currentColor" stroke-width="2" />`,
);

export const backIcon = icon(
  svg`<path d="M15 5l-7 7 7 7" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round" />`,
);
