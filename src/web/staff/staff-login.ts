/**
 * The login form: e-mail and password, errors (wrong password, locked, too many attempts) in an
 * alert region. Emits `vb-login` with the StaffMe of the new session.
 */
import { html, nothing } from 'lit';
import { LightElement } from '../lib/light-element.js';
import { errorText, staffApi } from './api.js';
import { t } from './i18n/index.js';

export class StaffLogin extends LightElement {
  static override properties = {
    locale: { type: String },
    /** Why the form is shown (logged out, session expired), if there is a reason to say. */
    notice: { type: String },
    busy: { state: true },
    error: { state: true },
  };

  declare locale: string;
  declare notice: string;
  declare busy: boolean;
  declare error: string;

  constructor() {
    super();
    this.notice = this.error = '';
    this.busy = false;
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const form = event.target as HTMLFormElement;
    const field = (name: string) => form.querySelector<HTMLInputElement>(`[name=${name}]`);
    const email = field('email')?.value.trim() ?? '';
    const password = field('password')?.value ?? '';
    if (!email || !password) {
      form.reportValidity();
      return;
    }
    this.busy = true;
    this.error = '';
    try {
      const me = await staffApi.login(email, password);
      this.dispatchEvent(new CustomEvent('vb-login', { detail: me, bubbles: true }));
    } catch (error) {
      this.error = errorText(error);
      this.busy = false;
      await this.updateComplete;
      this.querySelector<HTMLInputElement>('#login-password')?.select();
    }
  }

  override render() {
    return html`<section class="panel login" aria-labelledby="login-title">
      <h1 id="login-title" tabindex="-1">${t('loginTitle')}</h1>
      ${this.notice ? html`<p class="notice" role="status">${this.notice}</p>` : nothing}
      <p>${t('loginIntro')}</p>
      <div role="alert">
        ${this.error ? html`<p class="notice notice--error">${this.error}</p>` : nothing}
      </div>
      <form class="login__form" @submit=${(e: SubmitEvent) => void this.submit(e)}>
        <div class="field">
          <label for="login-email">${t('emailLabel')}</label>
          <input
            id="login-email"
            name="email"
            type="email"
            autocomplete="username"
            required
            maxlength="200"
            aria-invalid=${this.error ? 'true' : 'false'}
          />
        </div>
        <div class="field">
          <label for="login-password">${t('passwordLabel')}</label>
          <input
            id="login-password"
            name="password"
            type="password"
            autocomplete="current-password"
            required
            maxlength="500"
            aria-invalid=${this.error ? 'true' : 'false'}
          />
        </div>
        <button type="submit" class="button button--primary" ?disabled=${this.busy}>
          ${this.busy ? t('loggingIn') : t('loginButton')}
        </button>
      </form>
    </section>`;
  }
}

customElements.define('vb-staff-login', StaffLogin);
