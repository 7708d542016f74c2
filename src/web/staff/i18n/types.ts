import type { de } from './de.js';

/** A text with one form per plural category; `other` is always required. */
export type PluralMessage = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** The shape every language file must have: the keys of the German file. */
export type Messages = {
  [K in keyof typeof de]: (typeof de)[K] extends string ? string : PluralMessage;
};
export type MessageKey = keyof Messages;
export type MessageParams = Record<string, string | number>;
