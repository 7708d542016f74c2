import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DeliveryError } from './delivery-error.js';
import { createHttpSmsGateway } from './sms-http.js';

/** A local stand-in for a commercial provider's API: records requests, answers as told. */
interface Recorded {
  method: string;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}
let requests: Recorded[] = [];
let answer: (res: http.ServerResponse) => void = (res) => res.end();
let server: http.Server;
let url: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      requests.push({ method: req.method ?? '', headers: req.headers, body: JSON.parse(body) });
      answer(res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/sms`;
});
beforeEach(() => {
  requests = [];
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function json(status: number, value: unknown, headers: Record<string, string> = {}) {
  return (res: http.ServerResponse) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(value));
  };
}

const message = {
  to: '+491711234567',
  text: 'Termin Do 03.12.2026 09:30 – Süd',
  idempotencyKey: 'k-1',
};

async function failure(promise: Promise<unknown>): Promise<DeliveryError> {
  const error: unknown = await promise.then(
    () => new Error('expected a failure'),
    (caught: unknown) => caught,
  );
  if (!(error instanceof DeliveryError)) throw error;
  return error;
}

describe('HTTP SMS gateway', () => {
  const gateway = () => createHttpSmsGateway({ url, token: 'tok-123', sender: 'Buergeramt' });

  it('posts JSON with bearer token and idempotency key and returns the provider id', async () => {
    answer = json(201, { id: 'msg-42' });
    await expect(gateway().send(message)).resolves.toEqual({ providerId: 'msg-42' });
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      method: 'POST',
      body: { to: '+491711234567', text: message.text, sender: 'Buergeramt' },
      headers: {
        authorization: 'Bearer tok-123',
        'idempotency-key': 'k-1',
        'content-type': 'application/json',
      },
    });
  });

  it('falls back to the idempotency key when the provider returns no id', async () => {
    answer = (res) => res.writeHead(204).end();
    await expect(gateway().send(message)).resolves.toEqual({ providerId: 'k-1' });
  });

  it.each([
    [400, 'permanent', 'REJECTED'],
    [422, 'permanent', 'REJECTED'],
    [401, 'temporary', 'AUTH_FAILED'],
    [408, 'temporary', 'TIMEOUT'],
    [500, 'temporary', 'PROVIDER_ERROR'],
    [503, 'temporary', 'PROVIDER_ERROR'],
  ])('classifies HTTP %i as %s', async (status, kind, code) => {
    answer = json(status, { error: 'nope' });
    const error = await failure(gateway().send(message));
    expect(error).toMatchObject({ failure: kind, code });
    expect(error.message).toContain(String(status));
  });

  it('treats 429 as throttling and passes Retry-After on', async () => {
    answer = json(429, { error: 'slow down' }, { 'retry-after': '30' });
    const error = await failure(gateway().send(message));
    expect(error).toMatchObject({ failure: 'temporary', code: 'THROTTLED', retryAfterMs: 30_000 });
  });

  it('times out with a temporary error when the provider hangs', async () => {
    answer = () => {}; // never answers
    const hanging = createHttpSmsGateway({ url, token: 't', sender: 'x', timeoutMs: 200 });
    const started = Date.now();
    const error = await failure(hanging.send(message));
    expect(error).toMatchObject({ failure: 'temporary', code: 'TIMEOUT' });
    expect(Date.now() - started).toBeLessThan(2_000);
    server.closeAllConnections();
  });

  it('reports a refused connection as temporary', async () => {
    const closed = createHttpSmsGateway({ url: 'http://127.0.0.1:1/sms', token: 't', sender: 'x' });
    const error = await failure(closed.send(message));
    expect(error).toMatchObject({ failure: 'temporary', code: 'UNREACHABLE' });
  });

  it('refuses a number that is not E.164 without a request', async () => {
    const error = await failure(gateway().send({ ...message, to: '01711234567' }));
    expect(error).toMatchObject({ failure: 'permanent', code: 'INVALID_RECIPIENT' });
    expect(requests).toHaveLength(0);
  });
});
