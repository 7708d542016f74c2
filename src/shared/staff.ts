/** The staff console's HTTP shapes. */
import { Type, type Static } from '@sinclair/typebox';
import { IceConfigSchema, QueueEntrySchema } from './queue.js';

export const DUTY_STATES = ['off', 'available', 'paused'] as const;
export type DutyState = (typeof DUTY_STATES)[number];

export const LoginBodySchema = Type.Object(
  {
    email: Type.String({ minLength: 3, maxLength: 200 }),
    password: Type.String({ minLength: 1, maxLength: 500 }),
  },
  { additionalProperties: false },
);

export const DutyBodySchema = Type.Object(
  { state: Type.Union(DUTY_STATES.map((s) => Type.Literal(s))) },
  { additionalProperties: false },
);

export const StaffMeSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  email: Type.String(),
  role: Type.Union([Type.Literal('staff'), Type.Literal('admin')]),
  /** Send as header x-csrf-token with every state-changing request. */
  csrfToken: Type.String(),
  offices: Type.Array(
    Type.Object({
      slug: Type.String(),
      name: Type.String(),
      duty: Type.Union(DUTY_STATES.map((s) => Type.Literal(s))),
      waiting: Type.Integer({ minimum: 0 }),
    }),
  ),
  activeConsultationId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
});
export type StaffMe = Static<typeof StaffMeSchema>;

export const CallAnswerSchema = Type.Object({
  consultationId: Type.String({ format: 'uuid' }),
  ticket: QueueEntrySchema,
  /** The staff member's ICE servers for this call, so it starts without another request. */
  ice: Type.Optional(IceConfigSchema),
});
export type CallAnswer = Static<typeof CallAnswerSchema>;
