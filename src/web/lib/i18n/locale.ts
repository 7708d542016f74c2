/**
 * The page's language, shared by every set of message files: the current locale, where it comes
 * from on load, and the switch. The choice is remembered in localStorage `lang` and the `lang`
 * cookie the server negotiates from, so citizen pages and staff console speak the same language.
 */
import { DEFAULT_LOCALE, LOCALES, isLocale, type Locale } from '../../../shared/locale.js';

const STORAGE_KEY = 'lang';
const ONE_YEAR_S = 365 * 24 * 60 * 60;

let current: Locale = DEFAULT_LOCALE;
const listeners = new Set<(locale: Locale) => void>();

export function currentLocale(): Locale {
  return current;
}

/** A remembered choice first, then the language the server negotiated into <html lang>, then German. */
export function detectLocale(): Locale {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage can be blocked (privacy settings); the page language still works.
  }
  if (isLocale(stored)) return stored;
  const fromHtml = document.documentElement.lang.toLowerCase().split('-')[0];
  return isLocale(fromHtml) ? fromHtml : DEFAULT_LOCALE;
}

/** Sets the language for this page load without remembering it. */
export function initLocale(locale: Locale): void {
  current = locale;
  document.documentElement.lang = locale;
}

/** Switches the language without reload, remembers it (localStorage + cookie for the server). */
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

/** The language the switch offers: the next one after the current. */
export function otherLocale(locale: Locale): Locale {
  const index = LOCALES.indexOf(locale);
  return LOCALES[(index + 1) % LOCALES.length] ?? DEFAULT_LOCALE;
}

export function onLocaleChange(listener: (locale: Locale) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
