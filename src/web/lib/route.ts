/** Client-side routing by path: "/" is the directory, "/{slug}" an office page. */
export type Route = { page: 'directory' } | { page: 'office'; slug: string };

export function parseRoute(pathname: string): Route {
  const segments = pathname.split('/').filter(Boolean);
  if (segments.length === 0) return { page: 'directory' };
  let slug = segments.join('/');
  try {
    slug = decodeURIComponent(slug);
  } catch {
    // A malformed escape stays as it is; the API will answer "not found".
  }
  return { page: 'office', slug };
}

export function officeHref(slug: string): string {
  return `/${encodeURIComponent(slug)}`;
}
