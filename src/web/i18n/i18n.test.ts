import { allResources } from './all-messages.js';
import { describe, expect, it } from 'vitest';
import { createI18n, loadMessages, localeStorageKey, readStoredLocale, startIn, switchLocale } from './index.js';
import { en } from './en.js';
import { vi } from './vi.js';

type Tree = { readonly [key: string]: string | Tree };

/** Every leaf as [dotted key, value]. */
function leaves(tree: Tree, prefix = ''): Array<[string, unknown]> {
  return Object.entries(tree).flatMap(([key, value]): Array<[string, unknown]> => {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    return typeof value === 'object' && value !== null ? leaves(value, path) : [[path, value]];
  });
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((match) => match[1] ?? '').sort();
}

describe('UI strings', () => {
  const viLeaves = new Map(leaves(vi));
  const enLeaves = new Map(leaves(en));

  it('has exactly the same keys in Vietnamese and English', () => {
    expect([...enLeaves.keys()].sort()).toEqual([...viLeaves.keys()].sort());
  });

  it.each([
    ['vi', viLeaves],
    ['en', enLeaves],
  ] as const)('has no empty or non-string value in %s', (_locale, entries) => {
    const bad = [...entries].filter(([, value]) => typeof value !== 'string' || value.trim() === '');
    expect(bad).toEqual([]);
  });

  it('uses the same interpolation variables in both languages', () => {
    const mismatched = [...viLeaves]
      .filter(([key, value]) => {
        const other = enLeaves.get(key);
        return typeof value === 'string' && typeof other === 'string' ? placeholders(value).join() !== placeholders(other).join() : false;
      })
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });
});

describe('createI18n', () => {
  it('starts in Vietnamese and switches to English', async () => {
    const i18n = createI18n('vi', allResources);
    expect(i18n.language).toBe('vi');
    expect(i18n.t('nav.search')).toBe('Tìm kiếm');
    await i18n.changeLanguage('en');
    expect(i18n.t('nav.search')).toBe('Search');
  });
});

describe('strings loaded part by part', () => {
  it('starts with the Vietnamese core only, and brings a feature’s strings when its page loads', async () => {
    const i18n = createI18n('vi');
    expect(i18n.t('nav.search')).toBe('Tìm kiếm');
    expect(i18n.exists('movement.states.draft')).toBe(false);
    await loadMessages(i18n, ['movement']);
    expect(i18n.t('movement.states.draft')).toBe(vi.movement.states.draft);
    expect(i18n.exists('plans.dueSoon')).toBe(false);
  });

  it('switches language with every string the pages seen so far need', async () => {
    const i18n = createI18n('vi');
    await loadMessages(i18n, ['movement', 'identity']);
    await switchLocale(i18n, 'en');
    expect(i18n.t('nav.search')).toBe('Search');
    expect(i18n.t('movement.states.draft')).toBe(en.movement.states.draft);
    expect(i18n.t('auth.signIn.heading')).toBe(en.auth.signIn.heading);
  });

  it('switches the real instance when given the copy react-i18next hands components', async () => {
    const i18n = createI18n('vi');
    await loadMessages(i18n, ['identity']);
    // react-i18next 17's useTranslation returns such a copy, keeping the instance as `__original`.
    const copy = Object.create(Object.getPrototypeOf(i18n), Object.getOwnPropertyDescriptors(i18n)) as typeof i18n;
    Object.defineProperty(copy, '__original', { value: i18n });
    await switchLocale(copy, 'en');
    expect(i18n.language).toBe('en');
    expect(i18n.t('auth.signIn.heading')).toBe(en.auth.signIn.heading);
  });

  it('starts in English with the English core strings once they are loaded', async () => {
    const i18n = createI18n('en');
    await startIn(i18n, 'en');
    expect(i18n.t('nav.search')).toBe('Search');
    expect(i18n.resolvedLanguage).toBe('en');
  });
});

describe('readStoredLocale', () => {
  it('returns the saved language when it is supported', () => {
    expect(readStoredLocale({ getItem: (key) => (key === localeStorageKey ? 'en' : null) })).toBe('en');
  });

  it('falls back to Vietnamese for unknown values, missing storage and storage errors', () => {
    expect(readStoredLocale({ getItem: () => 'fr' })).toBe('vi');
    expect(readStoredLocale(undefined)).toBe('vi');
    expect(
      readStoredLocale({
        getItem: () => {
          throw new Error('denied');
        },
      }),
    ).toBe('vi');
  });
});
