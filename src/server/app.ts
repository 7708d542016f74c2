/**
 * buildApp wires the modules into a Fastify instance; it neither listens nor opens the database
 * (main.ts and the tests do), so tests can build as many apps as they like.
 */
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import { systemClock, type Clock } from './clock.js';
import { DEFAULT_PROOF_OF_WORK_COST, type Config } from './config.js';
import type { Database } from './db/database.js';
import { errorBody, registerErrorHandling } from './http/error-handler.js';
import { healthRoutes } from './http/health.js';
import { registerWebPages } from './http/web-pages.js';
import { registerMaintenance } from './maintenance.js';
import { registerAppointments } from './modules/appointments/index.js';
import type { AppointmentService } from './modules/appointments/service.js';
import { iceConfig } from './modules/calls/ice.js';
import { callRoutes } from './modules/calls/routes.js';
import { SignalService } from './modules/calls/signals.js';
import { consultationRoutes } from './modules/consultations/routes.js';
import { documentRoutes } from './modules/documents/routes.js';
import { DocumentService } from './modules/documents/service.js';
import { DocumentStore } from './modules/documents/store.js';
import type { OutboxWorker, Senders } from './modules/notifications/worker.js';
import { ConsultationService } from './modules/consultations/service.js';
import { OfficeRepo } from './modules/offices/repo.js';
import { officeRoutes } from './modules/offices/routes.js';
import { OfficeService } from './modules/offices/service.js';
import { queueRoutes } from './modules/queue/routes.js';
import { QueueService } from './modules/queue/service.js';
import { QueueViews, waitingCounts } from './modules/queue/views.js';
import { Bus } from './modules/realtime/bus.js';
import { registerRealtime } from './modules/realtime/index.js';
import { staffRoutes } from './modules/staff/routes.js';
import { StaffService } from './modules/staff/service.js';

export type AppConfig = Omit<
  Config,
  'host' | 'port' | 'databaseUrl' | 'databasePoolSize' | 'dataDir' | 'demoData'
>;

export const DEFAULT_APP_CONFIG: AppConfig = {
  logLevel: 'info',
  trustProxy: false,
  publicUrl: 'http://localhost:8080',
  callTimeoutSeconds: 60,
  ticketGraceMinutes: 10,
  ticketsPerClient: 10,
  turn: null,
  staffPrivacyMode: true,
  documentsDir: path.resolve('data/documents'),
  documentMaxBytes: 20 * 1024 * 1024,
  documentRetentionHours: 24,
  sms: null,
  smtpUrl: null,
  emailFrom: 'Virtuelles Bürgerbüro <noreply@localhost>',
  smsCountries: ['DE', 'AT', 'CH'],
  smsPerDay: 2000,
  bookingsPerNumber: 3,
  bookingsPerClient: 10,
  reminderMinutes: 1440,
  bookingRetentionDays: 30,
  proofOfWorkCost: DEFAULT_PROOF_OF_WORK_COST,
  outboxRetrySeconds: 5,
};

declare module 'fastify' {
  interface FastifyInstance {
    services: {
      offices: OfficeService;
      staff: StaffService;
      queue: QueueService;
      consultations: ConsultationService;
      documents: DocumentService;
      appointments: AppointmentService;
      outbox: OutboxWorker;
      views: QueueViews;
    };
  }
}

export interface AppDeps {
  config: AppConfig;
  database: Database;
  clock?: Clock;
  webRoot?: string;
  /** SMS gateway and mailer instead of the configured ones (tests). */
  senders?: Senders;
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
  app.decorateRequest('staff', null);

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
  await app.register(cookie);
  // Limits are per node and per client address; only routes that set config.rateLimit use it.
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (request, context) => ({
      statusCode: context.statusCode,
      ...errorBody(request, 'RATE_LIMITED'),
    }),
  });

  registerErrorHandling(app);

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Virtuelles Bürgerbüro API',
        description:
          'Public API of the virtual citizen office: offices, opening hours and live status, ' +
          'walk-in tickets, the staff console. Live updates: WebSocket `/ws` (see ' +
          'src/shared/protocol.ts). Errors carry a stable `code` and a message in German and English.',
        version: '1',
      },
      tags: [
        { name: 'offices', description: 'Office directory' },
        { name: 'walk-in', description: 'Tickets and the lobby (citizen)' },
        { name: 'consultation', description: 'The consultation room' },
        { name: 'staff', description: 'Staff console (session cookie + x-csrf-token)' },
        { name: 'operations', description: 'Health' },
      ],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });

  const bus = new Bus(database);
  const db = database.db;
  const officeRepo = new OfficeRepo(db);
  const offices = new OfficeService(officeRepo, clock, () => waitingCounts(db));
  const callIce = (role: 'citizen' | 'staff') => (consultationId: string) =>
    iceConfig(
      config.turn,
      role,
      config.staffPrivacyMode,
      `${role}-${consultationId.slice(0, 8)}`,
      clock(),
    );
  const views = new QueueViews(db, offices, clock, config.callTimeoutSeconds, callIce('citizen'));
  const consultations = new ConsultationService(db, bus, clock);
  const staff = new StaffService({
    db,
    bus,
    clock,
    waitingBySlug: async () => {
      const list = await offices.list('de');
      return new Map(list.offices.map((o) => [o.slug, o.waiting]));
    },
    activeConsultation: (staffId) => consultations.activeOf(staffId),
  });
  const signals = new SignalService(db, bus);
  const documents = new DocumentService(
    db,
    bus,
    clock,
    new DocumentStore(config.documentsDir),
    consultations,
    { maxBytes: config.documentMaxBytes, retentionHours: config.documentRetentionHours },
  );
  consultations.documents = (id) => documents.list(id);
  consultations.documentMaxBytes = config.documentMaxBytes;
  const queue = new QueueService({
    db,
    bus,
    clock,
    offices,
    staff,
    views,
    settings: config,
    // Documents go with the consultation that ends.
    afterEnd: () => documents.purge().then(() => undefined),
    opened: (id, members) => consultations.remember(id, members),
  });

  await app.register(healthRoutes(database, { turn: config.turn !== null }));
  await app.register(officeRoutes(offices));
  await app.register(staffRoutes(staff, secure));
  await app.register(queueRoutes(queue, staff, { ...config, staffIce: callIce('staff') }));
  await app.register(consultationRoutes(consultations, queue, staff));
  await app.register(callRoutes(consultations, staff, clock, config));
  await app.register(documentRoutes(documents, staff, config.documentMaxBytes));
  const { appointments, worker } = await registerAppointments(app, {
    db,
    pool: database.pool,
    clock,
    config,
    offices,
    queue,
    staff,
    ...(deps.senders ? { senders: deps.senders } : {}),
  });
  // For tests and operations scripts that drive the services without HTTP.
  app.decorate('services', {
    offices,
    staff,
    queue,
    consultations,
    documents,
    appointments,
    outbox: worker,
    views,
  });
  await registerRealtime(app, {
    bus,
    offices,
    views,
    queue,
    staff,
    consultations,
    signals,
    singleNode: database.kind === 'pglite',
  });
  registerMaintenance(app, { queue, signals, documents, staff, clock });
  await registerWebPages(app, {
    pageExists: (slug) => offices.exists(slug),
    ...(deps.webRoot ? { webRoot: deps.webRoot } : {}),
  });

  return app;
}
