import { describe, expect, it } from 'vitest';
import { localizedContent } from './content-language.js';

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
