/**
 * The citizen pages' texts: `translate(locale, key, params)` is pure (used by the formatters),
 * `t(key, params)` uses the page's current language. The mechanism (`core.ts`) and the language
 * store (`locale.ts`) are shared with the staff console. Adding a language = one message file per
 * page, one entry in LOCALES (src/shared/locale.ts) and one line in `createI18n` below.
 */
import { createI18n } from './core.js';
import { de } from './de.js';
import { en } from './en.js';
import type { Messages } from './types.js';

export type { MessageParams } from './core.js';
export type { MessageKey, Messages } from './types.js';
export {
  currentLocale,
  detectLocale,
  initLocale,
  onLocaleChange,
  otherLocale,
  setLocale,
} from './locale.js';

export const { messagesFor, intlLocale, translate, t } = createI18n<Messages>({ de, en });
