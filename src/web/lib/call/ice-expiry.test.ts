import { describe, expect, it } from 'vitest';
import { goodFor, stillValid } from './ice-expiry.js';

const now = Date.UTC(2026, 11, 3, 12, 0, 0);
const turn = (expiresInS: number) => ({
  iceServers: [
    { urls: ['stun:127.0.0.1:3478'] },
    {
      urls: ['turn:127.0.0.1:3478'],
      username: `${now / 1000 + expiresInS}:staff-7`,
      credential: 'x',
    },
  ],
});

describe('ICE servers held for a new connection', () => {
  it('are good until a minute before their TURN credentials expire', () => {
    expect(goodFor(turn(3600), now)).toBe(3_540_000);
    expect(stillValid(turn(3600), now)).toBe(true);
    expect(stillValid(turn(61), now)).toBe(true);
    expect(stillValid(turn(60), now)).toBe(false);
    expect(stillValid(turn(-10), now)).toBe(false);
  });

  it('never expire without TURN or with a username that is not TURN REST', () => {
    expect(goodFor({ iceServers: [] }, now)).toBe(Infinity);
    expect(
      goodFor({ iceServers: [{ urls: 'turn:h', username: 'alice', credential: 'x' }] }, now),
    ).toBe(Infinity);
  });
});
