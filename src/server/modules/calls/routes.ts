import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { IceConfigSchema } from '../../../shared/queue.js';
import type { Clock } from '../../clock.js';
import type { TurnConfig } from '../../config.js';
import { AppError } from '../../http/app-error.js';
import { participantCredentials } from '../../http/participant.js';
import { requireStaff, staffOf } from '../../http/staff-auth.js';
import { ErrorResponses } from '../../http/schemas.js';
import type { ConsultationService } from '../consultations/service.js';
import type { StaffService } from '../staff/service.js';
import { iceConfig } from './ice.js';

export interface CallSettings {
  turn: TurnConfig | null;
  staffPrivacyMode: boolean;
}

export function callRoutes(
  consultations: ConsultationService,
  staff: StaffService,
  clock: Clock,
  settings: CallSettings,
): FastifyPluginAsyncTypebox {
  const credentials = participantCredentials(staff);
  return async (app) => {
    app.get(
      '/api/consultations/:id/ice',
      {
        schema: {
          tags: ['consultation'],
          summary: 'ICE servers with short-lived TURN credentials for a participant',
          params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
          response: { 200: IceConfigSchema, ...ErrorResponses },
        },
      },
      async (request, reply) => {
        const role = await consultations.roleIn(request.params.id, await credentials(request));
        if (!role) throw new AppError('CONSULTATION_NOT_FOUND');
        void reply.header('cache-control', 'no-store');
        const label = `${role}-${request.params.id.slice(0, 8)}`;
        return iceConfig(settings.turn, role, settings.staffPrivacyMode, label, clock());
      },
    );

    // The console holds these before a call, so the staff side of a call starts with the click
    // on "Call next" instead of after its answer (TURN credentials outlive a call: default 1 h).
    app.get(
      '/api/staff/ice',
      {
        preHandler: requireStaff(staff),
        schema: {
          tags: ['consultation'],
          summary: "ICE servers with short-lived TURN credentials for the staff member's next call",
          response: { 200: IceConfigSchema, ...ErrorResponses },
        },
      },
      async (request, reply) => {
        void reply.header('cache-control', 'no-store');
        const label = `staff-s${staffOf(request).staffId}`;
        return iceConfig(settings.turn, 'staff', settings.staffPrivacyMode, label, clock());
      },
    );
  };
}
