import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';
import { appointmentIcs, type AppointmentIcsInput } from './ics.js';
import { vtimezone } from './vtimezone.js';

const ZONE = 'Europe/Berlin';

/** An instant given as Berlin wall-clock time, computed without the process zone. */
function berlin(iso: string): Date {
  return DateTime.fromISO(iso, { zone: ZONE }).toJSDate();
}

function input(
  startIso: string,
  overrides: Partial<AppointmentIcsInput> = {},
): AppointmentIcsInput {
  const start = berlin(startIso);
  return {
    uid: 'appt-1@buergerbuero.example',
    sequence: 0,
    method: 'REQUEST',
    start,
    end: new Date(start.getTime() + 30 * 60_000),
    timeZone: ZONE,
    summary: 'Termin: Bürgerbüro Süd',
    location: 'Videoberatung',
    description:
      'Beitreten: https://buergerbuero.example/t/AbC123xyz\nCode: K7M-4QX; bitte pünktlich',
    url: 'https://buergerbuero.example/t/AbC123xyz',
    organizer: { name: 'Bürgerbüro Süd', email: 'noreply@buergerbuero.example' },
    attendee: { name: 'Erika Mustermann', email: 'erika@example.org' },
    stamp: new Date('2026-01-01T00:00:00Z'),
    ...overrides,
  };
}

/** Parses like a calendar app: ical.js resolves TZID through the file's own VTIMEZONE. */
function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const vevent = calendar.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('no VEVENT');
  const event = new ICAL.Event(vevent);
  return {
    method: calendar.getFirstPropertyValue('method'),
    event,
    status: vevent.getFirstPropertyValue('status'),
    tzid: vevent.getFirstProperty('dtstart')?.getParameter('tzid'),
    localStart: `${event.startDate.hour}:${String(event.startDate.minute).padStart(2, '0')}`,
    utcStart: event.startDate.toJSDate().toISOString(),
  };
}

const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

describe('appointmentIcs', () => {
  it.each([
    ['a winter date', '2026-12-03T09:30', '2026-12-03T08:30:00.000Z'],
    ['a summer date', '2026-07-15T09:30', '2026-07-15T07:30:00.000Z'],
    ['the spring-forward day', '2026-03-29T03:30', '2026-03-29T01:30:00.000Z'],
  ])('writes the Berlin wall-clock time on %s', (_name, wallClock, utc) => {
    expect(process.env.TZ).toBe('UTC');
    const parsed = parse(appointmentIcs(input(wallClock)));
    expect(parsed.tzid).toBe(ZONE);
    expect(parsed.localStart).toBe(wallClock.slice(11).replace(/^0/, ''));
    expect(parsed.utcStart).toBe(utc);
    expect(
      parsed.event.endDate.toJSDate().getTime() - parsed.event.startDate.toJSDate().getTime(),
    ).toBe(30 * 60_000);
  });

  it('writes the same file whatever the server time zone is', () => {
    const reference = appointmentIcs(input('2026-07-15T09:30'));
    const probe = new Date('2026-07-15T07:30:00Z');
    for (const tz of ['America/New_York', 'Asia/Kolkata', 'Pacific/Chatham']) {
      // Node applies a changed TZ to Date at once; vitest's default 'forks' pool gives each
      // test file its own process, so no other file sees it.
      process.env.TZ = tz;
      expect(probe.getHours()).not.toBe(7); // proves the zone really changed
      expect(appointmentIcs(input('2026-07-15T09:30'))).toBe(reference);
    }
  });

  it('is an iTIP REQUEST with organizer, accepted attendee, link and escaped text', () => {
    const ics = appointmentIcs(input('2026-12-03T09:30'));
    const { method, event, status } = parse(ics);
    expect(method).toBe('REQUEST');
    expect(status).toBe('CONFIRMED');
    expect(event.uid).toBe('appt-1@buergerbuero.example');
    expect(event.summary).toBe('Termin: Bürgerbüro Süd');
    expect(event.description).toBe(
      'Beitreten: https://buergerbuero.example/t/AbC123xyz\nCode: K7M-4QX; bitte pünktlich',
    );
    expect(event.organizer).toBe('mailto:noreply@buergerbuero.example');
    const attendee = event.attendees[0];
    expect(attendee?.getFirstValue()).toMatch(/^mailto:erika@example\.org$/i);
    expect(attendee?.getParameter('partstat')).toBe('ACCEPTED');
    expect(ics).toContain('DTSTAMP:20260101T000000Z');
    expect(ics.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
  });

  it('cancels with METHOD:CANCEL, the same UID and a higher sequence', () => {
    const { method, event, status } = parse(
      appointmentIcs(input('2026-12-03T09:30', { method: 'CANCEL', sequence: 2 })),
    );
    expect(method).toBe('CANCEL');
    expect(status).toBe('CANCELLED');
    expect(event.uid).toBe('appt-1@buergerbuero.example');
    expect(event.sequence).toBe(2);
  });

  it('refuses an appointment that ends before it starts', () => {
    const start = berlin('2026-12-03T09:30');
    expect(() => appointmentIcs(input('2026-12-03T09:30', { end: start }))).toThrow(RangeError);
  });
});

describe('vtimezone', () => {
  it('lists each Berlin offset change with its local onset', () => {
    const block = vtimezone(ZONE, 2026, 2026);
    expect(block).toContain('BEGIN:DAYLIGHT\r\nDTSTART:20260329T020000\r\nTZOFFSETFROM:+0100');
    expect(block).toContain('BEGIN:STANDARD\r\nDTSTART:20261025T030000\r\nTZOFFSETFROM:+0200');
  });

  it('has a single observance for a zone without daylight saving time', () => {
    const block = vtimezone('Asia/Kolkata', 2026, 2027);
    expect(block.match(/BEGIN:STANDARD/g)).toHaveLength(1);
    expect(block).toContain('TZOFFSETTO:+0530');
  });

  it('rejects an unknown zone', () => {
    expect(() => vtimezone('Mars/Olympus', 2026, 2026)).toThrow(RangeError);
  });
});
