/**
 * The current consultation. While calling: "B-017 wird aufgerufen …" with the time left to
 * join; once that has passed, "Noch nicht eingetreten" with "Call again" and "Mark absent".
 * While active: who it is with, the documents, the chat and "End". The video call
 * (`<vb-video-call>` from the call's chunk, loaded with the panel) starts while calling, so
 * camera and connection are ready when the citizen joins, and stays the same element into the
 * active state. A view that emits `vb-recall`, `vb-absent` and `vb-end`; the console talks to
 * the server.
 */
import { html, nothing } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { Locale } from '../../shared/locale.js';
import type { ConsultationSnapshot, QueueEntry } from '../../shared/queue.js';
import type { ConsultationAction } from './call-flow.js';
import type { CallAuth } from '../lib/call/auth.js';
import { LightElement } from '../lib/light-element.js';
import { currentCsrfToken } from './api.js';
import { intlLocale, t } from './i18n/index.js';
import { bellIcon } from './icons.js';
import { countdownText, secondsUntil } from './queue-logic.js';
import './staff-chat.js';

export class ConsultationPanel extends LightElement {
  static override properties = {
    snapshot: { attribute: false },
    ticket: { attribute: false },
    joinBy: { attribute: false },
    offsetMs: { type: Number },
    citizenTyping: { type: Boolean },
    pending: { attribute: false },
    locale: { type: String },
    now: { state: true },
    callLoad: { state: true },
  };

  declare snapshot: ConsultationSnapshot | null;
  /** The called ticket, when known (from the call answer or the queue snapshot). */
  declare ticket: QueueEntry | null;
  declare joinBy: string | null;
  declare offsetMs: number;
  declare citizenTyping: boolean;
  /** The action being sent, if any. */
  declare pending: ConsultationAction | null;
  declare locale: Locale;
  declare now: number;
  declare callLoad: 'loading' | 'ready' | 'failed';

  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly auth: CallAuth = { role: 'staff', csrf: currentCsrfToken };

  constructor() {
    super();
    this.snapshot = this.ticket = this.joinBy = this.pending = null;
    this.offsetMs = 0;
    this.citizenTyping = false;
    this.now = Date.now();
    this.callLoad = 'loading';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    import('../lib/call/index.js').then(
      () => (this.callLoad = 'ready'),
      () => (this.callLoad = 'failed'),
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.timer);
    this.timer = undefined;
  }

  protected override willUpdate(): void {
    // A one-second clock only while the countdown runs.
    const counting = this.snapshot?.state === 'calling';
    if (counting && !this.timer) {
      this.now = Date.now();
      this.timer = setInterval(() => (this.now = Date.now()), 1000);
    } else if (!counting && this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  private act(action: ConsultationAction): void {
    if (this.pending) return;
    this.dispatchEvent(new CustomEvent(`vb-${action}`, { bubbles: true }));
  }

  private who(): { code: string; name: string | null } {
    const code = this.snapshot?.ticketCode ?? this.ticket?.code ?? '';
    return { code, name: this.snapshot?.citizenName ?? this.ticket?.name ?? null };
  }

  override render() {
    const { snapshot } = this;
    // One heading element throughout, so focus placed on it survives the state changes.
    return html`<section class="consultation panel" aria-labelledby="consultation-title">
      <h2 id="consultation-title" tabindex="-1" class="consultation__title">${this.heading()}</h2>
      ${
        !snapshot
          ? html`<p class="loading" role="status">${t('consultationLoading')}</p>`
          : snapshot.state === 'calling'
            ? this.renderCalling()
            : this.renderHead(snapshot)
      }
      ${snapshot && snapshot.state !== 'ended' ? keyed(snapshot.id, this.renderCall(snapshot)) : nothing}
      ${snapshot?.state === 'active' ? this.renderActive(snapshot) : nothing}
    </section>`;
  }

  private heading() {
    const { snapshot } = this;
    const { code, name } = this.who();
    if (!snapshot) return t('consultationTitle');
    if (snapshot.state === 'calling') {
      return html`${bellIcon}<span
          >${name ? t('callingName', { code, name }) : t('calling', { code })}</span
        >`;
    }
    return t('activeWith', { who: name ? `${name} (${code})` : t('citizenCode', { code }) });
  }

  private renderCalling() {
    const left = secondsUntil(this.joinBy, this.now + this.offsetMs);
    const overdue = left === null || left <= 0;
    const blocked = this.pending ? 'true' : 'false';
    return html`<div role="status" class="not-joined">
        ${
          overdue
            ? html`<p class="not-joined__title">${t('notJoined')}</p>
                <p>${t('notJoinedHint')}</p>`
            : nothing
        }
      </div>
      ${
        overdue
          ? html`<div class="button-row">
              <button
                type="button"
                class="button button--primary"
                aria-disabled=${blocked}
                @click=${() => this.act('recall')}
              >
                ${t('recall')}
              </button>
              <button
                type="button"
                class="button"
                aria-disabled=${blocked}
                @click=${() => this.act('absent')}
              >
                ${t('markAbsent')}
              </button>
            </div>`
          : html`<p class="countdown">${t('joinCountdown', { time: countdownText(left) })}</p>`
      }`;
  }

  /** The same element while calling and active (only its place in the template counts). */
  private renderCall(snapshot: ConsultationSnapshot) {
    if (this.callLoad === 'failed') {
      return html`<p class="notice">${t('callUnavailable')}</p>`;
    }
    if (this.callLoad === 'loading') return html`<p class="loading">${t('callLoading')}</p>`;
    return html`<vb-video-call
      .consultationId=${snapshot.id}
      .auth=${this.auth}
      .remoteName=${this.citizenLabel()}
      .headingLevel=${3}
      .waiting=${snapshot.state === 'calling'}
      .locale=${this.locale}
    ></vb-video-call>`;
  }

  private citizenLabel(): string {
    const { code, name } = this.who();
    return name ?? t('citizenCode', { code });
  }

  private renderHead(snapshot: ConsultationSnapshot) {
    const joined = snapshot.joinedAt
      ? new Intl.DateTimeFormat(intlLocale(this.locale), {
          hour: '2-digit',
          minute: '2-digit',
          hourCycle: 'h23',
        }).format(new Date(snapshot.joinedAt))
      : null;
    if (snapshot.state !== 'active') return nothing;
    return html`<div class="consultation__head">
      ${joined ? html`<p class="hint">${t('joinedAt', { time: joined })}</p>` : nothing}
      <button
        type="button"
        class="button button--danger"
        aria-disabled=${this.pending ? 'true' : 'false'}
        @click=${() => this.act('end')}
      >
        ${t('endButton')}
      </button>
    </div>`;
  }

  private renderActive(snapshot: ConsultationSnapshot) {
    return html`${
      this.callLoad === 'ready'
        ? html`<vb-documents
            .consultationId=${snapshot.id}
            .auth=${this.auth}
            .documents=${snapshot.documents}
            .maxBytes=${snapshot.documentMaxBytes}
            .otherName=${this.citizenLabel()}
            .headingLevel=${3}
            .locale=${this.locale}
          ></vb-documents>`
        : nothing
    }
    ${keyed(
      snapshot.id,
      html`<vb-staff-chat
        .consultation=${snapshot}
        .citizenTyping=${this.citizenTyping}
        .citizenLabel=${this.who().name ?? t('chatCitizen')}
        .locale=${this.locale}
      ></vb-staff-chat>`,
    )}`;
  }
}

customElements.define('vb-consultation-panel', ConsultationPanel);
