/**
 * The life of one call, from "Call next" to the end: the request, the called ticket (for its
 * `joinBy`), call again / mark absent / end, and the way back to the queue — also when the
 * citizen hangs up or the consultation is gone. Owned by the console, which it re-renders.
 */
import type { ReactiveControllerHost } from 'lit';
import type { Locale } from '../../shared/locale.js';
import type { ConsultationSnapshot, QueueEntry } from '../../shared/queue.js';
import type { CallAnswer } from '../../shared/staff.js';
import type { IceAnswer } from '../lib/call/auth.js';
import type * as CallChunk from '../lib/call/index.js';
import { goodFor, stillValid } from '../lib/call/ice-expiry.js';
import { ApiError } from '../lib/request.js';
import { currentCsrfToken, staffApi } from './api.js';
import type { MessageKey, MessageParams } from './i18n/index.js';
import type { StaffLive } from './live.js';
import { findCalledTicket, recalledJoinBy } from './queue-logic.js';
import { whenIdle } from '../lib/when-idle.js';

export type ConsultationAction = 'recall' | 'absent' | 'end';
export type Notice = [MessageKey, MessageParams?];

export interface CallFlowOutput {
  /** What happened, for the status region and screen readers. */
  notice(notice: Notice | null): void;
  /** A request failed (the console shows it or handles a lost session). */
  fail(error: unknown): void;
  /** Where the focus goes after the next render. */
  focus(selector: string): void;
  locale(): Locale;
}

type CallParts = typeof CallChunk;
/** The call's chunk once loaded, for starting a call inside the click's own task. */
let loadedParts: CallParts | null = null;
const callParts = () =>
  import('../lib/call/index.js').then((parts) => {
    loadedParts = parts;
    return parts;
  });
const auth = { role: 'staff' as const, csrf: currentCsrfToken };

/** Staff always join: the call (signaling, camera, offer) starts with the answer, not the view. */
function startCallNow(answer: CallAnswer, locale: Locale): void {
  callParts().then(
    (parts) => {
      parts.prepareCall(answer.consultationId, auth, locale, answer.ice);
      parts.startCall(answer.consultationId);
    },
    () => undefined, // the consultation panel says that the call could not load
  );
}

/**
 * The ICE servers for the next call, fetched when the console opens, so a call can start on
 * the click (`startEarlyCall`). Found near their expiry at a click, that call starts with the
 * servers of its answer (as without held ones) and fresh ones are fetched for the next.
 */
class HeldIce {
  private answer: IceAnswer | null = null;
  private fetching: Promise<void> | null = null;

  /** Whether servers are held that are still good. */
  get held(): boolean {
    return !!this.answer && stillValid(this.answer, Date.now());
  }

  /** Valid servers now, else null (and a fresh fetch for the next call). */
  take(): IceAnswer | null {
    if (this.held) return this.answer;
    void this.refresh();
    return null;
  }

  /** Resolves when the fetch is done (whether it worked or not). */
  refresh(): Promise<void> {
    this.fetching ??= staffApi
      .ice()
      .then(
        (answer) => void (this.answer = answer),
        () => undefined, // the call then starts with the servers in its answer
      )
      .finally(() => (this.fetching = null));
    return this.fetching;
  }
}

/** After a call or a call that did not come about: the next one is made ready this much later. */
const AHEAD_AFTER_MS = 1_000;

export class CallFlow {
  /** The office whose call request is on its way. */
  calling: string | null = null;
  /** The consultation action being sent. */
  pending: ConsultationAction | null = null;
  /** The ticket called from this page (for its `joinBy` until the queue shows it). */
  private called: QueueEntry | null = null;
  /** The consultation this page is ending or marking absent: its 'ended' is no surprise. */
  private closing: string | null = null;

  private readonly ice = new HeldIce();
  /** The next call's connection and offer, made while the console waits (`startEarlyCall`). */
  private ahead: CallChunk.EarlyCall | null = null;
  private aheadTimer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;

  /**
   * The call's chunk and ICE servers, once the console is idle, then the next call's connection:
   * the first call need not wait for any of them.
   */
  prefetch(): void {
    this.stopped = false;
    const load = () => {
      void Promise.all([callParts(), this.ice.refresh()]).then(
        () => this.prepareNext(),
        () => undefined,
      );
    };
    whenIdle(load, 2000, 500);
  }

  /** The console left the page: nothing is kept ready. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.aheadTimer);
    this.ahead?.cancel();
    this.ahead = null;
  }

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly live: StaffLive,
    private readonly out: CallFlowOutput,
  ) {}

  /** The called ticket as the queue shows it now, else as the call answered. */
  ticket(): QueueEntry | null {
    const snapshot = this.live.consultation;
    const found = findCalledTicket(this.live.queues.values(), {
      ticketId: this.called?.id ?? null,
      office: snapshot?.office ?? null,
      code: snapshot?.ticketCode ?? null,
    });
    return found ?? this.called;
  }

  async call(slug: string, ticketId?: string): Promise<void> {
    if (this.calling || this.live.consultationId) return;
    this.calling = slug;
    this.out.notice(null);
    this.host.requestUpdate();
    const calling = ticketId ? staffApi.callTicket(ticketId) : staffApi.callNext(slug);
    // The request is on its way; meanwhile camera, connection and offer start (or were made).
    const early = this.takeAhead() ?? this.startEarly();
    early?.begin();
    try {
      const answer = await calling;
      this.called = answer.ticket;
      if (early) early.bind(answer.consultationId);
      else startCallNow(answer, this.out.locale());
      this.live.watchConsultation(answer.consultationId);
      this.out.focus('#consultation-title');
    } catch (error) {
      early?.cancel();
      this.prepareNext(AHEAD_AFTER_MS);
      this.out.fail(error);
    } finally {
      this.calling = null;
      this.host.requestUpdate();
    }
  }

  /** The call made ahead, if its ICE servers are still good (else it goes). */
  private takeAhead(): CallChunk.EarlyCall | null {
    const ahead = this.ahead;
    this.ahead = null;
    clearTimeout(this.aheadTimer);
    if (ahead?.fresh(Date.now())) return ahead;
    ahead?.cancel();
    return null;
  }

  private startEarly(): CallChunk.EarlyCall | undefined {
    const ice = loadedParts ? this.ice.take() : null;
    return ice ? loadedParts?.startEarlyCall(auth, this.out.locale(), ice) : undefined;
  }

  /** Makes the next call's connection and offer now (or `delayMs` later), while idle. */
  private prepareNext(delayMs = 0): void {
    if (this.ahead) return; // made already (and renewed on time)
    clearTimeout(this.aheadTimer);
    this.aheadTimer = setTimeout(() => {
      if (this.stopped || this.ahead || this.calling || this.live.consultationId) return;
      if (!loadedParts) return;
      const ice = this.ice.take();
      if (!ice) {
        void this.ice.refresh().then(() => this.ice.held && this.prepareNext());
        return;
      }
      this.ahead = loadedParts.startEarlyCall(auth, this.out.locale(), ice, true);
      // Made anew before its TURN credentials expire (setTimeout's limit: about 24 days).
      const renewIn = Math.min(goodFor(ice, Date.now()), 2 ** 31 - 1);
      this.aheadTimer = setTimeout(() => {
        this.ahead?.cancel();
        this.ahead = null;
        this.prepareNext();
      }, renewIn);
    }, delayMs);
  }

  async act(action: ConsultationAction): Promise<void> {
    const id = this.live.consultationId;
    if (!id || this.pending) return;
    const code = this.live.consultation?.ticketCode ?? this.called?.code ?? '';
    this.pending = action;
    if (action !== 'recall') this.closing = id;
    this.host.requestUpdate();
    try {
      await staffApi[action](id);
      if (action === 'recall') {
        const ticket = this.called;
        if (ticket) {
          this.called = { ...ticket, joinBy: recalledJoinBy(ticket, this.live.serverNow()) };
        }
        this.out.notice(['recalled', { code }]);
      } else this.close([action === 'end' ? 'endedByYou' : 'markedAbsent', { code }]);
    } catch (error) {
      this.closing = null;
      const code = error instanceof ApiError ? error.code : null;
      if (code === 'CONSULTATION_ENDED' || code === 'CONSULTATION_NOT_FOUND') {
        this.close(['consultationGone']);
      } else this.out.fail(error);
    } finally {
      this.pending = null;
      this.host.requestUpdate();
    }
  }

  /** The consultation's snapshot says it ended. */
  ended(snapshot: ConsultationSnapshot): void {
    if (this.closing !== snapshot.id) this.close(['endedByCitizen', { code: snapshot.ticketCode }]);
  }

  /** The consultation cannot be watched (gone, or not this staff member's). */
  gone(): void {
    this.close(['consultationGone']);
  }

  /** Back to the queue: the consultation's office's "Call next" gets the focus. */
  private close(notice: Notice): void {
    const office = this.live.consultation?.office ?? null;
    callParts().then(
      (parts) => parts.dropPrepared(),
      () => undefined,
    );
    this.live.watchConsultation(null);
    this.called = null;
    this.prepareNext(AHEAD_AFTER_MS);
    this.out.notice(notice);
    this.out.focus(office ? `#call-next-${office}` : '.call-next');
    this.host.requestUpdate();
  }
}
