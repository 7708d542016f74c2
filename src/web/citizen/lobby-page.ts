/**
 * The lobby at "/{slug}/ticket": the ticket's code, place in line and expected wait, live over
 * the WebSocket; the call (sound, notification, blinking title, "Join now"); then the
 * consultation room. Everything comes from the server, so a reload or reconnect loses nothing.
 */
import { html, nothing } from 'lit';
import type { Locale } from '../../shared/locale.js';
import type { LobbySnapshot, TicketView } from '../../shared/queue.js';
import { joinCall, leaveTicket, type ApiError } from '../lib/api.js';
import * as alerts from '../lib/call-alert.js';
import { t } from '../lib/i18n/index.js';
import { LightElement } from '../lib/light-element.js';
import { positionAnnouncement, positionOf, secondsLeft } from '../lib/lobby.js';
import { realtime, type ConnectionState } from '../lib/realtime.js';
import { officeHref } from '../lib/route.js';
import { followLink } from '../lib/app-route.js';
import { clearTicket, loadTicket, type TicketRef } from '../lib/ticket-store.js';
import { prefetchCallParts } from './call-loader.js';
import { CallController } from './call-controller.js';
import { backIcon } from './icons.js';
import { LobbyCall } from './lobby-call.js';
import { errorMessage } from './load-states.js';
import * as views from './lobby-views.js';
import { OfficeInfo } from './office-info.js';
import './consultation-room.js';

/** The longest the room and the join request wait for the call's connection (see holdRoom). */
const ROOM_HOLD_MS = 1_000;

export class LobbyPage extends LightElement {
  static override properties = {
    slug: { type: String },
    locale: { type: String },
    held: { state: true },
    ticket: { state: true },
    lobby: { state: true },
    connection: { state: true },
    outcome: { state: true },
    busy: { state: true },
    error: { state: true },
    confirmingLeave: { state: true },
    permission: { state: true },
    announcement: { state: true },
    joining: { state: true },
    roomHeld: { state: true },
  };

  declare slug: string;
  declare locale: Locale;
  declare held: TicketRef | null;
  declare ticket: TicketView | null;
  declare lobby: LobbySnapshot | null;
  declare connection: ConnectionState;
  /** How the visit ended while this page was open (or that the ticket is gone). */
  declare outcome: views.Outcome | null;
  declare busy: boolean;
  declare error: ApiError | null;
  declare confirmingLeave: boolean;
  declare permission: alerts.NotifyPermission;
  declare announcement: string;
  /**
   * The consultation being joined: its room is drawn at the click, not after the join request.
   * Drawing it is the page's longest task (40–60 ms on a slow device); done while the request
   * runs, it no longer holds up the staff member's offer that arrives meanwhile.
   */
  declare joining: string | null;
  /** The room waits for the call's answer (`holdRoom`). */
  declare roomHeld: boolean;

  private stops: (() => void)[] = [];
  private stopState: (() => void) | null = null;
  private lastPosition: number | null = null;
  private readonly call = new CallController(this);
  private readonly office = new OfficeInfo(this);
  private readonly video = new LobbyCall(this, (selector) => (this.focusNext = selector));
  private focusNext: string | null = null;

  constructor() {
    super();
    this.held = this.ticket = this.lobby = this.outcome = this.error = this.joining = null;
    this.roomHeld = false;
    this.busy = this.confirmingLeave = false;
    this.announcement = '';
    this.connection = 'connecting';
    this.permission = alerts.notificationPermission();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back in the page after a move away (subscriptions start with the first update).
    if (this.hasUpdated) this.start();
    this.stopState = realtime().onState((state) => (this.connection = state));
    prefetchCallParts();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopState?.();
    this.unsubscribe();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('slug')) this.start();
    if (changed.has('slug') || changed.has('locale')) this.office.load(this.slug, this.locale);
    if (changed.has('ticket') || changed.has('lobby')) {
      const ticket = this.ticket;
      const position =
        ticket?.state === 'waiting' && this.lobby
          ? positionOf(this.lobby.waiting, ticket.id)
          : null;
      const said = positionAnnouncement(this.lastPosition, position, this.locale);
      if (said) this.announcement = said;
      this.lastPosition = position;
      this.video.nextInLine(position);
    }
  }

  protected override updated(): void {
    if (!this.call.active) {
      const heading = this.heading();
      const withOffice = this.office.name && heading === t('lobbyTitle');
      document.title = t('pageTitle', {
        page: withOffice ? `${heading}: ${this.office.name}` : heading,
      });
    }
    if (this.focusNext) {
      this.querySelector<HTMLElement>(this.focusNext)?.focus();
      this.focusNext = null;
    }
  }

  private start(): void {
    this.unsubscribe();
    this.held = loadTicket(this.slug);
    const held = this.held;
    if (!held) return;
    this.stops.push(
      realtime().subscribe(
        { topic: 'ticket', ticketId: held.id, secret: held.secret },
        (message) => {
          if (message.topic === 'ticket') this.setTicket(message.data);
        },
        (error) => {
          if (error.code === 'TICKET_NOT_FOUND') this.finish('expired');
        },
      ),
      realtime().subscribe({ topic: 'lobby', office: this.slug }, (message) => {
        if (message.topic === 'lobby') this.lobby = message.data;
      }),
    );
  }

  private unsubscribe(): void {
    for (const stop of this.stops.splice(0)) stop();
  }

  private setTicket(next: TicketView): void {
    const before = this.ticket?.state;
    this.ticket = next;
    this.video.ticketChanged(next, this.held, this.locale); // the call's signaling first
    if (next.state === 'called' && before !== 'called') {
      this.call.start(next, this.office.name, this.locale);
      this.focusNext = '.button--call';
    }
    if (next.state !== 'called' && before === 'called') this.call.stop();
    if (next.state === 'done') this.finish('done');
    if (next.state === 'left') this.finish('expired'); // Not by this page (which says 'left').
  }

  private finish(outcome: views.Outcome): void {
    if (this.outcome) return;
    this.outcome = outcome;
    clearTicket(this.slug);
    this.unsubscribe();
    this.call.stop();
    this.focusNext = '.outcome__title';
  }

  /** One action at a time; a failure is shown, except a ticket that is gone ends the visit. */
  private async act(action: (held: TicketRef) => Promise<void>): Promise<void> {
    const held = this.held;
    if (!held || this.busy) return;
    this.busy = true;
    this.error = null;
    try {
      await action(held);
    } catch (error) {
      const failure = error as ApiError;
      if (failure.code === 'TICKET_NOT_FOUND') this.finish('expired');
      else this.error = failure;
    } finally {
      this.busy = false;
      this.confirmingLeave = false;
    }
  }

  private join(audioOnly: boolean): Promise<void> {
    if (this.held && !this.busy)
      this.video.joinClicked(this.ticket?.consultationId ?? null, audioOnly);
    return this.act(async ({ id, secret }) => {
      const consultationId = this.ticket?.consultationId ?? null;
      // The call starts first (audio only: with the camera off from the start).
      await this.video.beforeJoin(consultationId, audioOnly);
      this.joining = consultationId;
      // The join request waits for the connection too: its transaction and the snapshots it
      // refreshes are server work that delayed the relay of the offer and the answer.
      if (consultationId) await this.holdRoom(consultationId);
      const request = joinCall(id, secret, this.locale);
      try {
        this.setTicket(await request);
      } catch (error) {
        this.video.joinFailed();
        throw error;
      } finally {
        this.joining = null;
      }
    });
  }

  /**
   * Drawing the room is this page's longest task (60–90 ms on a slow phone): it waits until the
   * staff member's picture arrives, at most ROOM_HOLD_MS, so it holds up neither the answer to
   * the offer, nor the connection, nor the first frame (the room opens with the picture). The
   * join request waits only for the connection (the promise returned).
   */
  private holdRoom(consultationId: string): Promise<unknown> {
    this.roomHeld = true;
    const wait = new Promise((resolve) => setTimeout(resolve, ROOM_HOLD_MS));
    void Promise.race([this.video.reached(consultationId, 'flowing'), wait]).then(
      () => (this.roomHeld = false),
    );
    return Promise.race([this.video.reached(consultationId, 'connected'), wait]); // the join may go
  }

  private askLeave = (ask: boolean): void => {
    this.confirmingLeave = ask;
    this.focusNext = ask ? '.confirm__cancel' : '.leave';
  };

  private notifyMe = async (): Promise<void> => {
    alerts.unlockAudio();
    this.permission = await alerts.requestNotifications();
  };

  /** In the consultation: who with; else the waiting room. */
  private heading(): string {
    const ticket = this.ticket;
    return ticket?.state === 'serving' && ticket.staffName && !this.outcome
      ? t('roomTitle', { name: ticket.staffName })
      : t('lobbyTitle');
  }

  override render() {
    const ticket = this.ticket;
    const serving = ticket?.state === 'serving' && !this.outcome;
    return html`
      <div class="sr-only" aria-live="polite" aria-atomic="true">${this.announcement}</div>
      <div class="sr-only" aria-live="assertive" aria-atomic="true">${this.call.alert}</div>
      ${
        serving
          ? nothing
          : html`<p class="back">
              <a href=${officeHref(this.slug)} @click=${followLink}
                >${backIcon}<span>${this.office.name ?? t('toOffice')}</span></a
              >
            </p>`
      }
      <h1 tabindex="-1">${this.heading()}</h1>
      ${this.office.name && !serving ? html`<p class="lead">${this.office.name}</p>` : nothing}
      ${this.renderBody()}
    `;
  }

  private renderBody() {
    if (this.outcome) {
      return html`${views.outcomeView(this.outcome, this.slug)}
      ${this.outcome === 'done' ? this.video.ratingView(this.locale) : nothing}`;
    }
    const held = this.held;
    if (!held) return views.noTicketView(this.slug);
    const ticket = this.ticket;
    const status = views.connectionView(this.connection);
    if (!ticket) {
      return html`${status}
        <p class="loading"><span class="spinner" aria-hidden="true"></span>${t('connecting')}</p>`;
    }
    const error = this.error
      ? html`<div class="notice notice--error" role="alert">
          <p>${errorMessage(this.error, this.locale)}</p>
        </div>`
      : nothing;
    const joining = ticket.state === 'called' && ticket.consultationId === this.joining;
    const inCall = (ticket.state === 'serving' || joining) && !!ticket.consultationId;
    // Until the room opens, the called screen stays as it is (its buttons busy): swapping it
    // for something else was, after the room, the page's longest task in the call's setup.
    const opening = inCall && this.roomHeld;
    if (inCall && !opening) {
      return html`${status}${error}
        <vb-consultation-room
          .consultationId=${ticket.consultationId}
          .secret=${held.secret}
          .locale=${this.locale}
          .staffName=${ticket.staffName}
          @vb-ended=${() => this.finish('done')}
        ></vb-consultation-room>`;
    }
    return html`${status} ${error}
    ${views.activeTicketView(opening ? { ...ticket, state: 'called' } : ticket, {
      position: ticket.state === 'waiting' ? this.lastPosition : null,
      lobby: this.lobby,
      locale: this.locale,
      secondsLeft: secondsLeft(ticket.joinBy, this.call.now, this.office.offsetMs),
      busy: this.busy || opening,
      opening,
      permission: this.permission,
      confirmingLeave: this.confirmingLeave,
      actions: this.actions,
      deviceCheck: this.video.deviceCheckView(this.locale),
    })}`;
  }

  private readonly actions: views.LobbyActions = {
    join: () => void this.join(false),
    joinAudioOnly: () => void this.join(true),
    notify: () => void this.notifyMe(),
    testSound: () => {
      alerts.unlockAudio();
      alerts.playChime();
    },
    askLeave: () => this.askLeave(true),
    confirmLeave: () =>
      void this.act(async ({ id, secret }) => {
        await leaveTicket(id, secret, this.locale);
        this.finish('left');
      }),
    cancelLeave: () => this.askLeave(false),
  };
}

customElements.define('vb-lobby-page', LobbyPage);
