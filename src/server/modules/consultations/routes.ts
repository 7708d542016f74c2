import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  ChatMessageSchema,
  RatingBodySchema,
  SendMessageBodySchema,
} from '../../../shared/queue.js';
import { ErrorResponses } from '../../http/schemas.js';
import { participantCredentials } from '../../http/participant.js';
import type { QueueService } from '../queue/service.js';
import type { StaffService } from '../staff/service.js';
import type { ConsultationService } from './service.js';

const Params = Type.Object({ id: Type.String({ format: 'uuid' }) });
const Headers = Type.Object({
  'x-ticket-secret': Type.Optional(Type.String({ minLength: 20, maxLength: 100 })),
});

export function consultationRoutes(
  consultations: ConsultationService,
  queue: QueueService,
  staff: StaffService,
): FastifyPluginAsyncTypebox {
  const credentials = participantCredentials(staff);

  return async (app) => {
    app.post(
      '/api/consultations/:id/messages',
      {
        config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
        schema: {
          tags: ['consultation'],
          summary: 'Send a chat message (citizen: x-ticket-secret; staff: session + x-csrf-token)',
          params: Params,
          headers: Headers,
          body: SendMessageBodySchema,
          response: { 201: ChatMessageSchema, ...ErrorResponses },
        },
      },
      async (request, reply) => {
        const message = await consultations.send(
          request.params.id,
          await credentials(request),
          request.body.text,
        );
        return reply.status(201).send(message);
      },
    );

    app.post(
      '/api/consultations/:id/end',
      {
        schema: {
          tags: ['consultation'],
          summary: 'The citizen ends (hangs up) the consultation',
          params: Params,
          headers: Type.Object({
            'x-ticket-secret': Type.String({ minLength: 20, maxLength: 100 }),
          }),
          response: { 204: Type.Null(), ...ErrorResponses },
        },
      },
      async (request, reply) => {
        await queue.end(
          { kind: 'citizen', secret: request.headers['x-ticket-secret'] },
          request.params.id,
        );
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/consultations/:id/rating',
      {
        schema: {
          tags: ['consultation'],
          summary: 'Anonymous 1–5 rating with an optional comment, once, after the consultation',
          params: Params,
          headers: Type.Object({
            'x-ticket-secret': Type.String({ minLength: 20, maxLength: 100 }),
          }),
          body: RatingBodySchema,
          response: { 204: Type.Null(), ...ErrorResponses },
        },
      },
      async (request, reply) => {
        await consultations.rate(
          request.params.id,
          request.headers['x-ticket-secret'],
          request.body.stars,
          request.body.comment ?? null,
        );
        return reply.status(204).send(null);
      },
    );
  };
}
