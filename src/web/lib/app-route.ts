/**
 * The citizen app's routes — "/", "/{slug}" and the lobby "/{slug}/ticket" — and moving between
 * them without a page load. Staying on the same page keeps the browser's permission to play the
 * call sound, which the click on "Enter" gave.
 */
import { officeHref, parseRoute, type Route } from './route.js';

export type AppRoute = Route | { page: 'ticket'; slug: string };

export const ROUTE_EVENT = 'vb-route';

export function parseAppRoute(pathname: string): AppRoute {
  const segments = pathname.split('/').filter(Boolean);
  if (segments.length === 2 && segments[1] === 'ticket') {
    const office = parseRoute(`/${segments[0]}`);
    if (office.page === 'office') return { page: 'ticket', slug: office.slug };
  }
  return parseRoute(pathname);
}

export function lobbyHref(slug: string): string {
  return `${officeHref(slug)}/ticket`;
}

/** Shows another page of the app; the back button returns. */
export function navigate(href: string): void {
  history.pushState(null, '', href);
  window.dispatchEvent(new Event(ROUTE_EVENT));
}

/** A link's click handler: an in-app move, unless the person asked for a new tab or window. */
export function followLink(event: MouseEvent): void {
  const link = event.currentTarget;
  if (!(link instanceof HTMLAnchorElement)) return;
  if (event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(link.getAttribute('href') ?? '/');
}
