/**
 * Whether ICE servers are still good for a new connection. TURN REST usernames start with their
 * expiry (unix seconds); a minute of margin. Its own file, without imports: the staff console's
 * main bundle checks the ICE servers it holds without loading the call's chunk.
 */
const MARGIN_MS = 60_000;

/** How long from `now` the servers stay good for a new connection (Infinity: no expiry). */
export function goodFor(answer: { iceServers: RTCIceServer[] }, now: number): number {
  let left = Infinity;
  for (const server of answer.iceServers) {
    const expiry = Number(server.username?.split(':')[0]);
    if (server.username && Number.isFinite(expiry)) {
      left = Math.min(left, expiry * 1000 - now - MARGIN_MS);
    }
  }
  return left;
}

export function stillValid(answer: { iceServers: RTCIceServer[] }, now: number): boolean {
  return goodFor(answer, now) > 0;
}
