import type { ReactNode } from 'react';
import type { Locale, LocalizedText } from '../../../shared/contracts/common.js';
import { pickLocalized, useLocale } from '../../i18n/use-locale.js';

/**
 * Spread on an element holding what people wrote in Vietnamese (initiatives, reports, comments, names,
 * source notes): on an English page a screen reader then reads it with a Vietnamese voice, and
 * translation tools know what to translate. On a Vietnamese page it repeats the page's language.
 */
export const vietnameseContent = { lang: 'vi' } as const;

/** `{ vi, en }` as shown in `locale`, and the language of what is shown: Vietnamese stands in for missing English. */
export function localizedContent(text: LocalizedText, locale: Locale): { text: string; lang: Locale } {
  const shown = pickLocalized(text, locale);
  return { text: shown, lang: locale === 'en' && text.en.trim() === '' ? 'vi' : locale };
}

/**
 * A `{ vi, en }` text in the page's language; where English is missing, the Vietnamese text marked as
 * Vietnamese. Inline, so it fits in links, headings and table cells.
 */
export function Localized({ text }: { text: LocalizedText }): ReactNode {
  const locale = useLocale();
  const shown = localizedContent(text, locale);
  return shown.lang === locale ? shown.text : <span lang={shown.lang}>{shown.text}</span>;
}

/** Stands for the content while the sentence is translated: a character no message or value contains. */
const slot = '\uE000';

/**
 * A translated sentence around one piece of Vietnamese content (a decision's number, a person's name),
 * with that piece marked as Vietnamese: "Decision <span lang="vi">25/QĐ-UBND</span>".
 */
export function sentenceAround(sentence: (value: string) => string, value: string): ReactNode {
  const [before = '', after = ''] = sentence(slot).split(slot);
  return (
    <>
      {before}
      <span lang="vi">{value}</span>
      {after}
    </>
  );
}
