/**
 * The booking bench's load client, in its own process (forked by bench/booking.ts), so that
 * its work does not share the app's event loop: app and floor are measured alike with it.
 * Plain HTTP/1.1 over keep-alive TCP sockets, requests prebuilt as bytes and responses read by
 * Content-Length (as autocannon does): Node's http client cost about as much CPU per request
 * as the floor's route itself and capped what could be measured.
 * Receives { url, bodies, connections } over IPC, posts every body with at most `connections`
 * requests in flight (one per socket), and answers { results, seconds }.
 */
import net from 'node:net';

export interface LoadJob {
  url: string;
  /** Request bodies, already JSON. */
  bodies: string[];
  connections: number;
}

export interface LoadResult {
  results: { status: number; code?: string }[];
  seconds: number;
}

type Result = LoadResult['results'][number];

/** One keep-alive connection: one request at a time, the answer read by Content-Length. */
class Connection {
  private buffer: Buffer = Buffer.alloc(0);
  private waiting: ((r: Result) => void) | null = null;
  private readonly socket: net.Socket;

  constructor(host: string, port: number) {
    this.socket = net.connect({ host, port, noDelay: true });
    this.socket.on('data', (chunk: Buffer) => this.read(chunk));
  }

  request(bytes: Buffer): Promise<Result> {
    return new Promise((resolve) => {
      this.waiting = resolve;
      this.socket.write(bytes);
    });
  }

  close(): void {
    this.socket.destroy();
  }

  private read(chunk: Buffer): void {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : Buffer.from(chunk);
    const end = this.buffer.indexOf('\r\n\r\n');
    if (end < 0) return;
    const head = this.buffer.subarray(0, end).toString('latin1');
    const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
    if (this.buffer.length < end + 4 + length) return;
    const body = this.buffer.subarray(end + 4, end + 4 + length);
    this.buffer = this.buffer.subarray(end + 4 + length);
    const status = Number(head.slice(9, 12));
    const result: Result = { status };
    if (status >= 400) {
      result.code = (JSON.parse(body.toString()) as { error: { code: string } }).error.code;
    }
    const done = this.waiting;
    this.waiting = null;
    done?.(result);
  }
}

async function run(job: LoadJob): Promise<LoadResult> {
  const url = new URL(job.url);
  const requests = job.bodies.map((body) =>
    Buffer.from(
      `POST ${url.pathname} HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    ),
  );
  const connections = Array.from(
    { length: Math.min(job.connections, requests.length) },
    () => new Connection(url.hostname, Number(url.port)),
  );
  const results: Result[] = new Array(requests.length);
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    connections.map(async (connection) => {
      while (next < requests.length) {
        const i = next++;
        results[i] = await connection.request(requests[i]!);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  for (const connection of connections) connection.close();
  return { results, seconds };
}

process.on('message', (job: LoadJob) => {
  run(job).then(
    (result) => process.send!(result),
    (error: unknown) => process.send!({ error: String(error) }),
  );
});
