import { describe, expect, it } from 'vitest';
import { officeHref, parseRoute } from './route.js';
import { changedOffices, rememberStatuses } from './status-changes.js';

describe('parseRoute', () => {
  it('shows the directory at the root and an office at /{slug}', () => {
    expect(parseRoute('/')).toEqual({ page: 'directory' });
    expect(parseRoute('/gewerbeamt')).toEqual({ page: 'office', slug: 'gewerbeamt' });
    expect(parseRoute('/gewerbeamt/')).toEqual({ page: 'office', slug: 'gewerbeamt' });
    expect(parseRoute('/b%C3%BCrgerb%C3%BCro')).toEqual({ page: 'office', slug: 'bürgerbüro' });
    expect(officeHref('bürgerbüro')).toBe('/b%C3%BCrgerb%C3%BCro');
  });
});

describe('changedOffices', () => {
  it('reports only offices whose status changed, not new ones', () => {
    const before = rememberStatuses([
      { slug: 'a', status: 'closed' },
      { slug: 'b', status: 'open_free' },
    ]);
    const now = [
      { slug: 'a', status: 'open_free' as const },
      { slug: 'b', status: 'open_free' as const },
      { slug: 'c', status: 'open_busy' as const },
    ];
    expect(changedOffices(before, now).map((o) => o.slug)).toEqual(['a']);
  });
});
