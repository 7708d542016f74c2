/**
 * The staff console's own icons (the shared ones and `icon()` are in lib/icons.ts), all
 * decorative: the words next to them carry the meaning.
 */
import { svg } from 'lit';
import { checkCircleIcon, emptyRingIcon, icon } from '../lib/icons.js';

/** Present: a filled circle with a check mark. */
export const presentIcon = checkCircleIcon;

/** Absent: an empty ring with a dash. */
export const absentIcon = emptyRingIcon;

/** A bell: someone is being called. */
export const bellIcon = icon(
  svg`<path d="M12 2.5a1.5 1.5 0 0 1 1.5 1.5v.7A6.5 6.5 0 0 1 18.5 11v4l2 3v1h-17v-1l2-3v-4a6.5 6.5 0 0 1 5-6.3V4A1.5 1.5 0 0 1 12 2.5zM9.5 20.5h5a2.5 2.5 0 0 1-5 0z" fill="currentColor" />`,
);

/** A phone handset: calling someone (the "call next" buttons). */
export const callIcon = icon(
  svg`<path d="M6.6 2.8l2.6-.6 2 4.6-1.9 1.6a12 12 0 0 0 6.3 6.3l1.6-1.9 4.6 2-.6 2.6c-.2.9-1 1.6-2 1.6C10.4 19 5 13.6 5 4.8c0-1 .7-1.8 1.6-2z" fill="currentColor" />`,
);
