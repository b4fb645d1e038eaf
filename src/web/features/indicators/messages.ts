import type { DeepStrings } from '../../i18n/deep-strings.js';

/** Vietnamese UI strings of this feature, under the `indicators.` prefix. */
export const indicatorsVi = {
  nav: 'Chỉ tiêu',
} as const;

/** English UI strings of this feature; the same keys as the Vietnamese ones. */
export const indicatorsEn: DeepStrings<typeof indicatorsVi> = {
  nav: 'Indicators',
};
