/** A real coturn on loopback for call tests (scripts/start-coturn.sh), stoppable to cut the path. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { TurnConfig } from '../../src/server/config.js';
import { freePort } from './process.js';

export interface Coturn {
  turn: TurnConfig;
  start(): void;
  stop(): void;
}

export async function coturn(): Promise<Coturn> {
  const port = await freePort();
  const dir = `/tmp/buergerbuero-coturn-test-${port}`;
  const secret = 'test-only-shared-secret-0123456789';
  const script = path.resolve('scripts/start-coturn.sh');
  const start = () => {
    execFileSync(script, [String(port), secret], { env: { ...process.env, COTURN_DIR: dir } });
  };
  const stop = () => {
    const pidFile = path.join(dir, 'pid');
    if (!fs.existsSync(pidFile)) return;
    try {
      process.kill(Number(fs.readFileSync(pidFile, 'utf8')), 'SIGKILL');
    } catch {
      // already gone
    }
    fs.rmSync(pidFile, { force: true });
  };
  start();
  return {
    turn: {
      urls: [`turn:127.0.0.1:${port}?transport=udp`, `turn:127.0.0.1:${port}?transport=tcp`],
      secret,
      ttlSeconds: 3600,
    },
    start,
    stop,
  };
}
