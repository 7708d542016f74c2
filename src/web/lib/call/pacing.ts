/**
 * How often the call repairs itself while the path is broken: ICE restarts quick at first,
 * then calmer (a slow network gets time to finish its checks), back to quick once connected.
 */
const RESTART_GAPS_MS = [1_500, 1_500, 2_000, 3_000, 5_000, 8_000];
/** An offer (or the polite side's hello) without effect goes again after this long. */
export const RESEND_AFTER_MS = 3_000;
/** ICE `disconnected` often heals by itself within this long. */
export const DISCONNECT_GRACE_MS = 1_500;
export const WATCHDOG_MS = 1_000;
/**
 * A relay-only side whose ICE restart found no relay (the TURN server unreachable) tries again
 * this soon, not at the calmer pace above: each try is one allocation request, and the first
 * try after the server is back brings the picture back (a pending request's retransmissions
 * reach a restarted server only after seconds).
 */
export const RELAY_RETRY_GAPS_MS = [1_000, 1_000, 1_000, 2_000, 2_000, 4_000, 8_000];

export class RestartPacing {
  private last = -Infinity;
  private count = 0;
  private helloAt = -Infinity;

  /** Whether a restart may happen now; if so, it is counted. */
  take(now: number): boolean {
    const gap = RESTART_GAPS_MS[Math.min(this.count, RESTART_GAPS_MS.length - 1)] ?? 8_000;
    if (now - this.last < gap) return false;
    this.last = now;
    this.count++;
    return true;
  }

  /** Whether the polite side may say hello again now. */
  helloDue(now: number): boolean {
    if (now - this.helloAt < RESEND_AFTER_MS) return false;
    this.helloAt = now;
    return true;
  }

  connected(): void {
    this.count = 0;
  }
}
