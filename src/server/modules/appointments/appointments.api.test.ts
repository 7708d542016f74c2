/**
 * Appointments through the HTTP API with a real SMPP server and SMTP sink on loopback: free
 * slots, booking with the proof of work, no double booking under a race, cancel, atomic
 * reschedule, check-in with priority over a walk-in, and clear errors for bad input.
 */
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Booked, BookingInfo, Slots } from '../../../shared/appointments.js';
import type { ErrorBody } from '../../../shared/errors.js';
import type { CallAnswer } from '../../../shared/staff.js';
import { startTestApp, WEDNESDAY_MORNING, type TestApp } from '../../../../test/helpers/app.js';
import { solvedChallenge } from '../../../../test/helpers/booking.js';
import { DATABASE_KINDS } from '../../../../test/helpers/databases.js';
import { startSmppSink, type SmppSink } from '../../../../test/helpers/smpp-sink.js';
import { startSmtpSink, type SmtpSink } from '../../../../test/helpers/smtp-sink.js';
import { putOnDuty } from '../../../../test/helpers/app.js';
import { ANNA, loginStaff } from '../../../../test/helpers/staff.js';
import { createMailer } from '../notifications/email.js';
import { createSmppGateway } from '../notifications/sms-smpp.js';

// 10:00 in Berlin; the demo office is open around the clock, 2 seats, 10-minute units.
const NOW = WEDNESDAY_MORNING;
const code = (r: { json: <T>() => T }) => r.json<ErrorBody>().error.code;
const at = (hhmm: string, day = '2026-11-25') => new Date(`${day}T${hhmm}:00+01:00`).toISOString();

describe.each(DATABASE_KINDS)('appointments on %s', (kind) => {
  let t: TestApp;
  let sms: SmppSink;
  let mail: SmtpSink;
  let service: number;

  beforeAll(async () => {
    [sms, mail] = await Promise.all([startSmppSink(), startSmtpSink()]);
    t = await startTestApp(kind, {
      now: NOW,
      // The per-number and per-client limits have their own test below.
      config: {
        publicUrl: 'https://buergerbuero.example',
        bookingsPerNumber: 1000,
        bookingsPerClient: 1000,
      },
      senders: {
        sms: createSmppGateway({
          url: sms.url,
          systemId: sms.systemId,
          password: sms.password,
          sender: 'Buergeramt',
        }),
        email: createMailer({ url: mail.url, from: 'Bürgerbüro <noreply@buergerbuero.example>' }),
      },
    });
    const info = await t.app.inject({ method: 'GET', url: '/api/offices/demo/booking' });
    expect(info.statusCode).toBe(200);
    service = info.json<BookingInfo>().services.find((s) => s.durationMinutes === 20)!.id;
  });
  afterAll(async () => {
    await t.close();
    await Promise.all([sms.stop(), mail.stop()]);
  });

  const book = async (start: string, extra: Record<string, unknown> = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/api/offices/demo/appointments',
      payload: {
        serviceId: service,
        start,
        name: 'Erika Mustermann',
        phone: '0171 1234567',
        altcha: await solvedChallenge(t.app),
        ...extra,
      },
    });
  const slotsOn = async (day: string) => {
    const r = await t.app.inject({
      url: `/api/offices/demo/slots?service=${service}&from=${day}&to=${day}`,
    });
    return r.json<Slots>().days[0]?.slots.map((s) => s.start) ?? [];
  };

  it('offers free times from the opening hours, lead time included', async () => {
    const starts = await slotsOn('2026-11-25');
    expect(starts[0]).toBe(at('10:10')); // 10:00 + 5 minutes lead → the next unit
    expect(starts).toContain(at('23:40'));
    expect(starts).not.toContain(at('23:50')); // 20 minutes do not fit before midnight
    const offices = await t.app.inject({ url: '/api/offices/gewerbeamt/booking' });
    expect(code(offices)).toBe('BOOKING_NOT_OFFERED');
  });

  it('books, confirms by SMS and e-mail at the local time, and cancels by the link', async () => {
    const response = await book(at('14:30'), { email: 'erika@example.org', lang: 'de' });
    expect(response.statusCode).toBe(201);
    const { appointment, token } = response.json<Booked>();
    expect(appointment).toMatchObject({ state: 'booked', start: at('14:30'), office: 'demo' });
    expect(appointment.code).toMatch(/^[A-Z0-9]{3}-[A-Z0-9]{3}$/);

    const text = await sms.waitFor((m) => m.text.includes(appointment.code), 10_000);
    expect(text.to).toBe('491711234567');
    expect(text.text).toContain('25.11.2026 um 14:30');
    expect(text.text).toContain(`https://buergerbuero.example/a/${token}`);
    const email = await mail.waitFor((m) => m.text.includes(appointment.code), 10_000);
    const ics = email.leaves.find((p) => p.type === 'text/calendar')!;
    const event = new ICAL.Event(
      new ICAL.Component(ICAL.parse(ics.body)).getFirstSubcomponent('vevent')!,
    );
    expect(event.startDate.toJSDate().toISOString()).toBe(at('14:30'));
    expect(event.startDate.toString()).toContain('14:30');

    const cancelled = await t.app.inject({
      method: 'POST',
      url: `/api/appointments/${token}/cancel`,
    });
    expect(cancelled.json()).toMatchObject({ state: 'cancelled' });
    await sms.waitFor(
      (m) => m.text.startsWith('Termin storniert') && m.text.includes(appointment.code),
      10_000,
    );
    const again = await t.app.inject({ method: 'POST', url: `/api/appointments/${token}/cancel` });
    expect(code(again)).toBe('APPOINTMENT_STATE');
  });

  it('never books a seat twice: 8 requests race for a time with 2 seats', async () => {
    const wanted = at('15:00');
    const results = await Promise.all(Array.from({ length: 8 }, () => book(wanted)));
    const statuses = results.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([201, 201, 409, 409, 409, 409, 409, 409]);
    const refused = results.find((r) => r.statusCode === 409)!.json<ErrorBody>().error;
    expect(refused.code).toBe('SLOT_TAKEN');
    expect(refused.alternatives!.length).toBe(3);
    expect(refused.alternatives).not.toContain(wanted);
    expect(await slotsOn('2026-11-25')).not.toContain(wanted);
    // 14:50 overlaps 15:00–15:10 (20 minutes): taken too; 14:40 ends at 15:00 and is free.
    expect(await slotsOn('2026-11-25')).not.toContain(at('14:50'));
    expect(await slotsOn('2026-11-25')).toContain(at('14:40'));
  });

  it('moves an appointment atomically: a taken time keeps the old one', async () => {
    const first = (await book(at('16:00'))).json<Booked>();
    await book(at('17:00'));
    await book(at('17:00'));
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/appointments/${first.token}/reschedule`,
      payload: { start: at('17:00') },
    });
    expect(code(refused)).toBe('SLOT_TAKEN');
    const still = await t.app.inject({ url: `/api/appointments/${first.token}` });
    expect(still.json()).toMatchObject({ start: at('16:00'), state: 'booked' });
    const moved = await t.app.inject({
      method: 'POST',
      url: `/api/appointments/${first.token}/reschedule`,
      payload: { start: at('16:10') }, // overlaps the old time: its own seats are given back
    });
    expect(moved.json()).toMatchObject({ start: at('16:10') });
    await sms.waitFor(
      (m) => m.text.startsWith('Termin verschoben') && m.text.includes('16:10'),
      10_000,
    );
  });

  it('refuses bad input with clear codes', async () => {
    expect(code(await book(at('18:00'), { phone: '01234' }))).toBe('PHONE_INVALID');
    expect(code(await book(at('18:00'), { phone: '089 1234567' }))).toBe('PHONE_NOT_MOBILE');
    expect(code(await book(at('18:00'), { phone: '+44 7911 123456' }))).toBe('PHONE_COUNTRY');
    expect(code(await book(at('18:00'), { email: 'not-an-address' }))).toBe('EMAIL_INVALID');
    expect(code(await book(at('18:00'), { altcha: 'eyJ4IjoxfQ==' }))).toBe('CHALLENGE_FAILED');
    expect(code(await book(at('09:00')))).toBe('SLOT_UNAVAILABLE'); // in the past
    expect(code(await book(at('18:05')))).toBe('SLOT_UNAVAILABLE'); // not on the grid
    expect(code(await book(at('18:00'), { serviceId: 999_999 }))).toBe('SERVICE_NOT_FOUND');
    const replay = await solvedChallenge(t.app);
    expect((await book(at('18:00'), { altcha: replay })).statusCode).toBe(201);
    expect(code(await book(at('18:30'), { altcha: replay }))).toBe('CHALLENGE_FAILED');
    const german = await t.app.inject({
      method: 'POST',
      url: '/api/offices/demo/appointments',
      headers: { 'accept-language': 'de' },
      payload: { serviceId: service, start: at('18:00'), name: 'A', phone: '12345', altcha: 'y' },
    });
    expect(german.json<ErrorBody>().error.message).toMatch(/Handynummer/);
  });

  it('lets the appointment in at its time, before a walk-in who waited longer', async () => {
    const staff = await loginStaff(t.app, ANNA);
    await putOnDuty(t, ANNA, 'demo', 'available');
    const walkIn = await t.app.inject({
      method: 'POST',
      url: '/api/offices/demo/tickets',
      payload: {},
    });
    expect(walkIn.statusCode).toBe(201);
    const { token } = (await book(at('10:30'))).json<Booked>();
    const early = await t.app.inject({
      method: 'POST',
      url: `/api/appointments/${token}/check-in`,
    });
    expect(code(early)).toBe('CHECK_IN_TOO_EARLY');
    t.setNow(new Date(at('10:22')));
    const entered = await t.app.inject({
      method: 'POST',
      url: `/api/appointments/${token}/check-in`,
    });
    expect(entered.statusCode).toBe(201);
    // Staff see it marked in the queue, first, with its time and service.
    const queue = await t.app.services.views.queue('demo');
    const first = queue!.tickets[0]!;
    expect(first.id).toBe(entered.json<{ ticket: { id: string } }>().ticket.id);
    expect(first.appointment).toEqual({
      start: at('10:30'),
      service: 'Allgemeine Beratung',
      serviceEn: 'General advice',
    });
    expect(first.name).toBe('Erika Mustermann');
    expect(queue!.timeZone).toBe('Europe/Berlin');
    const call = await staff.request('POST', '/api/staff/offices/demo/call-next', {});
    expect((call.body as CallAnswer).ticket.id).toBe(
      entered.json<{ ticket: { id: string } }>().ticket.id,
    );
    t.setNow(NOW);
  });
  it("uses the office's own wording of the SMS, and the default when it is broken", async () => {
    const office = await t.database.db
      .selectFrom('offices')
      .select('id')
      .where('slug', '=', 'demo')
      .executeTakeFirstOrThrow();
    await t.database.db
      .insertInto('message_templates')
      .values([
        {
          office_id: office.id,
          lang: 'de',
          kind: 'booking_confirmed',
          sms: 'Demo-Amt: Ihr Termin {{date}} {{time}} Uhr, Code {{code}}. {{manageUrl}}',
          email_subject: null,
          email_body: null,
        },
        {
          office_id: office.id,
          lang: 'en',
          kind: 'booking_confirmed',
          sms: 'Broken {{nosuchfield}}',
          email_subject: null,
          email_body: null,
        },
      ])
      .execute();
    const earlier = (await book(at('22:00'))).json<Booked>();
    await new Promise((r) => setTimeout(r, 5_100)); // the office's rules are reused for 5 s
    // Cancelling reads the (expired) rules anew: never inside its transaction (on PGlite, with
    // one connection, that read would wait for the transaction forever).
    const cancelled = await t.app.inject({
      method: 'POST',
      url: `/api/appointments/${earlier.token}/cancel`,
    });
    expect(cancelled.json()).toMatchObject({ state: 'cancelled' });
    const own = (await book(at('21:00'), { lang: 'de' })).json<Booked>();
    const text = await sms.waitFor((m) => m.text.includes(own.appointment.code), 10_000);
    expect(text.text).toBe(
      `Demo-Amt: Ihr Termin Mi 25.11.2026 21:00 Uhr, Code ${own.appointment.code}. ` +
        `https://buergerbuero.example/a/${own.token}/change`,
    );
    const fallback = (await book(at('21:30'), { lang: 'en' })).json<Booked>();
    const english = await sms.waitFor((m) => m.text.includes(fallback.appointment.code), 10_000);
    expect(english.text).toMatch(/^Appointment confirmed: /);
    await t.database.db.deleteFrom('message_templates').execute();
  });

  it('counts a booked appointment nobody entered as no-show, and forgets personal data later', async () => {
    const { token, appointment } = (await book(at('20:00'))).json<Booked>();
    t.setNow(new Date(at('20:16'))); // grace: 15 minutes
    const service = t.app.services.appointments;
    expect((await service.sweep(30)).missed).toBeGreaterThanOrEqual(1);
    const missed = await t.app.inject({ url: `/api/appointments/${token}` });
    expect(missed.json()).toMatchObject({ state: 'no_show' });
    const late = await t.app.inject({ method: 'POST', url: `/api/appointments/${token}/check-in` });
    expect(code(late)).toBe('APPOINTMENT_STATE');

    t.setNow(new Date(new Date(at('20:30')).getTime() + 31 * 86_400_000));
    expect((await service.sweep(30)).purged).toBeGreaterThanOrEqual(1);
    const row = await t.database.db
      .selectFrom('appointments')
      .select(['name', 'phone', 'email', 'state'])
      .where('id', '=', appointment.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ name: null, phone: null, email: null, state: 'no_show' }); // counted
    const outboxRows = await t.database.db
      .selectFrom('outbox')
      .select('id')
      .where('appointment_id', '=', appointment.id)
      .execute();
    expect(outboxRows).toEqual([]);
    t.setNow(NOW);
  });
});

describe.each(DATABASE_KINDS)('booking limits on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind, {
      now: NOW,
      config: { bookingsPerNumber: 2, reminderMinutes: 60 },
    });
  });
  afterAll(() => t.close());

  it('refuses a third booking of one number a day, and plans the reminder', async () => {
    const info = await t.app.inject({ url: '/api/offices/demo/booking' });
    const serviceId = info.json<BookingInfo>().services[0]!.id;
    const book = async (start: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/offices/demo/appointments',
        payload: {
          serviceId,
          start,
          name: 'A B',
          phone: '+49 151 23456789',
          altcha: await solvedChallenge(t.app),
        },
      });
    const first = await book(at('13:00'));
    expect(first.statusCode).toBe(201);
    expect((await book(at('13:30'))).statusCode).toBe(201);
    expect(code(await book(at('14:00')))).toBe('BOOKING_LIMIT');
    const reminder = await t.database.db
      .selectFrom('outbox')
      .select(['due_at', 'body'])
      .where('appointment_id', '=', first.json<Booked>().appointment.id)
      .where('idempotency_key', 'like', '%reminder%')
      .executeTakeFirstOrThrow();
    expect(new Date(reminder.due_at).toISOString()).toBe(at('12:00'));
    expect(reminder.body).toContain('Erinnerung');
  });
});
