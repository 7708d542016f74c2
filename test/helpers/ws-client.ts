/** A WebSocket test client that records every message and waits for the ones a test expects. */
import WebSocket from 'ws';
import type { ClientMessage, ServerMessage } from '../../src/shared/protocol.js';

export class TestSocket {
  readonly messages: ServerMessage[] = [];
  private waiters: (() => void)[] = [];
  closeCode: number | null = null;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => {
      this.messages.push(JSON.parse(data.toString()) as ServerMessage);
      for (const wake of this.waiters.splice(0)) wake();
    });
    ws.on('close', (code) => {
      this.closeCode = code;
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  static open(baseUrl: string, headers: Record<string, string> = {}): Promise<TestSocket> {
    const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/ws`, { headers });
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(new TestSocket(ws)));
      ws.once('error', reject);
    });
  }

  send(message: ClientMessage | Record<string, unknown>): void {
    this.ws.send(JSON.stringify(message));
  }

  sendRaw(data: string | Buffer): void {
    this.ws.send(data);
  }

  /** Resolves with the first message (from `since` on) matching, or fails after `ms`. */
  async next<T extends ServerMessage>(
    match: (m: ServerMessage) => m is T,
    { since = 0, ms = 5000 }: { since?: number; ms?: number } = {},
  ): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = this.messages.slice(since).find(match);
      if (found) return found;
      if (this.closeCode !== null) throw new Error(`socket closed (${this.closeCode})`);
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(`no matching message; got ${JSON.stringify(this.messages.slice(since))}`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** The latest snapshot of `key` that satisfies `ok`, waiting for it. */
  snapshot<D = unknown>(key: string, ok: (data: D) => boolean = () => true, ms = 5000): Promise<D> {
    return this.next(
      (m): m is Extract<ServerMessage, { type: 'snapshot' }> =>
        m.type === 'snapshot' && m.key === key && ok(m.data as D),
      { ms },
    ).then((m) => m.data as D);
  }

  error(key?: string, ms = 5000) {
    return this.next(
      (m): m is Extract<ServerMessage, { type: 'error' }> =>
        m.type === 'error' && (key === undefined || m.key === key),
      { ms },
    );
  }

  close(): void {
    this.ws.close();
  }
}
