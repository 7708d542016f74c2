/** Camera or microphone refused or missing: what happened, and how to fix it in this browser. */
import { html, nothing } from 'lit';
import { detectBrowser, helpTopic, type MediaProblem } from './browser.js';
import { t } from './i18n/index.js';

export function problemView(problem: MediaProblem | null, onRetry: () => void) {
  if (!problem) return nothing;
  const help = problem === 'denied' ? helpTopic(detectBrowser(navigator.userAgent)) : null;
  return html`<div class="notice notice--warning vc-problem" role="alert">
    <p class="vc-problem__title">${t(`problem_${problem}`)}</p>
    ${help ? html`<p>${t(`help_${help}`)}</p>` : nothing}
    <p>${t('problemStillChat')}</p>
    <p>
      <button type="button" class="vc-button" @click=${onRetry}>${t('retryMedia')}</button>
    </p>
  </div>`;
}
