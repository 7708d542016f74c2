/**
 * The staff console's texts: the same small layer as the citizen pages (`src/web/lib/i18n`),
 * with the console's own message files. The chosen language is shared with the citizen pages
 * (localStorage `lang` and the `lang` cookie the server negotiates from).
 */
import { DEFAULT_LOCALE, LOCALES, isLocale, type Locale } from '../../../shared/locale.js';
import { de } from './de.js';
import { en } from './en.js';
import type { MessageKey, MessageParams, Messages } from './types.js';

export type { MessageKey, MessageParams, Messages } from './types.js';

const MESSAGES: Record<Locale, Messages> = { de, en };
const STORAGE_KEY = 'lang';
const ONE_YEAR_S = 365 * 24 * 60 * 60;

export function messagesFor(locale: Locale): Messages {
  return MESSAGES[locale];
}

export function intlLocale(locale: Locale): string {
  return MESSAGES[locale].intlLocale;
}

export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const message = MESSAGES[locale][key];
  const template =
    typeof message === 'string'
      ? message
      : (message[new Intl.PluralRules(intlLocale(locale)).select(Number(params.count ?? 0))] ??
        message.other);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? value.toLocaleString(intlLocale(locale)) : value;
  });
}

let current: Locale = DEFAULT_LOCALE;
const listeners = new Set<(locale: Locale) => void>();

export function currentLocale(): Locale {
  return current;
}

/** In the page's current language. */
export function t(key: MessageKey, params?: MessageParams): string {
  return translate(current, key, params);
}

/** A remembered choice first, then the language the server put into <html lang>, then German. */
export function detectLocale(): Locale {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage can be blocked; the page language still works.
  }
  if (isLocale(stored)) return stored;
  const fromHtml = document.documentElement.lang.toLowerCase().split('-')[0];
  return isLocale(fromHtml) ? fromHtml : DEFAULT_LOCALE;
}

export function initLocale(locale: Locale): void {
  current = locale;
  document.documentElement.lang = locale;
}

/** Switches without reload and remembers the choice (localStorage + cookie for the server). */
export function setLocale(locale: Locale): void {
  initLocale(locale);
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // See detectLocale.
  }
  const secure = location.protocol === 'https:' ? '; Secure' : '';
  document.cookie = `${STORAGE_KEY}=${locale}; Path=/; Max-Age=${ONE_YEAR_S}; SameSite=Lax${secure}`;
  for (const listener of listeners) listener(locale);
}

export function otherLocale(locale: Locale): Locale {
  const index = LOCALES.indexOf(locale);
  return LOCALES[(index + 1) % LOCALES.length] ?? DEFAULT_LOCALE;
}

export function onLocaleChange(listener: (locale: Locale) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
