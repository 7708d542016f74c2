import type {
  FastifyPluginAsyncTypebox,
  TypeBoxTypeProvider,
} from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  AppointmentViewSchema,
  BlockRequestSchema,
  BlockSchema,
  BookedSchema,
  BookingInfoSchema,
  BookingRequestSchema,
  DayViewSchema,
  RescheduleRequestSchema,
  SlotsQuerySchema,
  SlotsSchema,
  StaffAppointmentSchema,
  StaffBookingRequestSchema,
} from '../../../shared/appointments.js';
import { CreatedTicketSchema } from '../../../shared/queue.js';
import { requestLocale } from '../../http/locale.js';
import { ErrorResponses } from '../../http/schemas.js';
import { requireStaff, staffOf } from '../../http/staff-auth.js';
import type { StaffService } from '../staff/service.js';
import type { AppointmentDesk } from './desk.js';
import type { AppointmentService } from './service.js';

const Slug = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 80 });
const SlugParams = Type.Object({ slug: Slug });
const TokenParams = Type.Object({ token: Type.String({ pattern: '^[A-Za-z0-9_-]{16,64}$' }) });
const LocalDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

export interface AppointmentRouteOptions {
  /** Online bookings one client (IP address) may make per hour. */
  bookingsPerClient: number;
}

export function appointmentRoutes(
  appointments: AppointmentService,
  desk: AppointmentDesk,
  staff: StaffService,
  options: AppointmentRouteOptions,
): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['appointments'];
    app.get(
      '/api/offices/:slug/booking',
      {
        schema: {
          tags,
          summary: 'What an office offers for booking (services, lead time, horizon)',
          params: SlugParams,
          response: { 200: BookingInfoSchema, ...ErrorResponses },
        },
      },
      async (request) => appointments.info(request.params.slug, requestLocale(request)),
    );
    app.get(
      '/api/offices/:slug/slots',
      {
        schema: {
          tags,
          summary: 'Free start times per local day for a service (default: the next 7 days)',
          params: SlugParams,
          querystring: SlotsQuerySchema,
          response: { 200: SlotsSchema, ...ErrorResponses },
        },
      },
      async (request, reply) => {
        void reply.header('cache-control', 'no-store');
        const { service, from, to } = request.query;
        return appointments.slots(request.params.slug, service, from, to);
      },
    );
    app.get(
      '/api/booking-challenge',
      {
        config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
        schema: { tags, summary: 'A proof-of-work challenge (ALTCHA) for one booking' },
      },
      async (_request, reply) => {
        void reply.header('cache-control', 'no-store');
        return appointments.challenge();
      },
    );
    app.post(
      '/api/offices/:slug/appointments',
      {
        config: { rateLimit: { max: options.bookingsPerClient, timeWindow: '1 hour' } },
        schema: {
          tags,
          summary: 'Book an appointment; the confirmation goes out by SMS (and e-mail)',
          params: SlugParams,
          body: BookingRequestSchema,
          response: { 201: BookedSchema, ...ErrorResponses },
        },
      },
      async (request, reply) => {
        const booked = await appointments.book(
          request.params.slug,
          request.body,
          requestLocale(request),
        );
        return reply.status(201).header('cache-control', 'no-store').send(booked);
      },
    );
    app.get(
      '/api/appointments/:token',
      {
        schema: {
          tags,
          summary: 'The appointment behind a link from the SMS',
          params: TokenParams,
          response: { 200: AppointmentViewSchema, ...ErrorResponses },
        },
      },
      async (request, reply) => {
        void reply.header('cache-control', 'no-store');
        return appointments.view(request.params.token, requestLocale(request));
      },
    );
    app.post(
      '/api/appointments/:token/cancel',
      {
        schema: {
          tags,
          summary: 'Cancel; the time is free again at once',
          params: TokenParams,
          response: { 200: AppointmentViewSchema, ...ErrorResponses },
        },
      },
      async (request) => appointments.cancel(request.params, requestLocale(request)),
    );
    app.post(
      '/api/appointments/:token/reschedule',
      {
        config: { rateLimit: { max: 20, timeWindow: '1 hour' } },
        schema: {
          tags,
          summary: 'Move to another time; the old one is kept until the new one is taken',
          params: TokenParams,
          body: RescheduleRequestSchema,
          response: { 200: AppointmentViewSchema, ...ErrorResponses },
        },
      },
      async (request) =>
        appointments.reschedule(request.params.token, request.body.start, requestLocale(request)),
    );
    app.post(
      '/api/appointments/:token/check-in',
      {
        schema: {
          tags,
          summary: 'Enter the lobby at the time: a ticket that is called before walk-ins',
          params: TokenParams,
          response: { 201: CreatedTicketSchema, ...ErrorResponses },
        },
      },
      async (request, reply) => {
        const created = await appointments.checkIn(request.params.token);
        return reply.status(201).header('cache-control', 'no-store').send(created);
      },
    );

    await app.register(async (scope) => {
      const authed = scope.withTypeProvider<TypeBoxTypeProvider>();
      authed.addHook('preHandler', requireStaff(staff));
      const staffTags = ['staff', 'appointments'];
      authed.get(
        '/api/staff/offices/:slug/appointments',
        {
          schema: {
            tags: staffTags,
            summary: "A day's appointments and blocks of an office",
            params: SlugParams,
            querystring: Type.Object({ date: LocalDate }),
            response: { 200: DayViewSchema, ...ErrorResponses },
          },
        },
        async (request) =>
          desk.day(
            staffOf(request).staffId,
            request.params.slug,
            request.query.date,
            requestLocale(request),
          ),
      );
      authed.post(
        '/api/staff/offices/:slug/appointments',
        {
          schema: {
            tags: staffTags,
            summary: 'Book for a caller on the phone (the SMS goes to the caller)',
            params: SlugParams,
            body: StaffBookingRequestSchema,
            response: { 201: BookedSchema, ...ErrorResponses },
          },
        },
        async (request, reply) => {
          const { staffId } = staffOf(request);
          await staff.assignment(staffId, request.params.slug);
          const booked = await appointments.bookForCaller(
            request.params.slug,
            staffId,
            request.body,
            requestLocale(request),
          );
          return reply.status(201).send(booked);
        },
      );
      authed.post(
        '/api/staff/appointments/:id/cancel',
        {
          schema: {
            tags: staffTags,
            summary: 'Cancel an appointment for the citizen (who gets an SMS)',
            params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
            response: { 200: StaffAppointmentSchema, ...ErrorResponses },
          },
        },
        async (request) =>
          desk.cancel(staffOf(request).staffId, request.params.id, requestLocale(request)),
      );
      authed.post(
        '/api/staff/offices/:slug/blocks',
        {
          schema: {
            tags: staffTags,
            summary: 'Block time (a meeting, illness): fewer seats to book',
            params: SlugParams,
            body: BlockRequestSchema,
            response: { 201: BlockSchema, ...ErrorResponses },
          },
        },
        async (request, reply) => {
          const block = await desk.block(
            staffOf(request).staffId,
            request.params.slug,
            request.body,
          );
          return reply.status(201).send(block);
        },
      );
      authed.delete(
        '/api/staff/blocks/:id',
        {
          schema: {
            tags: staffTags,
            summary: 'Remove a block; its time can be booked again',
            params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
            response: { 204: Type.Null(), ...ErrorResponses },
          },
        },
        async (request, reply) => {
          await desk.unblock(staffOf(request).staffId, request.params.id);
          return reply.status(204).send(null);
        },
      );
    });
  };
}
