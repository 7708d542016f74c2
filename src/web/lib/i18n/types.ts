import type { MessagesOf } from './core.js';
import type { de } from './de.js';

/** The shape every language file must have: the keys of the German file. */
export type Messages = MessagesOf<typeof de>;
export type MessageKey = keyof Messages;
