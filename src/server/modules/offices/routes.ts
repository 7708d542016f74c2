import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { LOCALES } from '../../../shared/locale.js';
import { OfficeDetailSchema, OfficeListSchema } from '../../../shared/offices.js';
import { ErrorResponses } from '../../http/schemas.js';
import { requestLocale } from '../../http/locale.js';
import type { OfficeService } from './service.js';

const LangQuery = Type.Object({
  lang: Type.Optional(
    Type.Union(
      LOCALES.map((l) => Type.Literal(l)),
      { description: 'Language of names and texts; default: lang cookie, then Accept-Language' },
    ),
  ),
});

export function officeRoutes(offices: OfficeService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/offices',
      {
        schema: {
          tags: ['offices'],
          summary: 'All offices with live status, today’s hours and weekly opening hours',
          querystring: LangQuery,
          response: { 200: OfficeListSchema, ...ErrorResponses },
        },
      },
      async (request, reply) => {
        const locale = requestLocale(request);
        void reply.header('content-language', locale).header('vary', 'accept-language, cookie');
        void reply.header('cache-control', 'no-cache');
        return offices.list(locale);
      },
    );

    app.get(
      '/api/offices/:slug',
      {
        schema: {
          tags: ['offices'],
          summary: 'One office with live status, weekly hours and upcoming exceptions',
          params: Type.Object({
            slug: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 80 }),
          }),
          querystring: LangQuery,
          response: { 200: OfficeDetailSchema, ...ErrorResponses },
        },
      },
      async (request, reply) => {
        const locale = requestLocale(request);
        void reply.header('content-language', locale).header('vary', 'accept-language, cookie');
        void reply.header('cache-control', 'no-cache');
        return offices.get(request.params.slug, locale);
      },
    );
  };
}
