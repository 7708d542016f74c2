/**
 * The consultation chat for staff: the messages (a log screen readers follow), "sent" /
 * "delivered" on own messages, "The citizen is typing …", and the composer (Enter sends,
 * Shift+Enter starts a new line). Tells the server what this page has shown (`received`) and
 * when the staff member types (`typing`, throttled).
 */
import { html, nothing } from 'lit';
import type { Locale } from '../../shared/locale.js';
import type { ChatMessage, ConsultationSnapshot } from '../../shared/queue.js';
import { delivery, maxMessageId, mergeMessages, TypingSignal } from '../lib/chat.js';
import { LightElement } from '../lib/light-element.js';
import { realtime } from '../lib/realtime.js';
import { errorText, staffApi } from './api.js';
import { intlLocale, t } from './i18n/index.js';

export class StaffChat extends LightElement {
  static override properties = {
    consultation: { attribute: false },
    citizenTyping: { type: Boolean },
    citizenLabel: { type: String },
    locale: { type: String },
    draft: { state: true },
    sending: { state: true },
    error: { state: true },
    sentHere: { state: true },
  };

  declare consultation: ConsultationSnapshot;
  declare citizenTyping: boolean;
  /** How to name the citizen's messages (their name or "Bürger:in"). */
  declare citizenLabel: string;
  declare locale: Locale;
  declare draft: string;
  declare sending: boolean;
  declare error: string;
  declare sentHere: ChatMessage[];

  private readonly typing = new TypingSignal((typing) =>
    realtime().send({ v: 1, type: 'typing', consultationId: this.consultation.id, typing }),
  );
  /** The snapshot for which "received" went out, so each snapshot triggers it at most once. */
  private ackedFor: ConsultationSnapshot | null = null;
  private lastCount = 0;
  private readonly onVisible = () => this.acknowledge();

  constructor() {
    super();
    this.draft = this.error = '';
    this.sending = this.citizenTyping = false;
    this.sentHere = [];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.onVisible);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.onVisible);
    this.typing.stop();
  }

  protected override updated(): void {
    const messages = mergeMessages(this.consultation.messages, this.sentHere);
    if (messages.length !== this.lastCount) {
      this.lastCount = messages.length;
      const log = this.querySelector<HTMLElement>('.chat__log');
      if (log) log.scrollTop = log.scrollHeight;
    }
    this.acknowledge();
  }

  /** "Received up to" — only what the staff member can actually see (the tab is visible). */
  private acknowledge(): void {
    const snapshot = this.consultation;
    if (document.visibilityState !== 'visible' || this.ackedFor === snapshot) return;
    const upTo = maxMessageId(snapshot.messages);
    if (upTo <= snapshot.receivedUpTo.staff) return;
    this.ackedFor = snapshot;
    realtime().send({ v: 1, type: 'received', consultationId: snapshot.id, upTo });
  }

  private onInput(event: Event): void {
    this.draft = (event.target as HTMLTextAreaElement).value;
    this.typing.input(this.draft);
  }

  private onKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
    event.preventDefault();
    void this.send();
  }

  private async send(event?: Event): Promise<void> {
    event?.preventDefault();
    const text = this.draft.trim();
    if (!text || this.sending) return;
    this.sending = true;
    this.error = '';
    this.typing.stop();
    try {
      const message = await staffApi.sendMessage(this.consultation.id, text);
      this.sentHere = [...this.sentHere, message];
      this.draft = '';
    } catch (error) {
      this.error = errorText(error);
    } finally {
      this.sending = false;
    }
    this.querySelector<HTMLTextAreaElement>('textarea')?.focus();
  }

  private time(sentAt: string): string {
    return new Intl.DateTimeFormat(intlLocale(this.locale), {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(new Date(sentAt));
  }

  override render() {
    const messages = mergeMessages(this.consultation.messages, this.sentHere);
    return html`<div class="chat">
      <h3 id="chat-title" class="chat__title">${t('chatLabel')}</h3>
      <div class="chat__log" role="log" aria-labelledby="chat-title" tabindex="0">
        <ol class="chat__list">
          ${messages.length === 0 ? html`<li class="chat__empty">${t('chatEmpty')}</li>` : nothing}
          ${messages.map((message) => {
            const mark = delivery(message, this.consultation.receivedUpTo, 'staff');
            const own = message.from === 'staff';
            return html`<li class="chat__message chat__message--${message.from}">
              <p class="chat__meta">
                <span class="chat__author">${own ? t('chatYou') : this.citizenLabel}</span>
                <time datetime=${message.sentAt}>${this.time(message.sentAt)}</time>
              </p>
              <p class="chat__text">${message.text}</p>
              ${
                mark
                  ? html`<p class="chat__delivery">
                      <span aria-hidden="true">${mark === 'delivered' ? '✓✓' : '✓'}</span>
                      ${t(mark === 'delivered' ? 'chatDelivered' : 'chatSent')}
                    </p>`
                  : nothing
              }
            </li>`;
          })}
        </ol>
      </div>
      <p class="chat__typing" aria-live="polite">${this.citizenTyping ? t('citizenTyping') : ''}</p>
      <form class="chat__form" @submit=${(event: Event) => void this.send(event)}>
        <label for="chat-input">${t('chatInputLabel')}</label>
        <p class="hint" id="chat-hint">${t('chatInputHint')}</p>
        <textarea
          id="chat-input"
          rows="3"
          maxlength="2000"
          aria-describedby="chat-hint"
          .value=${this.draft}
          @input=${(e: Event) => this.onInput(e)}
          @keydown=${(e: KeyboardEvent) => this.onKeydown(e)}
        ></textarea>
        ${this.error ? html`<p class="notice notice--error" role="alert">${this.error}</p>` : nothing}
        <button type="submit" class="button button--primary" ?disabled=${this.sending}>
          ${this.sending ? t('chatSending') : t('chatSend')}
        </button>
      </form>
    </div>`;
  }
}

customElements.define('vb-staff-chat', StaffChat);
