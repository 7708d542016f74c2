/**
 * The citizen app shell: skip link, header with language switch, the routed page, footer.
 * Moves between pages without reload (lib/app-route.ts) and then puts the focus on the new h1.
 * Booking and appointment pages come from a chunk of their own, loaded when first needed.
 */
import { html } from 'lit';
import type { Locale } from '../../shared/locale.js';
import { currentLocale, onLocaleChange, t } from '../lib/i18n/index.js';
import { LightElement } from '../lib/light-element.js';
import { parseAppRoute, ROUTE_EVENT, type AppRoute } from '../lib/app-route.js';
import { bookingPagesLoaded, loadBookingPages } from './booking-loader.js';
import './language-switch.js';
import './lobby-page.js';
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
    route: { state: true },
    lazyFailed: { state: true },
  };

  declare locale: Locale;
  declare route: AppRoute;
  /** The booking pages' chunk could not be loaded. */
  declare lazyFailed: boolean;
  private unsubscribe: (() => void) | null = null;

  constructor() {
    super();
    this.locale = currentLocale();
    this.route = parseAppRoute(location.pathname);
    this.lazyFailed = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.unsubscribe = onLocaleChange((locale) => (this.locale = locale));
    window.addEventListener('popstate', this.onRoute);
    window.addEventListener(ROUTE_EVENT, this.onRoute);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    window.removeEventListener('popstate', this.onRoute);
    window.removeEventListener(ROUTE_EVENT, this.onRoute);
  }

  private onRoute = (): void => {
    this.route = parseAppRoute(location.pathname);
    window.scrollTo(0, 0);
    // The new page renders after this element: then its heading takes the focus.
    setTimeout(() => {
      const target = this.querySelector<HTMLElement>('main h1') ?? this.querySelector('main');
      target?.focus();
    });
  };

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    const lazy = this.route.page === 'book' || this.route.page === 'appointment';
    if (changed.has('route') && lazy && !bookingPagesLoaded()) {
      this.lazyFailed = false;
      loadBookingPages().then(
        () => this.lazyLoaded(),
        () => (this.lazyFailed = true),
      );
    }
  }

  /** The page arrived: it takes the place (and the focus) of the "loading" heading. */
  private lazyLoaded(): void {
    const hadFocus = Boolean(document.activeElement?.closest('main'));
    this.requestUpdate();
    if (hadFocus) setTimeout(() => this.querySelector<HTMLElement>('main h1')?.focus());
  }

  private renderLazyPage(
    route: Extract<AppRoute, { page: 'book' | 'appointment' }>,
    locale: Locale,
  ) {
    if (!bookingPagesLoaded()) {
      return this.lazyFailed
        ? html`<h1 tabindex="-1">${t('errorTitle')}</h1>
            <p class="notice notice--error" role="alert">${t('pageLoadFailed')}</p>`
        : html`<h1 class="loading" tabindex="-1">
            <span class="spinner" aria-hidden="true"></span>${t('loadingPage')}
          </h1>`;
    }
    return route.page === 'book'
      ? html`<vb-booking-page .slug=${route.slug} .locale=${locale}></vb-booking-page>`
      : html`<vb-appointment-page
          .token=${route.token}
          .change=${route.change}
          .locale=${locale}
        ></vb-appointment-page>`;
  }

  private renderPage(route: AppRoute, locale: Locale) {
    switch (route.page) {
      case 'directory':
        return html`<vb-office-directory .locale=${locale}></vb-office-directory>`;
      case 'office':
        return html`<vb-office-page .slug=${route.slug} .locale=${locale}></vb-office-page>`;
      case 'ticket':
        return html`<vb-lobby-page .slug=${route.slug} .locale=${locale}></vb-lobby-page>`;
      case 'book':
      case 'appointment':
        return this.renderLazyPage(route, locale);
    }
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
      <main id="main" class="wrap" tabindex="-1">${this.renderPage(route, locale)}</main>
      <footer class="site-footer">
        <div class="wrap"><p>${t('footerPrivacy')}</p></div>
      </footer>
    `;
  }
}

customElements.define('vb-citizen-app', CitizenApp);
