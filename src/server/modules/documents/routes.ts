import fs from 'node:fs';
import type { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { DocumentInfoSchema } from '../../../shared/queue.js';
import { participantCredentials } from '../../http/participant.js';
import { ErrorResponses } from '../../http/schemas.js';
import type { StaffService } from '../staff/service.js';
import type { DocumentService } from './service.js';

const Id = Type.String({ format: 'uuid' });

export function documentRoutes(
  documents: DocumentService,
  staff: StaffService,
  maxBytes: number,
): FastifyPluginAsyncTypebox {
  const credentials = participantCredentials(staff);
  return async (app) => {
    // The body is streamed to disk by the service, never buffered whole in memory.
    app.addContentTypeParser('application/octet-stream', (_request, payload, done) =>
      done(null, payload),
    );

    app.post(
      '/api/consultations/:id/documents',
      {
        bodyLimit: maxBytes + 1024 * 1024, // the service counts exactly and answers DOCUMENT_TOO_LARGE
        config: { rateLimit: { max: 30, timeWindow: '10 minutes' } },
        schema: {
          tags: ['consultation'],
          summary: 'Share a PDF, JPEG or PNG (body: the file; header x-filename, URI-encoded)',
          consumes: ['application/octet-stream'],
          params: Type.Object({ id: Id }),
          response: { 201: DocumentInfoSchema, ...ErrorResponses },
        },
      },
      async (request, reply) => {
        const name = request.headers['x-filename'];
        const info = await documents.upload(
          request.params.id,
          await credentials(request),
          typeof name === 'string' ? name : undefined,
          request.body as Readable,
        );
        return reply.status(201).send(info);
      },
    );

    app.get(
      '/api/consultations/:id/documents/:documentId',
      {
        schema: {
          tags: ['consultation'],
          summary: 'Download a shared document (participants only)',
          params: Type.Object({ id: Id, documentId: Id }),
          response: ErrorResponses,
        },
      },
      async (request, reply) => {
        const { info, path } = await documents.open(
          request.params.id,
          request.params.documentId,
          await credentials(request),
        );
        return reply
          .header('content-type', info.mediaType)
          .header('content-length', info.size)
          .header(
            'content-disposition',
            `attachment; filename*=UTF-8''${encodeURIComponent(info.filename)}`,
          )
          .header('cache-control', 'no-store')
          .send(fs.createReadStream(path) as never); // streamed, not serialized
      },
    );
  };
}
