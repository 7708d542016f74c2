/**
 * Times this node has just seen fully booked, so that the rush on a popular time (a thousand
 * requests for fifty seats) is refused without a query each. Only ever a refusal, never a
 * booking: the seat rows in the database stay the one guarantee against double booking.
 * A time is known full for a second; seats freed on this node (cancel, reschedule, a block
 * removed) forget the office at once, seats freed on another node are seen after that second
 * at the latest — as the refused time's suggestions, which are kept as long.
 */
const KEEP_MS = 1_000;
const MAX_KEPT = 20_000;

export class FullTimes {
  /** `${officeId}:${unit start ms}` → until when it is known full (Date.now() clock). */
  private readonly until = new Map<string, number>();

  /** Whether any of these units is known to be full. */
  anyFull(officeId: number, units: readonly { start: Date }[], now = Date.now()): boolean {
    return units.some((u) => (this.until.get(`${officeId}:${u.start.getTime()}`) ?? 0) > now);
  }

  full(officeId: number, start: Date, now = Date.now()): void {
    if (this.until.size >= MAX_KEPT) {
      for (const [key, until] of this.until) if (until <= now) this.until.delete(key);
      if (this.until.size >= MAX_KEPT) this.until.clear();
    }
    this.until.set(`${officeId}:${start.getTime()}`, now + KEEP_MS);
  }

  /** Seats of this office were freed here. */
  freed(officeId: number): void {
    const prefix = `${officeId}:`;
    for (const key of this.until.keys()) if (key.startsWith(prefix)) this.until.delete(key);
  }
}
