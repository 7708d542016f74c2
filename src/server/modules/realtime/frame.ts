/**
 * A WebSocket text frame built once and written as the same bytes to every subscriber: the send
 * cost per client is one socket write, never a serialization (ws's own send would frame per call).
 */
import * as ws from 'ws';
import type { WebSocket } from 'ws';

interface FrameOptions {
  fin: boolean;
  opcode: number;
  mask: boolean;
  readOnly: boolean;
  rsv1: boolean;
}
// ws exports its Sender in ESM, but @types/ws does not declare it.
const { Sender } = ws as unknown as { Sender: { frame(data: Buffer, o: FrameOptions): Buffer[] } };

export function textFrame(json: string): Buffer {
  const parts = Sender.frame(Buffer.from(json), {
    fin: true,
    opcode: 0x01,
    mask: false,
    readOnly: true,
    rsv1: false,
  });
  return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
}

/** A slow client that lets this much pile up is cut off rather than grow the server's memory. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

interface RawSocket {
  writableLength: number;
  write(data: Buffer): boolean;
}

/** Writes a pre-built frame. Valid because per-message deflate is off (frames go out as is). */
export function writeFrame(socket: WebSocket, frame: Buffer): void {
  if (socket.readyState !== socket.OPEN) return;
  const raw = (socket as unknown as { _socket: RawSocket })._socket;
  if (raw.writableLength > MAX_BUFFERED_BYTES) {
    socket.terminate();
    return;
  }
  raw.write(frame);
}
