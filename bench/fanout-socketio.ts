/**
 * The Socket.IO 4 baseline for the lobby fan-out bench: WebSocket transport only, no
 * compression. A new connection gets the current snapshot (`snapshot` event); `fire <bytes>`
 * broadcasts one snapshot of that size with `io.emit` (Socket.IO encodes a broadcast once and
 * hands the packet to each client's engine.io socket). Run with --expose-gc; spoken to by
 * bench/fanout-client.ts, which speaks the engine.io v4 protocol over a plain WebSocket.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { serveControl } from './fanout-control.js';
import { paddedSnapshot } from './fanout-stats.js';

let current = paddedSnapshot(Number(process.env.BENCH_BYTES ?? 400)).object;

const http = createServer();
const io = new Server(http, {
  transports: ['websocket'],
  perMessageDeflate: false,
  serveClient: false,
});
io.on('connection', (socket) => socket.emit('snapshot', current));
await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
const { port } = http.address() as AddressInfo;

serveControl({
  url: `http://127.0.0.1:${port}`,
  fire(bytes) {
    current = paddedSnapshot(bytes).object;
    io.emit('snapshot', current);
  },
  connections: () => io.engine.clientsCount,
  close: async () => {
    io.disconnectSockets(true);
    await io.close();
  },
});
