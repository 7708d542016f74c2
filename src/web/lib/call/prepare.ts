/**
 * Getting ready for a call before it starts, to save round trips: as soon as the citizen is
 * called, the consultation's signaling channel opens and says `hello` (so the staff member's
 * offer is already waiting in it) and the ICE servers are fetched. On the click to join, the
 * session starts — camera, microphone and the answer —, before the join request (which waits
 * for the connection); the call view then takes it over. Before that click the only thing
 * sent is the `hello`.
 */
import type { Locale } from '../../../shared/locale.js';
import { fetchIce, type CallAuth, type IceAnswer } from './auth.js';
import { SignalChannel } from './channel.js';
import { CallSession } from './session.js';
import { stillValid } from './ice-expiry.js';
import { newSid } from './signal.js';

interface Prepared {
  consultationId: string;
  auth: CallAuth;
  locale: Locale;
  channel: SignalChannel;
  ice: Promise<IceAnswer | null>;
  /** The same once it came. */
  iceNow: IceAnswer | null;
  /** The id the call's peer connection will use (the hello already named it). */
  sid: string;
  stopHello: () => void;
}

let prepared: Prepared | null = null;
let started: CallSession | null = null;

/**
 * Idempotent; another consultation replaces the one prepared before. `ice`: servers that came
 * with the call (staff), else they are fetched now.
 */
export function prepareCall(
  consultationId: string,
  auth: CallAuth,
  locale: Locale,
  ice?: IceAnswer,
): void {
  if (prepared?.consultationId === consultationId || started?.consultationId === consultationId) {
    return;
  }
  dropPrepared();
  const secret = auth.role === 'citizen' ? auth.secret : undefined;
  const servers = ice ? Promise.resolve(ice) : fetchIce(consultationId, auth, locale);
  const channel = new SignalChannel(consultationId, secret);
  const sid = newSid();
  // Each time the channel is (again) ready: staff may have sent their offer before we listened.
  const stopHello = channel.events.on('ready', () =>
    channel.send(JSON.stringify({ sid, hello: true })),
  );
  const ready: Prepared = {
    consultationId,
    auth,
    locale,
    channel,
    ice: servers.catch(() => null),
    iceNow: ice ?? null,
    sid,
    stopHello,
  };
  void ready.ice.then((answer) => (ready.iceNow = answer));
  prepared = ready;
}

const valid = (answer: IceAnswer | null) =>
  answer && stillValid(answer, Date.now()) ? answer : null;

/** The click to join: the prepared call starts now (no-op without one). */
export function startCall(consultationId: string): void {
  const ready = prepared;
  if (!ready || ready.consultationId !== consultationId) return;
  prepared = null;
  ready.stopHello();
  started = new CallSession(consultationId, ready.auth, ready.locale, {
    channel: ready.channel,
    sid: ready.sid,
    greeted: ready.channel.ready,
    ice: ready.ice.then(valid),
    iceNow: valid(ready.iceNow),
  });
}

/** The call is not coming (the ticket went back to waiting, the join failed, the page left). */
export function dropPrepared(): void {
  prepared?.stopHello();
  prepared?.channel.close();
  prepared = null;
  started?.close();
  started = null;
}

/**
 * When the started call of this consultation is connected, or the other side's picture
 * arrives (the page's heavier drawing and requests can wait for that); at once without one.
 */
export function whenCall(consultationId: string, moment: 'connected' | 'flowing'): Promise<void> {
  return started?.consultationId === consultationId ? started.peer[moment] : Promise.resolve();
}

/** The session started on the click (or prepared), else a new one — for the call view. */
export function takeSession(consultationId: string, auth: CallAuth, locale: Locale): CallSession {
  startCall(consultationId);
  const session = started?.consultationId === consultationId ? started : null;
  started = null;
  return session ?? new CallSession(consultationId, auth, locale);
}

/** A staff call made before the server has named its consultation. */
export interface EarlyCall {
  /** Whether its ICE servers are still good for a call that starts now. */
  fresh(now: number): boolean;
  /** The click on "Call next": camera and microphone open (a call made ahead has none yet). */
  begin(): void;
  /** The call's answer came: signaling starts (what the peer said so far goes out first). */
  bind(consultationId: string): void;
  /** The call did not come about (empty queue, busy, an error): camera and connection go. */
  cancel(): void;
}

/**
 * Staff only: the peer connection and its offer, with ICE servers the console already holds,
 * before the consultation exists — on the click on "Call next", in parallel with its request,
 * or `ahead`, while the console waits for the click. Ahead, the click finds the offer made and
 * its candidates (TURN allocations too) gathered: they cost 20–70 ms of the call's setup when
 * made on the click, on a machine that then also serves the request. Without media until
 * `begin()`: a camera turned off between calls stays off until a call starts.
 */
export function startEarlyCall(
  auth: CallAuth,
  locale: Locale,
  ice: IceAnswer,
  ahead = false,
): EarlyCall {
  if (!ahead) dropPrepared();
  const channel = new SignalChannel(null, undefined);
  const session = new CallSession(null, auth, locale, { channel, iceNow: ice, deferMedia: ahead });
  let open = true;
  return {
    fresh: (now) => open && stillValid(ice, now),
    begin: () => session.openMedia(),
    bind(consultationId) {
      if (!open) return;
      open = false;
      if (ahead) {
        dropPrepared();
        // The offer and candidates kept since: one offer that carries them all goes instead.
        channel.dropUnsent();
        session.peer.announce();
      }
      channel.bind(consultationId);
      started = session;
    },
    cancel() {
      if (!open) return;
      open = false;
      session.close();
    },
  };
}
