import { describe, expect, it } from 'vitest';
import { appointmentHref, bookHref, lobbyHref, parseAppRoute } from './app-route.js';

describe('parseAppRoute', () => {
  it('knows the lobby at /{slug}/ticket besides the directory and office pages', () => {
    expect(parseAppRoute('/')).toEqual({ page: 'directory' });
    expect(parseAppRoute('/gewerbeamt')).toEqual({ page: 'office', slug: 'gewerbeamt' });
    expect(parseAppRoute('/gewerbeamt/ticket')).toEqual({ page: 'ticket', slug: 'gewerbeamt' });
    expect(parseAppRoute('/gewerbeamt/ticket/')).toEqual({ page: 'ticket', slug: 'gewerbeamt' });
    expect(lobbyHref('gewerbeamt')).toBe('/gewerbeamt/ticket');
  });

  it('knows booking at /{slug}/book and the two appointment links of the SMS', () => {
    expect(parseAppRoute('/gewerbeamt/book')).toEqual({ page: 'book', slug: 'gewerbeamt' });
    expect(bookHref('gewerbeamt')).toBe('/gewerbeamt/book');
    const token = 'Q2x5dGVtbmVzdHJh_-9z';
    expect(parseAppRoute(`/a/${token}`)).toEqual({ page: 'appointment', token, change: false });
    expect(parseAppRoute(`/a/${token}/change`)).toEqual({
      page: 'appointment',
      token,
      change: true,
    });
    expect(appointmentHref(token, true)).toBe(`/a/${token}/change`);
    // An office called "a" keeps its page; a malformed token is not an appointment link.
    expect(parseAppRoute('/a')).toEqual({ page: 'office', slug: 'a' });
    expect(parseAppRoute('/a/x%20y').page).toBe('office');
  });
});
