/**
 * The appointments view's API calls: the staff endpoints (session cookie, CSRF token on every
 * change, through the console's `staffRequest`) and the public free-times endpoint the citizen
 * pages use too. Shapes are the server's own schemas from src/shared/appointments.ts.
 */
import type {
  Block,
  BlockRequest,
  Booked,
  DayView,
  Slots,
  StaffAppointment,
  StaffBookingRequest,
} from '../../../shared/appointments.js';
import { staffRequest } from '../api.js';

const seg = encodeURIComponent;

export const appointmentsApi = {
  day: (slug: string, date: string) =>
    staffRequest<DayView>('GET', `/api/staff/offices/${seg(slug)}/appointments?date=${seg(date)}`),
  /** Free times of one service on one local date. */
  freeTimes: (slug: string, serviceId: number, date: string) =>
    staffRequest<Slots>(
      'GET',
      `/api/offices/${seg(slug)}/slots?service=${serviceId}&from=${seg(date)}&to=${seg(date)}`,
    ),
  book: (slug: string, booking: StaffBookingRequest) =>
    staffRequest<Booked>('POST', `/api/staff/offices/${seg(slug)}/appointments`, booking),
  cancel: (id: string) =>
    staffRequest<StaffAppointment>('POST', `/api/staff/appointments/${seg(id)}/cancel`),
  addBlock: (slug: string, block: BlockRequest) =>
    staffRequest<Block>('POST', `/api/staff/offices/${seg(slug)}/blocks`, block),
  deleteBlock: (id: number) => staffRequest<null>('DELETE', `/api/staff/blocks/${id}`),
};
