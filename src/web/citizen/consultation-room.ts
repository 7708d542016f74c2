/**
 * The consultation room: the video call and the shared documents (`<vb-video-call>`,
 * `<vb-documents>` from the call's chunk, loaded when the room opens) with the chat beside
 * them (below on phones), live over the `consultation` topic. Own messages show "sent", then
 * "delivered" once the staff member's page has them; this page reports what it has shown.
 * Enter sends, Shift+Enter is a new line.
 */
import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Locale } from '../../shared/locale.js';
import type { ChatMessage, ConsultationSnapshot } from '../../shared/queue.js';
import { ApiError, endConsultation, sendChatMessage } from '../lib/api.js';
import { maxMessageId, mergeMessages, TypingSignal } from '../lib/chat.js';
import { t } from '../lib/i18n/index.js';
import { LightElement } from '../lib/light-element.js';
import { realtime } from '../lib/realtime.js';
import { loadCallParts } from './call-loader.js';
import { composerView, messageView } from './chat-views.js';
import { confirmView } from './confirm.js';
import { errorMessage } from './load-states.js';

const TYPING_SHOWN_MS = 5_000;

export class ConsultationRoom extends LightElement {
  static override properties = {
    consultationId: { type: String },
    secret: { attribute: false },
    locale: { type: String },
    snapshot: { state: true },
    sentHere: { state: true },
    sending: { state: true },
    error: { state: true },
    staffTyping: { state: true },
    confirmingEnd: { state: true },
    staffName: { type: String },
    callLoad: { state: true },
  };

  declare consultationId: string;
  declare secret: string;
  declare locale: Locale;
  declare snapshot: ConsultationSnapshot | null;
  /** Own messages the server confirmed before its next snapshot arrived. */
  declare sentHere: ChatMessage[];
  declare sending: boolean;
  declare error: ApiError | null;
  declare staffTyping: boolean;
  declare confirmingEnd: boolean;
  /** From the ticket, until the snapshot names the staff member. */
  declare staffName: string | null;
  declare callLoad: 'loading' | 'ready' | 'failed';

  private stops: (() => void)[] = [];
  private typingTimer: ReturnType<typeof setTimeout> | undefined;
  private receiptDue = false;
  private shownUpTo = 0;
  private focusNext: string | null = null;
  private readonly typing = new TypingSignal((typing) =>
    realtime().send({ v: 1, type: 'typing', consultationId: this.consultationId, typing }),
  );

  constructor() {
    super();
    this.snapshot = this.error = null;
    this.sentHere = [];
    this.sending = this.staffTyping = this.confirmingEnd = false;
    this.staffName = null;
    this.callLoad = 'loading';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.start();
    loadCallParts().then(
      () => (this.callLoad = 'ready'),
      () => (this.callLoad = 'failed'),
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stop();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('consultationId')) this.start();
  }

  private start(): void {
    this.stop();
    const consultationId = this.consultationId;
    this.stops.push(
      realtime().subscribe(
        { topic: 'consultation', consultationId, secret: this.secret },
        (message) => {
          if (message.topic === 'consultation') this.receive(message.data);
        },
        (error) => {
          this.error = new ApiError(0, error.code, error.messages, error.message);
          if (error.code === 'CONSULTATION_NOT_FOUND') this.ended();
        },
      ),
      realtime().onTyping((message) => {
        if (message.consultationId !== consultationId || message.from !== 'staff') return;
        clearTimeout(this.typingTimer);
        this.staffTyping = message.typing;
        if (message.typing) {
          this.typingTimer = setTimeout(() => (this.staffTyping = false), TYPING_SHOWN_MS);
        }
      }),
    );
  }

  private stop(): void {
    this.typing.stop(); // While still subscribed: the server takes typing only from members.
    for (const stop of this.stops.splice(0)) stop();
    clearTimeout(this.typingTimer);
  }

  private receive(snapshot: ConsultationSnapshot): void {
    this.snapshot = snapshot;
    this.receiptDue = true;
    if (snapshot.state === 'ended') this.ended();
  }

  private ended(): void {
    this.stop();
    this.dispatchEvent(new CustomEvent('vb-ended', { bubbles: true }));
  }

  protected override updated(): void {
    const messages = this.messages();
    const max = maxMessageId(messages);
    if (this.receiptDue && this.snapshot) {
      this.receiptDue = false;
      if (max > this.snapshot.receivedUpTo.citizen) {
        const { consultationId } = this;
        realtime().send({ v: 1, type: 'received', consultationId, upTo: max });
      }
    }
    if (max > this.shownUpTo) {
      this.shownUpTo = max;
      const log = this.querySelector<HTMLElement>('.chat__log');
      if (log) log.scrollTop = log.scrollHeight;
    }
    if (this.focusNext) {
      this.querySelector<HTMLElement>(this.focusNext)?.focus();
      this.focusNext = null;
    }
  }

  private messages(): ChatMessage[] {
    return mergeMessages(this.snapshot?.messages ?? [], this.sentHere);
  }

  private send = async (): Promise<void> => {
    const field = this.querySelector<HTMLTextAreaElement>('#chat-input');
    const text = field?.value.trim() ?? '';
    if (!field || !text || this.sending) return;
    this.typing.stop();
    this.sending = true;
    this.error = null;
    try {
      const message = await sendChatMessage(this.consultationId, text, this.secret, this.locale);
      this.sentHere = [...this.sentHere, message];
      field.value = '';
    } catch (error) {
      this.error = error as ApiError;
    } finally {
      this.sending = false;
      this.focusNext = '#chat-input';
    }
  };

  private end = async (): Promise<void> => {
    this.sending = true;
    try {
      await endConsultation(this.consultationId, this.secret, this.locale);
      this.ended();
    } catch (error) {
      this.error = error as ApiError;
      if (this.error.code === 'CONSULTATION_ENDED') this.ended();
    } finally {
      this.sending = false;
      this.confirmingEnd = false;
    }
  };

  private askEnd(ask: boolean): void {
    this.confirmingEnd = ask;
    this.focusNext = ask ? '.confirm__cancel' : '.end';
  }

  override render() {
    const snapshot = this.snapshot;
    const name = snapshot?.staffName ?? this.staffName ?? '';
    return html`${snapshot ? html`<p class="lead">${t('roomIntro', { name })}</p>` : nothing}
      <div class="room">
        <div class="room__media">${this.renderCall(name, snapshot)}</div>
        <div class="room__side">
          ${
            snapshot
              ? this.renderChat(snapshot, name)
              : html`<p class="loading">
                    <span class="spinner" aria-hidden="true"></span>${t('roomLoading')}
                  </p>
                  ${this.renderError()}`
          }
        </div>
      </div>
      ${snapshot ? this.renderEnd() : nothing}`;
  }

  /** The call starts at once (it needs no snapshot); documents come with the snapshot. */
  private renderCall(name: string, snapshot: ConsultationSnapshot | null) {
    if (this.callLoad === 'failed') {
      return html`<p class="notice notice--warning">${t('callUnavailable')}</p>`;
    }
    if (this.callLoad === 'loading') {
      return html`<p class="loading">
        <span class="spinner" aria-hidden="true"></span>${t('callLoading')}
      </p>`;
    }
    const auth = { role: 'citizen' as const, secret: this.secret };
    return html`<vb-video-call
        .consultationId=${this.consultationId}
        .auth=${auth}
        .remoteName=${name}
        .headingLevel=${2}
        .locale=${this.locale}
      ></vb-video-call>
      ${
        snapshot
          ? html`<vb-documents
              .consultationId=${this.consultationId}
              .auth=${auth}
              .documents=${snapshot.documents}
              .maxBytes=${snapshot.documentMaxBytes}
              .otherName=${name}
              .headingLevel=${2}
              .locale=${this.locale}
            ></vb-documents>`
          : nothing
      }`;
  }

  private renderChat(snapshot: ConsultationSnapshot, name: string) {
    const messages = this.messages();
    return html`<section class="chat" aria-labelledby="chat-title">
      <h2 id="chat-title">${t('chatLabel')}</h2>
      <div
        class="chat__log"
        role="log"
        aria-live="polite"
        aria-relevant="additions"
        aria-labelledby="chat-title"
        tabindex="0"
      >
        ${messages.length === 0 ? html`<p class="hint">${t('chatEmpty')}</p>` : nothing}
        <ol class="chat__list">
          ${repeat(
            messages,
            (message) => message.id,
            (message) => messageView(message, name, snapshot.receivedUpTo, this.locale),
          )}
        </ol>
      </div>
      <p class="chat__typing">${this.staffTyping ? t('chatTyping', { name }) : nothing}</p>
      ${this.renderError()}
      ${composerView({
        sending: this.sending,
        onSend: () => void this.send(),
        onDraft: (draft) => this.typing.input(draft),
      })}
    </section>`;
  }

  private renderEnd() {
    return this.confirmingEnd
      ? confirmView({
          id: 'end-question',
          question: t('endConfirm'),
          yes: t('endYes'),
          no: t('endNo'),
          busy: this.sending,
          onYes: () => void this.end(),
          onNo: () => this.askEnd(false),
        })
      : html`<p class="section">
          <button
            type="button"
            class="button button--secondary end"
            @click=${() => this.askEnd(true)}
          >
            ${t('endButton')}
          </button>
        </p>`;
  }

  private renderError() {
    return this.error
      ? html`<div class="notice notice--error" role="alert">
          <p>${errorMessage(this.error, this.locale)}</p>
        </div>`
      : nothing;
  }
}

customElements.define('vb-consultation-room', ConsultationRoom);
