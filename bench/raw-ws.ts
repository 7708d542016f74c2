/**
 * A minimal WebSocket client for the fan-out bench, cheaper per message than `ws` so that the
 * load client is not what limits the tail: a plain TCP socket reading into one shared buffer
 * (`onread`, no stream machinery), the opening handshake by hand, and a frame scanner that only
 * looks at frame headers — a text frame is reported by where its payload starts in the buffer.
 * Pings are answered (pong), as the servers would otherwise drop idle connections.
 */
import { connect, type Socket } from 'node:net';

/** All sockets read into this; callbacks run synchronously, so sharing it is safe. */
const READ_BUFFER = Buffer.alloc(256 * 1024);
const HEADER_END = Buffer.from('\r\n\r\n');

export interface RawWsHandlers {
  open(ws: RawWs): void;
  /** A text frame whose payload starts at `start` in `data`; `end` may be cut by the chunk. */
  text(data: Buffer, start: number, end: number, length: number): void;
  error(error: Error): void;
}

/** A masked (zero key) client frame. */
function clientFrame(opcode: number, payload: Buffer): Buffer {
  if (payload.length > 125) throw new Error('bench client frames are small');
  const header = Buffer.from([0x80 | opcode, 0x80 | payload.length, 0, 0, 0, 0]);
  return Buffer.concat([header, payload]);
}

export class RawWs {
  readonly socket: Socket;
  private open = false;
  private head = Buffer.alloc(0);
  /** Payload bytes of the current frame still to skip. */
  private remaining = 0;
  /** The start of a frame header cut by the chunk end. */
  private partial: Buffer | null = null;

  constructor(
    url: string,
    private readonly on: RawWsHandlers,
  ) {
    const { hostname, port, pathname, search } = new URL(url);
    this.socket = connect({
      host: hostname,
      port: Number(port),
      noDelay: true,
      onread: { buffer: READ_BUFFER, callback: (n) => this.read(READ_BUFFER, n) },
    });
    this.socket.on('connect', () => {
      const request = [
        `GET ${pathname}${search} HTTP/1.1`,
        `Host: ${hostname}:${port}`,
        'Upgrade: websocket',
        'Connection: Upgrade',
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
        'Sec-WebSocket-Version: 13',
      ];
      this.socket.write(request.join('\r\n') + '\r\n\r\n');
    });
    this.socket.on('error', (error) => on.error(error));
  }

  sendText(text: string): void {
    this.socket.write(clientFrame(0x1, Buffer.from(text)));
  }

  private read(buffer: Buffer, n: number): boolean {
    let data = buffer.subarray(0, n);
    if (!this.open) {
      this.head = Buffer.concat([this.head, data]);
      const end = this.head.indexOf(HEADER_END);
      if (end === -1) return true;
      if (!this.head.subarray(0, 12).toString().includes(' 101')) {
        this.on.error(new Error(`handshake: ${this.head.subarray(0, 40).toString()}`));
        return true;
      }
      this.open = true;
      data = this.head.subarray(end + 4);
      this.on.open(this);
    }
    if (this.partial) {
      data = Buffer.concat([this.partial, data]);
      this.partial = null;
    }
    this.frames(data);
    return true;
  }

  private frames(data: Buffer): void {
    let at = 0;
    while (at < data.length) {
      if (this.remaining > 0) {
        const skip = Math.min(this.remaining, data.length - at);
        this.remaining -= skip;
        at += skip;
        continue;
      }
      const left = data.length - at;
      const short = data[at + 1]! & 0x7f;
      const header = short === 126 ? 4 : short === 127 ? 10 : 2;
      if (left < header) {
        this.partial = Buffer.from(data.subarray(at)); // a copy: the read buffer is reused
        return;
      }
      const length =
        short === 126
          ? data.readUInt16BE(at + 2)
          : short === 127
            ? Number(data.readBigUInt64BE(at + 2))
            : short;
      const opcode = data[at]! & 0x0f;
      const start = at + header;
      const end = Math.min(start + length, data.length);
      if (opcode === 0x1) this.on.text(data, start, end, length);
      else if (opcode === 0x9)
        this.socket.write(clientFrame(0xa, Buffer.from(data.subarray(start, end))));
      this.remaining = length;
      at = start;
    }
  }
}
