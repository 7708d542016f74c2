import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STALE_DUTY_MINUTES } from '../../maintenance.js';
import { SESSION_HOURS } from './service.js';
import { startTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { DATABASE_KINDS } from '../../../../test/helpers/databases.js';
import { ANNA, loginStaff, MEHMET, PASSWORD } from '../../../../test/helpers/staff.js';

describe.each(DATABASE_KINDS)('staff sessions on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  const login = (email: string, password: string, ip = '10.0.0.1') =>
    t.app.inject({
      method: 'POST',
      url: '/api/staff/login',
      payload: { email, password },
      remoteAddress: ip,
    });

  it('sets an httpOnly, SameSite=Strict session cookie and never reveals the password hash', async () => {
    const response = await login(ANNA, PASSWORD);
    expect(response.statusCode).toBe(200);
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/^bb_staff=[\w-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(response.body).not.toContain('argon2');
    expect(response.json().offices.map((o: { slug: string }) => o.slug)).toContain('demo');
  });

  it('answers 401 LOGIN_FAILED alike for a wrong password and an unknown account', async () => {
    const wrong = await login(MEHMET, 'wrong', '10.0.0.2');
    const unknown = await login('nobody@buergerbuero.example', PASSWORD, '10.0.0.2');
    expect([wrong.statusCode, unknown.statusCode]).toEqual([401, 401]);
    expect(wrong.json().error.code).toBe('LOGIN_FAILED');
    expect(unknown.json().error.code).toBe('LOGIN_FAILED');
  });

  it('locks an account for a while after five failed attempts, even with the right password', async () => {
    const codes: string[] = [];
    for (let i = 0; i < 5; i++)
      codes.push((await login(MEHMET, `guess${i}`, `10.1.0.${i}`)).json().error.code);
    // The earlier test already failed once for this account.
    expect(codes.at(-1)).toBe('ACCOUNT_LOCKED');
    const right = await login(MEHMET, PASSWORD, '10.1.1.1');
    expect(right.statusCode).toBe(429);
    expect(right.json().error.code).toBe('ACCOUNT_LOCKED');
    t.setNow(new Date(Date.parse('2026-11-25T09:00:00Z') + 16 * 60_000));
    expect((await login(MEHMET, PASSWORD, '10.1.1.2')).statusCode).toBe(200);
    t.setNow(new Date('2026-11-25T09:00:00Z'));
  });

  it('rate-limits login attempts per client address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++)
      statuses.push((await login('x@y.z', 'nope', '10.9.9.9')).statusCode);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  it('ends a session at once on logout and at its expiry, however recently it was used', async () => {
    const tab = await loginStaff(t.app, ANNA);
    expect((await tab.request('GET', '/api/staff/me')).status).toBe(200); // just checked
    expect((await tab.request('POST', '/api/staff/logout')).status).toBe(204);
    expect((await tab.request('GET', '/api/staff/me')).body.error.code).toBe('UNAUTHENTICATED');

    const later = await loginStaff(t.app, ANNA);
    expect((await later.request('GET', '/api/staff/me')).status).toBe(200);
    t.setNow(new Date(Date.parse('2026-11-25T09:00:00Z') + SESSION_HOURS * 3_600_000 + 1000));
    try {
      expect((await later.request('GET', '/api/staff/me')).body.error.code).toBe('UNAUTHENTICATED');
    } finally {
      t.setNow(new Date('2026-11-25T09:00:00Z'));
    }
  });

  it('logs out everywhere: every session ends and the staff member goes off duty', async () => {
    const tab1 = await loginStaff(t.app, ANNA);
    const tab2 = await loginStaff(t.app, ANNA);
    expect((await tab1.request('PUT', '/api/staff/duty/demo', { state: 'available' })).status).toBe(
      200,
    );
    expect((await tab2.request('POST', '/api/staff/logout-everywhere')).status).toBe(204);
    expect((await tab1.request('GET', '/api/staff/me')).body.error.code).toBe('UNAUTHENTICATED');
    const offices = (await t.app.inject({ url: '/api/offices' })).json();
    expect(offices.offices.find((o: { slug: string }) => o.slug === 'demo').status).toBe(
      'open_unstaffed',
    );
  });

  it('goes on duty, pauses and off duty, and the directory follows at once', async () => {
    const anna = await loginStaff(t.app, ANNA);
    const status = async () =>
      (await t.app.inject({ url: '/api/offices/gewerbeamt' })).json().status as string;
    await anna.request('PUT', '/api/staff/duty/gewerbeamt', { state: 'available' });
    expect(await status()).toBe('open_free');
    await anna.request('PUT', '/api/staff/duty/gewerbeamt', { state: 'paused' });
    expect(await status()).toBe('open_busy');
    const off = await anna.request('PUT', '/api/staff/duty/gewerbeamt', { state: 'off' });
    expect(off.body.offices.find((o: { slug: string }) => o.slug === 'gewerbeamt').duty).toBe(
      'off',
    );
    expect(await status()).toBe('open_unstaffed');
    const bad = await anna.request('PUT', '/api/staff/duty/gewerbeamt', { state: 'asleep' });
    expect(bad.status).toBe(400);
  });
  it('ends duty by itself when the console has been gone for minutes, not while it is connected', async () => {
    const mehmet = await loginStaff(t.app, MEHMET);
    const status = async () =>
      (await t.app.inject({ url: '/api/offices/demo' })).json().status as string;
    await mehmet.request('PUT', '/api/staff/duty/demo', { state: 'available' });
    expect(await status()).toBe('open_free');
    const age = (minutes: number) =>
      sql`UPDATE duty SET seen_at = now() - make_interval(mins => ${minutes})`.execute(
        t.database.db,
      );
    const staff = t.app.services.staff;
    await age(2); // a short network gap: still on duty
    expect(await staff.endStaleDuty(STALE_DUTY_MINUTES)).toEqual([]);
    await staff.touchDuty([mehmet.me.id]); // the console's heartbeat
    await age(STALE_DUTY_MINUTES + 1);
    expect(await staff.endStaleDuty(STALE_DUTY_MINUTES)).toEqual(['demo']);
    expect(await status()).toBe('open_unstaffed');
  });
});
