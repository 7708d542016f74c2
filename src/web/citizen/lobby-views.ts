/** The lobby's parts, one function per state of the ticket; `lobby-page.ts` decides which. */
import { html, nothing, type TemplateResult } from 'lit';
import type { Locale } from '../../shared/locale.js';
import type { LobbySnapshot, TicketView } from '../../shared/queue.js';
import type { ConnectionState } from '../lib/realtime.js';
import type { NotifyPermission } from '../lib/call-alert.js';
import { t } from '../lib/i18n/index.js';
import { aheadText, countdownText, waitText } from '../lib/lobby.js';
import { officeHref } from '../lib/route.js';
import { confirmView } from './confirm.js';

export type Outcome = 'done' | 'left' | 'expired';

export function connectionView(state: ConnectionState) {
  const text =
    state === 'open'
      ? t('connected')
      : state === 'connecting'
        ? t('connecting')
        : t('reconnecting');
  return html`<p class="connection connection--${state}" role="status">
    <span class="connection__dot" aria-hidden="true"></span>${text}
  </p>`;
}

function ticketCodeView(code: string) {
  return html`<p class="ticket-code">
    <span class="ticket-code__label">${t('yourTicket')}:</span>
    <strong class="ticket-code__value">${code}</strong>
  </p>`;
}

function waitingView(position: number | null, lobby: LobbySnapshot | null, locale: Locale) {
  if (position === null || !lobby) return nothing;
  const wait = waitText(position, lobby, locale);
  return html`<div class="panel queue-facts">
    <p class="queue-facts__place">
      <span>${t('placeLabel')}:</span> <strong class="queue-facts__number">${position}</strong>
    </p>
    <p>${aheadText(position, locale)}</p>
    ${
      wait
        ? html`<p><span>${t('waitLabel')}:</span> <strong>${wait}</strong></p>
            <p class="hint">${t('waitNote')}</p>`
        : html`<p>${t('waitUnstaffed')}</p>`
    }
  </div>`;
}

export interface LobbyActions {
  join: () => void;
  joinAudioOnly: () => void;
  notify: () => void;
  testSound: () => void;
  askLeave: () => void;
  confirmLeave: () => void;
  cancelLeave: () => void;
}

export interface TicketContext {
  position: number | null;
  lobby: LobbySnapshot | null;
  locale: Locale;
  secondsLeft: number | null;
  busy: boolean;
  /** "Join" was pressed and the room waits for the call's picture (see holdRoom). */
  opening: boolean;
  permission: NotifyPermission;
  confirmingLeave: boolean;
  actions: LobbyActions;
  /** The device check (or the button that opens it). */
  deviceCheck: TemplateResult;
}

/** A ticket that waits, is called or was absent: its code, its state, the ways out. */
export function activeTicketView(ticket: TicketView, context: TicketContext) {
  const { state } = ticket;
  return html`${ticketCodeView(ticket.code)}
  ${state === 'called' ? calledView(ticket, context) : nothing}
  ${state === 'absent' ? absentView() : nothing}
  ${state === 'waiting' ? waitingView(context.position, context.lobby, context.locale) : nothing}
  ${state === 'called' ? nothing : alertsView(context)} ${context.deviceCheck} ${leaveView(context)}`;
}

function alertsView({ permission, actions }: TicketContext) {
  return html`<div class="section lobby-alerts">
    <p>${t('keepOpen')}</p>
    <p class="button-row">
      ${
        permission === 'default'
          ? html`<button type="button" class="button" @click=${actions.notify}>
              ${t('notifyButton')}
            </button>`
          : nothing
      }
      <button type="button" class="button button--secondary" @click=${actions.testSound}>
        ${t('testSound')}
      </button>
    </p>
    ${permission === 'granted' ? html`<p class="hint">${t('notifyOn')}</p>` : nothing}
    ${permission === 'denied' ? html`<p class="hint">${t('notifyBlocked')}</p>` : nothing}
  </div>`;
}

function calledView(ticket: TicketView, { secondsLeft, busy, opening, actions }: TicketContext) {
  const expected = ticket.staffName
    ? t('calledBy', { name: ticket.staffName })
    : t('calledByUnknown');
  return html`<section class="call" aria-labelledby="call-title">
    <h2 id="call-title" class="call__title">${t('calledTitle')}</h2>
    <p class="call__text">${expected}</p>
    <p class="button-row">
      <button
        type="button"
        class="button button--big button--call"
        ?disabled=${busy}
        @click=${actions.join}
      >
        ${t('joinButton')}
      </button>
      <button
        type="button"
        class="button button--secondary button--audio-only"
        ?disabled=${busy}
        @click=${actions.joinAudioOnly}
      >
        ${t('joinAudioOnly')}
      </button>
    </p>
    ${
      opening
        ? html`<p class="loading" role="status">
            <span class="spinner" aria-hidden="true"></span>${t('roomOpening')}
          </p>`
        : secondsLeft === null
          ? nothing
          : html`<p class="call__countdown" role="timer">
              ${
                secondsLeft > 0
                  ? t('joinTimeLeft', { time: countdownText(secondsLeft) })
                  : t('joinLate')
              }
            </p>`
    }
  </section>`;
}

function absentView() {
  return html`<section class="notice notice--warning" aria-labelledby="absent-title">
    <h2 id="absent-title" class="notice__title">${t('absentTitle')}</h2>
    <p>${t('absentText')}</p>
  </section>`;
}

function leaveView({ confirmingLeave, busy, actions }: TicketContext) {
  if (confirmingLeave) {
    return confirmView({
      id: 'leave-question',
      question: t('leaveConfirm'),
      yes: t('leaveYes'),
      no: t('leaveNo'),
      busy,
      onYes: actions.confirmLeave,
      onNo: actions.cancelLeave,
    });
  }
  return html`<p class="section">
    <button type="button" class="button button--secondary leave" @click=${actions.askLeave}>
      ${t('leaveButton')}
    </button>
  </p>`;
}

/** The device check while waiting: a button first, the check (from the call's chunk) on demand. */
export function deviceCheckView(
  state: 'closed' | 'loading' | 'open' | 'failed',
  locale: Locale,
  open: () => void,
  close: () => void,
) {
  if (state === 'open') {
    return html`<vb-device-check .locale=${locale} @vb-close=${close}></vb-device-check>`;
  }
  return html`<div class="section device-check-entry">
    <p class="hint" id="device-check-hint">${t('deviceCheckHint')}</p>
    <button
      type="button"
      class="button button--secondary device-check-open"
      aria-describedby="device-check-hint"
      ?disabled=${state === 'loading'}
      @click=${open}
    >
      ${state === 'loading' ? t('deviceCheckLoading') : t('deviceCheckButton')}
    </button>
    ${state === 'failed' ? html`<p class="hint" role="alert">${t('errorGeneric')}</p>` : nothing}
  </div>`;
}

export function outcomeView(outcome: Outcome, slug: string) {
  const [title, text] =
    outcome === 'done'
      ? [t('doneTitle'), t('doneText')]
      : outcome === 'left'
        ? [t('leftTitle'), t('leftText')]
        : [t('expiredTitle'), t('expiredText')];
  return html`<div class="panel outcome">
    <h2 class="outcome__title" tabindex="-1">${title}</h2>
    <p>${text}</p>
    <p class="button-row">
      ${
        outcome === 'done'
          ? nothing
          : html`<a class="button" href=${officeHref(slug)}>${t('toOffice')}</a>`
      }
      <a class="button button--secondary" href="/">${t('backToList')}</a>
    </p>
  </div>`;
}

export function noTicketView(slug: string) {
  return html`<div class="panel outcome">
    <h2 class="outcome__title">${t('noTicketTitle')}</h2>
    <p>${t('noTicketText')}</p>
    <p><a class="button" href=${officeHref(slug)}>${t('toOffice')}</a></p>
  </div>`;
}
