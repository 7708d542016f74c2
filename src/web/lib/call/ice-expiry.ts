/**
 * Whether ICE servers are still good for a new connection. TURN REST usernames start with their
 * expiry (unix seconds); a minute of margin. Its own file, without imports: the staff console's
 * main bundle checks the ICE servers it holds without loading the call's chunk.
 */
export function stillValid(answer: { iceServers: RTCIceServer[] }, now: number): boolean {
  return answer.iceServers.every((server) => {
    const expiry = Number(server.username?.split(':')[0]);
    return !server.username || !Number.isFinite(expiry) || expiry * 1000 - now > 60_000;
  });
}
