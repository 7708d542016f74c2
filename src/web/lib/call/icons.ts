/**
 * The call's icons (inline SVG, decorative: the button's words carry the meaning). A state is
 * shown by a different shape (a slash through the microphone), never by colour alone.
 */
import { svg, type SVGTemplateResult } from 'lit';
import { icon } from '../icons.js';

/** Line drawings in the text colour. */
const line = (body: SVGTemplateResult) =>
  icon(
    svg`<g fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${body}</g>`,
  );

const slash = svg`<path d="M4 3l17 18" stroke-width="2.5" />`;
const mic = svg`<rect x="9" y="3" width="6" height="11" rx="3" /><path d="M5.5 11a6.5 6.5 0 0 0 13 0M12 17.5V21" />`;
const camera = svg`<rect x="2.5" y="6" width="13" height="12" rx="2" /><path d="M15.5 10.5l6-3.5v10l-6-3.5z" />`;

export const micIcon = line(mic);
export const micOffIcon = line(svg`${mic}${slash}`);
export const cameraIcon = line(camera);
export const cameraOffIcon = line(svg`${camera}${slash}`);
export const screenIcon = line(
  svg`<rect x="2.5" y="4" width="19" height="13" rx="1.5" /><path d="M8 21h8M12 17v4M12 14V8M9 10.5L12 7.5l3 3" />`,
);
export const devicesIcon = line(
  svg`<path d="M4 7h10M18 7h2M4 17h2M10 17h10" /><circle cx="16" cy="7" r="2" /><circle cx="8" cy="17" r="2" />`,
);
export const soundIcon = line(
  svg`<path d="M4 9.5h3.5L12 5.5v13l-4.5-4H4z" /><path d="M15.5 9a4 4 0 0 1 0 6M18 6.5a7.5 7.5 0 0 1 0 11" />`,
);
export const uploadIcon = line(svg`<path d="M12 16V4M7 9l5-5 5 5M4 16v4h16v-4" />`);
export const documentIcon = line(
  svg`<path d="M6 2.5h8l4.5 4.5v14.5H6z" /><path d="M14 2.5V7h4.5M9 12h6M9 16h6" />`,
);

/** Signal bars: three for good, two for fair, one and a "!" for poor, empty while measuring. */
export function qualityIcon(level: 'good' | 'fair' | 'poor' | 'unknown') {
  const filled = { good: 3, fair: 2, poor: 1, unknown: 0 }[level];
  const bar = (index: number, x: number, height: number) =>
    svg`<rect x=${x} y=${20 - height} width="4" height=${height} rx="1"
      fill=${index < filled ? 'currentColor' : 'none'} />`;
  return icon(
    svg`<g stroke="currentColor" stroke-width="1.5">${bar(0, 2, 6)}${bar(1, 8, 11)}${bar(2, 14, 16)}${
      level === 'poor'
        ? svg`<path d="M21 4v8M21 15.5v1" stroke-width="2.5" stroke-linecap="round" />`
        : svg``
    }</g>`,
  );
}
