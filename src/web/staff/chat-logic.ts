/**
 * The staff chat's pure parts: merging the snapshot with messages this page just sent, the
 * delivered ticks of own messages, and the throttled "is typing" signal.
 */
import type { ChatMessage, ConsultationSnapshot } from '../../shared/queue.js';

/** The snapshot's messages plus own ones it does not have yet, in id order. */
export function mergeMessages(
  fromServer: readonly ChatMessage[],
  sentHere: readonly ChatMessage[],
): ChatMessage[] {
  const known = new Set(fromServer.map((message) => message.id));
  const extra = sentHere.filter((message) => !known.has(message.id));
  return extra.length === 0
    ? [...fromServer]
    : [...fromServer, ...extra].sort((a, b) => a.id - b.id);
}

export function maxMessageId(messages: readonly ChatMessage[]): number {
  return messages.reduce((max, message) => Math.max(max, message.id), 0);
}

/** For staff's own messages: has the citizen's page shown it yet? null for the citizen's. */
export function delivery(
  message: ChatMessage,
  receivedUpTo: ConsultationSnapshot['receivedUpTo'] | undefined,
): 'sent' | 'delivered' | null {
  if (message.from !== 'staff') return null;
  return receivedUpTo && receivedUpTo.citizen >= message.id ? 'delivered' : 'sent';
}

/** Tells the other side about typing; `send` gets true/false only on real changes (and repeats). */
export class TypingSignal {
  private active = false;
  private lastSent = 0;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly send: (typing: boolean) => void,
    private readonly repeatMs = 2_000,
    private readonly idleMs = 3_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** After every change of the draft; an empty draft means "not typing". */
  input(draft: string): void {
    if (draft.trim() === '') {
      this.stop();
      return;
    }
    const now = this.now();
    if (!this.active || now - this.lastSent >= this.repeatMs) {
      this.active = true;
      this.lastSent = now;
      this.send(true);
    }
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.stop(), this.idleMs);
  }

  /** On send, after a pause, when the consultation goes. */
  stop(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    if (!this.active) return;
    this.active = false;
    this.send(false);
  }
}
