/** Loading and error views shared by the citizen pages; errors are in the page's language. */
import { html, nothing } from 'lit';
import type { Locale } from '../../shared/locale.js';
import type { ApiError } from '../lib/api.js';
import { translate } from '../lib/i18n/index.js';

/** The API's own message in the page language, else a plain explanation. */
export function errorMessage(error: ApiError, locale: Locale): string {
  const fromApi = error.messages?.[locale];
  if (fromApi) return fromApi;
  if (error.status === 0) return translate(locale, 'errorNetwork');
  return error.code ? error.message : translate(locale, 'errorGeneric');
}

export function loadingView(text: string) {
  return html`<p class="loading"><span class="spinner" aria-hidden="true"></span>${text}</p>`;
}

/** With `withTitle` false the page's own h1 already says what went wrong. */
export function errorView(error: ApiError, locale: Locale, retry: () => void, withTitle = true) {
  return html`<div class="notice notice--error" role="alert">
    ${withTitle ? html`<h2 class="notice__title">${translate(locale, 'errorTitle')}</h2>` : nothing}
    <p>${errorMessage(error, locale)}</p>
    <button type="button" class="button" @click=${retry}>${translate(locale, 'retry')}</button>
  </div>`;
}
