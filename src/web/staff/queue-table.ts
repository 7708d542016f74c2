/**
 * One office's queue: who waits (number, name, waiting time, present or not, state), the
 * "Call next" button and a "Call" button per waiting or missed ticket. A view: it emits
 * `vb-call-next` ({ slug }) and `vb-call-ticket` ({ slug, ticketId }); the console acts.
 * Disabled buttons stay focusable (aria-disabled) and say why, so focus can land on them.
 * A checked-in appointment is marked with its time and service: that is why it is called first.
 */
import { html, nothing } from 'lit';
import type { Locale } from '../../shared/locale.js';
import type { QueueEntry, QueueSnapshot } from '../../shared/queue.js';
import { LightElement } from '../lib/light-element.js';
import { appointmentMarkText, queueAppointment } from './appointments/queue-mark.js';
import { browserTimeZone } from './appointments/zoned-time.js';
import { t } from './i18n/index.js';
import { absentIcon, callIcon, presentIcon } from './icons.js';
import { canCallTicket, isPresent, minutesSince, waitedText } from './queue-logic.js';
import type { DutyState } from './types.js';

export interface CallRequest {
  slug: string;
  ticketId?: string;
}

export class QueueTable extends LightElement {
  static override properties = {
    slug: { type: String },
    officeName: { type: String },
    duty: { type: String },
    snapshot: { attribute: false },
    error: { type: String },
    serverNow: { type: Number },
    busy: { type: Boolean },
    calling: { type: Boolean },
    locale: { type: String },
  };

  declare slug: string;
  declare officeName: string;
  declare duty: DutyState;
  declare snapshot: QueueSnapshot | undefined;
  /** Why the queue cannot be shown (the server's message). */
  declare error: string;
  declare serverNow: number;
  /** This staff member has a consultation: no new call until it ends. */
  declare busy: boolean;
  /** A call request is on its way. */
  declare calling: boolean;
  declare locale: Locale;

  private call(ticketId?: string): void {
    if (this.busy || this.calling) return;
    if (!ticketId && !this.snapshot?.tickets.some((ticket) => ticket.state === 'waiting')) return;
    const detail: CallRequest = ticketId ? { slug: this.slug, ticketId } : { slug: this.slug };
    const type = ticketId ? 'vb-call-ticket' : 'vb-call-next';
    this.dispatchEvent(new CustomEvent<CallRequest>(type, { detail, bubbles: true }));
  }

  override render() {
    const { slug, snapshot } = this;
    const waiting = snapshot?.tickets.filter((ticket) => ticket.state === 'waiting').length ?? 0;
    const why = this.busy ? t('callNextBusy') : snapshot && waiting === 0 ? t('callNextEmpty') : '';
    const blocked = this.busy || this.calling || waiting === 0;
    return html`<section class="queue panel" aria-labelledby="queue-title-${slug}">
      <div class="queue__head">
        <h2 id="queue-title-${slug}" tabindex="-1">
          ${t('queueTitle', { office: this.officeName })}
        </h2>
        <p class="queue__count">
          ${waiting === 0 ? t('waitingNone') : t('waiting', { count: waiting })}
        </p>
      </div>
      ${this.duty === 'paused' ? html`<p class="hint">${t('queuePaused')}</p>` : nothing}
      <div class="queue__actions">
        <button
          type="button"
          id="call-next-${slug}"
          class="button button--primary call-next"
          aria-disabled=${blocked ? 'true' : 'false'}
          aria-describedby=${why ? `call-next-why-${slug}` : nothing}
          @click=${() => this.call()}
        >
          ${callIcon}<span>${t('callNext')}</span>
        </button>
        ${why ? html`<p class="hint" id="call-next-why-${slug}">${why}</p>` : nothing}
      </div>
      ${this.renderBody()}
    </section>`;
  }

  private renderBody() {
    const { snapshot } = this;
    if (this.error) return html`<p class="notice notice--error">${this.error}</p>`;
    if (!snapshot) return html`<p class="loading" role="status">${t('queueLoading')}</p>`;
    if (snapshot.tickets.length === 0) return html`<p class="queue__empty">${t('queueEmpty')}</p>`;
    return html`<div class="table-scroll">
      <table class="queue-table">
        <caption class="sr-only">
          ${t('queueTitle', { office: this.officeName })}
        </caption>
        <thead>
          <tr>
            <th scope="col">${t('colNumber')}</th>
            <th scope="col">${t('colName')}</th>
            <th scope="col">${t('colWaiting')}</th>
            <th scope="col">${t('colPresence')}</th>
            <th scope="col">${t('colState')}</th>
            <th scope="col"><span class="sr-only">${t('colAction')}</span></th>
          </tr>
        </thead>
        <tbody>
          ${snapshot.tickets.map((ticket) => this.renderRow(ticket))}
        </tbody>
      </table>
    </div>`;
  }

  private renderRow(ticket: QueueEntry) {
    const present = isPresent(ticket.lastSeenAt, this.serverNow);
    const minutes = minutesSince(ticket.enqueuedAt, this.serverNow);
    const disabled = this.busy || this.calling;
    const appointment = queueAppointment(ticket);
    return html`<tr
      class="ticket ticket--${ticket.state} ${appointment ? 'ticket--appointment' : ''}"
    >
      <th scope="row" class="ticket__code">${ticket.code}</th>
      <td>
        ${
          appointment
            ? html`<span class="appointment-mark">
                ${appointmentMarkText(
                  appointment,
                  this.locale,
                  this.snapshot?.timeZone ?? browserTimeZone(),
                )}
              </span>`
            : nothing
        }
        ${
          ticket.name ??
          html`<span aria-hidden="true">${t('noName')}</span
            ><span class="sr-only">${t('noNameHint')}</span>`
        }
      </td>
      <td class="nowrap">${waitedText(minutes, this.locale)}</td>
      <td class="presence presence--${present ? 'yes' : 'no'}">
        ${present ? presentIcon : absentIcon}<span>${t(present ? 'present' : 'notPresent')}</span>
      </td>
      <td>
        <span class="state state--${ticket.state}">${t(`state_${ticket.state}`)}</span>
        ${
          ticket.calledBy && (ticket.state === 'called' || ticket.state === 'serving')
            ? html`<span class="state__by">${t('byStaff', { name: ticket.calledBy })}</span>`
            : nothing
        }
      </td>
      <td>
        ${
          canCallTicket(ticket)
            ? html`<button
                type="button"
                class="button button--small"
                aria-label=${t('callTicketLabel', { code: ticket.code })}
                aria-disabled=${disabled ? 'true' : 'false'}
                @click=${() => this.call(ticket.id)}
              >
                ${t('callTicket')}
              </button>`
            : nothing
        }
      </td>
    </tr>`;
  }
}

customElements.define('vb-queue-table', QueueTable);
