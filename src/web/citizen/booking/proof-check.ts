/**
 * The proof-of-work check inside the booking form: loads the widget's chunk, follows its state,
 * hands out the solved payload, and renews it after a failed booking (a payload is good once).
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { Locale } from '../../../shared/locale.js';
import { loadingView } from '../load-states.js';
import type * as AltchaModule from './altcha.js';
import { t } from './i18n/index.js';

type Host = ReactiveControllerHost & HTMLElement;
type WidgetState = CustomEvent<{ state: string; payload: string | null }>;

/** What this form uses of the widget (altcha's own types do not resolve under NodeNext). */
interface Widget extends HTMLElement {
  getState(): string;
  verify(): Promise<{ payload: string } | null>;
  reset(): void;
}

let loading: Promise<typeof AltchaModule> | null = null;
function loadWidget(): Promise<typeof AltchaModule> {
  loading ??= import('./altcha.js').catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

export class ProofCheck implements ReactiveController {
  private configuration: string | null = null;
  private failed = false;
  private solved: string | null = null;
  /** Shown above the widget: why the check has to be done again. */
  private message = '';

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  hostConnected(): void {
    loadWidget().then(
      (module) => {
        this.configuration = module.WIDGET_CONFIGURATION;
        this.host.requestUpdate();
      },
      () => {
        this.failed = true;
        this.host.requestUpdate();
      },
    );
  }

  private get widget(): Widget | null {
    return this.host.querySelector<Widget>('altcha-widget');
  }

  private onState = (event: Event): void => {
    const { state, payload } = (event as WidgetState).detail;
    this.solved = state === 'verified' ? payload : null;
    if (state === 'verified' && this.message) {
      this.message = '';
      this.host.requestUpdate();
    }
  };

  /** The solved payload; waits for a running check, or runs one. null: it did not work. */
  async payload(): Promise<string | null> {
    if (this.solved) return this.solved;
    const widget = this.widget;
    let payload: string | null = null;
    if (widget?.getState() === 'verifying') payload = await settled(widget);
    else if (widget) payload = (await widget.verify())?.payload ?? null;
    if (!payload) {
      this.message = t(this.failed ? 'checkLoadFailed' : 'altcha_required');
      this.host.requestUpdate();
    }
    return payload;
  }

  /** After a failed booking: a fresh check (started at once), with a reason when there is one. */
  renew(message: string): void {
    this.solved = null;
    this.message = message;
    const widget = this.widget;
    widget?.reset();
    void widget?.verify();
    this.host.requestUpdate();
  }

  render(challengeUrl: string, locale: Locale) {
    return html`<div class="proof" role="group" aria-labelledby="proof-title">
      <h3 id="proof-title" class="privacy__title">${t('checkTitle')}</h3>
      <p class="privacy">${t('checkText')}</p>
      ${this.message ? html`<p class="field-error" tabindex="-1">${this.message}</p>` : nothing}
      ${
        this.configuration
          ? html`<altcha-widget
              challenge=${challengeUrl}
              auto="onfocus"
              name="altcha"
              language=${locale}
              configuration=${this.configuration}
              @statechange=${this.onState}
            ></altcha-widget>`
          : this.failed
            ? html`<p class="field-error">${t('checkLoadFailed')}</p>`
            : loadingView(t('altcha_loading'))
      }
    </div>`;
  }
}

/** The end of a running check: its payload, or null when it failed or was reset. */
function settled(widget: HTMLElement): Promise<string | null> {
  return new Promise((resolve) => {
    const listen = (event: Event) => {
      const { state, payload } = (event as WidgetState).detail;
      if (state === 'verifying') return;
      widget.removeEventListener('statechange', listen);
      resolve(state === 'verified' ? payload : null);
    };
    widget.addEventListener('statechange', listen);
  });
}
