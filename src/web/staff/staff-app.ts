/**
 * The staff console shell at /staff: skip link, header (name, language, log out), then either
 * the login form or the console. On load `GET /api/staff/me` decides which; a reload restores
 * everything (duty, queue, the running consultation) from the server.
 */
import { html, nothing } from 'lit';
import type { Locale } from '../../shared/locale.js';
import { languageIcon } from '../lib/icons.js';
import { LightElement } from '../lib/light-element.js';
import { realtime, type ConnectionState } from '../lib/realtime.js';
import { ApiError } from '../lib/request.js';
import { errorText, staffApi } from './api.js';
import {
  currentLocale,
  messagesFor,
  onLocaleChange,
  otherLocale,
  setLocale,
  t,
  type MessageKey,
} from './i18n/index.js';
import type { StaffMe } from './types.js';
import './staff-console.js';
import './staff-login.js';

/** Survives the reload after logging out (which also drops the WebSocket of the old session). */
const NOTICE_KEY = 'vb-staff-notice';
const NOTICES: readonly MessageKey[] = ['loggedOut', 'loggedOutEverywhere', 'sessionExpired'];

type View = 'loading' | 'login' | 'console' | 'error';

export class StaffApp extends LightElement {
  static override properties = {
    locale: { state: true },
    view: { state: true },
    me: { state: true },
    notice: { state: true },
    error: { state: true },
    busy: { state: true },
    connection: { state: true },
  };

  declare locale: Locale;
  declare view: View;
  declare me: StaffMe | null;
  declare notice: string;
  declare error: string;
  declare busy: boolean;
  declare connection: ConnectionState;

  private stops: (() => void)[] = [];

  constructor() {
    super();
    this.locale = currentLocale();
    this.view = 'loading';
    this.me = null;
    this.notice = this.error = '';
    this.busy = false;
    this.connection = 'connecting';
    this.notice = this.takeNotice();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.stops.push(
      onLocaleChange((locale) => {
        this.locale = locale;
        if (this.me) void this.load(); // office names come in the page's language
      }),
    );
    void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const stop of this.stops.splice(0)) stop();
  }

  private takeNotice(): string {
    try {
      const key = sessionStorage.getItem(NOTICE_KEY);
      sessionStorage.removeItem(NOTICE_KEY);
      return NOTICES.find((notice) => notice === key) ? t(key as MessageKey) : '';
    } catch {
      return '';
    }
  }

  /** A fresh page for a fresh session: no subscriptions or socket of the old one survive. */
  private restart(notice: MessageKey): void {
    try {
      sessionStorage.setItem(NOTICE_KEY, notice);
    } catch {
      // Without storage the login form simply shows no reason.
    }
    location.reload();
  }

  private async load(): Promise<void> {
    try {
      this.setMe(await staffApi.me());
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        if (this.me) this.restart('sessionExpired');
        else this.view = 'login';
      } else if (!this.me) {
        this.error = errorText(error);
        this.view = 'error';
      }
    }
  }

  private setMe(me: StaffMe): void {
    const first = !this.me;
    this.me = me;
    this.view = 'console';
    if (first) {
      this.stops.push(realtime().onState((state) => (this.connection = state)));
      void this.updateComplete.then(() => this.querySelector<HTMLElement>('h1')?.focus());
    }
  }

  private async logout(everywhere: boolean): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      await (everywhere ? staffApi.logoutEverywhere() : staffApi.logout());
      this.restart(everywhere ? 'loggedOutEverywhere' : 'loggedOut');
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) this.restart('sessionExpired');
      else this.error = errorText(error);
      this.busy = false;
    }
  }

  protected override updated(): void {
    if (this.view !== 'console') document.title = t('pageTitle', { page: t('consoleTitle') });
  }

  override render() {
    const target = otherLocale(this.locale);
    const me = this.me;
    return html`
      <a class="skip-link" href="#main">${t('skipLink')}</a>
      <header class="staff-header">
        <p class="staff-header__brand">${t('appName')}</p>
        <div class="staff-header__tools">
          ${
            me
              ? html`<p class="staff-header__user">
                  <span class="sr-only">${t('loggedInAs')} </span>${me.name}
                </p>`
              : nothing
          }
          <button type="button" class="header-button" @click=${() => setLocale(target)}>
            ${languageIcon}<span class="sr-only">${t('switchLanguageHint')}: </span
            ><span lang=${target}>${messagesFor(target).languageName}</span>
          </button>
          ${
            me
              ? html`<button
                    type="button"
                    class="header-button"
                    ?disabled=${this.busy}
                    @click=${() => void this.logout(false)}
                  >
                    ${t('logout')}
                  </button>
                  <button
                    type="button"
                    class="header-button"
                    ?disabled=${this.busy}
                    @click=${() => void this.logout(true)}
                  >
                    ${t('logoutEverywhere')}
                  </button>`
              : nothing
          }
        </div>
      </header>
      ${me ? this.renderConnection() : nothing}
      <main id="main" tabindex="-1">${this.renderMain()}</main>
    `;
  }

  private renderConnection() {
    const state = this.connection;
    const key =
      state === 'open' ? 'connected' : state === 'connecting' ? 'connecting' : 'reconnecting';
    return html`<div class="connection connection--${state}" role="status">
      <span class="connection__dot" aria-hidden="true"></span>${t(key)}
    </div>`;
  }

  private renderMain() {
    switch (this.view) {
      case 'loading':
        return html`<p class="loading" role="status">${t('loading')}</p>`;
      case 'error':
        return html`<section class="panel">
          <h1 tabindex="-1">${t('consoleTitle')}</h1>
          <p class="notice notice--error" role="alert">${this.error}</p>
          <button type="button" class="button" @click=${() => void this.load()}>
            ${t('retry')}
          </button>
        </section>`;
      case 'login':
        return html`<vb-staff-login
          .locale=${this.locale}
          .notice=${this.notice}
          @vb-login=${(e: CustomEvent<StaffMe>) => {
            this.notice = '';
            this.setMe(e.detail);
          }}
        ></vb-staff-login>`;
      case 'console':
        return html`<h1 class="console-title" tabindex="-1">${t('consoleTitle')}</h1>
          ${this.error ? html`<p class="notice notice--error" role="alert">${this.error}</p>` : nothing}
          <vb-staff-console
            .me=${this.me}
            .locale=${this.locale}
            @vb-me=${(e: CustomEvent<StaffMe>) => (this.me = e.detail)}
            @vb-session-lost=${() => this.restart('sessionExpired')}
          ></vb-staff-console>`;
    }
  }
}

customElements.define('vb-staff-app', StaffApp);
