/**
 * Document files on disk, outside the web root, under random names. An upload streams into a
 * temporary file while its size and SHA-256 are counted; refused uploads leave nothing behind.
 */
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../http/app-error.js';

export interface Received {
  tempPath: string;
  size: number;
  sha256: string;
  head: Buffer;
}

export class DocumentStore {
  constructor(private readonly dir: string) {
    fs.mkdirSync(path.join(dir, 'incoming'), { recursive: true });
  }

  pathOf(id: string): string {
    return path.join(this.dir, id);
  }

  async receive(body: Readable, maxBytes: number): Promise<Received> {
    const tempPath = path.join(this.dir, 'incoming', randomUUID());
    const hash = createHash('sha256');
    let size = 0;
    let head = Buffer.alloc(0);
    try {
      await pipeline(
        body,
        async function* (source: AsyncIterable<Buffer>) {
          for await (const chunk of source) {
            size += chunk.length;
            if (size > maxBytes) throw new AppError('DOCUMENT_TOO_LARGE');
            if (head.length < 16) head = Buffer.concat([head, chunk.subarray(0, 16 - head.length)]);
            hash.update(chunk);
            yield chunk;
          }
        },
        fs.createWriteStream(tempPath, { flags: 'wx', mode: 0o600 }),
      );
    } catch (error) {
      await fs.promises.rm(tempPath, { force: true });
      throw error;
    }
    return { tempPath, size, sha256: hash.digest('hex'), head };
  }

  async keep(received: Received, id: string): Promise<void> {
    await fs.promises.rename(received.tempPath, this.pathOf(id));
  }

  async discard(received: Received): Promise<void> {
    await fs.promises.rm(received.tempPath, { force: true });
  }

  async remove(ids: string[]): Promise<void> {
    await Promise.all(ids.map((id) => fs.promises.rm(this.pathOf(id), { force: true })));
  }
}
