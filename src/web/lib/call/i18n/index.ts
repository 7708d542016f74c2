/** The call's texts in the page's current language (the language store of all pages). */
import { createI18n, type MessagesOf } from '../../i18n/core.js';
import { de } from './de.js';
import { en } from './en.js';

export type CallMessages = MessagesOf<typeof de>;
export type CallMessageKey = keyof CallMessages;
export const { t, translate, intlLocale } = createI18n<CallMessages>({ de, en });
