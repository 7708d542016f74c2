/**
 * Booking's API calls through the shared JSON helper (same origin, `Accept-Language`, errors as
 * `ApiError` — SLOT_TAKEN's `alternatives` in `error.extra`). The appointment's token is the
 * secret in its links; it travels in the path, as in the SMS.
 */
import type {
  AppointmentView,
  Booked,
  BookingInfo,
  BookingRequest,
  Slots,
} from '../../../shared/appointments.js';
import type { Locale } from '../../../shared/locale.js';
import type { CreatedTicket } from '../../../shared/queue.js';
import { getJson, postJson } from '../../lib/api.js';

/** Where the proof-of-work widget fetches its challenge. */
export const CHALLENGE_URL = '/api/booking-challenge';

const officePath = (slug: string) => `/api/offices/${encodeURIComponent(slug)}`;
const appointmentPath = (token: string, action = '') =>
  `/api/appointments/${encodeURIComponent(token)}${action ? `/${action}` : ''}`;

export function fetchBookingInfo(
  slug: string,
  locale: Locale,
  signal?: AbortSignal,
): Promise<BookingInfo> {
  return getJson<BookingInfo>(`${officePath(slug)}/booking?lang=${locale}`, locale, signal);
}

/** Free times of one service from `from` to `to` (local dates in the office's zone). */
export function fetchSlots(
  slug: string,
  query: { serviceId: number; from: string; to: string },
  locale: Locale,
  signal?: AbortSignal,
): Promise<Slots> {
  const params = new URLSearchParams({
    service: String(query.serviceId),
    from: query.from,
    to: query.to,
  });
  return getJson<Slots>(`${officePath(slug)}/slots?${params.toString()}`, locale, signal);
}

export function bookAppointment(
  slug: string,
  request: BookingRequest,
  locale: Locale,
): Promise<Booked> {
  return postJson<Booked>(`${officePath(slug)}/appointments`, request, locale);
}

export function fetchAppointment(
  token: string,
  locale: Locale,
  signal?: AbortSignal,
): Promise<AppointmentView> {
  return getJson<AppointmentView>(`${appointmentPath(token)}?lang=${locale}`, locale, signal);
}

/** Enter the office: a ticket with priority, like a walk-in's. */
export function checkIn(token: string, locale: Locale): Promise<CreatedTicket> {
  return postJson<CreatedTicket>(appointmentPath(token, 'check-in'), {}, locale);
}

/** The answer may be the appointment itself or wrapped like a booking's. */
function unwrap(answer: AppointmentView | { appointment: AppointmentView }): AppointmentView {
  return 'appointment' in answer ? answer.appointment : answer;
}

export async function cancelAppointment(token: string, locale: Locale): Promise<AppointmentView> {
  return unwrap(await postJson(appointmentPath(token, 'cancel'), {}, locale));
}

export async function rescheduleAppointment(
  token: string,
  start: string,
  locale: Locale,
): Promise<AppointmentView> {
  return unwrap(await postJson(appointmentPath(token, 'reschedule'), { start }, locale));
}
