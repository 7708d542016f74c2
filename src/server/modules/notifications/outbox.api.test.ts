/**
 * Nothing lost, nothing twice: the SMS gateway is down while citizens book and the app
 * restarts; when the gateway is back every confirmation arrives exactly once — also with a
 * second node's worker sending from the same outbox.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Booked, BookingInfo } from '../../../shared/appointments.js';
import { startTestApp, WEDNESDAY_MORNING, type TestApp } from '../../../../test/helpers/app.js';
import { solvedChallenge } from '../../../../test/helpers/booking.js';
import { DATABASE_KINDS } from '../../../../test/helpers/databases.js';
import { startSmppSink, type SmppSink } from '../../../../test/helpers/smpp-sink.js';
import { createSmppGateway } from './sms-smpp.js';
import { DEFAULT_WORKER_OPTIONS, OutboxWorker } from './worker.js';

const at = (hhmm: string) => new Date(`2026-11-25T${hhmm}:00+01:00`).toISOString();

describe.each(DATABASE_KINDS)('the outbox on %s', (kind) => {
  let t: TestApp;
  let sink: SmppSink;
  const senders = () => ({
    sms: createSmppGateway({
      url: sink.url,
      systemId: sink.systemId,
      password: sink.password,
      sender: 'Buergeramt',
      timeoutMs: 1000,
    }),
    email: { send: () => Promise.reject(new Error('no e-mail here')), close: async () => {} },
  });

  beforeAll(async () => {
    sink = await startSmppSink();
    t = await startTestApp(kind, {
      now: WEDNESDAY_MORNING,
      config: { bookingsPerNumber: 100, bookingsPerClient: 100, reminderMinutes: 0 },
      senders,
    });
  });
  afterAll(async () => {
    await t.close();
    await sink.stop();
  });

  const book = async (start: string, phone: string): Promise<Booked> => {
    const info = await t.app.inject({ url: '/api/offices/demo/booking' });
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/offices/demo/appointments',
      payload: {
        serviceId: info.json<BookingInfo>().services[0]!.id,
        start,
        name: 'Max Muster',
        phone,
        altcha: await solvedChallenge(t.app),
      },
    });
    expect(response.statusCode).toBe(201);
    return response.json<Booked>();
  };
  const pending = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('outbox')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('state', '=', 'pending')
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('keeps messages while the gateway is down and sends each once when it is back', async () => {
    await sink.stop();
    const booked = [
      await book(at('11:00'), '0171 1000001'),
      await book(at('11:20'), '0171 1000002'),
      await book(at('11:40'), '0171 1000003'),
    ];
    await new Promise((r) => setTimeout(r, 1500)); // the worker tries and fails meanwhile
    expect(await pending()).toBe(3);
    const tried = await t.database.db.selectFrom('outbox').select('attempts').execute();
    expect(tried.every((row) => row.attempts >= 1)).toBe(true);

    await t.restart(); // the app goes down too: the outbox is in the database
    await sink.start();
    t.setNow(new Date(WEDNESDAY_MORNING.getTime() + 10 * 60_000)); // the retries fall due
    for (const b of booked) {
      await sink.waitFor((m) => m.text.includes(b.appointment.code), 15_000);
    }
    await expect.poll(pending, { timeout: 5000 }).toBe(0);
    await new Promise((r) => setTimeout(r, 500));
    for (const b of booked) {
      expect(sink.messages().filter((m) => m.text.includes(b.appointment.code))).toHaveLength(1);
    }
  });

  it('sends each message once with two workers on one outbox (two app nodes)', async () => {
    const later = new Date(WEDNESDAY_MORNING.getTime() + 10 * 60_000);
    const second = new OutboxWorker(t.database.db, senders(), () => later, t.app.log, {
      ...DEFAULT_WORKER_OPTIONS,
      pollMs: 20,
    });
    second.start();
    try {
      const booked = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          book(at(`12:${String(i * 10).padStart(2, '0')}`), `0171 200000${i}`),
        ),
      );
      for (const b of booked) {
        await sink.waitFor((m) => m.text.includes(b.appointment.code), 15_000);
      }
      await new Promise((r) => setTimeout(r, 500));
      for (const b of booked) {
        expect(sink.messages().filter((m) => m.text.includes(b.appointment.code))).toHaveLength(1);
      }
    } finally {
      await second.stop();
    }
  });
});
