/**
 * Runs `task` when the page is next idle, at the latest after `timeoutMs`; where the browser
 * has no idle callbacks (Safari), after `fallbackMs`. Returns a canceller.
 */
export function whenIdle(task: () => void, timeoutMs: number, fallbackMs = 0): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(task, { timeout: timeoutMs });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(task, fallbackMs);
  return () => clearTimeout(id);
}
