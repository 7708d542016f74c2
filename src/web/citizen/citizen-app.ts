/** The citizen app shell: skip link, header with language switch, the routed page, footer. */
import { html } from 'lit';
import type { Locale } from '../../shared/locale.js';
import { currentLocale, onLocaleChange, t } from '../lib/i18n/index.js';
import { LightElement } from '../lib/light-element.js';
import { parseRoute } from '../lib/route.js';
import './language-switch.js';
import './office-directory.js';
import './office-page.js';

const logo = html`<svg
  class="brand__logo"
  viewBox="0 0 32 32"
  width="32"
  height="32"
  aria-hidden="true"
  focusable="false"
>
  <path d="M16 3 3 10v3h26v-3z" fill="currentColor" />
  <path d="M6 15h3v9H6zm5.5 0h3v9h-3zm6 0h3v9h-3zm5.5 0h3v9h-3zM3 26h26v3H3z" fill="currentColor" />
</svg>`;

export class CitizenApp extends LightElement {
  static override properties = {
    locale: { state: true },
  };

  declare locale: Locale;
  private readonly route = parseRoute(location.pathname);
  private unsubscribe: (() => void) | null = null;

  constructor() {
    super();
    this.locale = currentLocale();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.unsubscribe = onLocaleChange((locale) => (this.locale = locale));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
  }

  override render() {
    const { route, locale } = this;
    return html`
      <a class="skip-link" href="#main">${t('skipLink')}</a>
      <header class="site-header">
        <div class="wrap site-header__inner">
          <a class="brand" href="/" aria-current=${route.page === 'directory' ? 'page' : 'false'}>
            ${logo}<span>${t('appName')}</span>
          </a>
          <vb-language-switch .locale=${locale}></vb-language-switch>
        </div>
      </header>
      <main id="main" class="wrap" tabindex="-1">
        ${
          route.page === 'directory'
            ? html`<vb-office-directory .locale=${locale}></vb-office-directory>`
            : html`<vb-office-page .slug=${route.slug} .locale=${locale}></vb-office-page>`
        }
      </main>
      <footer class="site-footer">
        <div class="wrap"><p>${t('footerPrivacy')}</p></div>
      </footer>
    `;
  }
}

customElements.define('vb-citizen-app', CitizenApp);
