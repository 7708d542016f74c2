/**
 * The whole walk-in with two people in two browser contexts: the staff member logs in at
 * /staff and goes on duty; a citizen enters; the staff member sees the citizen in the queue,
 * calls, they chat both ways, the staff member ends and is back at the queue — and a reload of
 * the staff console in the middle of the consultation loses nothing.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import {
  expectNoAxeViolations,
  launchBrowser,
  logInStaff,
  recordForeignRequests,
} from './browser.js';

let t: TestApp;
let browser: Browser;

beforeAll(async () => {
  t = await startTestApp('pglite', { listen: true });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const staffLogin = (page: Page) => logInStaff(page, t.url);

describe('staff console with a citizen', () => {
  it('logs in, goes on duty, calls the citizen, chats, survives a reload and ends', async () => {
    const staffContext = await browser.newContext({
      locale: 'de-DE',
      viewport: { width: 1280, height: 900 },
    });
    const citizenContext = await browser.newContext({
      locale: 'de-DE',
      viewport: { width: 390, height: 844 },
    });
    const staff = await staffContext.newPage();
    const citizen = await citizenContext.newPage();
    const foreign = recordForeignRequests(staff, t.url);

    await staffLogin(staff);
    const demoDuty = staff.getByRole('group', { name: /Demo-Büro/ });
    await demoDuty.getByRole('radio', { name: 'Im Dienst', exact: true }).check();
    await expect
      .poll(async () => (await t.app.inject({ url: '/api/offices/demo' })).json().status)
      .toBe('open_free');
    await expectNoAxeViolations(staff);

    // The citizen enters; the staff member sees them in the queue with their name.
    await citizen.goto(`${t.url}/demo`);
    await citizen.getByLabel(/Ihr Name/).fill('Jonas Beispiel');
    await citizen.getByRole('button', { name: 'Eintreten' }).click();
    await citizen.waitForURL(`${t.url}/demo/ticket`);
    const row = staff.getByRole('row', { name: /D-001/ });
    await row.waitFor();
    expect(await row.innerText()).toContain('Jonas Beispiel');
    await expectNoAxeViolations(staff);

    await staff.getByRole('button', { name: 'Nächste Person aufrufen' }).first().click();
    await citizen.getByRole('button', { name: 'Jetzt eintreten' }).click();

    const staffInput = staff.getByLabel('Ihre Nachricht');
    await staffInput.waitFor();
    await staffInput.fill('Guten Tag, Herr Beispiel. Wie kann ich helfen?');
    await staffInput.press('Enter');
    await citizen.getByText('Guten Tag, Herr Beispiel. Wie kann ich helfen?').waitFor();
    const citizenInput = citizen.getByLabel('Ihre Nachricht');
    await citizenInput.fill('Ich möchte ein Gewerbe anmelden.');
    await citizenInput.press('Enter');
    await staff.getByText('Ich möchte ein Gewerbe anmelden.').waitFor();
    // The citizen's page has shown the staff message: the staff side reads "zugestellt".
    await staff.getByText('zugestellt').first().waitFor();
    await expectNoAxeViolations(staff);

    // A reload of the staff console rejoins the same consultation with its messages.
    await staff.reload();
    await staff.getByText('Ich möchte ein Gewerbe anmelden.').waitFor();

    await staff.getByRole('button', { name: 'Gespräch beenden' }).click();
    await citizen.getByText('Vielen Dank! Das Gespräch ist beendet.').waitFor();
    await expect
      .poll(() => staff.evaluate(() => document.activeElement?.id ?? ''))
      .toBe('call-next-demo');

    const ticket = await t.database.db
      .selectFrom('tickets')
      .select(['state', 'called_at', 'joined_at', 'ended_at'])
      .where('code', '=', 'D-001')
      .executeTakeFirstOrThrow();
    expect(ticket.state).toBe('done');
    expect(ticket.joined_at!.getTime()).toBeGreaterThanOrEqual(ticket.called_at!.getTime());
    expect(foreign).toEqual([]);
    await staffContext.close();
    await citizenContext.close();
  });
});
