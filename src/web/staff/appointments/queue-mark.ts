/**
 * The mark of a checked-in appointment in the live queue ("Termin 09:30 · Gewerbeanmeldung"),
 * so staff see why that person is called first. Read defensively: queue snapshots from a server
 * without appointments have no `appointment` field, which means the same as null.
 */
import type { Locale } from '../../../shared/locale.js';
import type { QueueEntry } from '../../../shared/queue.js';
import { formatClock } from '../../lib/format.js';
import { translate } from '../i18n/index.js';

export interface QueueAppointment {
  service: string;
  serviceEn?: string;
  start: string;
}

type EntryWithAppointment = QueueEntry & { appointment?: QueueAppointment | null };

export function queueAppointment(entry: EntryWithAppointment): QueueAppointment | null {
  const appointment = entry.appointment;
  if (!appointment || Number.isNaN(Date.parse(appointment.start))) return null;
  return appointment;
}

/** "Termin 09:30 · Gewerbeanmeldung", the time in `timeZone`. */
export function appointmentMarkText(
  appointment: QueueAppointment,
  locale: Locale,
  timeZone: string,
): string {
  const time = formatClock(new Date(appointment.start), locale, timeZone);
  const service =
    locale === 'en' ? appointment.serviceEn || appointment.service : appointment.service;
  return translate(locale, 'appointmentMark', { time, service });
}
