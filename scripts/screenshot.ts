/**
 * Takes the README's screenshot of the office directory: the real app on in-memory PGlite with
 * the demo data, a pinned clock and two staff members on duty. Run: npm run screenshot
 */
import { launchBrowser } from '../test/e2e/browser.js';
import { startTestApp } from '../test/helpers/app.js';

const t = await startTestApp('pglite', { listen: true });
const db = t.database.db;
for (const [email, slug, state] of [
  ['anna.schmidt@buergerbuero.example', 'gewerbeamt', 'available'],
  ['anna.schmidt@buergerbuero.example', 'demo', 'available'],
  ['mehmet.yilmaz@buergerbuero.example', 'stadtkasse', 'paused'],
] as const) {
  const staff = await db
    .selectFrom('staff')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  const office = await db
    .selectFrom('offices')
    .select('id')
    .where('slug', '=', slug)
    .executeTakeFirstOrThrow();
  await db.insertInto('duty').values({ staff_id: staff.id, office_id: office.id, state }).execute();
}
const browser = await launchBrowser();
const page = await browser.newPage({
  locale: 'de-DE',
  viewport: { width: 420, height: 900 },
  deviceScaleFactor: 2,
});
await page.goto(`${t.url}/`);
await page.locator('vb-office-card').first().waitFor();
await page.screenshot({ path: 'docs/screenshot-directory.png' });
await browser.close();
await t.close();
console.log('wrote docs/screenshot-directory.png');
