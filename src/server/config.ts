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
  /** Where SMS go; null = into the log (a first start, a demo). */
  sms: SmsConfig | null;
  /** Where e-mails go; null = into the log. */
  smtpUrl: string | null;
  emailFrom: string;
  /** ISO countries whose mobile numbers get SMS (SMS pumping protection). */
  smsCountries: string[];
  smsPerDay: number;
  bookingsPerNumber: number;
  bookingsPerClient: number;
  reminderMinutes: number;
  /** Name, number and e-mail of an appointment are deleted this long after it. */
  bookingRetentionDays: number;
  /** Proof-of-work cost (ALTCHA): higher = longer to solve for a bot and an old phone. */
  proofOfWorkCost: number;
  /** First pause before an unsent message is tried again (it doubles up to 10 minutes). */
  outboxRetrySeconds: number;
}

export type SmsConfig =
  | { kind: 'smpp'; url: string; systemId: string; password: string; sender: string }
  | { kind: 'http'; url: string; token: string; sender: string };

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
    sms: sms(env),
    smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:']) ?? null,
    emailFrom: read(env, 'SMTP_FROM') ?? 'Virtuelles Bürgerbüro <noreply@localhost>',
    smsCountries: countries(env),
    smsPerDay: integer(env, 'SMS_PER_DAY', 2000, 1, 1_000_000),
    bookingsPerNumber: integer(env, 'BOOKINGS_PER_NUMBER', 3, 1, 100),
    bookingsPerClient: integer(env, 'BOOKINGS_PER_CLIENT', 10, 1, 100_000),
    reminderMinutes: integer(env, 'REMINDER_MINUTES', 1440, 0, 10_080),
    bookingRetentionDays: integer(env, 'BOOKING_RETENTION_DAYS', 30, 1, 3650),
    proofOfWorkCost: integer(env, 'PROOF_OF_WORK_COST', DEFAULT_PROOF_OF_WORK_COST, 1, 10_000_000),
    outboxRetrySeconds: integer(env, 'OUTBOX_RETRY_SECONDS', 5, 1, 3600),
  };
}

/** PBKDF2 iterations per try (ALTCHA): ≈ 0.3–1 s on an old phone, measured. */
export const DEFAULT_PROOF_OF_WORK_COST = 1000;

function sms(env: Env): SmsConfig | null {
  const smpp = url(env, 'SMPP_URL', ['smpp:']);
  const http = url(env, 'SMS_HTTP_URL', ['http:', 'https:']);
  if (smpp && http)
    throw new ConfigError('SMPP_URL: set either SMPP_URL or SMS_HTTP_URL, not both');
  const sender = read(env, 'SMS_SENDER') ?? 'Buergeramt';
  if (!/^[A-Za-z0-9 ]{1,11}$/.test(sender) && !/^\+?\d{3,15}$/.test(sender)) {
    throw new ConfigError(
      `SMS_SENDER: expected up to 11 letters/digits or a phone number, got "${sender}"`,
    );
  }
  if (smpp) {
    const systemId = read(env, 'SMPP_SYSTEM_ID');
    const password = read(env, 'SMPP_PASSWORD');
    if (!systemId || password === undefined) {
      throw new ConfigError('SMPP_SYSTEM_ID: SMPP_URL needs SMPP_SYSTEM_ID and SMPP_PASSWORD');
    }
    return { kind: 'smpp', url: smpp, systemId, password, sender };
  }
  if (http) {
    const token = read(env, 'SMS_HTTP_TOKEN');
    if (!token) throw new ConfigError('SMS_HTTP_TOKEN: SMS_HTTP_URL needs SMS_HTTP_TOKEN');
    return { kind: 'http', url: http, token, sender };
  }
  return null;
}

function countries(env: Env): string[] {
  const raw = read(env, 'SMS_COUNTRIES') ?? 'DE,AT,CH';
  const list = raw
    .split(',')
    .map((c) => c.trim().toUpperCase())
    .filter(Boolean);
  if (list.length === 0 || list.some((c) => !/^[A-Z]{2}$/.test(c))) {
    throw new ConfigError(`SMS_COUNTRIES: expected country codes like DE,AT,CH, got "${raw}"`);
  }
  return list;
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
