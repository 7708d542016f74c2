/**
 * The calendar file sent with appointment e-mails (iTIP, RFC 5546): METHOD:REQUEST for a
 * booking or a change (same UID, higher SEQUENCE — calendar apps update the entry in place),
 * METHOD:CANCEL to remove it.
 *
 * Times are handed to ical-generator as luxon DateTimes in the office's zone: with a plain Date
 * it would write the server's local wall-clock time under the office's TZID.
 */
import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
} from 'ical-generator';
import { DateTime } from 'luxon';
import { vtimezone } from './vtimezone.js';

export interface AppointmentIcsInput {
  /** Stable for the appointment's whole life, e.g. '<appointment id>@buergerbuero.example'. */
  uid: string;
  /** 0 for the first confirmation; raise it for every change and for the cancellation. */
  sequence: number;
  method: 'REQUEST' | 'CANCEL';
  start: Date;
  end: Date;
  /** The office's IANA zone, e.g. 'Europe/Berlin'. */
  timeZone: string;
  summary: string;
  location?: string;
  description?: string;
  /** The video call link; also put it into `description` for apps that hide URL. */
  url?: string;
  /** iTIP requires an organizer; use the office's (no-reply) sender address. */
  organizer: { name: string; email: string };
  /** The citizen; marked as having accepted, so calendar apps do not ask to send a reply. */
  attendee: { name?: string; email: string };
  /** DTSTAMP; defaults to now. */
  stamp?: Date;
}

export function appointmentIcs(input: AppointmentIcsInput): string {
  const zone = input.timeZone;
  const start = DateTime.fromJSDate(input.start, { zone });
  const end = DateTime.fromJSDate(input.end, { zone });
  if (!start.isValid || !end.isValid) throw new RangeError(`invalid time or zone ${zone}`);
  if (end <= start) throw new RangeError('appointment must end after it starts');
  const cancel = input.method === 'CANCEL';

  const calendar = ical({
    prodId: { company: 'Virtuelles Buergerbuero', product: 'appointments', language: 'DE' },
    method: cancel ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
    // No calendar-wide zone: ical-generator would write DTSTAMP as local time without 'Z'.
    // The generator still adds a VTIMEZONE for the event's zone.
    timezone: { name: null, generator: (name) => vtimezone(name, start.year - 1, end.year + 1) },
  });
  calendar.createEvent({
    id: input.uid,
    sequence: input.sequence,
    stamp: DateTime.fromJSDate(input.stamp ?? new Date(), { zone: 'UTC' }),
    start,
    end,
    timezone: zone,
    summary: input.summary,
    location: input.location ?? null,
    description: input.description ?? null,
    url: input.url ?? null,
    status: cancel ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: input.organizer,
    attendees: [
      {
        email: input.attendee.email,
        name: input.attendee.name ?? null,
        role: ICalAttendeeRole.REQ,
        status: ICalAttendeeStatus.ACCEPTED,
        rsvp: false,
      },
    ],
  });
  return calendar.toString();
}
