/**
 * The proof-of-work widget (`altcha` 3.x), loaded only when the booking form shows: the widget
 * without its inlined workers and styles (`altcha/external`, strict-CSP build), its stylesheet,
 * and the PBKDF2 worker as a same-origin file. Its texts come from our catalogue; the footer
 * link to altcha.org and the pointer-movement collector ("human interaction signature") are off.
 */
import 'altcha/external';
import 'altcha/altcha.css';
import type { AltchaGlobal } from 'altcha/types';
import type { Locale } from '../../../shared/locale.js';
import { messagesFor } from './i18n/index.js';

const ALGORITHM = 'PBKDF2/SHA-256';
const altcha = (globalThis as unknown as { $altcha: AltchaGlobal }).$altcha;

altcha.algorithms.set(
  ALGORITHM,
  () => new Worker(new URL('./pow-worker.ts', import.meta.url), { name: 'altcha-pbkdf2' }),
);

for (const locale of ['de', 'en'] as const satisfies readonly Locale[]) {
  const m = messagesFor(locale);
  altcha.i18n.set(locale, {
    ariaLinkLabel: 'ALTCHA',
    cancel: m.altcha_cancel,
    enterCode: '',
    enterCodeAria: '',
    enterCodeFromImage: '',
    error: m.altcha_error,
    expired: m.altcha_expired,
    footer: '',
    getAudioChallenge: '',
    label: m.altcha_label,
    loading: m.altcha_loading,
    reload: m.altcha_reload,
    verify: m.altcha_verify,
    verificationRequired: m.altcha_required,
    verified: m.altcha_verified,
    verifying: m.altcha_verifying,
    waitAlert: m.altcha_wait,
  });
}

/** Settings for every widget: fetch from our API, start when the form gets the focus. */
export const WIDGET_CONFIGURATION = JSON.stringify({
  hideFooter: true,
  hideLogo: true,
  humanInteractionSignature: false,
  // Phones with little memory: the widget itself limits workers to 4 there.
  retryOnOutOfMemoryError: true,
});
