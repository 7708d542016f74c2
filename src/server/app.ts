/**
 * buildApp wires the modules into a Fastify instance; it neither listens nor opens the database
 * (main.ts and the tests do), so tests can build as many apps as they like.
 */
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import { systemClock, type Clock } from './clock.js';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import { registerErrorHandling } from './http/error-handler.js';
import { healthRoutes } from './http/health.js';
import { registerWebPages } from './http/web-pages.js';
import { OfficeRepo } from './modules/offices/repo.js';
import { officeRoutes } from './modules/offices/routes.js';
import { OfficeService } from './modules/offices/service.js';

export interface AppDeps {
  config: Pick<Config, 'logLevel' | 'trustProxy' | 'publicUrl'>;
  database: Database;
  clock?: Clock;
  webRoot?: string;
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, database } = deps;
  const clock = deps.clock ?? systemClock;
  const app = Fastify({
    logger: { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers.authorization'] },
    trustProxy: config.trustProxy,
    bodyLimit: 256 * 1024,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  const secure = config.publicUrl.startsWith('https:');
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'connect-src': ["'self'"],
        'media-src': ["'self'", 'blob:'],
        'upgrade-insecure-requests': secure ? [] : null,
      },
    },
    strictTransportSecurity: secure,
    crossOriginEmbedderPolicy: false,
  });

  registerErrorHandling(app);

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Virtuelles Bürgerbüro API',
        description:
          'Public API of the virtual citizen office: offices, opening hours and live status. ' +
          'Errors carry a stable `code` and a message in German and English.',
        version: '1',
      },
      tags: [
        { name: 'offices', description: 'Office directory' },
        { name: 'operations', description: 'Health' },
      ],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });

  const offices = new OfficeService(new OfficeRepo(database.db), clock);
  await app.register(healthRoutes(database));
  await app.register(officeRoutes(offices));
  await registerWebPages(app, {
    pageExists: (slug) => offices.exists(slug),
    ...(deps.webRoot ? { webRoot: deps.webRoot } : {}),
  });

  return app;
}
