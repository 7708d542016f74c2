/**
 * The browser's one WebSocket to `/ws`: subscribe to topics, get whole snapshots pushed. It
 * reconnects by itself with exponential backoff and jitter (and at once when the network comes
 * back or the tab becomes visible), then subscribes again — the server answers each subscription
 * with the current snapshot, so nothing needs replaying.
 */
import type { ClientMessage, ServerMessage, SnapshotMessage } from '../../shared/protocol.js';
import { PROTOCOL_VERSION, topicKey, type Subscription } from '../../shared/topics.js';

export type ConnectionState = 'connecting' | 'open' | 'reconnecting';
type ErrorMessage = Extract<ServerMessage, { type: 'error' }>;
type TypingMessage = Extract<ServerMessage, { type: 'typing' }>;
export type SignalMessage = Extract<ServerMessage, { type: 'signal' }>;

interface Entry {
  sub: Subscription;
  onSnapshot: (message: SnapshotMessage) => void;
  onError?: (error: ErrorMessage) => void;
  /**
   * The subscription went out on the current socket. The server handles a connection's
   * messages in order, so whatever is sent after it is handled as a subscriber's.
   */
  onSent?: () => void;
}

const MIN_DELAY_MS = 500;
const MAX_DELAY_MS = 10_000;
const PING_MS = 25_000;

export class Realtime {
  private socket: WebSocket | null = null;
  private readonly entries = new Map<string, Set<Entry>>();
  private readonly stateListeners = new Set<(state: ConnectionState) => void>();
  private readonly typingListeners = new Set<(message: TypingMessage) => void>();
  private readonly signalListeners = new Set<(message: SignalMessage) => void>();
  /** The last snapshot per key received on the current socket (for a second subscriber). */
  private readonly latest = new Map<string, SnapshotMessage>();
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  state: ConnectionState = 'connecting';

  constructor(private readonly url = defaultUrl()) {
    window.addEventListener('online', () => this.reconnectNow());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') this.reconnectNow();
    });
  }

  /** Returns the function that ends the subscription. */
  subscribe(
    sub: Subscription,
    onSnapshot: Entry['onSnapshot'],
    onError?: Entry['onError'],
    onSent?: Entry['onSent'],
  ): () => void {
    const key = topicKey(sub);
    const entry: Entry = {
      sub,
      onSnapshot,
      ...(onError ? { onError } : {}),
      ...(onSent ? { onSent } : {}),
    };
    let set = this.entries.get(key);
    if (!set) {
      set = new Set();
      this.entries.set(key, set);
    }
    set.add(entry);
    const open = this.socket?.readyState === WebSocket.OPEN;
    if (open && onSent) queueMicrotask(() => set.has(entry) && onSent());
    if (set.size === 1) this.send({ v: PROTOCOL_VERSION, type: 'subscribe', sub });
    else {
      // A second subscriber to a live key gets the current snapshot too (not only the next one).
      const latest = this.latest.get(key);
      if (latest) queueMicrotask(() => set.has(entry) && entry.onSnapshot(latest));
    }
    this.ensureSocket();
    return () => {
      set.delete(entry);
      if (set.size === 0) {
        this.entries.delete(key);
        this.latest.delete(key);
        this.send({ v: PROTOCOL_VERSION, type: 'unsubscribe', key });
      }
    };
  }

  /** Sends when connected; messages while offline are dropped (snapshots repair the state). */
  send(message: ClientMessage): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message));
  }

  onState(listener: (state: ConnectionState) => void): () => void {
    this.stateListeners.add(listener);
    listener(this.state);
    return () => this.stateListeners.delete(listener);
  }

  onTyping(listener: (message: TypingMessage) => void): () => void {
    this.typingListeners.add(listener);
    return () => this.typingListeners.delete(listener);
  }

  /**
   * WebRTC signaling from the other participant of a consultation this connection is a member
   * of. The consultation's subscription on this socket makes it a member; signals sent before
   * it are refused by the server, so senders wait until it is sent (`lib/call/channel.ts`).
   */
  onSignal(listener: (message: SignalMessage) => void): () => void {
    this.signalListeners.add(listener);
    return () => this.signalListeners.delete(listener);
  }

  private ensureSocket(): void {
    if (this.socket || this.retryTimer) return;
    const socket = new WebSocket(this.url);
    this.socket = socket;
    socket.addEventListener('open', () => {
      this.attempt = 0;
      for (const set of this.entries.values()) {
        const first = set.values().next().value;
        if (first) this.send({ v: PROTOCOL_VERSION, type: 'subscribe', sub: first.sub });
      }
      this.setState('open');
      for (const set of this.entries.values()) for (const entry of set) entry.onSent?.();
      this.pingTimer = setInterval(() => this.send({ v: PROTOCOL_VERSION, type: 'ping' }), PING_MS);
    });
    socket.addEventListener('message', (event: MessageEvent<string>) => this.receive(event.data));
    socket.addEventListener('close', () => this.scheduleReconnect(socket));
    socket.addEventListener('error', () => socket.close());
  }

  private receive(raw: string): void {
    let message: ServerMessage;
    try {
      message = JSON.parse(raw) as ServerMessage;
    } catch {
      return;
    }
    if (message.type === 'snapshot') {
      if (this.entries.has(message.key)) this.latest.set(message.key, message);
      for (const entry of this.entries.get(message.key) ?? []) entry.onSnapshot(message);
    } else if (message.type === 'error' && message.key) {
      for (const entry of this.entries.get(message.key) ?? []) entry.onError?.(message);
    } else if (message.type === 'typing') {
      for (const listener of this.typingListeners) listener(message);
    } else if (message.type === 'signal') {
      for (const listener of this.signalListeners) listener(message);
    }
  }

  private scheduleReconnect(socket: WebSocket): void {
    if (this.socket !== socket) return;
    this.socket = null;
    this.latest.clear();
    clearInterval(this.pingTimer);
    this.setState('reconnecting');
    const delay = Math.min(MAX_DELAY_MS, MIN_DELAY_MS * 2 ** this.attempt++);
    this.retryTimer = setTimeout(
      () => {
        this.retryTimer = undefined;
        if (this.entries.size > 0) this.ensureSocket();
      },
      delay * (0.5 + Math.random() / 2),
    );
  }

  private reconnectNow(): void {
    if (this.socket || this.entries.size === 0) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.attempt = 0;
    this.ensureSocket();
  }

  private setState(state: ConnectionState): void {
    this.state = state;
    for (const listener of this.stateListeners) listener(state);
  }
}

function defaultUrl(): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/ws`;
}

let shared: Realtime | null = null;
/** The page's one connection. */
export function realtime(): Realtime {
  shared ??= new Realtime();
  return shared;
}
