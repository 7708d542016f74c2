/**
 * The citizen app's routes — "/", "/{slug}", the lobby "/{slug}/ticket", booking
 * "/{slug}/book" and an appointment's page "/a/{token}" (and "/a/{token}/change", the SMS's
 * second link) — and moving between them without a page load. Staying on the same page keeps
 * the browser's permission to play the call sound, which the click on "Enter" gave.
 */
import { officeHref, parseRoute, type Route } from './route.js';

export type AppRoute =
  | Route
  | { page: 'ticket'; slug: string }
  | { page: 'book'; slug: string }
  | { page: 'appointment'; token: string; change: boolean };

export const ROUTE_EVENT = 'vb-route';

/** Appointment tokens are URL-safe (base64url); anything else is not one of our links. */
const TOKEN = /^[\w-]{16,64}$/;

export function parseAppRoute(pathname: string): AppRoute {
  const segments = pathname.split('/').filter(Boolean);
  const [first, second, third] = segments;
  if (first === 'a' && second && TOKEN.test(second)) {
    if (segments.length === 2) return { page: 'appointment', token: second, change: false };
    if (segments.length === 3 && third === 'change') {
      return { page: 'appointment', token: second, change: true };
    }
  }
  if (segments.length === 2 && first && (second === 'ticket' || second === 'book')) {
    const office = parseRoute(`/${first}`);
    if (office.page === 'office') return { page: second, slug: office.slug };
  }
  return parseRoute(pathname);
}

export function lobbyHref(slug: string): string {
  return `${officeHref(slug)}/ticket`;
}

export function bookHref(slug: string): string {
  return `${officeHref(slug)}/book`;
}

export function appointmentHref(token: string, change = false): string {
  return `/a/${encodeURIComponent(token)}${change ? '/change' : ''}`;
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
