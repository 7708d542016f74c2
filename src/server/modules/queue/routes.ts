import type {
  FastifyPluginAsyncTypebox,
  TypeBoxTypeProvider,
} from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  CreatedTicketSchema,
  CreateTicketBodySchema,
  TicketViewSchema,
} from '../../../shared/queue.js';
import { CallAnswerSchema, type CallAnswer } from '../../../shared/staff.js';
import { ErrorResponses } from '../../http/schemas.js';
import type { IceConfig } from '../calls/ice.js';
import { requireStaff, staffOf } from '../../http/staff-auth.js';
import type { StaffService } from '../staff/service.js';
import type { QueueService } from './service.js';

const Slug = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 80 });
const Id = Type.String({ format: 'uuid' });
const SecretHeader = Type.Object({
  'x-ticket-secret': Type.String({ minLength: 20, maxLength: 100 }),
});

export interface QueueRouteOptions {
  /** Tickets one client may take per 10 minutes. */
  ticketsPerClient: number;
  /** ICE servers for the staff side of a consultation (calls module). */
  staffIce: (consultationId: string) => IceConfig;
}

export function queueRoutes(
  queue: QueueService,
  staff: StaffService,
  options: QueueRouteOptions,
): FastifyPluginAsyncTypebox {
  const withIce = (answer: CallAnswer): CallAnswer => ({
    ...answer,
    ice: options.staffIce(answer.consultationId),
  });
  return async (app) => {
    app.post(
      '/api/offices/:slug/tickets',
      {
        config: { rateLimit: { max: options.ticketsPerClient, timeWindow: '10 minutes' } },
        schema: {
          tags: ['walk-in'],
          summary: 'Enter an open office: take a ticket (the secret is returned only here)',
          params: Type.Object({ slug: Slug }),
          body: Type.Optional(CreateTicketBodySchema),
          response: { 201: CreatedTicketSchema, ...ErrorResponses },
        },
      },
      async (request, reply) => {
        const created = await queue.createTicket(request.params.slug, request.body?.name ?? null);
        return reply.status(201).send(created);
      },
    );

    const ticketRoute = { params: Type.Object({ id: Id }), headers: SecretHeader };
    app.get(
      '/api/tickets/:id',
      {
        schema: {
          tags: ['walk-in'],
          summary: 'Your ticket (header x-ticket-secret)',
          ...ticketRoute,
          response: { 200: TicketViewSchema, ...ErrorResponses },
        },
      },
      async (request, reply) => {
        void reply.header('cache-control', 'no-store');
        return queue.viewFor(request.params.id, request.headers['x-ticket-secret']);
      },
    );
    app.post(
      '/api/tickets/:id/leave',
      {
        schema: {
          tags: ['walk-in'],
          summary: 'Leave the line (or hang up)',
          ...ticketRoute,
          response: { 200: TicketViewSchema, ...ErrorResponses },
        },
      },
      async (request) => queue.leave(request.params.id, request.headers['x-ticket-secret']),
    );
    app.post(
      '/api/tickets/:id/join',
      {
        schema: {
          tags: ['walk-in'],
          summary: 'Join the consultation you were called to',
          ...ticketRoute,
          response: { 200: TicketViewSchema, ...ErrorResponses },
        },
      },
      async (request) => queue.join(request.params.id, request.headers['x-ticket-secret']),
    );

    await app.register(async (scope) => {
      const authed = scope.withTypeProvider<TypeBoxTypeProvider>();
      authed.addHook('preHandler', requireStaff(staff));
      authed.post(
        '/api/staff/offices/:slug/call-next',
        {
          schema: {
            tags: ['staff'],
            summary: 'Call the next citizen; two staff never get the same one',
            params: Type.Object({ slug: Slug }),
            response: { 200: CallAnswerSchema, ...ErrorResponses },
          },
        },
        async (request) =>
          withIce(await queue.callNext(staffOf(request).staffId, request.params.slug)),
      );
      authed.post(
        '/api/staff/tickets/:id/call',
        {
          schema: {
            tags: ['staff'],
            summary: 'Call a specific waiting or absent ticket',
            params: Type.Object({ id: Id }),
            response: { 200: CallAnswerSchema, ...ErrorResponses },
          },
        },
        async (request) =>
          withIce(await queue.callTicket(staffOf(request).staffId, request.params.id)),
      );
      for (const [action, summary] of [
        ['recall', 'Ring again for a citizen who has not joined'],
        ['absent', 'Mark the called citizen absent and become free'],
        ['end', 'End the consultation'],
      ] as const) {
        authed.post(
          `/api/staff/consultations/:id/${action}`,
          {
            schema: {
              tags: ['staff'],
              summary,
              params: Type.Object({ id: Id }),
              response: { 204: Type.Null(), ...ErrorResponses },
            },
          },
          async (request, reply) => {
            const staffId = staffOf(request).staffId;
            const id = request.params.id;
            if (action === 'recall') await queue.recall(staffId, id);
            else if (action === 'absent') await queue.markAbsent(staffId, id);
            else await queue.end({ kind: 'staff', staffId }, id);
            return reply.status(204).send(null);
          },
        );
      }
    });
  };
}
