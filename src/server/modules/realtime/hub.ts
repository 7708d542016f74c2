/**
 * The node-local side of the realtime path. For each topic key with subscribers on this node:
 * a change notification triggers one refresh (at once when the key is quiet; changes during a
 * refresh or the 20 ms after it are batched into one more), which reads the snapshot once,
 * serializes it once into one frame, and writes the same bytes to every subscriber.
 * Nothing here is state of record: a restarted node simply serves fresh snapshots.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { WebSocket } from 'ws';
import type { ErrorCode } from '../../../shared/errors.js';
import type { Topic } from '../../../shared/protocol.js';
import { textFrame, writeFrame } from './frame.js';

/** Loads the current snapshot of a key, or null when its subject no longer exists. */
export type SnapshotLoader = (key: string) => Promise<unknown>;

export interface HubOptions {
  loaders: Record<Topic, SnapshotLoader>;
  /** What to tell subscribers when a loader returns null. */
  goneCodes: Partial<Record<Topic, ErrorCode>>;
  errorFrame(code: ErrorCode, key: string): Buffer;
  log: FastifyBaseLogger;
  coalesceMs?: number;
  /** Topics whose refresh may wait this long (ms) — out of the way of what is urgent. */
  lazy?: Partial<Record<Topic, number>>;
}

interface KeyState {
  topic: Topic;
  sockets: Set<WebSocket>;
  /** The last frame sent, served at once to new subscribers while no refresh is pending. */
  frame: Buffer | null;
  /** The quiet period after a refresh, during which further changes are batched. */
  timer: NodeJS.Timeout | null;
  loading: Promise<void> | null;
  /** A change arrived while loading or in the quiet period: refresh again after it. */
  dirty: boolean;
  /** Subscribers still waiting for their first snapshot. */
  fresh: Set<WebSocket>;
  /** A refresh is due on the next turn of the event loop. */
  queued: boolean;
}

export class Hub {
  private readonly keys = new Map<string, KeyState>();

  constructor(private readonly options: HubOptions) {}

  /** Adds a subscriber and sends it the current snapshot. */
  async subscribe(socket: WebSocket, topic: Topic, key: string): Promise<void> {
    let state = this.keys.get(key);
    if (!state) {
      state = {
        topic,
        sockets: new Set(),
        frame: null,
        timer: null,
        loading: null,
        dirty: false,
        fresh: new Set(),
        queued: false,
      };
      this.keys.set(key, state);
    }
    state.sockets.add(socket);
    if (state.frame && !state.loading && !state.dirty && !state.queued) {
      writeFrame(socket, state.frame); // current: nothing changed since it was built
      return;
    }
    state.fresh.add(socket);
    // A running load serves `fresh` too; in the quiet period a refresh follows when it ends.
    if (!state.loading && !state.queued) {
      if (state.timer) state.dirty = true;
      else this.refreshNow(key, state);
    }
    await state.loading;
  }

  unsubscribe(socket: WebSocket, key: string): void {
    const state = this.keys.get(key);
    if (!state) return;
    state.sockets.delete(socket);
    state.fresh.delete(socket);
    if (state.sockets.size === 0) {
      if (state.timer) clearTimeout(state.timer);
      this.keys.delete(key);
    }
  }

  /** Keys with subscribers on this node, e.g. for presence heartbeats. */
  keysOf(topic: Topic): string[] {
    return [...this.keys].filter(([, s]) => s.topic === topic).map(([key]) => key);
  }

  /** Topics changed somewhere (any node). `offices` stands for every language of it. */
  invalidate(topics: string[]): void {
    for (const topic of topics) {
      if (topic === 'offices') {
        for (const key of this.keysOf('offices')) this.schedule(key);
      } else {
        this.schedule(topic);
      }
    }
  }

  /** After a lost notification connection: everything may be stale. */
  invalidateAll(): void {
    for (const key of this.keys.keys()) this.schedule(key);
  }

  close(): void {
    for (const state of this.keys.values()) if (state.timer) clearTimeout(state.timer);
    this.keys.clear();
  }

  /**
   * Leading-edge coalescing: a change on a quiet key is served at once; changes that arrive
   * while it loads or within `coalesceMs` after it are batched into one more refresh.
   */
  private schedule(key: string): void {
    const state = this.keys.get(key);
    if (!state || state.queued) return;
    if (state.loading || state.timer) {
      state.dirty = true;
      return;
    }
    // Next turn, not now: the request that committed the change answers first (on PGlite its
    // follow-up query would otherwise wait behind the snapshot load and the write loop).
    state.queued = true;
    const run = () => {
      state.queued = false;
      if (this.keys.get(key) === state) this.refreshNow(key, state);
    };
    const wait = this.options.lazy?.[state.topic];
    if (wait) setTimeout(run, wait).unref();
    else setImmediate(run);
  }

  private refreshNow(key: string, state: KeyState): void {
    state.dirty = false;
    state.loading = this.load(key, state).finally(() => {
      state.loading = null;
      state.timer = setTimeout(() => {
        state.timer = null;
        if (state.dirty && this.keys.get(key) === state) this.refreshNow(key, state);
      }, this.options.coalesceMs ?? 20);
    });
  }

  private async load(key: string, state: KeyState): Promise<void> {
    let data: unknown;
    try {
      data = await this.options.loaders[state.topic](key);
    } catch (error) {
      this.options.log.error({ err: error, key }, 'snapshot failed');
      return; // subscribers keep the last snapshot; the next change retries
    }
    if (data === null) {
      const code = this.options.goneCodes[state.topic] ?? 'NOT_FOUND';
      const frame = this.options.errorFrame(code, key);
      for (const socket of state.sockets) writeFrame(socket, frame);
      state.sockets.clear();
      this.keys.delete(key);
      return;
    }
    const frame = textFrame(
      JSON.stringify({ v: 1, type: 'snapshot', topic: state.topic, key, data }),
    );
    // Unchanged: only subscribers that have nothing yet need it.
    const targets = state.frame?.equals(frame) ? state.fresh : state.sockets;
    state.frame = frame;
    for (const socket of targets) writeFrame(socket, frame);
    state.fresh.clear();
  }
}
