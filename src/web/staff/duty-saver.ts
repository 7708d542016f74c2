/**
 * Saves duty changes one request at a time per office. Arrow keys in the radio group can fire
 * several changes quickly; answers could overtake each other, so the newest wish is sent once
 * the running request is done, and that answer is the one that counts.
 */
import type { DutyState, StaffMe } from './types.js';

export class DutySaver {
  /** What each office is being switched to (shown while saving). */
  readonly wanted = new Map<string, DutyState>();
  private readonly running = new Set<string>();

  constructor(
    private readonly save: (slug: string, state: DutyState) => Promise<StaffMe>,
    private readonly saved: (me: StaffMe) => void,
    private readonly changed: () => void = () => undefined,
  ) {}

  /**
   * Resolves with the state saved last, or null when a request already running for the office
   * takes this wish along. Rejects with the request's error (the wish is then dropped).
   */
  async set(slug: string, state: DutyState): Promise<DutyState | null> {
    this.wanted.set(slug, state);
    this.changed();
    if (this.running.has(slug)) return null;
    this.running.add(slug);
    try {
      for (let want = state; ;) {
        this.saved(await this.save(slug, want));
        const latest = this.wanted.get(slug);
        if (latest === undefined || latest === want) return want;
        want = latest;
      }
    } finally {
      this.running.delete(slug);
      this.wanted.delete(slug);
      this.changed();
    }
  }
}
