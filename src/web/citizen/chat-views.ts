/** The consultation chat's parts: one message, and the box to write in. */
import { html, nothing } from 'lit';
import type { Locale } from '../../shared/locale.js';
import type { ChatMessage, ConsultationSnapshot } from '../../shared/queue.js';
import { delivery } from '../lib/chat.js';
import { clockNow } from '../lib/format.js';
import { t } from '../lib/i18n/index.js';

export const MAX_MESSAGE_LENGTH = 2000;

export function messageView(
  message: ChatMessage,
  staffName: string,
  receivedUpTo: ConsultationSnapshot['receivedUpTo'] | undefined,
  locale: Locale,
) {
  const own = message.from === 'citizen';
  const state = delivery(message, receivedUpTo, 'citizen');
  return html`<li class="chat__msg ${own ? 'chat__msg--own' : ''}">
    <p class="chat__meta">
      <span class="chat__from">${own ? t('chatYou') : staffName}</span>
      <time datetime=${message.sentAt}>${clockNow(new Date(message.sentAt), locale)}</time>
    </p>
    <p class="chat__text">${message.text}</p>
    ${
      state
        ? html`<p class="chat__status chat__status--${state}">
            <span aria-hidden="true">${state === 'delivered' ? '✓✓' : '✓'}</span>
            ${state === 'delivered' ? t('chatDelivered') : t('chatSent')}
          </p>`
        : nothing
    }
  </li>`;
}

export interface ComposerOptions {
  sending: boolean;
  onSend: () => void;
  onDraft: (draft: string) => void;
}

export function composerView({ sending, onSend, onDraft }: ComposerOptions) {
  const submit = (event: Event) => {
    event.preventDefault();
    onSend();
  };
  const keydown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
    event.preventDefault();
    onSend();
  };
  const input = (event: Event) => onDraft((event.target as HTMLTextAreaElement).value);
  return html`<form class="chat__form" @submit=${submit}>
    <label for="chat-input">${t('chatInputLabel')}</label>
    <span id="chat-input-hint" class="hint">${t('chatInputHint')}</span>
    <textarea
      id="chat-input"
      rows="3"
      maxlength=${MAX_MESSAGE_LENGTH}
      enterkeyhint="send"
      aria-describedby="chat-input-hint"
      @keydown=${keydown}
      @input=${input}
    ></textarea>
    <button type="submit" class="button" ?disabled=${sending}>
      ${sending ? t('chatSending') : t('chatSend')}
    </button>
  </form>`;
}
