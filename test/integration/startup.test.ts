/**
 * The real process as `npm start` runs it: first start migrates and seeds, a second process on
 * the same PGlite folder fails at once, a bad variable stops the app with one line, and a
 * restart keeps the data without seeding twice.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, startProcess } from '../helpers/process.js';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'buergerbuero-startup-'));
const running: ChildProcess[] = [];

afterAll(() => {
  for (const child of running) child.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function start(env: Record<string, string>) {
  const app = startProcess({ DATA_DIR: dataDir, ...env });
  running.push(app.child);
  return app;
}

describe('starting the app process', () => {
  it('migrates, seeds demo data, serves the offices and prints the demo accounts', async () => {
    const port = await freePort();
    const app = start({ PORT: String(port) });
    await app.ready;
    expect(app.output().stdout).toContain('demo data seeded');
    expect(app.output().stdout).toContain('anna.schmidt@buergerbuero.example');
    const response = await fetch(`http://127.0.0.1:${port}/api/offices`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { offices: unknown[] };
    expect(body.offices).toHaveLength(9);

    // A second process on the same folder fails at once with a clear message.
    const second = start({ PORT: String(await freePort()) });
    expect(await second.exited).toBe(1);
    expect(second.output().stderr).toMatch(/in use by another running process \(PID \d+\)/);

    app.child.kill('SIGTERM');
    expect(await app.exited).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'app.lock'))).toBe(false);
  });

  it('keeps the data across a restart and does not seed twice', async () => {
    const port = await freePort();
    const app = start({ PORT: String(port) });
    await app.ready;
    expect(app.output().stdout).not.toContain('demo data seeded');
    const body = (await (await fetch(`http://127.0.0.1:${port}/api/offices`)).json()) as {
      offices: unknown[];
    };
    expect(body.offices).toHaveLength(9);
    app.child.kill('SIGTERM');
    await app.exited;
  });

  it('stops with one line naming a wrong variable', async () => {
    const app = start({ PORT: 'eighty' });
    expect(await app.exited).toBe(1);
    expect(app.output().stderr.trim()).toBe(
      'buergerbuero: invalid configuration: PORT: expected a whole number from 1 to 65535, got "eighty"',
    );
  });
});
