/**
 * The translation mechanism every page uses: `createI18n(catalogues)` binds one set of message
 * files (one per locale, the others typed against the German one) to the pure
 * `translate(locale, key, params)` and to `t(key, params)` in the page's current language
 * (`./locale.ts`). Placeholders: `{name}`. Plurals: an object keyed by Intl.PluralRules category.
 */
import type { Locale } from '../../../shared/locale.js';
import { currentLocale } from './locale.js';

/** A text with one form per plural category; `other` is always required. */
export type PluralMessage = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type MessageParams = Record<string, string | number>;

/** The shape every language file must have: the keys of the reference (German) file. */
export type MessagesOf<Reference> = {
  [K in keyof Reference]: Reference[K] extends string ? string : PluralMessage;
};

/** What every message file has besides its texts. */
export interface CatalogueBase {
  /** BCP 47 tag for Intl (dates, numbers, plural rules). */
  intlLocale: string;
  /** The language's own name, shown on the language switch. */
  languageName: string;
}

export interface I18n<M> {
  messagesFor: (locale: Locale) => M;
  /** The locale's BCP 47 tag for Intl (dates, numbers, plural rules). */
  intlLocale: (locale: Locale) => string;
  translate: (locale: Locale, key: keyof M, params?: MessageParams) => string;
  /** In the page's current language. */
  t: (key: keyof M, params?: MessageParams) => string;
}

export function createI18n<M extends CatalogueBase & Record<keyof M, string | PluralMessage>>(
  catalogues: Readonly<Record<Locale, M>>,
): I18n<M> {
  const intlLocale = (locale: Locale): string => catalogues[locale].intlLocale;

  const translate = (locale: Locale, key: keyof M, params: MessageParams = {}): string => {
    const message: string | PluralMessage = catalogues[locale][key];
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
  };

  return {
    messagesFor: (locale) => catalogues[locale],
    intlLocale,
    translate,
    t: (key, params) => translate(currentLocale(), key, params),
  };
}
