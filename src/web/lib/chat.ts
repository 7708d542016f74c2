/**
 * The consultation chat's pure parts, for the citizen's page and the staff console alike: merging
 * the server's messages with the ones this page just sent, the delivered ticks of own messages,
 * and the "is typing" signal (throttled, off after a pause or on send).
 */
import type { ChatMessage, ConsultationSnapshot } from '../../shared/queue.js';

/** The snapshot's messages plus own messages the snapshot does not have yet, in id order. */
export function mergeMessages(
  fromServer: readonly ChatMessage[],
  sentHere: readonly ChatMessage[],
): ChatMessage[] {
  const known = new Set(fromServer.map((message) => message.id));
  const extra = sentHere.filter((message) => !known.has(message.id));
  if (extra.length === 0) return [...fromServer];
  return [...fromServer, ...extra].sort((a, b) => a.id - b.id);
}

export function maxMessageId(messages: readonly ChatMessage[]): number {
  return messages.reduce((max, message) => Math.max(max, message.id), 0);
}

/** For this side's own messages: has the other side's page shown it yet? null for theirs. */
export function delivery(
  message: ChatMessage,
  receivedUpTo: ConsultationSnapshot['receivedUpTo'] | undefined,
  self: ChatMessage['from'],
): 'sent' | 'delivered' | null {
  if (message.from !== self) return null;
  const other = self === 'citizen' ? 'staff' : 'citizen';
  return receivedUpTo && receivedUpTo[other] >= message.id ? 'delivered' : 'sent';
}

export interface TypingOptions {
  /** At most one "typing" per this many ms while typing goes on. */
  repeatMs: number;
  /** "Stopped typing" after this long without a keystroke. */
  idleMs: number;
}

/** Tells the other side when this person types; `send` gets true/false only on real changes. */
export class TypingSignal {
  private active = false;
  private lastSent = 0;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly send: (typing: boolean) => void,
    private readonly options: TypingOptions = { repeatMs: 2_000, idleMs: 3_000 },
    private readonly now: () => number = Date.now,
  ) {}

  /** After every change of the draft; an empty draft means "not typing". */
  input(draft: string): void {
    if (draft.trim() === '') {
      this.stop();
      return;
    }
    const now = this.now();
    if (!this.active || now - this.lastSent >= this.options.repeatMs) {
      this.active = true;
      this.lastSent = now;
      this.send(true);
    }
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.stop(), this.options.idleMs);
  }

  /** On send, on a pause, when the page or the consultation goes. */
  stop(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    if (!this.active) return;
    this.active = false;
    this.send(false);
  }
}
