/**
 * The real app in-process, as `startTestApp(kind, { listen: true, now, config })` starts it
 * (PGlite; PostgreSQL when TEST_DATABASE_URL is set)
 * (same database, demo seed, config defaults, pinned clock), with one difference: it serves a
 * copy of build/web taken at start. Others rebuild build/web while the bench runs; the app
 * reads its HTML shell once and registers one route per built file, so a rebuild in the middle
 * of a run would break every page loaded after it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp, DEFAULT_APP_CONFIG, type AppConfig } from '../src/server/app.js';
import { seedDemoData } from '../src/server/demo/seed.js';
import { openTestDatabase } from '../test/helpers/databases.js';

export interface BenchApp {
  url: string;
  /** When the web build copied was made. */
  built: Date;
  setNow(now: Date): void;
  close(): Promise<void>;
}

const WEB = path.resolve('build/web');

/** A consistent copy: no rebuild while copying, every asset the HTML names is there. */
async function snapshotWeb(): Promise<{ dir: string; built: Date }> {
  for (let attempt = 0; attempt < 30; attempt++) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'call-setup-web-'));
    try {
      const before = fs.statSync(path.join(WEB, 'index.html')).mtimeMs;
      fs.cpSync(WEB, dir, { recursive: true });
      const after = fs.statSync(path.join(WEB, 'index.html')).mtimeMs;
      const named = ['index.html', 'staff/index.html'].flatMap((page) =>
        [...fs.readFileSync(path.join(dir, page), 'utf8').matchAll(/\/assets\/[\w.-]+/g)].map(
          (m) => m[0],
        ),
      );
      if (before === after && named.every((asset) => fs.existsSync(path.join(dir, asset)))) {
        return { dir, built: new Date(after) };
      }
    } catch {
      /* a build is under way */
    }
    fs.rmSync(dir, { recursive: true, force: true });
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error('build/web: no complete build to copy (run `npm run build`)');
}

export async function startBenchApp(config: Partial<AppConfig>): Promise<BenchApp> {
  const web = await snapshotWeb();
  const database = await openTestDatabase(process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite');
  let now = new Date();
  await seedDemoData(database.db, now);
  const documentsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'call-setup-documents-'));
  const app = await buildApp({
    config: { ...DEFAULT_APP_CONFIG, logLevel: 'silent', documentsDir, ...config },
    database,
    clock: () => now,
    webRoot: web.dir,
  });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url,
    built: web.built,
    setNow(next) {
      now = next;
    },
    async close() {
      await app.close();
      await database.close();
      fs.rmSync(documentsDir, { recursive: true, force: true });
      fs.rmSync(web.dir, { recursive: true, force: true });
    },
  };
}
