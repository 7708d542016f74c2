/**
 * Takes the README's screenshot of the office directory: the real app on in-memory PGlite with
 * the demo data, a pinned clock and two staff members on duty. Run: npm run screenshot
 */
import { launchBrowser } from '../test/e2e/browser.js';
import { putOnDuty, startTestApp } from '../test/helpers/app.js';

const t = await startTestApp('pglite', { listen: true });
await putOnDuty(t, 'anna.schmidt@buergerbuero.example', 'gewerbeamt', 'available');
await putOnDuty(t, 'anna.schmidt@buergerbuero.example', 'demo', 'available');
await putOnDuty(t, 'mehmet.yilmaz@buergerbuero.example', 'stadtkasse', 'paused');
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
