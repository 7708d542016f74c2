/**
 * The 1:1 video consultation in real Chromium with fake camera and microphone, through a real
 * coturn on loopback: frames and audio both ways, the staff member relay-only (the citizen sees
 * only relay candidates), screen sharing, a document with the same SHA-256 on both sides, the
 * path cut and restored (ICE restart), the end deleting the document, and the rating.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { coturn, type Coturn } from '../helpers/coturn.js';
import { expectNoAxeViolations, launchBrowser, logInStaff } from './browser.js';

let t: TestApp;
let turn: Coturn;
let browser: Browser;

beforeAll(async () => {
  turn = await coturn();
  t = await startTestApp('pglite', { listen: true, now: new Date(), config: { turn: turn.turn } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
  turn?.stop();
});

interface CallStats {
  framesDecoded: number;
  frameWidth: number;
  audioPackets: number;
  remoteCandidateTypes: string[];
}

/** Reads the page's own RTCPeerConnection through the read-only test hook. */
function callStats(page: Page): Promise<CallStats> {
  return page.evaluate(async () => {
    const pc = (window as unknown as { __vbCall?: { pc: RTCPeerConnection | null } }).__vbCall?.pc;
    const result = {
      framesDecoded: 0,
      frameWidth: 0,
      audioPackets: 0,
      remoteCandidateTypes: [] as string[],
    };
    if (!pc) return result;
    (await pc.getStats()).forEach((s: Record<string, unknown>) => {
      if (s.type === 'inbound-rtp' && s.kind === 'video') {
        result.framesDecoded += Number(s.framesDecoded ?? 0);
        result.frameWidth = Number(s.frameWidth ?? 0);
      }
      if (s.type === 'inbound-rtp' && s.kind === 'audio')
        result.audioPackets += Number(s.packetsReceived ?? 0);
      if (s.type === 'remote-candidate') result.remoteCandidateTypes.push(String(s.candidateType));
    });
    return result;
  });
}

async function framesRising(page: Page, timeout = 15_000) {
  const start = (await callStats(page)).framesDecoded;
  await expect
    .poll(async () => (await callStats(page)).framesDecoded, { timeout })
    .toBeGreaterThan(start + 5);
}

describe('video consultation', () => {
  it('connects video and audio both ways, relay-only for staff, with screen and document sharing', async () => {
    const staffContext = await browser.newContext({
      locale: 'de-DE',
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    const citizenContext = await browser.newContext({
      locale: 'de-DE',
      viewport: { width: 412, height: 900 },
    });
    const staff = await staffContext.newPage();
    const citizen = await citizenContext.newPage();

    await logInStaff(staff, t.url);
    await staff
      .getByRole('group', { name: /Demo-Büro/ })
      .getByRole('radio', { name: 'Im Dienst', exact: true })
      .check();

    await citizen.goto(`${t.url}/demo`);
    await citizen.getByRole('button', { name: 'Eintreten' }).click();
    await citizen.waitForURL(`${t.url}/demo/ticket`);
    await staff.getByRole('button', { name: 'Nächste Person aufrufen' }).first().click();
    await citizen.getByRole('button', { name: 'Jetzt eintreten' }).click();

    // Frames decoded and audio received on both sides.
    await framesRising(citizen);
    await framesRising(staff);
    await expect.poll(async () => (await callStats(citizen)).audioPackets).toBeGreaterThan(0);
    await expect.poll(async () => (await callStats(staff)).audioPackets).toBeGreaterThan(0);

    // Staff privacy: every candidate the citizen learned of the staff member is a relay.
    const types = (await callStats(citizen)).remoteCandidateTypes;
    expect(types.length).toBeGreaterThan(0);
    expect(new Set(types)).toEqual(new Set(['relay']));
    await expectNoAxeViolations(citizen);
    await expectNoAxeViolations(staff);

    // Screen sharing: the citizen receives the fake 1280-wide screen instead of the camera.
    await staff.getByRole('button', { name: 'Bildschirm teilen' }).click();
    await expect
      .poll(async () => (await callStats(citizen)).frameWidth, { timeout: 15_000 })
      .toBe(1280);

    // A document from the citizen arrives byte for byte on the staff side.
    const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(20_000, 9)]);
    await citizen
      .getByTestId('document-input')
      .setInputFiles({ name: 'Meldebescheinigung.png', mimeType: 'image/png', buffer: png });
    const doc = staff.getByTestId('document').filter({ hasText: 'Meldebescheinigung.png' });
    await doc.waitFor();
    const [download] = await Promise.all([
      staff.waitForEvent('download'),
      doc.getByRole('button', { name: /Herunterladen|Download/ }).click(),
    ]);
    const saved = fs.readFileSync(await download.path());
    expect(createHash('sha256').update(saved).digest('hex')).toBe(
      createHash('sha256').update(png).digest('hex'),
    );

    // The path is cut (the relay dies) and restored: ICE restarts and frames flow again.
    turn.stop();
    await citizen.waitForTimeout(3_000);
    turn.start();
    await framesRising(citizen, 30_000);
    await framesRising(staff, 30_000);

    // The end removes the document; the citizen may rate anonymously.
    await staff.getByRole('button', { name: 'Gespräch beenden' }).click();
    await expect
      .poll(() => fs.readdirSync(t.documentsDir).filter((f) => f !== 'incoming'))
      .toEqual([]);
    await citizen.getByRole('radio', { name: /5 Sterne/ }).check();
    await citizen.getByRole('button', { name: 'Bewertung senden' }).click();
    await citizen.getByText('Danke für Ihre Bewertung!').waitFor();
    const ratings = await t.database.db.selectFrom('ratings').select('stars').execute();
    expect(ratings).toEqual([{ stars: 5 }]);
    await staffContext.close();
    await citizenContext.close();
  });
});
