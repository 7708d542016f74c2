import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../../../../test/helpers/smtp-sink.js';
import { DeliveryError } from './delivery-error.js';
import { createMailer, messageIdFor, type Mailer } from './email.js';
import { appointmentIcs } from './ics.js';
import { composeMessages } from './templates.js';

const ZONE = 'Europe/Berlin';
const FROM = 'Bürgerbüro Süd <noreply@buergerbuero.example>';
let sink: SmtpSink;
let mailer: Mailer;
let keys = 0;

beforeAll(async () => {
  sink = await startSmtpSink();
  mailer = createMailer({ url: sink.url, from: FROM, timeoutMs: 2_000 });
});
afterEach(() => sink.start()); // a test may have stopped it
afterAll(async () => {
  await mailer.close();
  await sink.stop();
});

function appointment(method: 'REQUEST' | 'CANCEL', sequence: number) {
  const start = DateTime.fromISO('2026-12-03T09:30', { zone: ZONE }).toJSDate();
  const data = {
    officeName: 'Bürgerbüro Süd',
    timeZone: ZONE,
    start,
    code: 'K7M-4QX',
    joinUrl: 'https://buergerbuero.example/t/AbC123xyz',
    manageUrl: 'https://buergerbuero.example/m/Qr7TzW2p',
  };
  const kind = method === 'CANCEL' ? 'booking_cancelled' : 'booking_confirmed';
  const { email } = composeMessages(kind, 'de', data);
  const ics = appointmentIcs({
    uid: 'appt-1@buergerbuero.example',
    sequence,
    method,
    start,
    end: new Date(start.getTime() + 30 * 60_000),
    timeZone: ZONE,
    summary: 'Termin: Bürgerbüro Süd',
    description: `Video: ${data.joinUrl}`,
    url: data.joinUrl,
    organizer: { name: 'Bürgerbüro Süd', email: 'noreply@buergerbuero.example' },
    attendee: { email: 'erika@example.org' },
  });
  return {
    to: 'erika@example.org',
    subject: email.subject,
    text: email.text,
    ics: { filename: 'termin.ics', content: ics },
    idempotencyKey: `outbox-${++keys}`,
  };
}

async function failure(promise: Promise<unknown>): Promise<DeliveryError> {
  const error: unknown = await promise.then(
    () => new Error('expected a failure'),
    (caught: unknown) => caught,
  );
  if (!(error instanceof DeliveryError)) throw error;
  return error;
}

describe('mailer', () => {
  it('delivers the confirmation with a calendar invitation at the right local time', async () => {
    const message = appointment('REQUEST', 0);
    const { providerId } = await mailer.send(message);
    const mail = await sink.waitFor((m) => m.messageId === providerId);

    expect(mail.envelope).toEqual({
      from: 'noreply@buergerbuero.example',
      to: ['erika@example.org'],
    });
    expect(mail.subject).toBe('Terminbestätigung: Donnerstag, 3. Dezember 2026, 09:30 Uhr');
    expect(mail.text).toBe(message.text);
    expect(mail.root.headers.get('auto-submitted')).toBe('auto-generated');

    const invitation = mail.leaves.find((part) => part.type === 'text/calendar');
    expect(invitation?.params.get('method')).toBe('REQUEST');
    expect(invitation?.params.get('charset')?.toLowerCase()).toBe('utf-8');
    const attachment = mail.leaves.find((part) => part.type === 'application/ics');
    expect(attachment?.headers.get('content-disposition')).toMatch(/attachment.*termin\.ics/);
    expect(attachment?.body).toBe(message.ics.content);

    const vevent = new ICAL.Component(ICAL.parse(invitation?.body ?? '')).getFirstSubcomponent(
      'vevent',
    );
    if (!vevent) throw new Error('no VEVENT in the mail');
    const event = new ICAL.Event(vevent);
    expect([event.startDate.hour, event.startDate.minute]).toEqual([9, 30]);
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-12-03T08:30:00.000Z');
    expect(event.summary).toBe('Termin: Bürgerbüro Süd');
  });

  it('gives a resend of the same outbox row the same Message-ID', async () => {
    const message = appointment('REQUEST', 0);
    const first = await mailer.send(message);
    const second = await mailer.send(message);
    expect(second.providerId).toBe(first.providerId);
    expect(first.providerId).toBe(messageIdFor(message.idempotencyKey, FROM));
    expect(first.providerId).toMatch(/^<[0-9a-f]{32}@buergerbuero\.example>$/);
    expect(sink.messages().filter((m) => m.messageId === first.providerId)).toHaveLength(2);
  });

  it('sends a cancellation as METHOD:CANCEL', async () => {
    const { providerId } = await mailer.send(appointment('CANCEL', 1));
    const mail = await sink.waitFor((m) => m.messageId === providerId);
    const invitation = mail.leaves.find((part) => part.type === 'text/calendar');
    expect(invitation?.params.get('method')).toBe('CANCEL');
    expect(invitation?.body).toContain('STATUS:CANCELLED');
  });

  it('sends plain text without calendar parts when there is no ics', async () => {
    const plain = { ...appointment('REQUEST', 0), ics: undefined };
    const { providerId } = await mailer.send(plain);
    const mail = await sink.waitFor((m) => m.messageId === providerId);
    expect(mail.leaves.map((part) => part.type)).toEqual(['text/plain']);
  });

  it('treats 5xx as permanent and 4xx as temporary', async () => {
    sink.rejectNext(1, 550);
    const rejected = await failure(mailer.send(appointment('REQUEST', 0)));
    expect(rejected).toMatchObject({ failure: 'permanent', code: 'REJECTED' });
    sink.rejectNext(1, 451);
    const later = await failure(mailer.send(appointment('REQUEST', 0)));
    expect(later).toMatchObject({ failure: 'temporary', code: 'THROTTLED' });
  });

  it('treats an unknown mailbox as a permanent recipient error', async () => {
    sink.unknownRecipients.add('gone@example.org');
    const error = await failure(
      mailer.send({ ...appointment('REQUEST', 0), to: 'gone@example.org' }),
    );
    expect(error).toMatchObject({ failure: 'permanent', code: 'INVALID_RECIPIENT' });
  });

  it('fails temporarily while the server is down and sends again once it is back', async () => {
    await sink.stop();
    const error = await failure(mailer.send(appointment('REQUEST', 0)));
    expect(error).toMatchObject({ failure: 'temporary', code: 'UNREACHABLE' });
    await sink.start();
    const { providerId } = await mailer.send(appointment('REQUEST', 0));
    await sink.waitFor((m) => m.messageId === providerId);
  });
});
