import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DATABASE_KINDS,
  openTestDatabase,
  type TestDatabase,
} from '../../../../test/helpers/databases.js';
import { ProofOfWork } from './proof-of-work.js';

const NOW = new Date('2026-11-25T09:00:00Z');
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);

/** What the widget posts: base64 of the challenge it fetched and the solution it found. */
async function solve(challenge: Challenge): Promise<string> {
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error('no solution');
  const payload = {
    challenge: { parameters: challenge.parameters, signature: challenge.signature },
    solution,
  };
  return Buffer.from(JSON.stringify(payload)).toString('base64');
}

interface Decoded {
  challenge: { parameters: { cost: number; data: { expires: number } }; signature: string };
  solution: { derivedKey: string };
}

const edit = (payload: string, change: (value: Decoded) => void): string => {
  const value = JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as Decoded;
  change(value);
  return Buffer.from(JSON.stringify(value)).toString('base64');
};

describe.each(DATABASE_KINDS)('proof of work on %s', (kind) => {
  let database: TestDatabase;
  let pow: ProofOfWork;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    pow = new ProofOfWork(database.db, { cost: 20, expiresMinutes: 20 });
  });
  afterAll(() => database.close());

  it('issues a challenge in the format the altcha 3 widget solves', async () => {
    const challenge = await pow.challenge(NOW);
    expect(challenge.parameters).toMatchObject({
      algorithm: 'PBKDF2/SHA-256',
      cost: 20,
      keyLength: 32,
      data: { expires: NOW.getTime() / 1000 + 20 * 60 },
    });
    expect(challenge.parameters.keyPrefix).toMatch(/^[0-9a-f]{32}$/);
    expect(challenge.signature).toMatch(/^[0-9a-f]{64}$/);
  });

  it('accepts a solved challenge once and refuses the replay', async () => {
    const payload = await solve(await pow.challenge(NOW));
    expect(await pow.verify(payload, minutes(1))).toBe(true);
    expect(await pow.verify(payload, minutes(2))).toBe(false);
  });

  it('accepts what another app node issued (the key is shared through the database)', async () => {
    const otherNode = new ProofOfWork(database.db, { cost: 20 });
    const payload = await solve(await otherNode.challenge(NOW));
    expect(await pow.verify(payload, minutes(1))).toBe(true);
  });

  it('refuses tampered parameters, a wrong key, a forged signature and junk', async () => {
    const payload = await solve(await pow.challenge(NOW));
    const cheaper = edit(payload, (v) => (v.challenge.parameters.cost = 1));
    const longer = edit(payload, (v) => (v.challenge.parameters.data.expires += 3600));
    const wrongKey = edit(payload, (v) => (v.solution.derivedKey = '00'.repeat(32)));
    const forged = edit(payload, (v) => (v.challenge.signature = 'ab'.repeat(32)));
    for (const bad of [cheaper, longer, wrongKey, forged, 'bm90IGpzb24=', '', '%%%']) {
      expect(await pow.verify(bad, minutes(1))).toBe(false);
    }
    // The refusals did not spend it.
    expect(await pow.verify(payload, minutes(1))).toBe(true);
  });

  it('refuses an unsolved challenge', async () => {
    const challenge = await pow.challenge(NOW);
    const payload = Buffer.from(
      JSON.stringify({ challenge, solution: { counter: 0, derivedKey: 'ff'.repeat(32) } }),
    ).toString('base64');
    expect(await pow.verify(payload, minutes(1))).toBe(false);
  });

  it('refuses an expired challenge by the server clock, whatever the wall clock says', async () => {
    const payload = await solve(await pow.challenge(NOW));
    expect(await pow.verify(payload, minutes(20))).toBe(false);
    // A challenge from a pinned clock long ago is still good at that clock's time.
    const past = new Date('2020-01-01T00:00:00Z');
    const old = await solve(await pow.challenge(past));
    expect(await pow.verify(old, new Date(past.getTime() + 60_000))).toBe(true);
  });

  it('forgets used solutions once their challenges have expired', async () => {
    const payload = await solve(await pow.challenge(NOW));
    expect(await pow.verify(payload, minutes(1))).toBe(true);
    const count = () =>
      database.db
        .selectFrom('altcha_used')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
    const before = Number((await count()).n);
    expect(await pow.prune(minutes(21))).toBeGreaterThanOrEqual(1);
    expect(Number((await count()).n)).toBeLessThan(before);
  });
});
