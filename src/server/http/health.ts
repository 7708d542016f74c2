import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import type { Database } from '../db/database.js';
import { errorBody } from './error-handler.js';
import { ErrorBodySchema } from './schemas.js';

const TIMEOUT_MS = 2_000;

/** 200 when the app and its database answer, 503 otherwise (for load balancers and monitors). */
export function healthRoutes(
  database: Database,
  features: { turn: boolean },
): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/healthz',
      {
        schema: {
          tags: ['operations'],
          summary: 'Liveness and database check',
          response: {
            200: Type.Object({
              status: Type.Literal('ok'),
              database: Type.String(),
              turn: Type.Union([Type.Literal('configured'), Type.Literal('not_configured')], {
                description:
                  'Without TURN, calls work only where both browsers reach each other (LAN)',
              }),
            }),
            503: ErrorBodySchema,
          },
        },
      },
      async (request, reply) => {
        void reply.header('cache-control', 'no-store');
        let timer: NodeJS.Timeout | undefined;
        try {
          await Promise.race([
            sql`SELECT 1`.execute(database.db),
            new Promise((_, reject) => {
              timer = setTimeout(() => reject(new Error('database timeout')), TIMEOUT_MS);
            }),
          ]);
          return {
            status: 'ok' as const,
            database: database.kind,
            turn: features.turn ? ('configured' as const) : ('not_configured' as const),
          };
        } catch (error) {
          request.log.error({ err: error }, 'health check failed');
          return reply.status(503).send(errorBody(request, 'UNAVAILABLE'));
        } finally {
          clearTimeout(timer);
        }
      },
    );
  };
}
