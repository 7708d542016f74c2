/**
 * Configuration from environment variables, validated once at start. A wrong value stops the app
 * with one line naming the variable and what is expected. Every variable is in the README table.
 */
import path from 'node:path';

export interface Config {
  host: string;
  port: number;
  /** PostgreSQL connection string; null = embedded PGlite in dataDir. */
  databaseUrl: string | null;
  databasePoolSize: number;
  dataDir: string;
  demoData: boolean;
  publicUrl: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  trustProxy: boolean;
  /** How long a called citizen has to join before staff may move on. */
  callTimeoutSeconds: number;
  /** How long a ticket keeps its place while its page is closed or offline. */
  ticketGraceMinutes: number;
  /** Tickets one client (IP address) may take per 10 minutes. */
  ticketsPerClient: number;
  turn: TurnConfig | null;
  /** Staff browsers use relay-only ICE, so no staff address reaches a citizen. */
  staffPrivacyMode: boolean;
  /** Where shared documents are kept (outside the web root). */
  documentsDir: string;
  documentMaxBytes: number;
  documentRetentionHours: number;
}

export interface TurnConfig {
  urls: string[];
  secret: string;
  ttlSeconds: number;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === '' ? undefined : value;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new ConfigError(`${name}: expected a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = read(env, name)?.toLowerCase();
  if (raw === undefined) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(`${name}: expected true or false, got "${raw}"`);
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(`${name}: expected one of ${allowed.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}

function url(env: Env, name: string, protocols: string[]): string | undefined {
  const raw = read(env, name);
  if (raw === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name}: expected a URL (${protocols.join(' or ')}), got "${raw}"`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(
      `${name}: expected a ${protocols.join(' or ')} URL, got one starting with ${parsed.protocol}`,
    );
  }
  return raw;
}

export function loadConfig(env: Env = process.env): Config {
  const port = integer(env, 'PORT', 8080, 1, 65535);
  const host = read(env, 'HOST') ?? '127.0.0.1';
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']) ?? null;
  const publicUrl = (
    url(env, 'PUBLIC_URL', ['http:', 'https:']) ?? `http://localhost:${port}`
  ).replace(/\/+$/, '');
  const dataDir = path.resolve(read(env, 'DATA_DIR') ?? './data');
  return {
    host,
    port,
    databaseUrl,
    databasePoolSize: integer(env, 'DATABASE_POOL_SIZE', 10, 1, 1000),
    dataDir,
    demoData: boolean(env, 'DEMO_DATA', databaseUrl === null),
    publicUrl,
    logLevel: oneOf(
      env,
      'LOG_LEVEL',
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const,
      'info',
    ),
    trustProxy: boolean(env, 'TRUST_PROXY', false),
    callTimeoutSeconds: integer(env, 'CALL_TIMEOUT_SECONDS', 60, 10, 600),
    ticketGraceMinutes: integer(env, 'TICKET_GRACE_MINUTES', 10, 1, 240),
    ticketsPerClient: integer(env, 'TICKETS_PER_CLIENT', 10, 1, 1000),
    turn: turn(env),
    staffPrivacyMode: boolean(env, 'STAFF_PRIVACY_MODE', true),
    documentsDir: path.resolve(read(env, 'DOCUMENTS_DIR') ?? path.join(dataDir, 'documents')),
    documentMaxBytes: integer(env, 'DOCUMENT_MAX_MB', 20, 1, 200) * 1024 * 1024,
    documentRetentionHours: integer(env, 'DOCUMENT_RETENTION_HOURS', 24, 1, 24 * 90),
  };
}

function turn(env: Env): TurnConfig | null {
  const urls = read(env, 'TURN_URLS');
  const secret = read(env, 'TURN_SECRET');
  if (!urls && !secret) return null;
  if (!urls || !secret) {
    throw new ConfigError(
      `${urls ? 'TURN_SECRET' : 'TURN_URLS'}: must be set together with ${urls ? 'TURN_URLS' : 'TURN_SECRET'}`,
    );
  }
  const list = urls
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean);
  const bad = list.find((u) => !/^turns?:[^\s]+$/.test(u));
  if (bad)
    throw new ConfigError(
      `TURN_URLS: expected turn: or turns: URLs separated by commas, got "${bad}"`,
    );
  if (secret.length < 16) throw new ConfigError('TURN_SECRET: expected at least 16 characters');
  return { urls: list, secret, ttlSeconds: integer(env, 'TURN_TTL_SECONDS', 3600, 60, 86_400) };
}
