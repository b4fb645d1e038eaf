import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { localizedContent, sentenceAround } from './content-language.js';

describe('localizedContent', () => {
  it('shows the English text as English on an English page', () => {
    expect(localizedContent({ vi: 'Sở Y tế', en: 'Department of Health' }, 'en')).toEqual({ text: 'Department of Health', lang: 'en' });
  });

  it('marks the Vietnamese text that stands in for missing English as Vietnamese', () => {
    expect(localizedContent({ vi: 'Sổ sức khỏe điện tử', en: '' }, 'en')).toEqual({ text: 'Sổ sức khỏe điện tử', lang: 'vi' });
    expect(localizedContent({ vi: 'Sổ sức khỏe điện tử', en: '  ' }, 'en')).toEqual({ text: 'Sổ sức khỏe điện tử', lang: 'vi' });
  });

  it('shows Vietnamese on a Vietnamese page', () => {
    expect(localizedContent({ vi: 'Sở Y tế', en: 'Department of Health' }, 'vi')).toEqual({ text: 'Sở Y tế', lang: 'vi' });
  });
});

describe('sentenceAround', () => {
  it('marks the content as Vietnamese where the translated sentence puts it', () => {
    const english = (number: string) => `Decision ${number}, signed on 16 Feb 2026`;
    expect(renderToStaticMarkup(sentenceAround(english, '25/QĐ-UBND (minh họa)'))).toBe(
      'Decision <span lang="vi">25/QĐ-UBND (minh họa)</span>, signed on 16 Feb 2026',
    );
    const vietnamese = (number: string) => `Quyết định số ${number}`;
    expect(renderToStaticMarkup(sentenceAround(vietnamese, '25/QĐ-UBND'))).toBe('Quyết định số <span lang="vi">25/QĐ-UBND</span>');
  });
});
