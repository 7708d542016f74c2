import type {
  FastifyPluginAsyncTypebox,
  TypeBoxTypeProvider,
} from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { DutyBodySchema, LoginBodySchema, StaffMeSchema } from '../../../shared/staff.js';
import { requestLocale } from '../../http/locale.js';
import { ErrorResponses } from '../../http/schemas.js';
import {
  clearSessionCookie,
  requireStaff,
  SESSION_COOKIE,
  setSessionCookie,
  staffOf,
} from '../../http/staff-auth.js';
import type { StaffService } from './service.js';

const Slug = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 80 });

export function staffRoutes(
  staff: StaffService,
  secureCookies: boolean,
): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/api/staff/login',
      {
        config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
        schema: {
          tags: ['staff'],
          summary: 'Log in; sets the session cookie. Locked for 15 min after 5 failures',
          body: LoginBodySchema,
          response: { 200: StaffMeSchema, ...ErrorResponses },
        },
      },
      async (request, reply) => {
        const { token, session } = await staff.login(request.body.email, request.body.password);
        setSessionCookie(reply, token, secureCookies);
        return staff.me(session, requestLocale(request));
      },
    );

    await app.register(async (scope) => {
      const authed = scope.withTypeProvider<TypeBoxTypeProvider>();
      authed.addHook('preHandler', requireStaff(staff));

      authed.get(
        '/api/staff/me',
        {
          schema: {
            tags: ['staff'],
            summary: 'The logged-in staff member, offices, duty and CSRF token',
            response: { 200: StaffMeSchema, ...ErrorResponses },
          },
        },
        async (request, reply) => {
          void reply.header('cache-control', 'no-store');
          return staff.me(staffOf(request), requestLocale(request));
        },
      );

      authed.post(
        '/api/staff/logout',
        {
          schema: {
            tags: ['staff'],
            summary: 'End this session',
            response: { 204: Type.Null(), ...ErrorResponses },
          },
        },
        async (request, reply) => {
          await staff.logout(
            request.cookies[SESSION_COOKIE] ?? '',
            staffOf(request).staffId,
            false,
          );
          clearSessionCookie(reply);
          return reply.status(204).send(null);
        },
      );

      authed.post(
        '/api/staff/logout-everywhere',
        {
          schema: {
            tags: ['staff'],
            summary: 'End every session of this account (and go off duty)',
            response: { 204: Type.Null(), ...ErrorResponses },
          },
        },
        async (request, reply) => {
          await staff.logout('', staffOf(request).staffId, true);
          clearSessionCookie(reply);
          return reply.status(204).send(null);
        },
      );

      authed.put(
        '/api/staff/duty/:slug',
        {
          schema: {
            tags: ['staff'],
            summary: 'Go on duty, pause or go off duty for an assigned office',
            params: Type.Object({ slug: Slug }),
            body: DutyBodySchema,
            response: { 200: StaffMeSchema, ...ErrorResponses },
          },
        },
        async (request) => {
          const session = staffOf(request);
          await staff.setDuty(session.staffId, request.params.slug, request.body.state);
          return staff.me(session, requestLocale(request));
        },
      );
    });
  };
}
