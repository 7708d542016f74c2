/**
 * Inline SVG icons both pages use (no icon font, no third-party host). All are decorative
 * (aria-hidden): the words next to them carry the meaning, and the shapes differ so nothing
 * depends on colour alone. Page-specific icons are in citizen/icons.ts and staff/icons.ts.
 */
import { html, svg, type SVGTemplateResult, type TemplateResult } from 'lit';

export const icon = (body: SVGTemplateResult): TemplateResult =>
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

/** A filled circle with a check mark. */
export const checkCircleIcon = icon(
  svg`<circle cx="12" cy="12" r="11" fill="currentColor" /><path d="M6.5 12.5l3.5 3.5 7.5-8" fill="none" stroke="#fff" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round" />`,
);

/** An empty ring with a dash. */
export const emptyRingIcon = icon(
  svg`<circle cx="12" cy="12" r="9.5" fill="none" stroke="currentColor" stroke-width="3" /><path d="M7.5 12h9" stroke="currentColor" stroke-width="3" stroke-linecap="round" />`,
);

/** A globe: the language switch. */
export const languageIcon = icon(
  svg`<circle cx="12" cy="12" r="9.5" fill="none" stroke="currentColor" stroke-width="2" /><path d="M2.5 12h19M12 2.5c3 3.2 3 15.8 0 19M12 2.5c-3 3.2-3 15.8 0 19" fill="none" stroke="currentColor" stroke-width="2" />`,
);
