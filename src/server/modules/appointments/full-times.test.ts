import { describe, expect, it } from 'vitest';
import { FullTimes } from './full-times.js';

const at = (iso: string) => ({ start: new Date(iso) });

describe('FullTimes', () => {
  it('knows a full time for a second, per office, and forgets an office whose seats were freed', () => {
    const full = new FullTimes();
    const now = 1_000_000;
    full.full(1, new Date('2026-12-02T09:00:00Z'), now);
    full.full(2, new Date('2026-12-02T09:00:00Z'), now);
    expect(full.anyFull(1, [at('2026-12-02T08:50:00Z'), at('2026-12-02T09:00:00Z')], now)).toBe(
      true,
    );
    expect(full.anyFull(1, [at('2026-12-02T09:10:00Z')], now)).toBe(false);
    expect(full.anyFull(1, [at('2026-12-02T09:00:00Z')], now + 999)).toBe(true);
    expect(full.anyFull(1, [at('2026-12-02T09:00:00Z')], now + 1_000)).toBe(false); // expired

    full.freed(1);
    expect(full.anyFull(1, [at('2026-12-02T09:00:00Z')], now)).toBe(false);
    expect(full.anyFull(2, [at('2026-12-02T09:00:00Z')], now)).toBe(true); // other office kept
  });
});
