import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { defaultLocale, locales, type Locale } from '../../shared/contracts/common.js';
import { en } from './en.js';
import { vi } from './vi.js';

export const resources = {
  vi: { translation: vi },
  en: { translation: en },
} as const;

/** localStorage key holding the visitor's chosen language. */
export const localeStorageKey = 'doimoi.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** Creates an i18next instance with both locales loaded synchronously; no DOM access. */
export function createI18n(initialLocale: Locale = defaultLocale): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: initialLocale,
    fallbackLng: defaultLocale,
    supportedLngs: [...locales],
    resources,
    initAsync: false,
    // React escapes text itself; escaping here would show "&amp;" to visitors.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

/** Switches the page's language (the switch's buttons and the account's saved preference use it). */
export async function switchLocale(instance: I18n, locale: Locale): Promise<void> {
  await instance.changeLanguage(locale);
}

/** The language saved by the switch, else Vietnamese. Storage can be unavailable (privacy modes). */
export function readStoredLocale(storage: Pick<Storage, 'getItem'> | undefined): Locale {
  try {
    const stored = storage?.getItem(localeStorageKey);
    return isLocale(stored) ? stored : defaultLocale;
  } catch {
    return defaultLocale;
  }
}

/** Keeps <html lang> and the saved choice in step with the active language. */
export function bindLocaleToDocument(instance: I18n, doc: Document, storage: Pick<Storage, 'setItem'> | undefined): void {
  const apply = (language: string): void => {
    const locale = isLocale(language) ? language : defaultLocale;
    doc.documentElement.lang = locale;
    try {
      storage?.setItem(localeStorageKey, locale);
    } catch {
      // Not persisting is acceptable: the page still switches.
    }
  };
  doc.documentElement.lang = isLocale(instance.language) ? instance.language : defaultLocale;
  instance.on('languageChanged', apply);
}
