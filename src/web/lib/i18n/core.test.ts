import { describe, expect, it } from 'vitest';
import { createI18n, type PluralMessage } from './core.js';
import { initLocale } from './locale.js';

const de = {
  intlLocale: 'de-DE',
  languageName: 'Deutsch',
  hello: 'Hallo {name}',
  items: { one: '{count} Eintrag', other: '{count} Einträge' } as PluralMessage,
};
const en: typeof de = {
  intlLocale: 'en-GB',
  languageName: 'English',
  hello: 'Hello {name}',
  items: { one: '{count} item', other: '{count} items' },
};
const i18n = createI18n({ de, en });

describe('createI18n', () => {
  it('fills placeholders, numbers in the language, and leaves unknown ones as they are', () => {
    expect(i18n.translate('de', 'hello', { name: 'Ada' })).toBe('Hallo Ada');
    expect(i18n.translate('en', 'hello', { name: 1234 })).toBe('Hello 1,234');
    expect(i18n.translate('de', 'hello', { name: 1234 })).toBe('Hallo 1.234');
    expect(i18n.translate('en', 'hello')).toBe('Hello {name}');
  });

  it('picks the plural form by the language rules, `other` when a form is missing', () => {
    expect(i18n.translate('de', 'items', { count: 1 })).toBe('1 Eintrag');
    expect(i18n.translate('de', 'items', { count: 2 })).toBe('2 Einträge');
    expect(i18n.translate('en', 'items', { count: 0 })).toBe('0 items');
  });

  it('gives the catalogue, its Intl tag, and `t` in the current language', () => {
    expect(i18n.messagesFor('en').languageName).toBe('English');
    expect(i18n.intlLocale('de')).toBe('de-DE');
    const lang = { lang: '' };
    Object.assign(globalThis, { document: { documentElement: lang } });
    try {
      initLocale('en');
      expect(i18n.t('hello', { name: 'Ada' })).toBe('Hello Ada');
      expect(lang.lang).toBe('en');
      initLocale('de');
      expect(i18n.t('hello', { name: 'Ada' })).toBe('Hallo Ada');
    } finally {
      Reflect.deleteProperty(globalThis, 'document');
    }
  });
});
