/**
 * The staff console's texts: the citizen pages' mechanism (`src/web/lib/i18n`) with the
 * console's own message files. The chosen language is shared with the citizen pages
 * (localStorage `lang` and the `lang` cookie the server negotiates from).
 */
import { createI18n } from '../../lib/i18n/core.js';
import { de } from './de.js';
import { en } from './en.js';
import type { Messages } from './types.js';

export type { MessageParams } from '../../lib/i18n/core.js';
export type { MessageKey, Messages } from './types.js';
export {
  currentLocale,
  detectLocale,
  initLocale,
  onLocaleChange,
  otherLocale,
  setLocale,
} from '../../lib/i18n/locale.js';

export const { messagesFor, intlLocale, translate, t } = createI18n<Messages>({ de, en });
