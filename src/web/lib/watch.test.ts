import { describe, expect, it } from 'vitest';
import type { OfficeSummary } from '../../shared/offices.js';
import { isNewer, summaryKey } from './watch.js';

const office: OfficeSummary = {
  slug: 'gewerbeamt',
  name: 'Gewerbeamt',
  description: 'Gewerbe anmelden',
  timeZone: 'Europe/Berlin',
  status: 'open_free',
  open: true,
  waiting: 0,
  closesAt: '2026-11-25T16:00:00+01:00',
  nextOpening: null,
  today: {
    date: '2026-11-25',
    intervals: [{ opens: '08:00', closes: '16:00' }],
    holiday: null,
    exception: false,
  },
  openingHours: [],
};

describe('summaryKey', () => {
  it('changes with what the office page shows, not with key order', () => {
    const reordered = Object.fromEntries(Object.entries(office).reverse()) as OfficeSummary;
    expect(summaryKey(reordered)).toBe(summaryKey(office));
    expect(summaryKey({ ...office, waiting: 1 })).not.toBe(summaryKey(office));
    expect(summaryKey({ ...office, status: 'open_busy' })).not.toBe(summaryKey(office));
  });
});

describe('isNewer', () => {
  it('compares instants, not strings with different offsets', () => {
    const shown = { generatedAt: '2026-11-25T10:00:00+01:00' };
    expect(isNewer({ generatedAt: '2026-11-25T09:00:30Z' }, shown)).toBe(true);
    expect(isNewer({ generatedAt: '2026-11-25T09:59:00+01:00' }, shown)).toBe(false);
    expect(isNewer(shown, null)).toBe(true);
  });
});
