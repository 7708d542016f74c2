import { describe, expect, it } from 'vitest';
import { lobbyHref, parseAppRoute } from './app-route.js';

describe('parseAppRoute', () => {
  it('knows the lobby at /{slug}/ticket besides the directory and office pages', () => {
    expect(parseAppRoute('/')).toEqual({ page: 'directory' });
    expect(parseAppRoute('/gewerbeamt')).toEqual({ page: 'office', slug: 'gewerbeamt' });
    expect(parseAppRoute('/gewerbeamt/ticket')).toEqual({ page: 'ticket', slug: 'gewerbeamt' });
    expect(parseAppRoute('/gewerbeamt/ticket/')).toEqual({ page: 'ticket', slug: 'gewerbeamt' });
    expect(lobbyHref('gewerbeamt')).toBe('/gewerbeamt/ticket');
  });
});
