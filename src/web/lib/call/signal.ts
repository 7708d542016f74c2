/**
 * What travels inside a `signal` message's `data` (a JSON string the server relays unread):
 * one SDP description, one ICE candidate, a `hello` when a page (re)joins, or the sender's
 * media state. `sid` names the sender's RTCPeerConnection (a new one after every reload), `to`
 * the receiver's, once known — so a page never answers what was meant for its predecessor.
 */
export interface MediaState {
  audio: boolean;
  video: boolean;
  screen: boolean;
}

interface Envelope {
  sid: string;
  to?: string;
}

export type SignalPayload = Envelope &
  (
    | { hello: true }
    | { description: { type: 'offer' | 'answer'; sdp: string } }
    | { candidate: RTCIceCandidateInit }
    | { media: MediaState }
  );

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

const SID = /^[A-Za-z0-9_-]{8,64}$/;

/** A fresh random id for one peer connection. */
export function newSid(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The payload, or null when the string is not one (a malformed or foreign message). */
export function decodeSignal(data: string): SignalPayload | null {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  if (!isObject(value) || typeof value.sid !== 'string' || !SID.test(value.sid)) return null;
  if (value.to !== undefined && typeof value.to !== 'string') return null;
  const envelope: Envelope = { sid: value.sid, ...(value.to ? { to: value.to } : {}) };
  if (value.hello === true) return { ...envelope, hello: true };
  const { description, candidate, media } = value;
  if (isObject(description)) {
    const { type, sdp } = description;
    if ((type === 'offer' || type === 'answer') && typeof sdp === 'string') {
      return { ...envelope, description: { type, sdp } };
    }
    return null;
  }
  if (isObject(candidate) && typeof candidate.candidate === 'string') {
    return { ...envelope, candidate };
  }
  if (isObject(media)) {
    return {
      ...envelope,
      media: {
        audio: media.audio === true,
        video: media.video === true,
        screen: media.screen === true,
      },
    };
  }
  return null;
}
