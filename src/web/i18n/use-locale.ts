import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultLocale, type Locale, type LocalizedText } from '../../shared/contracts/common.js';
import { isLocale } from './index.js';

/** The active UI language as a `Locale`. */
export function useLocale(): Locale {
  const { i18n } = useTranslation();
  // Not `resolvedLanguage`: a language whose strings arrived after start-up is not "resolved" until a switch.
  return isLocale(i18n.language) ? i18n.language : defaultLocale;
}

/** Picks the current language's text out of an API `{ vi, en }` object. */
export function useLocalized(): (text: LocalizedText) => string {
  const locale = useLocale();
  return useCallback((text: LocalizedText) => pickLocalized(text, locale), [locale]);
}

/** Falls back to Vietnamese when the English text is missing, the source language of all content. */
export function pickLocalized(text: LocalizedText, locale: Locale): string {
  const value = text[locale];
  return value.trim() === '' ? text.vi : value;
}
