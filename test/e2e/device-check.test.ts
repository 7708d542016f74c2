/**
 * The device checks before a call, in real Chromium with the fake camera and microphone: the
 * citizen's opens by itself when next in line (with a live preview and a rising level), keeps
 * the choice of "audio only" on this device and stays closed once closed; the staff member's
 * own picture shows between calls while on duty, can be turned off (remembered), and a call
 * started with the camera already on reaches the citizen with video both ways; the next call's
 * connection and offer are made ahead, without opening the camera, and the call runs on them.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { loginStaff, MEHMET } from '../helpers/staff.js';
import { expectNoAxeViolations, launchBrowser, logInStaff } from './browser.js';

let t: TestApp;
let browser: Browser;

beforeAll(async () => {
  t = await startTestApp('pglite', { listen: true, now: new Date() });
  // Someone serves the demo office, so citizens can enter (the console test brings Anna).
  const mehmet = await loginStaff(() => t.app, MEHMET);
  await mehmet.request('PUT', '/api/staff/duty/demo', { state: 'available' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

/** The preview's <video> shows the fake camera's moving picture. */
async function expectPlaying(page: Page): Promise<void> {
  const preview = page.locator('[data-testid="preview-video"]');
  await preview.scrollIntoViewIfNeeded(); // Chromium pauses muted autoplay out of view
  const time = () => preview.evaluate((video: HTMLVideoElement) => video.currentTime);
  await expect
    .poll(() => preview.evaluate((video: HTMLVideoElement) => video.videoWidth))
    .toBeGreaterThan(0);
  const start = await time();
  await expect.poll(time).toBeGreaterThan(start);
}

async function enterLobby(name: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'de-DE' });
  const page = await context.newPage();
  await page.goto(`${t.url}/demo`);
  await page.getByLabel(/Ihr Name/).fill(name);
  await page.getByRole('button', { name: 'Eintreten', exact: true }).click();
  await page.waitForURL(`${t.url}/demo/ticket`);
  return page;
}

describe('device check', () => {
  it('opens by itself for the citizen next in line, keeps audio only, stays closed once closed', async () => {
    const citizen = await enterLobby('Erika Muster');
    const check = citizen.getByRole('region', { name: 'Kamera und Mikrofon prüfen' });
    await check.waitFor();
    // Opened by itself: the focus stays where it was (not moved into the check).
    expect(await citizen.evaluate(() => document.activeElement?.closest('.vc-check'))).toBeNull();
    await expectPlaying(citizen);
    await expect
      .poll(() => citizen.locator('#check-level').evaluate((m: HTMLMeterElement) => m.value))
      .toBeGreaterThan(0);
    await expectNoAxeViolations(citizen);

    await check.getByLabel('Nur mit Ton teilnehmen (ohne Kamera)').check();
    await check.getByText('Keine Kamera: Sie nehmen nur mit Ton teil.').waitFor();
    await citizen.reload();
    await check.waitFor();
    expect(await check.getByLabel('Nur mit Ton teilnehmen (ohne Kamera)').isChecked()).toBe(true);
    await check.getByLabel('Nur mit Ton teilnehmen (ohne Kamera)').uncheck();
    await citizen.locator('[data-testid="preview-video"]').waitFor();

    await check.getByRole('button', { name: 'Prüfung beenden' }).click();
    await citizen.getByRole('button', { name: 'Kamera und Mikrofon prüfen' }).waitFor();
    expect(await check.count()).toBe(0);
    await citizen.waitForTimeout(300); // a lobby update (place 1 again) must not reopen it
    expect(await check.count()).toBe(0);
    await citizen.getByRole('button', { name: 'Warteraum verlassen' }).click();
    await citizen.getByRole('button', { name: 'Ja, verlassen' }).click();
    await citizen.context().close();
  });

  it('shows staff their own picture between calls, off when turned off, and calls with it warm', async () => {
    const staff = await (await browser.newContext({ locale: 'de-DE' })).newPage();
    await logInStaff(staff, t.url);
    const own = staff.getByRole('region', { name: 'Kamera und Mikrofon prüfen' });
    expect(await own.count()).toBe(0); // not on duty: no camera
    await staff
      .getByRole('group', { name: /Demo-Büro/ })
      .getByRole('radio', { name: 'Im Dienst', exact: true })
      .check();
    await own.waitFor();
    await expectPlaying(staff);
    await expectNoAxeViolations(staff);

    await own.getByRole('button', { name: 'Prüfung beenden' }).click();
    const off = staff.getByRole('button', { name: 'Kamera vorab einschalten' });
    await off.waitFor();
    expect(await off.evaluate((b) => b === document.activeElement)).toBe(true);
    await staff.reload();
    await off.waitFor();
    await off.click();
    await own.waitFor();

    const citizen = await enterLobby('Max Muster');
    await staff.locator('#call-next-demo[aria-disabled="false"]').click();
    // Called, not joined: nothing of the citizen's goes out — the staff side, whose offer is
    // out, still waits for an answer after a while.
    const signaling = (page: Page) =>
      page.evaluate(
        () =>
          (window as unknown as { __vbCall?: { pc: RTCPeerConnection | null } }).__vbCall?.pc
            ?.signalingState ?? 'none',
      );
    await expect.poll(() => signaling(staff)).toBe('have-local-offer');
    await citizen.getByRole('button', { name: 'Jetzt eintreten', exact: true }).waitFor();
    await citizen.waitForTimeout(1_000);
    expect(await signaling(staff)).toBe('have-local-offer');
    await citizen.getByRole('button', { name: 'Jetzt eintreten', exact: true }).click();
    await expect.poll(() => signaling(staff)).toBe('stable');
    for (const page of [staff, citizen]) {
      await expect
        .poll(
          () =>
            page.evaluate(async () => {
              const pc = (window as unknown as { __vbCall?: { pc: RTCPeerConnection | null } })
                .__vbCall?.pc;
              let frames = 0;
              (await pc?.getStats())?.forEach((s: Record<string, unknown>) => {
                if (s.type === 'inbound-rtp' && s.kind === 'video')
                  frames += Number(s.framesDecoded);
              });
              return frames;
            }),
          { timeout: 15_000 },
        )
        .toBeGreaterThan(0);
    }
    expect(await own.count()).toBe(0); // the call took the camera over
    // Mute belongs to this call; camera off is kept (as "audio only", shown between calls).
    await staff.getByRole('button', { name: 'Stummschalten' }).click();
    await staff.getByRole('button', { name: 'Kamera aus' }).click();
    await staff.getByText('Ihre Kamera ist aus.').waitFor();
    await staff.getByRole('button', { name: 'Gespräch beenden' }).click();
    await own.waitFor(); // back between calls: the own picture again
    await expect
      .poll(() => staff.locator('#check-level').evaluate((m: HTMLMeterElement) => m.value))
      .toBeGreaterThan(0);
    const audioOnly = own.getByLabel('Nur mit Ton teilnehmen (ohne Kamera)');
    expect(await audioOnly.isChecked()).toBe(true);
    await audioOnly.uncheck();
    await expectPlaying(staff);
    await staff.context().close();
    await citizen.context().close();
  });

  it('makes the next call’s connection ahead, without the camera while it is off, and calls on it', async () => {
    const staff = await (await browser.newContext({ locale: 'de-DE' })).newPage();
    await logInStaff(staff, t.url);
    await staff
      .getByRole('group', { name: /Demo-Büro/ })
      .getByRole('radio', { name: 'Im Dienst', exact: true })
      .check();
    const own = staff.getByRole('region', { name: 'Kamera und Mikrofon prüfen' });
    await own.waitFor();
    await own.getByRole('button', { name: 'Prüfung beenden' }).click();
    await staff.getByRole('button', { name: 'Kamera vorab einschalten' }).waitFor();

    /** The staff page's connection: its state, whether it sends a track, and a mark set on it. */
    const ahead = () =>
      staff.evaluate(() => {
        type Marked = RTCPeerConnection & { mark?: string };
        const pc = (window as unknown as { __vbCall?: { pc: Marked | null } }).__vbCall?.pc;
        if (!pc) return null;
        pc.mark ??= crypto.randomUUID();
        return {
          mark: pc.mark,
          signaling: pc.signalingState,
          gathering: pc.iceGatheringState,
          tracks: pc.getSenders().filter((s) => s.track?.readyState === 'live').length,
        };
      });
    await expect.poll(async () => (await ahead())?.gathering).toBe('complete');
    const made = (await ahead())!;
    expect(made.signaling).toBe('have-local-offer'); // the offer is made, nobody has it yet
    // The camera stays off until a call starts (one open when it was made stops with the rest).
    await expect.poll(async () => (await ahead())?.tracks, { timeout: 5_000 }).toBe(0);

    const citizen = await enterLobby('Jana Muster');
    await staff.locator('#call-next-demo[aria-disabled="false"]').click();
    await citizen.getByRole('button', { name: 'Jetzt eintreten', exact: true }).click();
    const frames = (page: Page) =>
      page.evaluate(async () => {
        const pc = (window as unknown as { __vbCall?: { pc: RTCPeerConnection | null } }).__vbCall
          ?.pc;
        let decoded = 0;
        (await pc?.getStats())?.forEach((s: Record<string, unknown>) => {
          if (s.type === 'inbound-rtp' && s.kind === 'video') decoded += Number(s.framesDecoded);
        });
        return decoded;
      });
    for (const page of [staff, citizen]) {
      await expect.poll(() => frames(page), { timeout: 15_000 }).toBeGreaterThan(0);
    }
    const inCall = (await ahead())!;
    expect(inCall.mark).toBe(made.mark); // the call runs on the connection made ahead
    expect(inCall.tracks).toBe(2); // camera and microphone opened for the call

    await staff.getByRole('button', { name: 'Gespräch beenden' }).click();
    await citizen.getByText('Vielen Dank! Das Gespräch ist beendet.').waitFor();
    // The next call's connection is made anew (a used one cannot be reused).
    await expect
      .poll(async () => {
        const next = await ahead();
        return next && next.mark !== made.mark ? next.signaling : null;
      })
      .toBe('have-local-offer');
    await staff.context().close();
    await citizen.context().close();
  });
});
