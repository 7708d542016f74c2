/**
 * The citizen's office directory in a real Chromium, against the real app on a pinned clock
 * (Wednesday 25 Nov 2026, 10:00 in Berlin).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { putOnDuty, startTestApp, type TestApp } from '../helpers/app.js';
import { expectNoAxeViolations, launchBrowser, recordForeignRequests } from './browser.js';

let t: TestApp;
let browser: Browser;

beforeAll(async () => {
  t = await startTestApp('pglite', { listen: true });
  await putOnDuty(t, 'anna.schmidt@buergerbuero.example', 'gewerbeamt', 'available');
  await putOnDuty(t, 'anna.schmidt@buergerbuero.example', 'einwohnermeldeamt', 'paused');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function openDirectory(
  locale: string,
): Promise<{ page: Page; context: BrowserContext; foreign: string[] }> {
  const context = await browser.newContext({ locale, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const foreign = recordForeignRequests(page, t.url);
  await page.goto(`${t.url}/`);
  await page.locator('vb-office-card').first().waitFor();
  return { page, context, foreign };
}

const card = (page: Page, name: string) => page.locator('vb-office-card', { hasText: name });

describe('office directory', () => {
  it('shows every office with its live status in words for the pinned clock', async () => {
    const { page, context, foreign } = await openDirectory('de-DE');
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    await expect.poll(() => page.locator('vb-office-card').count()).toBe(9);
    expect(await card(page, 'Gewerbeamt').innerText()).toContain('Geöffnet – frei');
    expect(await card(page, 'Einwohnermeldeamt').innerText()).toContain(
      'Geöffnet – alle beschäftigt',
    );
    expect(await card(page, 'Demo-Büro').innerText()).toContain(
      'Geöffnet – gerade niemand im Dienst',
    );
    const bau = await card(page, 'Bauordnungsamt').innerText();
    expect(bau).toContain('Geschlossen');
    expect(bau).toContain('Öffnet morgen um 08:00');
    expect(await card(page, 'Gewerbeamt').innerText()).toContain('Heute 08:00');
    expect(foreign).toEqual([]);
    await expectNoAxeViolations(page);
    await context.close();
  });

  it('filters offices by search', async () => {
    const { page, context } = await openDirectory('de-DE');
    await page.getByLabel('Büro suchen').fill('ausweis');
    await expect.poll(() => page.locator('vb-office-card').count()).toBe(1);
    expect(await page.locator('vb-office-card').innerText()).toContain('Einwohnermeldeamt');
    await context.close();
  });

  it('follows Accept-Language, switches language without reload and remembers the choice', async () => {
    const { page, context } = await openDirectory('en-GB');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await card(page, 'Trade office').innerText()).toContain('Open – available');

    await page.getByRole('button', { name: /Deutsch/ }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('de');
    await expect.poll(() => card(page, 'Gewerbeamt').count()).toBe(1);
    expect(await card(page, 'Gewerbeamt').innerText()).toContain('Geöffnet – frei');
    await expectNoAxeViolations(page);

    await page.reload();
    await page.locator('vb-office-card').first().waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    expect(await card(page, 'Gewerbeamt').count()).toBe(1);
    await context.close();
  });

  it('can be used with the keyboard alone: skip link, search, office page', async () => {
    const { page, context } = await openDirectory('de-DE');
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => document.activeElement?.textContent?.trim());
    expect(skip).toBe('Zum Inhalt springen');
    await page.getByLabel('Büro suchen').focus();
    await page.keyboard.type('Standesamt');
    await expect.poll(() => page.locator('vb-office-card').count()).toBe(1);
    await page.getByRole('link', { name: 'Standesamt' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`${t.url}/standesamt`);
    await page.getByRole('heading', { level: 1, name: 'Standesamt' }).waitFor();
    expect(await page.locator('main').innerText()).toContain('Personenstandsregister');
    await expectNoAxeViolations(page);
    await context.close();
  });

  it('shows a friendly page with status 404 for an unknown office', async () => {
    const context = await browser.newContext({ locale: 'de-DE' });
    const page = await context.newPage();
    const response = await page.goto(`${t.url}/schwimmbad`);
    expect(response?.status()).toBe(404);
    await page.getByRole('heading', { name: 'Büro nicht gefunden' }).waitFor();
    await expectNoAxeViolations(page);
    await context.close();
  });
});
