/**
 * coturn for the bench, started through the project's own `scripts/start-coturn.sh` on a port
 * of its own (so a test's coturn on 3478 is left alone), in its own temporary folder.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { turnCredentials } from '../src/server/modules/calls/ice.js';

const run = promisify(execFile);
const SCRIPT = path.resolve('scripts/start-coturn.sh');

export interface Turn {
  port: number;
  urls: string[];
  secret: string;
  pid(): number;
  restart(): Promise<void>;
  /** ICE servers with fresh TURN REST credentials (for the floor pages). */
  iceServers(label: string): RTCIceServer[];
  stop(): Promise<void>;
}

const tcpFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });

export async function startTurn(): Promise<Turn> {
  let port = 0;
  for (let i = 0; i < 50 && !port; i++) {
    const candidate = 3600 + Math.floor(Math.random() * 400);
    if (await tcpFree(candidate)) port = candidate;
  }
  if (!port) throw new Error('no free port for coturn');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'call-setup-coturn-'));
  const env = { ...process.env, COTURN_DIR: dir };
  const start = () => run('bash', [SCRIPT, String(port)], { env });
  const { stdout } = await start();
  const value = (name: string) =>
    stdout
      .split('\n')
      .find((l) => l.startsWith(`${name}=`))
      ?.slice(name.length + 1) ?? '';
  const urls = value('TURN_URLS').split(',');
  const secret = value('TURN_SECRET');
  const pid = () => Number(fs.readFileSync(path.join(dir, 'pid'), 'utf8').trim());
  await waitListening(port);
  return {
    port,
    urls,
    secret,
    pid,
    async restart() {
      await start();
      await waitListening(port);
    },
    iceServers(label) {
      const turn = { urls, secret, ttlSeconds: 3600 };
      return [{ urls, ...turnCredentials(turn, label, new Date()) }];
    },
    async stop() {
      try {
        const id = pid();
        process.kill(id, 'SIGCONT');
        process.kill(id, 'SIGTERM');
        for (let i = 0; i < 20 && alive(id); i++) await new Promise((r) => setTimeout(r, 50));
        if (alive(id)) process.kill(id, 'SIGKILL');
      } catch {
        /* already gone */
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** coturn's pid file appears before its sockets are bound: wait for the TCP listener. */
async function waitListening(port: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`coturn not listening on ${port}`);
}
