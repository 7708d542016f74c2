/**
 * Switches between German and English without reload. The button names the other language in
 * that language ("English" / "Deutsch", with its own lang attribute so screen readers
 * pronounce it right); the icon and a hidden hint say what it does.
 */
import { html } from 'lit';
import type { Locale } from '../../shared/locale.js';
import { messagesFor, otherLocale, setLocale, t } from '../lib/i18n/index.js';
import { languageIcon } from '../lib/icons.js';
import { LightElement } from '../lib/light-element.js';

export class LanguageSwitch extends LightElement {
  static override properties = {
    locale: { type: String },
  };

  declare locale: Locale;

  override render() {
    const target = otherLocale(this.locale);
    return html`<button type="button" class="header-button" @click=${() => setLocale(target)}>
      ${languageIcon}<span class="sr-only">${t('switchLanguageHint')}: </span
      ><span lang=${target}>${messagesFor(target).languageName}</span>
    </button>`;
  }
}

customElements.define('vb-language-switch', LanguageSwitch);
