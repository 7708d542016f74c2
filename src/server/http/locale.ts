import type { FastifyRequest } from 'fastify';
import { isLocale, negotiateLocale, type Locale } from '../../shared/locale.js';

/** The client's language: `?lang=` first, then the remembered `lang` cookie, then Accept-Language. */
export function requestLocale(request: FastifyRequest): Locale {
  const query = request.query as Record<string, unknown> | undefined;
  if (isLocale(query?.lang)) return query.lang;
  const cookie = /(?:^|;\s*)lang=([a-z]{2})(?:;|$)/.exec(request.headers.cookie ?? '')?.[1];
  if (isLocale(cookie)) return cookie;
  return negotiateLocale(request.headers['accept-language']);
}
