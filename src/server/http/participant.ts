import type { FastifyRequest } from 'fastify';
import type { Credentials } from '../modules/consultations/service.js';
import type { StaffService } from '../modules/staff/service.js';
import { requireStaff } from './staff-auth.js';

/**
 * Who is asking inside a consultation: the citizen proves the ticket with `x-ticket-secret`;
 * staff with the session cookie (and, for state changes, the CSRF token).
 */
export function participantCredentials(staff: StaffService) {
  const staffCheck = requireStaff(staff);
  return async (request: FastifyRequest): Promise<Credentials> => {
    const secret = request.headers['x-ticket-secret'];
    if (typeof secret === 'string') return { secret };
    await staffCheck(request);
    return { staffId: request.staff?.staffId ?? null };
  };
}
