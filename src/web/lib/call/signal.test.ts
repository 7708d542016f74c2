import { describe, expect, it } from 'vitest';
import { decodeSignal, newSid } from './signal.js';

const sid = 'abcdef0123456789abcdef01';

describe('signal payloads', () => {
  it('decodes hello, description, candidate and media with their envelope', () => {
    expect(decodeSignal(JSON.stringify({ sid, hello: true }))).toEqual({ sid, hello: true });
    const description = { type: 'offer', sdp: 'v=0\r\n' };
    expect(decodeSignal(JSON.stringify({ sid, to: 'x1234567', description }))).toEqual({
      sid,
      to: 'x1234567',
      description,
    });
    const candidate = { candidate: 'candidate:1 1 udp 1 10.0.0.1 5000 typ host', sdpMid: '0' };
    expect(decodeSignal(JSON.stringify({ sid, candidate }))).toEqual({ sid, candidate });
    expect(decodeSignal(JSON.stringify({ sid, media: { audio: true, video: 'no' } }))).toEqual({
      sid,
      media: { audio: true, video: false, screen: false },
    });
  });

  it('refuses what is not one', () => {
    for (const data of [
      'not json',
      'null',
      JSON.stringify({ hello: true }),
      JSON.stringify({ sid: 'short', hello: true }),
      JSON.stringify({ sid, to: 5, hello: true }),
      JSON.stringify({ sid, description: { type: 'rollback', sdp: '' } }),
      JSON.stringify({ sid, candidate: { sdpMid: '0' } }),
      JSON.stringify({ sid }),
    ]) {
      expect(decodeSignal(data)).toBeNull();
    }
  });

  it('makes distinct ids that pass its own check', () => {
    const a = newSid();
    expect(a).not.toBe(newSid());
    expect(decodeSignal(JSON.stringify({ sid: a, hello: true }))).not.toBeNull();
  });
});
