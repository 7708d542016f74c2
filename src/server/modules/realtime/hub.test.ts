import type { FastifyBaseLogger } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { Hub } from './hub.js';

/** A socket that records the frames written to it (the hub writes raw frames). */
function fakeSocket() {
  const frames: string[] = [];
  const socket = {
    OPEN: 1,
    readyState: 1,
    _socket: { writableLength: 0, write: (b: Buffer) => frames.push(b.subarray(2).toString()) },
    terminate() {},
  };
  return { socket: socket as unknown as WebSocket, frames };
}

const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

function hubWith(load: (key: string) => Promise<unknown>) {
  return new Hub({
    loaders: { lobby: load, offices: load, ticket: load, queue: load, consultation: load },
    goneCodes: {},
    errorFrame: () => Buffer.from('gone'),
    log: { error() {} } as unknown as FastifyBaseLogger,
    coalesceMs: 30,
  });
}

describe('Hub', () => {
  it('sends a change on a quiet topic at once and batches a burst into one more refresh', async () => {
    let version = 0;
    let loads = 0;
    const hub = hubWith(async () => {
      loads++;
      return { version };
    });
    const a = fakeSocket();
    await hub.subscribe(a.socket, 'lobby', 'lobby:demo');
    expect(a.frames).toHaveLength(1);
    await tick(40);

    version = 1;
    hub.invalidate(['lobby:demo']);
    await tick(1);
    expect(a.frames.at(-1)).toContain('"version":1'); // no waiting for a window
    for (let i = 2; i <= 5; i++) {
      version = i;
      hub.invalidate(['lobby:demo']);
    }
    await tick(60);
    expect(a.frames.at(-1)).toContain('"version":5');
    expect(loads).toBe(3); // first subscribe, the leading change, one batched refresh
    hub.close();
  });

  it('serves the same bytes to every subscriber and skips unchanged snapshots', async () => {
    const hub = hubWith(async () => ({ same: true }));
    const a = fakeSocket();
    const b = fakeSocket();
    await hub.subscribe(a.socket, 'lobby', 'lobby:x');
    await hub.subscribe(b.socket, 'lobby', 'lobby:x');
    expect(b.frames).toEqual(a.frames);
    await tick(40);
    hub.invalidate(['lobby:x']);
    await tick(40);
    expect(a.frames).toHaveLength(1); // the data did not change
    hub.close();
  });

  it('gives a subscriber that arrives in the quiet period after a change the new snapshot', async () => {
    let version = 0;
    const hub = hubWith(async () => ({ version }));
    const a = fakeSocket();
    await hub.subscribe(a.socket, 'lobby', 'lobby:y');
    await tick(40);
    version = 1;
    hub.invalidate(['lobby:y']);
    await tick(1);
    version = 2;
    hub.invalidate(['lobby:y']); // dirty during the quiet period
    const late = fakeSocket();
    await hub.subscribe(late.socket, 'lobby', 'lobby:y');
    await tick(60);
    expect(late.frames.at(-1)).toContain('"version":2');
    hub.close();
  });
});
