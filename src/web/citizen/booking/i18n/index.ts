/** Booking's texts in the page's current language (the language store of all pages). */
import { createI18n, type MessagesOf } from '../../../lib/i18n/core.js';
import { de } from './de.js';
import { en } from './en.js';

export type BookingMessages = MessagesOf<typeof de>;
export type BookingMessageKey = keyof BookingMessages;
export const { t, translate, intlLocale, messagesFor } = createI18n<BookingMessages>({ de, en });
