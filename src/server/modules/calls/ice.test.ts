import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { iceConfig, turnCredentials } from './ice.js';

const turn = {
  urls: ['turn:127.0.0.1:3478?transport=udp'],
  secret: 'a-long-shared-secret',
  ttlSeconds: 3600,
};
const now = new Date('2026-11-25T09:00:00Z');

describe('TURN REST credentials', () => {
  it('expire after the TTL and are the HMAC-SHA1 of the username with the shared secret', () => {
    const { username, credential } = turnCredentials(turn, 'c1', now);
    expect(username).toBe(`${now.getTime() / 1000 + 3600}:c1`);
    expect(credential).toBe(createHmac('sha1', turn.secret).update(username).digest('base64'));
  });

  it('makes staff relay-only in privacy mode and leaves citizens free to use any path', () => {
    expect(iceConfig(turn, 'staff', true, 's', now).iceTransportPolicy).toBe('relay');
    expect(iceConfig(turn, 'staff', false, 's', now).iceTransportPolicy).toBe('all');
    expect(iceConfig(turn, 'citizen', true, 'c', now).iceTransportPolicy).toBe('all');
  });

  it('says when no TURN relay is configured', () => {
    expect(iceConfig(null, 'staff', true, 's', now)).toEqual({
      iceServers: [],
      iceTransportPolicy: 'all',
      turn: false,
    });
  });
});
