/** Loads the call's chunk once (dynamic import: the directory page never pays for it). */
import type * as CallParts from './call-parts.js';
import { whenIdle } from '../lib/when-idle.js';

let loading: Promise<typeof CallParts> | null = null;
let loaded: typeof CallParts | null = null;

export function loadCallParts(): Promise<typeof CallParts> {
  loading ??= import('./call-parts.js').then(
    (parts) => (loaded = parts),
    (error: unknown) => {
      loading = null; // a later attempt may work (e.g. after a network blip)
      throw error;
    },
  );
  return loading;
}

/** Runs `use` with the chunk: at once when it is loaded (not a task later), else when it is. */
export function withCallParts(use: (parts: typeof CallParts) => void): void {
  if (loaded) use(loaded);
  else loadCallParts().then(use, () => undefined);
}

/**
 * A citizen in the lobby will most likely be called, and with nobody ahead at once: fetch the
 * call chunk as soon as the browser is idle after the lobby opened, so being called does not
 * wait for it (measured: ≈ 130–170 ms of the call setup when it loaded on the call).
 */
export function prefetchCallParts(): void {
  const load = () => void loadCallParts().catch(() => undefined);
  whenIdle(load, 1000, 200);
}
