/**
 * Staff authentication for HTTP routes: the session cookie (httpOnly, SameSite=Strict, Secure on
 * https) names a session in the database; state-changing requests must also carry the session's
 * CSRF token in `x-csrf-token` (a cross-site page can neither read it nor set the header).
 */
import { timingSafeEqual } from 'node:crypto';
import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { StaffService, StaffSession } from '../modules/staff/service.js';
import { SESSION_HOURS } from '../modules/staff/service.js';
import { AppError } from './app-error.js';

export const SESSION_COOKIE = 'bb_staff';

declare module 'fastify' {
  interface FastifyRequest {
    staff: StaffSession | null;
  }
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** preHandler: 401 without a valid session, 403 CSRF_INVALID on an unsafe method without token. */
export function requireStaff(staff: StaffService) {
  return async (request: FastifyRequest) => {
    const session = await staff.session(request.cookies[SESSION_COOKIE]);
    if (!session) throw new AppError('UNAUTHENTICATED');
    if (!['GET', 'HEAD', 'OPTIONS'].includes(request.method)) {
      const token = request.headers['x-csrf-token'];
      if (typeof token !== 'string' || !sameToken(token, session.csrfToken)) {
        throw new AppError('CSRF_INVALID');
      }
    }
    request.staff = session;
  };
}

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean): void {
  void reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure,
    path: '/',
    maxAge: SESSION_HOURS * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  void reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** The staff session of a request that has passed requireStaff. */
export function staffOf(request: FastifyRequest): StaffSession {
  if (!request.staff) throw new AppError('UNAUTHENTICATED');
  return request.staff;
}
