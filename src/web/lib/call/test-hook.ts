/**
 * Test hook: `window.__vbCall.pc` is the call's current RTCPeerConnection (or null), so browser
 * tests can read `getStats()` (frames decoded, candidate types). Read-only; it holds nothing
 * secret (the page already owns the connection) and changes nothing.
 */
let current: RTCPeerConnection | null = null;

export function setTestHook(pc: RTCPeerConnection | null): void {
  current = pc;
  if (!('__vbCall' in window)) {
    Object.defineProperty(window, '__vbCall', {
      value: Object.freeze({
        get pc() {
          return current;
        },
      }),
      enumerable: false,
    });
  }
}
