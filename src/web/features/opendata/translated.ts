import type { LocalizedText } from '../../../shared/contracts/common.js';

/** A CKAN `*_translated` object as `{ vi, en }`, falling back to the plain field. */
export const translated = (value: { vi?: string | undefined; en?: string | undefined } | undefined, fallback: string): LocalizedText => ({
  vi: value?.vi || fallback,
  en: value?.en || value?.vi || fallback,
});
