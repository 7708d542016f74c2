/**
 * ICE servers for a participant. TURN credentials follow the TURN REST scheme that coturn's
 * `use-auth-secret` checks: username = "<expiry unix time>:<label>", credential =
 * base64(HMAC-SHA1(secret, username)). They expire; no static password ever reaches a page.
 */
import { createHmac } from 'node:crypto';
import type { TurnConfig } from '../../config.js';

export interface IceConfig {
  iceServers: { urls: string[]; username?: string; credential?: string }[];
  iceTransportPolicy: 'all' | 'relay';
  /** Whether a TURN relay is configured (without it, calls work only where peers reach each other). */
  turn: boolean;
}

export function turnCredentials(turn: TurnConfig, label: string, now: Date) {
  const expiry = Math.floor(now.getTime() / 1000) + turn.ttlSeconds;
  const username = `${expiry}:${label}`;
  const credential = createHmac('sha1', turn.secret).update(username).digest('base64');
  return { username, credential };
}

/** Staff in privacy mode relay everything through TURN, so their address never reaches the citizen. */
export function iceConfig(
  turn: TurnConfig | null,
  role: 'citizen' | 'staff',
  staffPrivacyMode: boolean,
  label: string,
  now: Date,
): IceConfig {
  if (!turn) return { iceServers: [], iceTransportPolicy: 'all', turn: false };
  return {
    iceServers: [{ urls: turn.urls, ...turnCredentials(turn, label, now) }],
    iceTransportPolicy: role === 'staff' && staffPrivacyMode ? 'relay' : 'all',
    turn: true,
  };
}
