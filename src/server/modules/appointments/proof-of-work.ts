/**
 * The bot check before a booking: an ALTCHA proof of work (altcha-lib v2, the format the
 * `altcha` 3.x widget fetches and solves). Nothing about the person is collected or sent
 * anywhere; the browser spends about half a second of CPU, which makes mass booking expensive.
 *
 * - Deterministic mode: the server picks the counter and signs the derived key, so the work is
 *   bounded (between COUNTER_MIN and COUNTER_MAX derivations — no unlucky citizen waits 5×
 *   longer than the mean) and verifying is one HMAC, not a key derivation.
 * - The expiry travels in the signed `data`, not in `expiresAt`: it is judged against the
 *   server's injected clock (tests pin it), never against the phone's clock, which may be wrong.
 * - The HMAC key is made once and kept in `app_secrets`, so every app node accepts what any
 *   node issued. A solution is good once: its signature goes into `altcha_used`.
 */
import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { createChallenge, type Challenge, type Solution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

export const POW_ALGORITHM = 'PBKDF2/SHA-256';
/**
 * PBKDF2 iterations per attempt. With 400–1,000 attempts that is 0.4–1 M iterations:
 * 90–220 ms in one Node thread here (≈ 4.5 M iterations/s); an old phone (Cortex-A53 class,
 * ≈ 1–2 µs per iteration and core, the widget uses up to 4 workers) needs ≈ 0.2–0.5 s.
 */
export const DEFAULT_POW_COST = 1_000;
const COUNTER_MIN = 400;
const COUNTER_MAX = 1_000;
const SECRET_NAME = 'altcha_hmac';
const PRUNE_EVERY_MS = 10 * 60_000;

export interface ProofOfWorkOptions {
  /** PBKDF2 iterations per attempt (the solver makes 400–1,000 attempts). */
  cost?: number;
  /** How long a challenge may be solved and used. */
  expiresMinutes?: number;
}

interface Secrets {
  challenge: string;
  key: string;
}

interface DecodedPayload {
  challenge: Challenge;
  solution: Solution;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** altcha-lib's canonical JSON: keys sorted at every level, undefined values left out. */
function canonical(value: unknown): unknown {
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .flatMap((key) => (value[key] === undefined ? [] : [[key, canonical(value[key])]])),
  );
}

const hmacHex = (secret: string, data: string | Buffer) =>
  createHmac('sha256', secret).update(data).digest('hex');

function sameHex(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/**
 * altcha-lib's `verifySolution` (deterministic mode: the challenge's signature, then the signed
 * derived key) with node:crypto instead of WebCrypto: ≈ 20× cheaper per booking (measured: its
 * importKey/sign pair was the largest cost of a refused booking). The proof-of-work tests solve
 * with altcha-lib itself, so the two cannot drift apart unnoticed.
 */
function verified(decoded: DecodedPayload, secrets: Secrets): boolean {
  const { parameters, signature } = decoded.challenge;
  const { counter, derivedKey } = decoded.solution;
  if (!signature || !parameters.keySignature) return false;
  const expected = hmacHex(secrets.challenge, JSON.stringify(canonical(parameters)));
  if (!sameHex(signature, expected)) return false;
  if (!/^(?:[0-9a-f]{2})+$/.test(derivedKey)) return false;
  if (!Number.isInteger(counter) || counter < 0 || counter > 0xffffffff) return false;
  const keySignature = hmacHex(secrets.key, Buffer.from(derivedKey, 'hex'));
  return sameHex(parameters.keySignature, keySignature);
}

/** The widget's payload: base64 of `{ challenge: { parameters, signature }, solution }`. */
function decode(payload: string): DecodedPayload | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(payload, 'base64').toString('utf8'));
    if (!isObject(value) || !isObject(value.challenge) || !isObject(value.solution)) return null;
    const { parameters, signature } = value.challenge;
    const { counter, derivedKey } = value.solution;
    if (!isObject(parameters) || typeof signature !== 'string') return null;
    if (typeof counter !== 'number' || typeof derivedKey !== 'string') return null;
    return {
      challenge: { parameters: parameters as unknown as Challenge['parameters'], signature },
      solution: { counter, derivedKey },
    };
  } catch {
    return null;
  }
}

export class ProofOfWork {
  private readonly cost: number;
  private readonly expiresMs: number;
  private secrets: Promise<Secrets> | null = null;
  private lastPrune = 0;

  constructor(
    private readonly db: Kysely<DB>,
    options: ProofOfWorkOptions = {},
  ) {
    this.cost = options.cost ?? DEFAULT_POW_COST;
    this.expiresMs = (options.expiresMinutes ?? 20) * 60_000;
  }

  /** A fresh signed challenge: the JSON `GET /api/booking-challenge` answers with. */
  async challenge(now: Date = new Date()): Promise<Challenge> {
    const secrets = await this.loadSecrets();
    return createChallenge({
      algorithm: POW_ALGORITHM,
      cost: this.cost,
      counter: randomInt(COUNTER_MIN, COUNTER_MAX + 1),
      deriveKey,
      data: { expires: Math.floor((now.getTime() + this.expiresMs) / 1000) },
      hmacSignatureSecret: secrets.challenge,
      hmacKeySignatureSecret: secrets.key,
    });
  }

  /**
   * True once for a solved, untampered, unexpired challenge of ours; false for anything else
   * (malformed, wrong signature or key, expired, or already used).
   */
  async verify(payload: string, now: Date): Promise<boolean> {
    const solved = await this.check(payload, now);
    if (!solved) return false;
    await this.pruneNowAndThen(now);
    const used = await this.db
      .insertInto('altcha_used')
      .values({ signature: solved.signature, expires_at: solved.expiresAt })
      .onConflict((oc) => oc.column('signature').doNothing())
      .returning('signature')
      .executeTakeFirst();
    return used !== undefined;
  }

  /**
   * The cryptographic half of `verify`: a solved, untampered, unexpired challenge of ours, or
   * null. The caller must still use it up (insert its signature into `altcha_used`) — a booking
   * does that in the same statement as its other checks.
   */
  async check(payload: string, now: Date): Promise<{ signature: string; expiresAt: Date } | null> {
    const decoded = decode(payload);
    if (!decoded) return null;
    const { parameters, signature } = decoded.challenge;
    const expires = parameters.data?.expires;
    if (parameters.algorithm !== POW_ALGORITHM || typeof expires !== 'number') return null;
    if (expires * 1000 <= now.getTime()) return null;
    if (!parameters.keySignature || !signature) return null;
    const secrets = await this.loadSecrets();
    if (!verified(decoded, secrets)) return null;
    void this.pruneNowAndThen(now).catch(() => undefined);
    return { signature, expiresAt: new Date(expires * 1000) };
  }

  /** Forgets used solutions whose challenges have expired (they fail on expiry anyway). */
  async prune(now: Date): Promise<number> {
    const result = await this.db
      .deleteFrom('altcha_used')
      .where('expires_at', '<', now)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  private async pruneNowAndThen(now: Date): Promise<void> {
    if (now.getTime() - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = now.getTime();
    await this.prune(now);
  }

  /** The shared key (made by the first node that needs it), split into two purpose keys. */
  private loadSecrets(): Promise<Secrets> {
    this.secrets ??= (async () => {
      await this.db
        .insertInto('app_secrets')
        .values({ name: SECRET_NAME, value: randomBytes(32).toString('base64url') })
        .onConflict((oc) => oc.column('name').doNothing())
        .execute();
      const row = await this.db
        .selectFrom('app_secrets')
        .select('value')
        .where('name', '=', SECRET_NAME)
        .executeTakeFirstOrThrow();
      const derive = (purpose: string) =>
        createHmac('sha256', row.value).update(purpose).digest('hex');
      return { challenge: derive('altcha challenge'), key: derive('altcha derived key') };
    })().catch((error: unknown) => {
      this.secrets = null; // try again on the next request
      throw error;
    });
    return this.secrets;
  }
}
