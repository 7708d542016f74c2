/**
 * The control channel every fan-out bench server speaks: commands as lines on stdin, answers as
 * JSON lines on stdout. `fire <bytes> <mode>` makes one change, `mem` prints memory after GC,
 * `quit` (or stdin closing, e.g. when the load client dies) closes the server and exits.
 */
import { createInterface } from 'node:readline';

export interface BenchServer {
  url: string;
  /** One change: resolves when it is answered (app: after its commit) or written to every socket. */
  fire(bytes: number, mode: string): Promise<void> | void;
  connections(): number;
  close(): Promise<void>;
}

export function emit(message: object): void {
  process.stdout.write(JSON.stringify(message) + '\n');
}

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run the server with --expose-gc');
  gc();
  gc();
}

export function serveControl(server: BenchServer): void {
  let closing = false;
  const quit = async () => {
    if (closing) return;
    closing = true;
    const force = setTimeout(() => process.exit(1), 10_000);
    await server.close().catch(() => undefined);
    clearTimeout(force);
    process.exit(0);
  };
  process.stdout.on('error', () => void quit()); // EPIPE: the load client is gone
  process.on('SIGTERM', () => void quit());
  process.on('SIGINT', () => void quit());

  const lines = createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    const at = performance.now();
    const [command, bytes, mode] = line.trim().split(' ');
    if (command === 'fire') {
      void Promise.resolve()
        .then(() => server.fire(Number(bytes), mode ?? ''))
        .then(
          () => emit({ fired: performance.now() - at }),
          (error: unknown) => emit({ error: String(error) }),
        );
    } else if (command === 'mem') {
      collectGarbage();
      emit({ mem: process.memoryUsage(), connections: server.connections() });
    } else if (command === 'quit') {
      void quit();
    }
  });
  lines.on('close', () => void quit());
  emit({ ready: server.url });
}
