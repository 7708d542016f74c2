/**
 * Appointment shapes shared by the server (validation, serialization, OpenAPI) and the pages.
 * Times travel as ISO 8601 instants; pages show them in the office's `timeZone`.
 */
import { Type, type Static } from '@sinclair/typebox';

const Uuid = Type.String({ format: 'uuid' });
const Instant = Type.String({ format: 'date-time' });
const LocalDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', examples: ['2026-12-03'] });
const Lang = Type.Union([Type.Literal('de'), Type.Literal('en')]);

export const APPOINTMENT_STATES = ['booked', 'cancelled', 'checked_in', 'no_show'] as const;

export const ServiceSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String({ examples: ['Gewerbeanmeldung'] }),
  durationMinutes: Type.Integer(),
});
export type Service = Static<typeof ServiceSchema>;

export const BookingInfoSchema = Type.Object({
  office: Type.String({ description: 'office slug' }),
  officeName: Type.String(),
  timeZone: Type.String(),
  services: Type.Array(ServiceSchema),
  /** No booking starts sooner than this many minutes from now … */
  leadMinutes: Type.Integer(),
  /** … nor on a day more than this many days ahead. */
  horizonDays: Type.Integer(),
  /** Check-in opens this many minutes before the time (and the appointment is called first). */
  priorityMinutes: Type.Integer(),
});
export type BookingInfo = Static<typeof BookingInfoSchema>;

export const SlotsQuerySchema = Type.Object({
  service: Type.Integer({ minimum: 1 }),
  from: Type.Optional(LocalDate),
  to: Type.Optional(LocalDate),
});

export const SlotsSchema = Type.Object({
  timeZone: Type.String(),
  days: Type.Array(
    Type.Object({
      date: LocalDate,
      slots: Type.Array(Type.Object({ start: Instant, end: Instant })),
    }),
  ),
});
export type Slots = Static<typeof SlotsSchema>;

const Contact = {
  name: Type.String({ minLength: 1, maxLength: 80 }),
  phone: Type.String({ minLength: 3, maxLength: 40, examples: ['0171 1234567'] }),
  email: Type.Optional(Type.Union([Type.String({ maxLength: 254 }), Type.Null()])),
  lang: Type.Optional(Lang),
};

export const BookingRequestSchema = Type.Object({
  serviceId: Type.Integer({ minimum: 1 }),
  start: Instant,
  ...Contact,
  /** The solved proof-of-work challenge (altcha payload, base64). */
  altcha: Type.String({ minLength: 1, maxLength: 4000 }),
});
export type BookingRequest = Static<typeof BookingRequestSchema>;

export const StaffBookingRequestSchema = Type.Object({
  serviceId: Type.Integer({ minimum: 1 }),
  start: Instant,
  ...Contact,
});
export type StaffBookingRequest = Static<typeof StaffBookingRequestSchema>;

export const RescheduleRequestSchema = Type.Object({ start: Instant });

export const AppointmentViewSchema = Type.Object({
  id: Uuid,
  code: Type.String({ examples: ['K7M-4QX'] }),
  state: Type.Union(APPOINTMENT_STATES.map((s) => Type.Literal(s))),
  office: Type.String(),
  officeName: Type.String(),
  timeZone: Type.String(),
  service: ServiceSchema,
  start: Instant,
  end: Instant,
  name: Type.Union([Type.String(), Type.Null()]),
  /** From when "enter" works, and when the appointment counts as missed. */
  checkInFrom: Instant,
  missedAt: Instant,
  lang: Lang,
});
export type AppointmentView = Static<typeof AppointmentViewSchema>;

export const BookedSchema = Type.Object({
  appointment: AppointmentViewSchema,
  /** The links' secret (also in the SMS): keep it to cancel, reschedule or enter. */
  token: Type.String(),
});
export type Booked = Static<typeof BookedSchema>;

/** What staff see in the day view (full contact data, to call back). */
export const StaffAppointmentSchema = Type.Object({
  ...AppointmentViewSchema.properties,
  phone: Type.Union([Type.String(), Type.Null()]),
  email: Type.Union([Type.String(), Type.Null()]),
  bookedByStaff: Type.Boolean(),
});
export type StaffAppointment = Static<typeof StaffAppointmentSchema>;

export const BlockSchema = Type.Object({
  id: Type.Integer(),
  start: Instant,
  end: Instant,
  seats: Type.Integer(),
  reason: Type.String(),
});
export type Block = Static<typeof BlockSchema>;

export const BlockRequestSchema = Type.Object({
  start: Instant,
  end: Instant,
  seats: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  reason: Type.String({ minLength: 1, maxLength: 200 }),
});
export type BlockRequest = Static<typeof BlockRequestSchema>;

export const DayViewSchema = Type.Object({
  office: Type.String(),
  date: LocalDate,
  timeZone: Type.String(),
  appointments: Type.Array(StaffAppointmentSchema),
  blocks: Type.Array(BlockSchema),
  services: Type.Array(ServiceSchema),
});
export type DayView = Static<typeof DayViewSchema>;
