/**
 * A citizen books in a real Chromium: office page → "Termin buchen" → service → time (keyboard
 * only) → name and mobile number with the proof of work solved by the real widget in its worker
 * → confirmation with the code (and the SMS at a real SMPP server, in local time) → the office
 * page names the appointment → the appointment's page → cancel. Then: the "Enter now" button
 * comes alive at its time without a reload and leads to the lobby, ahead of a walk-in; the SMS's
 * change link moves the appointment; a time taken meanwhile offers the nearest free ones.
 * axe on every page; no request leaves the origin.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Booked, BookingInfo, Slots } from '../../src/shared/appointments.js';
import { createSmppGateway } from '../../src/server/modules/notifications/sms-smpp.js';
import { putOnDuty, startTestApp, type TestApp } from '../helpers/app.js';
import { solvedChallenge } from '../helpers/booking.js';
import { startSmppSink, type SmppSink } from '../helpers/smpp-sink.js';
import { ANNA } from '../helpers/staff.js';
import { expectNoAxeViolations, launchBrowser, recordForeignRequests } from './browser.js';

let t: TestApp;
let browser: Browser;
let sms: SmppSink;

beforeAll(async () => {
  sms = await startSmppSink();
  // The server's clock is pinned to the real time: the browser's clock runs on from there.
  t = await startTestApp('pglite', {
    listen: true,
    now: new Date(),
    senders: {
      sms: createSmppGateway({
        url: sms.url,
        systemId: sms.systemId,
        password: sms.password,
        sender: 'Buergeramt',
      }),
      email: { send: async () => ({ providerId: 'none' }), close: async () => undefined },
    },
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
  await sms?.stop();
});

/** Presses Tab until the focused element matches (at most 60 times). */
async function tabTo(page: Page, match: (el: Element) => boolean) {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const found = await page.evaluate(
      `(${match.toString()})(document.activeElement ?? document.body)`,
    );
    if (found) return;
  }
  throw new Error('element not reachable with Tab');
}

const berlinTime = (iso: string) =>
  new Intl.DateTimeFormat('de-DE', {
    timeZone: 'Europe/Berlin',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));

describe('citizen booking', () => {
  it('books with the keyboard, gets code and SMS, finds it again and cancels it', async () => {
    const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'America/New_York' });
    const page = await context.newPage();
    const foreign = recordForeignRequests(page, t.url);

    await page.goto(`${t.url}/demo`);
    const bookLink = page.getByRole('link', { name: 'Termin buchen' });
    await bookLink.waitFor();
    await expectNoAxeViolations(page);
    await bookLink.click();
    await page.waitForURL(`${t.url}/demo/book`);

    // Step 1: the demo office has three services.
    await page.getByRole('heading', { name: /Worum geht es/ }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: /Gewerbeanmeldung/ }).click();

    // Step 2: the time, with the keyboard alone (the focus is on the step's heading).
    await page.getByRole('heading', { name: /Wählen Sie eine Zeit/ }).waitFor();
    await page.locator('.time-list__time').first().waitFor();
    // The browser is in New York: the page says that the times are Berlin's.
    await page.getByText('Alle Zeiten in der Ortszeit des Büros (Europe/Berlin).').waitFor();
    await expectNoAxeViolations(page);
    await tabTo(page, (el) => el.classList.contains('time-list__time'));
    const chosen = (await page.evaluate(() => document.activeElement?.textContent))!.trim();
    expect(chosen).toMatch(/^\d{2}:\d{2}$/);
    await page.keyboard.press('Enter');

    // Step 3: details. The proof of work starts when the form gets the focus.
    await page.getByRole('heading', { name: /Ihre Angaben/ }).waitFor();
    await page.locator('altcha-widget').waitFor();
    await expectNoAxeViolations(page);
    await page.getByLabel('Ihr Name').fill('Erika Mustermann');
    // A landline: the catalogue's message by the field, which gets the focus.
    await page.getByLabel('Handynummer').fill('030 1234567');
    await page.getByRole('button', { name: 'Termin verbindlich buchen' }).click();
    await page.getByText(/Das ist keine Handynummer/).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('booking-phone');
    expect(await page.getByLabel('Handynummer').getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page);
    await page.getByLabel('Handynummer').fill('0171 1234567');
    await page.getByRole('button', { name: 'Termin verbindlich buchen' }).click();

    await page.getByRole('heading', { name: 'Ihr Termin ist gebucht' }).waitFor();
    const code = (await page.locator('.ticket-code__value').innerText()).trim();
    expect(code).toMatch(/^[A-Z0-9]{3}-[A-Z0-9]{3}$/);
    expect(await page.locator('main').innerText()).toMatch(new RegExp(`${chosen}\\sUhr`));
    await page.getByText(/Sie bekommen eine SMS/).waitFor();
    await expectNoAxeViolations(page);
    const text = await sms.waitFor((m) => m.text.includes(code), 10_000);
    expect(text.to).toBe('491711234567');
    expect(text.text).toContain(chosen);

    // The office page names the appointment and leads back to it.
    await page.getByRole('link', { name: 'Zur Seite des Büros' }).click();
    await page.getByText(/Ihr Termin: .*, \d{2}:\d{2} Uhr/).waitFor();
    await page.getByRole('link', { name: /Termin ansehen/ }).click();
    await page.waitForURL(/\/a\/[\w-]+$/);
    await page.getByRole('heading', { name: 'Ihr Termin', level: 1 }).waitFor();
    await expect.poll(() => page.locator('.ticket-code__value').innerText()).toBe(code);
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Termin absagen' }).click();
    await page.getByRole('button', { name: 'Ja, absagen' }).click();
    await page.getByText('Dieser Termin ist abgesagt. Die Zeit ist wieder frei.').waitFor();
    expect(await page.locator('.appointment-state').innerText()).toBe('abgesagt');
    await expectNoAxeViolations(page);
    // The seat is free again at once (no seat row left), and the same time books again.
    const seats = await t.database.db
      .selectFrom('appointment_units as u')
      .innerJoin('appointments as a', 'a.id', 'u.appointment_id')
      .select('u.seat')
      .where('a.code', '=', code)
      .execute();
    expect(seats).toEqual([]);
    await page.goto(`${t.url}/demo/book`);
    await page.getByRole('button', { name: /Gewerbeanmeldung/ }).click();
    await page
      .getByRole('button', { name: new RegExp(`^${chosen}`) })
      .first()
      .click();
    await page.getByLabel('Ihr Name').fill('Erika Mustermann');
    await page.getByLabel('Handynummer').fill('0171 1234567');
    await page.getByRole('button', { name: 'Termin verbindlich buchen' }).click();
    await page.getByRole('heading', { name: 'Ihr Termin ist gebucht' }).waitFor();
    const again = (await page.locator('.ticket-code__value').innerText()).trim();
    expect(again).not.toBe(code);
    expect(await page.locator('main').innerText()).toMatch(new RegExp(`${chosen}\\sUhr`));
    expect(foreign).toEqual([]);
    await context.close();
  });

  it('lets the citizen in at the time without a reload, ahead of a walk-in', async () => {
    const info = (await t.app.inject({ url: '/api/offices/demo/booking' })).json<BookingInfo>();
    const service = info.services[0]!;
    const slots = (
      await t.app.inject({ url: `/api/offices/demo/slots?service=${service.id}` })
    ).json<Slots>();
    const start = slots.days.flatMap((d) => d.slots)[0]!.start;
    const booked = await t.app.inject({
      method: 'POST',
      url: '/api/offices/demo/appointments',
      payload: {
        serviceId: service.id,
        start,
        name: 'Termin Kundin',
        phone: '0171 7654321',
        altcha: await solvedChallenge(t.app),
      },
    });
    expect(booked.statusCode, booked.body).toBe(201);
    const { token, appointment } = booked.json<Booked>();
    await putOnDuty(t, ANNA, 'demo', 'available');
    const walkIn = await t.app.inject({
      method: 'POST',
      url: '/api/offices/demo/tickets',
      payload: {},
    });
    expect(walkIn.statusCode, walkIn.body).toBe(201);

    // The browser's clock: 20 seconds before "Enter" becomes possible.
    const checkInFrom = new Date(appointment.checkInFrom).getTime();
    const context = await browser.newContext({ locale: 'de-DE' });
    await context.clock.install({ time: new Date(checkInFrom - 20_000) });
    const page = await context.newPage();
    await page.goto(`${t.url}/a/${token}`);
    const enter = page.getByRole('button', { name: 'Jetzt eintreten' });
    await enter.waitFor();
    expect(await enter.getAttribute('aria-disabled')).toBe('true');
    await page
      .getByText(`Eintreten ist ab ${berlinTime(appointment.checkInFrom)} Uhr möglich.`)
      .waitFor();
    await expectNoAxeViolations(page);

    await page.clock.runFor(25_000);
    await expect.poll(() => enter.getAttribute('aria-disabled')).toBe('false');
    await page.getByText(/Sie können jetzt eintreten/).waitFor();
    t.setNow(new Date(checkInFrom + 60_000));
    await enter.click();
    await page.waitForURL(`${t.url}/demo/ticket`);
    // Called before the walk-in who was waiting first.
    await expect.poll(() => page.locator('.queue-facts__number').first().innerText()).toBe('1');
    await context.close();
  });

  it('opens the SMS change link at "reschedule or cancel" and moves the appointment', async () => {
    const info = (await t.app.inject({ url: '/api/offices/demo/booking' })).json<BookingInfo>();
    const service = info.services[2]!;
    const slots = (
      await t.app.inject({ url: `/api/offices/demo/slots?service=${service.id}` })
    ).json<Slots>();
    const free = slots.days.flatMap((d) => d.slots);
    const booked = await t.app.inject({
      method: 'POST',
      url: '/api/offices/demo/appointments',
      payload: {
        serviceId: service.id,
        start: free[3]!.start,
        name: 'Umbucher',
        phone: '0160 9876543',
        lang: 'en',
        altcha: await solvedChallenge(t.app),
      },
    });
    const { token } = booked.json<Booked>();
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(`${t.url}/a/${token}/change`);
    await page.getByRole('button', { name: 'Reschedule' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('manage-title');
    await page.getByRole('button', { name: 'Reschedule' }).click();
    await page.locator('.time-list__time').first().waitFor();
    await expectNoAxeViolations(page);
    const target = page.locator('.time-list__time[aria-pressed="false"]').nth(5);
    const newTime = (await target.innerText()).trim();
    await target.click();
    await page.getByRole('button', { name: 'Yes, move it' }).click();
    await page.getByText('Your appointment has been moved.', { exact: false }).waitFor();
    expect(await page.locator('.summary').innerText()).toContain(newTime);
    await context.close();
  });
  it('says when the time was taken meanwhile and books one of the nearby times offered', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(`${t.url}/demo/book`);
    await page.getByRole('button', { name: /Certification of a copy/ }).click();
    const first = page.locator('.time-list__time').first();
    await first.waitFor();
    await first.click();
    await page.getByLabel('Your name').fill('Max Mustermann');
    await page.getByLabel('Mobile number').fill('+49 171 5550123');

    // Meanwhile callers take the seats left at that time.
    const info = (await t.app.inject({ url: '/api/offices/demo/booking' })).json<BookingInfo>();
    const service = info.services.find((s) => s.durationMinutes === 10)!;
    const slots = (
      await t.app.inject({ url: `/api/offices/demo/slots?service=${service.id}` })
    ).json<Slots>();
    const taken = slots.days.flatMap((d) => d.slots)[0]!.start;
    for (const phone of ['0171 5550001', '0171 5550002']) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/offices/demo/appointments',
        payload: {
          serviceId: service.id,
          start: taken,
          name: 'Anrufer',
          phone,
          altcha: await solvedChallenge(t.app),
        },
      });
      if (response.statusCode === 409) break; // an earlier test holds a seat there already
      expect(response.statusCode, response.body).toBe(201);
    }

    await page.getByRole('button', { name: 'Book the appointment' }).click();
    await page.getByText(/This time has just been taken/).waitFor();
    const alternatives = page.getByRole('list', { name: 'Free times nearby' }).getByRole('button');
    expect(await alternatives.count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page);
    const other = (await alternatives.first().innerText()).trim();
    await alternatives.first().click();
    await page.getByText(`New time: ${other}.`, { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Book the appointment' }).click();
    await page.getByRole('heading', { name: 'Your appointment is booked' }).waitFor();
    expect(await page.locator('.booked').innerText()).toContain(other);
    await context.close();
  });
});
