/**
 * The citizen pages' own icons (the shared ones and `icon()` are in lib/icons.ts). Each status
 * has its own shape, so it is recognisable without colour: check in a circle, hourglass, empty
 * ring, cross in a square. All are decorative (aria-hidden): the words next to them carry the
 * meaning.
 */
import { svg, type TemplateResult } from 'lit';
import type { OfficeStatus } from '../../shared/offices.js';
import { checkCircleIcon, emptyRingIcon, icon } from '../lib/icons.js';

export const STATUS_ICONS: Record<OfficeStatus, TemplateResult> = {
  open_free: checkCircleIcon,
  open_busy: icon(
    svg`<path d="M5 2h14v2h-1.5v2.5a5.5 5.5 0 0 1-3 4.9v1.2a5.5 5.5 0 0 1 3 4.9V20H19v2H5v-2h1.5v-2.5a5.5 5.5 0 0 1 3-4.9v-1.2a5.5 5.5 0 0 1-3-4.9V4H5z" fill="currentColor" />`,
  ),
  open_unstaffed: emptyRingIcon,
  closed: icon(
    svg`<rect x="1.5" y="1.5" width="21" height="21" rx="3" fill="currentColor" /><path d="M8 8l8 8M16 8l-8 8" stroke="#fff" stroke-width="2.5" stroke-linecap="round" />`,
  ),
};

export const backIcon = icon(
  svg`<path d="M15 5l-7 7 7 7" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round" />`,
);
