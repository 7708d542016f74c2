import { describe, expect, it } from 'vitest';
import type { QueueEntry } from '../../../shared/queue.js';
import { appointmentMarkText, queueAppointment } from './queue-mark.js';

const entry: QueueEntry = {
  id: '00000000-0000-4000-8000-000000000001',
  code: 'D-001',
  name: 'Jonas Beispiel',
  state: 'waiting',
  enqueuedAt: '2026-11-25T08:25:00Z',
  calledAt: null,
  joinBy: null,
  lastSeenAt: '2026-11-25T08:25:00Z',
  present: true,
  calledBy: null,
  consultationId: null,
  appointment: null,
};

describe('appointment mark in the queue', () => {
  it('says the time in the office zone and the service, in both languages', () => {
    const appointment = {
      service: 'Gewerbeanmeldung',
      serviceEn: 'Business registration',
      start: '2026-11-25T08:30:00Z',
    };
    expect(appointmentMarkText(appointment, 'de', 'Europe/Berlin')).toBe(
      'Termin 09:30 · Gewerbeanmeldung',
    );
    expect(appointmentMarkText(appointment, 'en', 'Europe/Berlin')).toBe(
      'Appointment 09:30 · Business registration',
    );
  });

  it('treats a missing, null or broken appointment field as a walk-in', () => {
    const older: Partial<QueueEntry> = { ...entry }; // a snapshot from before appointments
    delete older.appointment;
    expect(queueAppointment(older as QueueEntry)).toBeNull();
    expect(queueAppointment({ ...entry, appointment: null })).toBeNull();
    const broken = { service: 'X', serviceEn: 'X', start: 'soon' };
    expect(queueAppointment({ ...entry, appointment: broken })).toBeNull();
    const appointment = { service: 'X', serviceEn: 'X', start: '2026-11-25T08:30:00Z' };
    expect(queueAppointment({ ...entry, appointment })).toEqual(appointment);
  });
});
