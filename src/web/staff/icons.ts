/**
 * Inline SVG icons (no icon font, no third-party host), all decorative: the words next to them
 * carry the meaning; the shapes differ so nothing depends on colour alone.
 */
import { html, svg, type SVGTemplateResult, type TemplateResult } from 'lit';

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

/** A filled circle with a check mark. */
export const presentIcon = icon(
  svg`<circle cx="12" cy="12" r="11" fill="currentColor" /><path d="M6.5 12.5l3.5 3.5 7.5-8" fill="none" stroke="#fff" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round" />`,
);

/** An empty ring with a dash. */
export const absentIcon = icon(
  svg`<circle cx="12" cy="12" r="9.5" fill="none" stroke="currentColor" stroke-width="3" /><path d="M7.5 12h9" stroke="currentColor" stroke-width="3" stroke-linecap="round" />`,
);

export const languageIcon = icon(
  svg`<circle cx="12" cy="12" r="9.5" fill="none" stroke="currentColor" stroke-width="2" /><path d="M2.5 12h19M12 2.5c3 3.2 3 15.8 0 19M12 2.5c-3 3.2-3 15.8 0 19" fill="none" stroke="currentColor" stroke-width="2" />`,
);

/** A bell: someone is being called. */
export const bellIcon = icon(
  svg`<path d="M12 2.5a1.5 1.5 0 0 1 1.5 1.5v.7A6.5 6.5 0 0 1 18.5 11v4l2 3v1h-17v-1l2-3v-4a6.5 6.5 0 0 1 5-6.3V4A1.5 1.5 0 0 1 12 2.5zM9.5 20.5h5a2.5 2.5 0 0 1-5 0z" fill="currentColor" />`,
);

/** A phone handset: calling someone (the "call next" buttons). */
export const callIcon = icon(
  svg`<path d="M6.6 2.8l2.6-.6 2 4.6-1.9 1.6a12 12 0 0 0 6.3 6.3l1.6-1.9 4.6 2-.6 2.6c-.2.9-1 1.6-2 1.6C10.4 19 5 13.6 5 4.8c0-1 .7-1.8 1.6-2z" fill="currentColor" />`,
);
