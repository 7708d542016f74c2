/**
 * The citizen's walk-in in a real Chromium: enter → lobby with place 2 → reload and server
 * restart keep the place → called (title, Join) → chat both ways → end. Staff act through the
 * API here; the staff console has its own journey.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsultationSnapshot, CreatedTicket } from '../../src/shared/queue.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { ANNA, loginStaff, type StaffClient } from '../helpers/staff.js';
import { expectNoAxeViolations, launchBrowser, recordForeignRequests } from './browser.js';

let t: TestApp;
let browser: Browser;
let anna: StaffClient;

beforeAll(async () => {
  t = await startTestApp('pglite', { listen: true });
  anna = await loginStaff(() => t.app, ANNA);
  await anna.request('PUT', '/api/staff/duty/demo', { state: 'available' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const place = (page: Page) => page.locator('.queue-facts__number').first().innerText();

async function enterInBrowser(page: Page, name: string) {
  await page.goto(`${t.url}/demo`);
  await page.getByLabel(/Ihr Name/).fill(name);
  await page.getByRole('button', { name: 'Eintreten' }).click();
  await page.waitForURL(`${t.url}/demo/ticket`);
  await page.getByRole('heading', { level: 1 }).waitFor();
}

async function otherCitizen(): Promise<CreatedTicket> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/offices/demo/tickets',
    payload: {},
  });
  return response.json<CreatedTicket>();
}

describe('citizen walk-in', () => {
  it('enters, keeps the place through reload and restart, is called, chats and ends', async () => {
    const ahead = await otherCitizen();
    const context = await browser.newContext({ locale: 'de-DE' });
    const page = await context.newPage();
    const foreign = recordForeignRequests(page, t.url);
    await enterInBrowser(page, 'Erika Mustermann');
    await expect.poll(() => place(page)).toBe('2');
    expect(await page.locator('main').innerText()).toMatch(/D-002/);
    await expectNoAxeViolations(page);

    await page.reload();
    await expect.poll(() => place(page)).toBe('2');

    await t.restart();
    await expect.poll(() => place(page), { timeout: 15_000 }).toBe('2');
    // The place moves up live when the person ahead leaves.
    await t.app.inject({
      method: 'POST',
      url: `/api/tickets/${ahead.ticket.id}/leave`,
      headers: { 'x-ticket-secret': ahead.secret },
    });
    await expect.poll(() => place(page)).toBe('1');
    await expect
      .poll(() => page.locator('[aria-live]').allInnerTexts())
      .toContainEqual(expect.stringContaining('Platz 1'));

    const call = await anna.request('POST', '/api/staff/offices/demo/call-next');
    expect(call.body.ticket.name).toBe('Erika Mustermann');
    const join = page.getByRole('button', { name: 'Jetzt eintreten' });
    await join.waitFor();
    await expect.poll(() => page.title()).toMatch(/Sie sind dran|D-002/); // within 200 ms
    await expectNoAxeViolations(page);
    await join.click();

    const input = page.getByLabel('Ihre Nachricht');
    await input.waitFor();
    await input.fill('Guten Tag, ich brauche eine Meldebescheinigung.');
    await input.press('Enter');
    const consultationId = call.body.consultationId as string;
    const snapshot = async () =>
      (await t.app.services.consultations.snapshot(consultationId)) as ConsultationSnapshot;
    await expect
      .poll(async () => (await snapshot()).messages.map((m) => m.text))
      .toEqual(['Guten Tag, ich brauche eine Meldebescheinigung.']);
    await anna.request('POST', `/api/consultations/${consultationId}/messages`, {
      text: 'Gern, die stelle ich Ihnen sofort aus.',
    });
    await page.getByText('Gern, die stelle ich Ihnen sofort aus.').waitFor();
    // The page reports what it has shown: the staff side sees "delivered".
    await expect.poll(async () => (await snapshot()).receivedUpTo.citizen).toBeGreaterThan(0);
    await expectNoAxeViolations(page);

    await anna.request('POST', `/api/staff/consultations/${consultationId}/end`);
    await page.getByText('Vielen Dank! Das Gespräch ist beendet.').waitFor();
    expect(foreign).toEqual([]);
    await context.close();
  });

  it('can be done with the keyboard alone', async () => {
    const context = await browser.newContext({ locale: 'de-DE' });
    const page = await context.newPage();
    await page.goto(`${t.url}/demo`);
    await tabTo(page, (el) => el.tagName === 'INPUT');
    await page.keyboard.type('Tastatur Nutzerin');
    await tabTo(page, (el) => el.textContent?.trim() === 'Eintreten');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${t.url}/demo/ticket`);
    await expect.poll(() => place(page)).toBe('1');

    await anna.request('POST', '/api/staff/offices/demo/call-next');
    await page.getByRole('button', { name: 'Jetzt eintreten' }).waitFor();
    // The call moves the focus to the Join button.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent?.trim()))
      .toBe('Jetzt eintreten');
    await page.keyboard.press('Enter');
    await page.getByLabel('Ihre Nachricht').waitFor();
    await tabTo(page, (el) => el.tagName === 'TEXTAREA');
    await page.keyboard.type('Hallo per Tastatur');
    await page.keyboard.press('Enter');
    await page.getByText('Hallo per Tastatur').waitFor();
    const me = await anna.request('GET', '/api/staff/me');
    await anna.request('POST', `/api/staff/consultations/${me.body.activeConsultationId}/end`);
    await page.getByText('Vielen Dank! Das Gespräch ist beendet.').waitFor();
    await context.close();
  });
});

/** Presses Tab until the focused element matches (at most 40 times). */
async function tabTo(page: Page, match: (el: Element) => boolean) {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const found = await page.evaluate(
      `(${match.toString()})(document.activeElement ?? document.body)`,
    );
    if (found) return;
  }
  throw new Error('element not reachable with Tab');
}
