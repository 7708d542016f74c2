/**
 * The staff side of appointments in Chromium: open "Termine" for the demo office, book for a
 * caller (a landline is refused next to the field; a time taken meanwhile offers free ones
 * nearby), see the booking in the day's list, cancel it with the confirm step, block a time and
 * delete the block — every step axe-clean and without a request to another origin.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERRORS } from '../../src/shared/errors.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { loginStaff, MEHMET } from '../helpers/staff.js';
import {
  expectNoAxeViolations,
  launchBrowser,
  logInStaff,
  recordForeignRequests,
} from './browser.js';

// The pinned clock: Wednesday 25 November 2026, 10:00 in Berlin. The demo office is open
// around the clock with 2 seats, 10-minute units and 5 minutes' lead time.
const DAY = '2026-11-25';

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

async function openAppointments(page: Page) {
  await logInStaff(page, t.url);
  const tab = page.getByRole('tab', { name: 'Termine' });
  await tab.click();
  expect(await tab.getAttribute('aria-selected')).toBe('true');
  await page.getByLabel('Büro').selectOption('demo');
  await page.getByLabel('Datum').fill(DAY);
  await page.getByRole('heading', { name: 'Termine am Mittwoch, 25. November 2026' }).waitFor();
}

/** The free times offered in the booking form (option values: ISO instants). */
async function freeTimes(page: Page): Promise<string[]> {
  const select = page.getByLabel('Freie Zeit');
  await expect.poll(() => select.locator('option').count()).toBeGreaterThan(1);
  const values = await select
    .locator('option')
    .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
  return values.filter(Boolean);
}

describe('appointments in the staff console', () => {
  it('books for a caller, lists, cancels, blocks time and deletes the block', async () => {
    const context = await browser.newContext({
      locale: 'de-DE',
      timezoneId: 'Europe/Berlin',
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    const foreign = recordForeignRequests(page, t.url);
    await openAppointments(page);
    await page.getByText('An diesem Tag gibt es keine Termine.').waitFor();
    await expectNoAxeViolations(page);

    // A landline is refused next to the phone field, in the catalogue's words.
    const [wanted] = await freeTimes(page);
    expect(wanted).toBeDefined();
    await page.getByLabel('Freie Zeit').selectOption(wanted!);
    await page.getByLabel('Name', { exact: true }).fill('Erika Anruferin');
    const phone = page.getByLabel('Handynummer');
    await phone.fill('030 12345678');
    await page.getByRole('button', { name: 'Termin buchen' }).click();
    await page.getByText(ERRORS.PHONE_NOT_MOBILE.de).waitFor();
    expect(await phone.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('booking-phone');
    await expectNoAxeViolations(page);

    // Meanwhile both seats of that time are booked elsewhere: SLOT_TAKEN offers free times.
    const colleague = await loginStaff(t.app, MEHMET);
    const service = Number(await page.getByLabel('Anliegen').inputValue());
    for (const name of ['Anrufer Eins', 'Anrufer Zwei']) {
      const taken = await colleague.request('POST', '/api/staff/offices/demo/appointments', {
        serviceId: service,
        start: wanted,
        name,
        phone: '0171 7654321',
      });
      expect(taken.status).toBe(201);
    }
    await phone.fill('0171 1234567');
    await page.getByRole('button', { name: 'Termin buchen' }).click();
    await page.getByText(ERRORS.SLOT_TAKEN.de).waitFor();
    const offered = page.getByRole('group', { name: 'Frei in der Nähe:' });
    const firstOffer = offered.getByRole('button').first();
    const chosenTime = (await firstOffer.innerText()).trim();
    await firstOffer.click();
    await page.getByRole('button', { name: 'Termin buchen' }).click();

    // Booked: the code to read out, and the booking in the day's list.
    const done = page.locator('#booking-done');
    await done.waitFor();
    const code = (await done.locator('.booked__value').innerText()).trim();
    expect(await done.innerText()).toContain(`${chosenTime} Uhr`);
    const row = page.getByRole('row', { name: /Erika Anruferin/ });
    await row.waitFor();
    expect(await row.innerText()).toContain(code);
    expect(await row.innerText()).toContain('Gebucht');
    expect(await row.innerText()).toContain('telefonisch gebucht');
    expect(await row.getByRole('link', { name: '+491711234567' }).getAttribute('href')).toBe(
      'tel:+491711234567',
    );
    await expectNoAxeViolations(page);

    const booked = await t.database.db
      .selectFrom('appointments')
      .select(['id', 'state', 'phone', 'booked_by'])
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    expect(booked).toMatchObject({ state: 'booked', phone: '+491711234567' });
    expect(booked.booked_by).not.toBeNull();
    const texts = await t.database.db
      .selectFrom('outbox')
      .select(['channel', 'recipient'])
      .where('appointment_id', '=', booked.id)
      .execute();
    expect(texts).toContainEqual({ channel: 'sms', recipient: '+491711234567' });

    // Cancel, with the confirm step; "Nein" keeps it.
    await row.getByRole('button', { name: /absagen/ }).click();
    await page.getByRole('button', { name: 'Nein, behalten' }).click();
    await row.getByRole('button', { name: /absagen/ }).click();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Ja, absagen' }).click();
    await page.getByText(`Der Termin um ${chosenTime} ist abgesagt.`).waitFor();
    await expect.poll(() => row.innerText()).toContain('Abgesagt');
    expect(await row.getByRole('button').count()).toBe(0);
    const cancelled = await t.database.db
      .selectFrom('appointments')
      .select('state')
      .where('id', '=', booked.id)
      .executeTakeFirstOrThrow();
    expect(cancelled.state).toBe('cancelled');

    // Block 15:00–16:00 (Berlin wall clock) for a meeting; then delete the block.
    await page.getByLabel('Von').fill('15:00');
    await page.getByLabel('Bis').fill('16:00');
    await page.getByLabel('Grund').fill('Teambesprechung');
    await page.getByRole('button', { name: 'Zeit blocken' }).click();
    await page.getByText('Zeit geblockt: 15:00–16:00.').waitFor();
    const blockItem = page.getByRole('listitem').filter({ hasText: 'Teambesprechung' });
    await blockItem.waitFor();
    expect(await blockItem.innerText()).toContain('1 Platz weniger');
    const block = await t.database.db
      .selectFrom('appointment_blocks')
      .select(['starts_at', 'ends_at', 'seats'])
      .executeTakeFirstOrThrow();
    expect(new Date(block.starts_at).toISOString()).toBe('2026-11-25T14:00:00.000Z');
    expect(new Date(block.ends_at).toISOString()).toBe('2026-11-25T15:00:00.000Z');
    await expectNoAxeViolations(page);

    await blockItem.getByRole('button', { name: 'Block 15:00–16:00 löschen' }).click();
    await page.getByText('Der Block 15:00–16:00 ist gelöscht.').waitFor();
    await page.getByText('An diesem Tag ist keine Zeit geblockt.').waitFor();
    expect(await t.database.db.selectFrom('appointment_blocks').select('id').execute()).toEqual([]);

    // The tabs work from the keyboard: arrow keys move back to the queue.
    await page.getByRole('tab', { name: 'Termine' }).focus();
    await page.keyboard.press('ArrowLeft');
    await expect
      .poll(() => page.getByRole('tab', { name: 'Warteschlange' }).getAttribute('aria-selected'))
      .toBe('true');
    await page.getByRole('heading', { name: 'Dienst' }).waitFor();

    expect(foreign).toEqual([]);
    await context.close();
  });
});
