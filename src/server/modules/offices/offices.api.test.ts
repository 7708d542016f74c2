import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OfficeDetail, OfficeList } from '../../../shared/offices.js';
import { DATABASE_KINDS } from '../../../../test/helpers/databases.js';
import { startTestApp, type TestApp } from '../../../../test/helpers/app.js';

describe.each(DATABASE_KINDS)('offices API on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind); // Wednesday 25 Nov 2026, 10:00 in Berlin
  });
  afterAll(() => t.close());

  const list = async (query = '', headers: Record<string, string> = {}) => {
    const response = await t.app.inject({ url: `/api/offices${query}`, headers });
    expect(response.statusCode).toBe(200);
    return { body: response.json<OfficeList>(), headers: response.headers };
  };
  const office = (body: OfficeList, slug: string) => {
    const found = body.offices.find((o) => o.slug === slug);
    if (!found) throw new Error(`no office ${slug}`);
    return found;
  };

  it('lists every demo office with its live status derived from hours and duty', async () => {
    const { body } = await list();
    expect(body.offices.map((o) => o.slug)).toEqual([
      'demo',
      'einwohnermeldeamt',
      'gewerbeamt',
      'bauordnung',
      'sozialbuero',
      'standesamt',
      'ordnungsamt',
      'stadtkasse',
      'stadtwerke',
    ]);
    expect(office(body, 'demo')).toMatchObject({
      status: 'open_unstaffed',
      open: true,
      waiting: 0,
    });
    expect(office(body, 'gewerbeamt')).toMatchObject({
      status: 'open_unstaffed',
      closesAt: '2026-11-25T12:00:00+01:00',
      nextOpening: null,
    });
    // The Bauordnungsamt has no hours on Wednesdays: next opening Thursday 08:00 local time.
    expect(office(body, 'bauordnung')).toMatchObject({
      status: 'closed',
      open: false,
      closesAt: null,
      nextOpening: '2026-11-26T08:00:00+01:00',
    });
    expect(office(body, 'einwohnermeldeamt').today).toEqual({
      date: '2026-11-25',
      intervals: [{ opens: '07:30', closes: '12:30' }],
      holiday: null,
      exception: false,
    });
    expect(office(body, 'einwohnermeldeamt').openingHours[0]).toEqual({
      weekday: 1,
      intervals: [
        { opens: '07:30', closes: '12:30' },
        { opens: '13:30', closes: '16:00' },
      ],
    });
  });

  it('shows open_free when someone is on duty and free, open_busy when all are paused', async () => {
    const db = t.database.db;
    const office = await db
      .selectFrom('offices')
      .select('id')
      .where('slug', '=', 'gewerbeamt')
      .executeTakeFirstOrThrow();
    const anna = await db
      .selectFrom('staff')
      .select('id')
      .where('email', 'like', 'anna%')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('duty')
      .values({ staff_id: anna.id, office_id: office.id, state: 'available' })
      .execute();
    expect(officeStatus(await list(), 'gewerbeamt')).toBe('open_free');
    await db.updateTable('duty').set({ state: 'paused' }).where('staff_id', '=', anna.id).execute();
    expect(officeStatus(await list(), 'gewerbeamt')).toBe('open_busy');
    await db.deleteFrom('duty').execute();
    expect(officeStatus(await list(), 'gewerbeamt')).toBe('open_unstaffed');
  });

  it('answers in English for ?lang=en, for Accept-Language and for the lang cookie', async () => {
    const byQuery = await list('?lang=en');
    expect(office(byQuery.body, 'stadtkasse').name).toBe('Town treasury');
    expect(byQuery.headers['content-language']).toBe('en');
    const byHeader = await list('', { 'accept-language': 'en-GB,en;q=0.9,de;q=0.5' });
    expect(office(byHeader.body, 'stadtkasse').name).toBe('Town treasury');
    const byCookie = await list('', { cookie: 'lang=en', 'accept-language': 'de' });
    expect(office(byCookie.body, 'stadtkasse').name).toBe('Town treasury');
    const german = await list('', { 'accept-language': 'fr-FR' });
    expect(office(german.body, 'stadtkasse').name).toBe('Stadtkasse');
  });

  it('closes offices on Christmas Day and names the holiday in the chosen language', async () => {
    t.setNow(new Date('2026-12-25T09:00:00Z'));
    try {
      const { body } = await list('?lang=de');
      const kasse = office(body, 'stadtkasse');
      expect(kasse.status).toBe('closed');
      expect(kasse.today.holiday).toMatch(/Weihnacht/);
      expect(kasse.nextOpening).toBe('2026-12-28T08:00:00+01:00');
      expect(office(body, 'demo').status).toBe('open_unstaffed');
    } finally {
      t.setNow(new Date('2026-11-25T09:00:00Z'));
    }
  });

  it('returns one office with upcoming closures', async () => {
    const response = await t.app.inject({ url: '/api/offices/standesamt?lang=en' });
    expect(response.statusCode).toBe(200);
    const detail = response.json<OfficeDetail>();
    expect(detail.name).toBe('Registry office');
    expect(detail.exceptions).toContainEqual({
      firstDay: '2026-11-30',
      lastDay: '2026-12-06',
      intervals: [],
      note: 'Closed while moving to the new civil status register',
    });
  });

  it('fails with 404 OFFICE_NOT_FOUND and a message in both languages for an unknown office', async () => {
    const response = await t.app.inject({
      url: '/api/offices/schwimmbad',
      headers: { 'accept-language': 'en' },
    });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      error: {
        code: 'OFFICE_NOT_FOUND',
        message: 'This office does not exist. Please choose an office from the list.',
        messages: {
          de: 'Dieses Büro gibt es nicht. Bitte wählen Sie ein Büro aus der Übersicht.',
          en: 'This office does not exist. Please choose an office from the list.',
        },
      },
    });
  });

  it('fails with 400 VALIDATION_FAILED for a malformed slug or an unknown language', async () => {
    for (const url of ['/api/offices/Not_A%20Slug', '/api/offices?lang=fr']) {
      const response = await t.app.inject({ url });
      expect(response.statusCode, url).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
      expect(response.json().error.messages.de).toMatch(/fehlerhaft/);
    }
  });

  it('fails with 404 NOT_FOUND in the error format for unknown API routes', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/nothing' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('NOT_FOUND');
  });

  it('describes the API at /docs/json and serves the documentation at /docs', async () => {
    const spec = (await t.app.inject({ url: '/docs/json' })).json();
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/api/offices', '/api/offices/{slug}', '/healthz']),
    );
    const docs = await t.app.inject({ url: '/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });

  it('reports health 200 while the database answers', async () => {
    const response = await t.app.inject({ url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: kind, turn: 'not_configured' });
  });
});

function officeStatus(result: { body: OfficeList }, slug: string) {
  return result.body.offices.find((o) => o.slug === slug)?.status;
}

describe.each(DATABASE_KINDS)('when the database is gone (%s)', (kind) => {
  it('answers 503 on /healthz and 500 INTERNAL without internals on the API', async () => {
    const t = await startTestApp(kind);
    await t.database.db.destroy();
    const health = await t.app.inject({ url: '/healthz' });
    expect(health.statusCode).toBe(503);
    expect(health.json().error.code).toBe('UNAVAILABLE');
    const api = await t.app.inject({ url: '/api/offices' });
    expect(api.statusCode).toBe(500);
    expect(api.json().error.code).toBe('INTERNAL');
    expect(api.body).not.toMatch(/pool|kysely|stack|at /i);
    await t.app.close();
    await t.database.close().catch(() => {});
  });
});
