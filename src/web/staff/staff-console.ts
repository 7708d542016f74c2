/**
 * The logged-in screen: two tabs — duty per office with the live queue of every office on duty,
 * and the appointments view — beside the current consultation. Owns the live data (`StaffLive`)
 * and every queue and call action; the parts below are views that emit events (the appointments
 * view acts on its own). Emits `vb-me` with a new StaffMe and `vb-session-lost` on a 401.
 */
import { html, nothing } from 'lit';
import type { Locale } from '../../shared/locale.js';
import type { QueueEntry } from '../../shared/queue.js';
import { LightElement } from '../lib/light-element.js';
import { ApiError } from '../lib/request.js';
import { errorText, staffApi } from './api.js';
import { tabId, tabPanelId, type ConsoleTab } from './appointments/console-tabs.js';
import { CallFlow, type Notice } from './call-flow.js';
import type { DutyChange } from './duty-list.js';
import { DutySaver } from './duty-saver.js';
import { t } from './i18n/index.js';
import { StaffLive, type LiveError } from './live.js';
import { arrivalText, waitingTickets } from './queue-logic.js';
import type { CallRequest } from './queue-table.js';
import type { StaffMe } from './types.js';
import './appointments/appointments-view.js';
import './camera-ready.js';
import './consultation-panel.js';
import './duty-list.js';
import './queue-table.js';

const TICK_MS = 10_000;

export class StaffConsole extends LightElement {
  static override properties = {
    me: { attribute: false },
    locale: { type: String },
    notice: { state: true },
    alert: { state: true },
    announcement: { state: true },
    tab: { state: true },
  };

  declare me: StaffMe;
  declare locale: Locale;
  /** What just happened (kept as a key, so it follows a language switch). */
  declare notice: Notice | null;
  /** The failed request's error, shown in the page's language. */
  declare alert: unknown;
  declare announcement: string;
  declare tab: ConsoleTab;
  /** The appointments view stays once opened, so a half-filled form survives a tab switch. */
  private appointmentsOpened = false;

  private readonly live = new StaffLive(this, {
    arrivals: (office, tickets) => this.announceArrivals(office, tickets),
    ended: (snapshot) => this.flow.ended(snapshot),
    error: (topic, error) => this.onLiveError(topic, error),
  });
  private readonly duty = new DutySaver(
    (slug, state) => staffApi.setDuty(slug, state),
    (me) => this.emit('vb-me', me),
    () => this.requestUpdate(),
  );
  private readonly flow = new CallFlow(this, this.live, {
    notice: (notice) => {
      this.notice = notice;
      this.alert = null;
    },
    fail: (error) => this.fail(error),
    focus: (selector) => (this.focusNext = selector),
    locale: () => this.locale,
  });
  private focusNext: string | null = null;
  private tick: ReturnType<typeof setInterval> | undefined;

  constructor() {
    super();
    this.notice = this.alert = null;
    this.announcement = '';
    this.tab = 'queue';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.tick = setInterval(() => this.requestUpdate(), TICK_MS);
    this.flow.prefetch();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.tick);
    this.flow.stop();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (!changed.has('me')) return;
    this.live.watchQueues(this.me.offices.filter((o) => o.duty !== 'off').map((o) => o.slug));
    if (this.me.activeConsultationId && !this.live.consultationId) {
      this.live.watchConsultation(this.me.activeConsultationId);
    }
  }

  protected override updated(): void {
    const waiting = [...this.live.queues.values()].reduce(
      (sum, queue) => sum + waitingTickets(queue).length,
      0,
    );
    const page = t('consoleTitle');
    document.title = waiting
      ? t('pageTitleWaiting', { count: waiting, page })
      : t('pageTitle', { page });
    if (this.focusNext) void this.moveFocus(this.focusNext);
    this.focusNext = null;
  }

  /** After the child views have rendered too (the panel's heading, the queue's button). */
  private async moveFocus(selector: string): Promise<void> {
    const children = this.querySelectorAll<LightElement>('vb-consultation-panel, vb-queue-table');
    await Promise.all([...children].map((child) => child.updateComplete));
    const target =
      this.querySelector<HTMLElement>(selector) ??
      this.querySelector<HTMLElement>('.call-next') ??
      this.querySelector<HTMLElement>('h1');
    target?.focus();
  }

  private emit(type: 'vb-me' | 'vb-session-lost', detail?: StaffMe): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true }));
  }

  private say(text: string): void {
    // A changed string is announced again even when the words are the same.
    this.announcement = this.announcement === text ? `${text}\u00a0` : text;
  }

  private fail(error: unknown): void {
    const code = error instanceof ApiError ? error.code : null;
    if (code === 'UNAUTHENTICATED') return this.emit('vb-session-lost');
    this.alert = error;
    // Busy elsewhere (another tab) or a renewed token: the server's view of this account.
    if (code === 'STAFF_BUSY' || code === 'CSRF_INVALID') {
      staffApi.me().then(
        (me) => this.emit('vb-me', me),
        () => undefined,
      );
    }
  }

  private async onDuty(event: CustomEvent<DutyChange>): Promise<void> {
    const { slug, state } = event.detail;
    this.alert = null;
    try {
      const saved = await this.duty.set(slug, state);
      const office = this.me.offices.find((o) => o.slug === slug);
      if (saved)
        this.say(t('dutyChanged', { office: office?.name ?? slug, state: t(`duty_${saved}`) }));
    } catch (error) {
      this.fail(error);
    }
  }

  private showTab(tab: ConsoleTab): void {
    this.tab = tab;
    if (tab === 'appointments') this.appointmentsOpened = true;
  }

  private onLiveError(topic: 'queue' | 'consultation', error: LiveError): void {
    if (error.code === 'UNAUTHENTICATED') this.emit('vb-session-lost');
    else if (topic === 'consultation') this.flow.gone();
  }

  private announceArrivals(office: string, tickets: QueueEntry[]): void {
    const onDuty = this.me.offices.filter((o) => o.duty !== 'off');
    const name = onDuty.length > 1 ? (onDuty.find((o) => o.slug === office)?.name ?? office) : null;
    this.say(arrivalText(tickets, name, this.locale));
  }

  override render() {
    const { live, me } = this;
    const serverNow = live.serverNow();
    const busy = live.consultationId !== null;
    const onDuty = me.offices.filter((o) => o.duty !== 'off');
    // Ready to call someone: the camera may be warm (not on a break).
    const available = onDuty.some((o) => o.duty === 'available');
    const waiting = new Map([...live.queues].map(([s, q]) => [s, waitingTickets(q).length]));
    const snapshot = live.consultation;
    const ticket = this.flow.ticket();
    return html`
      <div class="live-regions">
        <div class="sr-only" aria-live="polite">${this.announcement}</div>
        <div role="alert">
          ${
            this.alert
              ? html`<p class="notice notice--error">${errorText(this.alert)}</p>`
              : nothing
          }
        </div>
        <div role="status">
          ${this.notice ? html`<p class="notice">${t(...this.notice)}</p>` : nothing}
        </div>
      </div>
      <div class="console ${busy || available ? 'console--with-side' : ''}">
        <div class="console__queues">
          <vb-console-tabs
            .selected=${this.tab}
            .locale=${this.locale}
            @vb-tab=${(e: CustomEvent<ConsoleTab>) => this.showTab(e.detail)}
          ></vb-console-tabs>
          <div
            role="tabpanel"
            id=${tabPanelId('queue')}
            aria-labelledby=${tabId('queue')}
            ?hidden=${this.tab !== 'queue'}
          >
            <vb-duty-list
              .offices=${me.offices}
              .waiting=${waiting}
              .pending=${new Map(this.duty.wanted)}
              .locale=${this.locale}
              @vb-duty=${(e: CustomEvent<DutyChange>) => void this.onDuty(e)}
            ></vb-duty-list>
            ${onDuty.map(
              (office) =>
                html`<vb-queue-table
                  .slug=${office.slug}
                  .officeName=${office.name}
                  .duty=${office.duty}
                  .snapshot=${live.queues.get(office.slug)}
                  .error=${live.queueErrors.get(office.slug)?.messages[this.locale] ?? ''}
                  .serverNow=${serverNow}
                  .busy=${busy}
                  .calling=${this.flow.calling !== null}
                  .locale=${this.locale}
                  @vb-call-next=${(e: CustomEvent<CallRequest>) => void this.flow.call(e.detail.slug)}
                  @vb-call-ticket=${(e: CustomEvent<CallRequest>) =>
                    void this.flow.call(e.detail.slug, e.detail.ticketId)}
                ></vb-queue-table>`,
            )}
          </div>
          <div
            role="tabpanel"
            id=${tabPanelId('appointments')}
            aria-labelledby=${tabId('appointments')}
            ?hidden=${this.tab !== 'appointments'}
          >
            ${
              this.appointmentsOpened
                ? html`<vb-appointments
                    .offices=${me.offices}
                    .locale=${this.locale}
                    .serverNow=${serverNow}
                  ></vb-appointments>`
                : nothing
            }
          </div>
        </div>
        ${
          busy
            ? html`<vb-consultation-panel
                class="console__consultation"
                .snapshot=${snapshot}
                .ticket=${ticket}
                .joinBy=${ticket?.joinBy ?? null}
                .offsetMs=${live.offsetMs ?? 0}
                .citizenTyping=${live.citizenTyping}
                .pending=${this.flow.pending}
                .locale=${this.locale}
                @vb-recall=${() => void this.flow.act('recall')}
                @vb-absent=${() => void this.flow.act('absent')}
                @vb-end=${() => void this.flow.act('end')}
              ></vb-consultation-panel>`
            : available
              ? html`<vb-camera-ready
                  class="console__consultation"
                  .locale=${this.locale}
                ></vb-camera-ready>`
              : nothing
        }
      </div>
    `;
  }
}

customElements.define('vb-staff-console', StaffConsole);
