/**
 * The app's call setup, measured in the real pages: staff (one context, logged in, on duty at
 * the Demo office) calls; each round a fresh citizen context enters /demo, waits in the lobby,
 * and clicks "Jetzt eintreten" as soon as it appears (automatic, as a test would).
 * t0 = the staff page's click event on "Nächste Person aufrufen" (in-page timestamp);
 * t1 = the first decoded remote video frame (getStats via `window.__vbCall.pc`) on each side.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { logInStaff } from '../test/e2e/browser.js';
import type { BenchApp } from './call-server.js';
import { instrument } from './call-probe.js';
import type { CallCpu } from './call-cpu.js';
import type { CallProfiles } from './call-profile.js';
import type { CallTraces } from './call-trace.js';
import type { Mark } from './call-types.js';
import { series, timelineLines, type Series, type Timeline } from './call-stats.js';

export interface AppResult {
  citizen: Series;
  staff: Series;
  both: Series;
  /** Per round: what happened when, on both sides. */
  timelines: Timeline[];
  /** Node's click() call → the click event in the page (ms), per round. */
  clickLag: number[];
}

const FRAME_TIMEOUT_MS = 15_000;

export async function newContext(browser: Browser, mobile: boolean): Promise<BrowserContext> {
  const context = await browser.newContext({
    locale: 'de-DE',
    viewport: mobile ? { width: 390, height: 844 } : { width: 1280, height: 900 },
  });
  await instrument(context);
  return context;
}

export async function staffOnDuty(browser: Browser, t: BenchApp): Promise<Page> {
  const staff = await (await newContext(browser, false)).newPage();
  await logInStaff(staff, t.url);
  const duty = staff.getByRole('group', { name: /Demo-Büro/ });
  await duty.getByRole('radio', { name: 'Im Dienst', exact: true }).check();
  return staff;
}

/** Every mark at or after t0, as [side: name, ms after t0], in time order. */
export function timeline(sides: Record<string, Mark[]>, t0: number): Timeline {
  const rows: Timeline = [];
  for (const [side, marks] of Object.entries(sides)) {
    for (const [name, at] of marks) if (at >= t0 - 1) rows.push([`${side}: ${name}`, at - t0]);
  }
  return rows.sort((x, y) => x[1] - y[1]);
}

async function marksOf(page: Page): Promise<Mark[]> {
  return page.evaluate(() => window.__bench.marks);
}

export interface OpenCall {
  context: BrowserContext;
  citizen: Page;
  /** ms after t0; NaN when no frame came. */
  citizenMs: number;
  staffMs: number;
  timeline: Timeline;
  clickLag: number | null;
}

/** One call from the citizen entering to both first frames; the call stays open. */
export interface CallOptions {
  /** `playwright`: locator.click() as a test would; `page`: clicked in the page when shown. */
  join: 'playwright' | 'page';
  /** `--profile`: sample both pages' main threads over the setup. */
  profile?: CallProfiles;
  /** `--trace DIR`: a Chromium trace of each setup. */
  trace?: CallTraces;
  /** `--cpu`: CPU time per process over each setup. */
  cpu?: CallCpu;
}

export async function openCall(
  browser: Browser,
  t: BenchApp,
  staff: Page,
  round: number,
  options: CallOptions,
): Promise<OpenCall> {
  t.setNow(new Date()); // the pinned clock follows real time (the browsers use it)
  const context = await newContext(browser, true);
  try {
    const citizen = await context.newPage();
    await citizen.goto(`${t.url}/demo`);
    await citizen.getByLabel(/Ihr Name/).fill(`Bench ${String(round).padStart(2, '0')}`);
    await citizen.getByRole('button', { name: 'Eintreten', exact: true }).click();
    await citizen.waitForURL(`${t.url}/demo/ticket`);
    await staff.locator('#call-next-demo[aria-disabled="false"]').waitFor();
    await staff.evaluate(() => window.__bench.reset());
    await citizen.evaluate(() => window.__bench.reset());

    const since = await staff.evaluate(() => window.__bench.now());
    const frame = (page: Page) =>
      page.evaluate(([from, timeout]) => window.__bench.waitFrame(from, timeout), [
        since,
        FRAME_TIMEOUT_MS,
      ] as const);
    const citizenFrame = frame(citizen);
    const staffFrame = frame(staff);
    const join =
      options.join === 'page'
        ? citizen.evaluate(clickJoinWhenShown)
        : citizen
            .getByRole('button', { name: 'Jetzt eintreten', exact: true })
            .click({ timeout: FRAME_TIMEOUT_MS });
    const profiling: (() => Promise<void>)[] = options.profile
      ? await Promise.all([
          options.profile.start(citizen, 'citizen'),
          options.profile.start(staff, 'staff'),
        ])
      : [];
    if (options.trace) profiling.push(await options.trace.start(browser, round));
    if (options.cpu) profiling.push(options.cpu.start());
    const clickIssued = performance.timeOrigin + performance.now();
    await staff.locator('#call-next-demo').click();
    const [citizenAt, staffAt] = await Promise.allSettled([citizenFrame, staffFrame, join]);
    for (const stop of profiling) await stop();
    options.profile?.callDone();

    const staffMarks = await marksOf(staff);
    const clickMark = staffMarks.find(([name]) => name.startsWith('click Nächste Person'));
    const t0 = clickMark?.[1] ?? clickIssued;
    return {
      context,
      citizen,
      citizenMs: citizenAt.status === 'fulfilled' ? citizenAt.value - t0 : NaN,
      staffMs: staffAt.status === 'fulfilled' ? staffAt.value - t0 : NaN,
      timeline: timeline({ staff: staffMarks, citizen: await marksOf(citizen) }, t0),
      clickLag: clickMark ? clickMark[1] - clickIssued : null,
    };
  } catch (error) {
    await context.close();
    throw error;
  }
}

/** In the citizen's page: clicks "Jetzt eintreten" the moment it is rendered and enabled. */
function clickJoinWhenShown(): void {
  const observer = new MutationObserver(() => {
    const button = [...document.querySelectorAll('button')].find(
      (b) => b.textContent?.trim() === 'Jetzt eintreten' && !b.disabled,
    );
    if (!button) return;
    observer.disconnect();
    button.click();
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
}

export async function endCall(staff: Page, call: OpenCall): Promise<void> {
  try {
    await staff.getByRole('button', { name: 'Gespräch beenden' }).click();
    await call.citizen.getByText('Vielen Dank! Das Gespräch ist beendet.').waitFor();
  } finally {
    await call.context.close();
  }
}

export async function runAppCalls(
  browser: Browser,
  t: BenchApp,
  staff: Page,
  calls: number,
  options: CallOptions & { gapMs: number },
  log: (line: string) => void,
): Promise<AppResult> {
  const result: AppResult = {
    citizen: series('(a) call click → citizen first frame'),
    staff: series('(b) call click → staff first frame'),
    both: series('(c) call click → both sides (later)'),
    timelines: [],
    clickLag: [],
  };
  const record = (s: Series, v: number) => (Number.isFinite(v) ? s.values.push(v) : s.failed++);
  for (let round = 1; round <= calls; round++) {
    // Between real calls the staff camera closes (2 s after a call): so it does here.
    if (round > 1) await staff.waitForTimeout(options.gapMs);
    try {
      const call = await openCall(browser, t, staff, round, options);
      const { citizenMs: a, staffMs: b } = call;
      record(result.citizen, a);
      record(result.staff, b);
      record(result.both, Math.max(a, b));
      result.timelines.push(call.timeline);
      if (call.clickLag !== null) result.clickLag.push(call.clickLag);
      log(`  call ${round}: citizen ${a.toFixed(0)} ms, staff ${b.toFixed(0)} ms`);
      if (!Number.isFinite(a + b)) for (const l of timelineLines(call.timeline)) log(`  ${l}`);
      await endCall(staff, call);
    } catch (error) {
      log(`  call ${round} failed: ${String(error).split('\n')[0]}`);
      result.both.failed++;
      await recoverStaff(staff);
    }
  }
  return result;
}

/** After a failed round: end whatever consultation is still open, back to the queue. */
async function recoverStaff(staff: Page): Promise<void> {
  const end = staff.getByRole('button', { name: 'Gespräch beenden' });
  if (await end.isVisible().catch(() => false)) await end.click().catch(() => undefined);
  const absent = staff.getByRole('button', { name: /abwesend/i });
  if (await absent.isVisible().catch(() => false)) await absent.click().catch(() => undefined);
  await staff.waitForTimeout(500);
}
