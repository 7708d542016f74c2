/**
 * The lobby's part of the video call, as a Lit controller: the device check while waiting
 * (opened by itself when next in line),
 * getting the call ready when called (its chunk, signaling and ICE servers), opening camera
 * and microphone on "Join" (also "audio only"), and the rating after the consultation.
 * Everything from src/web/lib/call arrives by dynamic import (`call-loader.ts`).
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { Locale } from '../../shared/locale.js';
import type { TicketView } from '../../shared/queue.js';
import type { TicketRef } from '../lib/ticket-store.js';
import { loadCallParts, withCallParts } from './call-loader.js';
import { deviceCheckView } from './lobby-views.js';

const noop = () => undefined;

export class LobbyCall implements ReactiveController {
  check: 'closed' | 'loading' | 'open' | 'failed' = 'closed';
  /** The consultation this page was in, for the rating after it ended. */
  private ratingFor: { id: string; secret: string } | null = null;
  private prepared = false;
  /** The citizen closed the check: it does not open by itself again. */
  private checkClosed = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly focus: (selector: string) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    if (this.prepared) loadCallParts().then((parts) => parts.dropPrepared(), noop);
    this.prepared = false;
  }

  /** Every new ticket snapshot. */
  ticketChanged(ticket: TicketView, held: TicketRef | null, locale: Locale): void {
    const id = ticket.consultationId;
    if (ticket.state === 'serving' && id && held) this.ratingFor = { id, secret: held.secret };
    if (ticket.state === 'called' && id && held) {
      const auth = { role: 'citizen' as const, secret: held.secret };
      this.prepared = true;
      const ice = ticket.ice; // came with the call: no request for it
      // In this task, before the called screen is drawn: the subscription leaves sooner.
      withCallParts((parts) => parts.prepareCall(id, auth, locale, ice));
    } else if (this.prepared && ticket.state !== 'serving') {
      this.prepared = false;
      loadCallParts().then((parts) => parts.dropPrepared(), noop);
    }
  }

  /**
   * The click to join, before anything on the page changes: the prepared call starts in the
   * click's own task (its connection, and the offer waiting in its channel), so the answer does
   * not wait for the page to redraw. Audio only goes through `beforeJoin` (the camera stays off).
   */
  joinClicked(consultationId: string | null, audioOnly: boolean): void {
    if (consultationId && !audioOnly) withCallParts((parts) => parts.startCall(consultationId));
  }

  /** The call starts (camera, microphone, the answer) while the join request runs. */
  async beforeJoin(consultationId: string | null, audioOnly: boolean): Promise<void> {
    const parts = await loadCallParts().catch(() => null);
    if (audioOnly) await parts?.localMedia().choose({ audioOnly: true });
    if (consultationId) parts?.startCall(consultationId);
  }

  /** The started call is connected, or shows the staff member's picture (or there is none). */
  reached(consultationId: string, moment: 'connected' | 'flowing'): Promise<void> {
    return loadCallParts().then(
      (parts) => parts.whenCall(consultationId, moment),
      () => undefined,
    );
  }

  /** The join failed: nothing of the call may keep running. */
  joinFailed(): void {
    loadCallParts().then((parts) => parts.dropPrepared(), noop);
    this.prepared = false;
  }

  deviceCheckView(locale: Locale) {
    return deviceCheckView(
      this.check,
      locale,
      () => void this.openCheck(),
      () => this.close(),
    );
  }

  ratingView(locale: Locale) {
    const rating = this.ratingFor;
    return rating
      ? html`<vb-rating
          .consultationId=${rating.id}
          .secret=${rating.secret}
          .locale=${locale}
        ></vb-rating>`
      : nothing;
  }

  /**
   * Next in line: the device check opens by itself (once; not again after the citizen closed
   * it), without taking the focus. A browser asks for camera and microphone now, while there
   * is time, not after the call — and the camera is already on when "Join" is pressed.
   */
  nextInLine(position: number | null): void {
    if (position === 1 && this.check === 'closed' && !this.checkClosed) {
      void this.openCheck(false);
    }
  }

  private async openCheck(focus = true): Promise<void> {
    this.set('loading');
    try {
      await loadCallParts();
      this.set('open');
      if (focus) this.focus('#device-check-title');
    } catch {
      this.set('failed');
    }
  }

  private close(): void {
    this.checkClosed = true;
    this.set('closed');
    this.focus('.device-check-open');
  }

  private set(check: LobbyCall['check']): void {
    this.check = check;
    this.host.requestUpdate();
  }
}
