import { Type } from '@sinclair/typebox';
import { ERRORS } from '../../shared/errors.js';

export const ErrorBodySchema = Type.Object(
  {
    error: Type.Object({
      code: Type.Union(Object.keys(ERRORS).map((code) => Type.Literal(code))),
      message: Type.String(),
      messages: Type.Object({ de: Type.String(), en: Type.String() }),
      details: Type.Optional(
        Type.Array(Type.Object({ path: Type.String(), problem: Type.String() })),
      ),
      alternatives: Type.Optional(Type.Array(Type.String({ format: 'date-time' }))),
    }),
  },
  { description: 'Every error: a stable code and a message in German and English' },
);

/** The error responses every API route may give, for the OpenAPI document. */
export const ErrorResponses = {
  '4xx': ErrorBodySchema,
  '5xx': ErrorBodySchema,
};
