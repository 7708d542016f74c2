import net from 'node:net';
import smpp from 'smpp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSmppSink, type SmppSink } from '../../../../test/helpers/smpp-sink.js';
import { DeliveryError } from './delivery-error.js';
import type { SmsGateway } from './sms-gateway.js';
import { createSmppGateway, sourceAddress, type SmppGatewayConfig } from './sms-smpp.js';

let sink: SmppSink;
const gateways: SmsGateway[] = [];
let keys = 0;

function gateway(overrides: Partial<SmppGatewayConfig> = {}): SmsGateway {
  const created = createSmppGateway({
    url: sink.url,
    systemId: sink.systemId,
    password: sink.password,
    sender: 'Buergeramt',
    timeoutMs: 500,
    ...overrides,
  });
  gateways.push(created);
  return created;
}

function sms(text: string, to = '+491711234567') {
  return { to, text, idempotencyKey: `key-${++keys}` };
}

async function failure(promise: Promise<unknown>): Promise<DeliveryError> {
  const error: unknown = await promise.then(
    () => new Error('expected a failure'),
    (caught: unknown) => caught,
  );
  if (!(error instanceof DeliveryError)) throw error;
  return error;
}

beforeAll(async () => {
  sink = await startSmppSink();
});
afterEach(async () => {
  await Promise.all(gateways.splice(0).map((created) => created.close()));
  await sink.start(); // a test may have stopped it
});
afterAll(() => sink.stop());

describe('SMPP gateway', () => {
  it('delivers a short German text as one GSM-7 message from an alphanumeric sender', async () => {
    const text = 'Ihr Termin im Bürgerbüro Süd: Do 03.12.2026 09:30. Gebühr 5 €.';
    const { providerId } = await gateway().send(sms(text));
    const received = await sink.waitFor((m) => m.text === text);
    expect(providerId).toMatch(/^sink-\d+$/);
    expect(received).toMatchObject({
      to: '491711234567',
      from: 'Buergeramt',
      sourceTon: 5,
      destinationTon: 1,
      dataCoding: 0,
      parts: 1,
    });
  });

  it('splits a long text with ä and € into three parts that arrive reassembled', async () => {
    // '@' is septet 0x00 and € an escape pair: both must survive the split and the reassembly
    const text =
      'Bürgerbüro Süd: Gebühr 5 € bar oder mit Karte. '.repeat(8) + 'Fragen: info@amt.example';
    const { providerId } = await gateway().send(sms(text));
    const received = await sink.waitFor((m) => m.text === text);
    expect(received.parts).toBe(3);
    expect(received.dataCoding).toBe(0);
    expect(providerId.split(',')).toHaveLength(3);
  });

  it('sends Cyrillic as UCS-2', async () => {
    const text = 'Ваш термин: 03.12.2026 в 09:30, Bürgerbüro Süd';
    await gateway().send(sms(text));
    const received = await sink.waitFor((m) => m.text === text);
    expect(received.dataCoding).toBe(8);
  });

  it('rejects with a temporary error while the gateway is down and recovers after', async () => {
    const sender = gateway({ timeoutMs: 2_000 });
    await sender.send(sms('vorher'));
    await sink.stop();
    const started = Date.now();
    const error = await failure(sender.send(sms('während')));
    expect(error.failure).toBe('temporary');
    expect(error.code).toBe('UNREACHABLE');
    expect(Date.now() - started).toBeLessThan(2_000);
    await sink.start();
    await sender.send(sms('nachher'));
    await sink.waitFor((m) => m.text === 'nachher');
  });

  it('times out on an SMSC that stops answering, then reconnects', async () => {
    const sender = gateway({ timeoutMs: 300 });
    sink.ignoreNext(1);
    const error = await failure(sender.send(sms('hängt')));
    expect(error).toMatchObject({ failure: 'temporary', code: 'TIMEOUT' });
    await sender.send(sms('wieder da'));
    await sink.waitFor((m) => m.text === 'wieder da');
  });

  it('times out when the server accepts TCP but never answers the bind', async () => {
    const sockets: net.Socket[] = [];
    const silent = net.createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as net.AddressInfo;
    const error = await failure(
      gateway({ url: `smpp://127.0.0.1:${port}`, timeoutMs: 200 }).send(sms('x')),
    );
    expect(error).toMatchObject({ failure: 'temporary', code: 'TIMEOUT' });
    sockets.forEach((socket) => socket.destroy()); // unread sockets never see the client's FIN
    await new Promise((resolve) => silent.close(resolve));
  });

  it('fails with AUTH_FAILED (temporary: fix the configuration) on a wrong password', async () => {
    const error = await failure(gateway({ password: 'wrong' }).send(sms('x')));
    expect(error).toMatchObject({ failure: 'temporary', code: 'AUTH_FAILED' });
    expect(error.message).toContain('ESME_RBINDFAIL');
  });

  it('treats an invalid destination as permanent and throttling as temporary', async () => {
    const sender = gateway();
    sink.failNext(1, smpp.errors.ESME_RINVDSTADR ?? 0);
    const invalid = await failure(sender.send(sms('x')));
    expect(invalid).toMatchObject({ failure: 'permanent', code: 'INVALID_RECIPIENT' });
    sink.failNext(1, smpp.errors.ESME_RTHROTTLED ?? 0);
    const throttled = await failure(sender.send(sms('x')));
    expect(throttled).toMatchObject({ failure: 'temporary', code: 'THROTTLED' });
  });

  it('refuses a number that is not E.164 without contacting the gateway', async () => {
    const binds = sink.binds;
    const error = await failure(gateway().send(sms('x', '0171 1234567')));
    expect(error).toMatchObject({ failure: 'permanent', code: 'INVALID_RECIPIENT' });
    expect(sink.binds).toBe(binds);
  });

  it('sends a repeated idempotency key only once', async () => {
    const sender = gateway();
    const message = sms('nur einmal');
    const [first, second] = await Promise.all([sender.send(message), sender.send(message)]);
    expect(second).toEqual(first);
    await sender.send(sms('danach'));
    await sink.waitFor((m) => m.text === 'danach');
    expect(sink.messages().filter((m) => m.text === 'nur einmal')).toHaveLength(1);
  });

  it("answers the SMSC's enquire_link", async () => {
    await gateway().send(sms('ping'));
    expect(await sink.enquireClients()).toBe(1);
  });
});

describe('sourceAddress', () => {
  it('maps senders to TON/NPI', () => {
    expect(sourceAddress('Buergeramt')).toEqual({ ton: 5, npi: 0, addr: 'Buergeramt' });
    expect(sourceAddress('+4989123456')).toEqual({ ton: 1, npi: 1, addr: '4989123456' });
    expect(sourceAddress('82345')).toEqual({ ton: 0, npi: 1, addr: '82345' });
    expect(() => sourceAddress('Buergerbuero')).toThrow(TypeError); // 12 > 11 characters
    expect(() => sourceAddress('Bürgeramt')).toThrow(TypeError);
  });
});
