/**
 * The floor for the lobby fan-out bench: a bare `ws` server (no framework, no database). A new
 * connection gets the current snapshot; `fire <bytes> <mode>` builds one snapshot of that size
 * and writes it to every client, either
 *  - `frame`: one text frame built once (`Sender.frame`) and the same bytes written to each
 *    raw socket — what the app's hub does — or
 *  - `send`: `ws.send(buffer)` of one pre-built Buffer, so ws frames it per call.
 * Run with --expose-gc; spoken to by bench/fanout-client.ts.
 */
import * as ws from 'ws';
import { WebSocketServer, type WebSocket } from 'ws';
import { serveControl } from './fanout-control.js';
import { paddedSnapshot } from './fanout-stats.js';

interface FrameOptions {
  fin: boolean;
  opcode: number;
  mask: boolean;
  readOnly: boolean;
  rsv1: boolean;
}
// ws exports Sender in ESM, but @types/ws does not declare it.
const { Sender } = ws as unknown as { Sender: { frame(d: Buffer, o: FrameOptions): Buffer[] } };

function textFrame(payload: Buffer): Buffer {
  const options = { fin: true, opcode: 0x01, mask: false, readOnly: true, rsv1: false };
  const parts = Sender.frame(payload, options);
  return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
}

const rawSocket = (ws: WebSocket) =>
  (ws as unknown as { _socket: { write(data: Buffer): boolean } })._socket;

let current = Buffer.from(paddedSnapshot(Number(process.env.BENCH_BYTES ?? 400)).json);

const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
wss.on('connection', (ws) => ws.send(current, { binary: false }));
await new Promise<void>((resolve) => wss.once('listening', resolve));
const address = wss.address();
if (!address || typeof address === 'string') throw new Error('unexpected address');

serveControl({
  url: `http://127.0.0.1:${address.port}`,
  fire(bytes, mode) {
    current = Buffer.from(paddedSnapshot(bytes).json);
    if (mode === 'send') {
      for (const ws of wss.clients) {
        if (ws.readyState === ws.OPEN) ws.send(current, { binary: false });
      }
    } else {
      const frame = textFrame(current);
      for (const ws of wss.clients) if (ws.readyState === ws.OPEN) rawSocket(ws).write(frame);
    }
  },
  connections: () => wss.clients.size,
  close: () =>
    new Promise<void>((resolve) => {
      for (const ws of wss.clients) ws.terminate();
      wss.close(() => resolve());
    }),
});
