/**
 * The one error handler: every failure leaves as `ErrorBody` with a stable code and a message in
 * the client's language. Fastify's own 4xx errors are mapped to catalogue codes; 5xx are logged
 * with their stack and leave as INTERNAL without internals.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ERRORS, type ErrorBody, type ErrorCode } from '../../shared/errors.js';
import { requestLocale } from './locale.js';
import { AppError } from './app-error.js';

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'VALIDATION_FAILED',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
  FST_ERR_BAD_URL: 'VALIDATION_FAILED',
};

export function errorBody(
  request: FastifyRequest,
  code: ErrorCode,
  details?: ErrorBody['error']['details'],
  alternatives?: string[],
): ErrorBody {
  const entry = ERRORS[code];
  const locale = requestLocale(request);
  return {
    error: {
      code,
      message: entry[locale],
      messages: { de: entry.de, en: entry.en },
      ...(details && details.length > 0 ? { details } : {}),
      ...(alternatives ? { alternatives } : {}),
    },
  };
}

function classify(error: FastifyError): {
  code: ErrorCode;
  details?: ErrorBody['error']['details'];
  alternatives?: string[];
} {
  if (error instanceof AppError) {
    return { code: error.code, details: error.details, alternatives: error.alternatives };
  }
  if (error.validation) {
    return {
      code: 'VALIDATION_FAILED',
      details: error.validation.map((v) => ({
        path: `${error.validationContext ?? ''}${v.instancePath}`,
        problem: v.message ?? 'invalid',
      })),
    };
  }
  const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
  if (mapped) return { code: mapped };
  const status = error.statusCode ?? 500;
  if (status === 429) return { code: 'RATE_LIMITED' };
  if (status === 404) return { code: 'NOT_FOUND' };
  if (status === 405) return { code: 'METHOD_NOT_ALLOWED' };
  if (status === 413) return { code: 'PAYLOAD_TOO_LARGE' };
  if (status === 415) return { code: 'UNSUPPORTED_MEDIA_TYPE' };
  if (status >= 400 && status < 500) return { code: 'VALIDATION_FAILED' }; // e.g. malformed JSON
  return { code: 'INTERNAL' };
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const { code, details, alternatives } = classify(error);
    const status = ERRORS[code].status;
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code, err: error.message }, 'request refused');
    void reply
      .status(status)
      .header('cache-control', 'no-store')
      .send(errorBody(request, code, details, alternatives));
  });

  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send(errorBody(request, 'NOT_FOUND'));
  });
}
