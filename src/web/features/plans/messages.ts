import type { DeepStrings } from '../../i18n/deep-strings.js';

/** Vietnamese UI strings of this feature, under the `plans.` prefix. */
export const plansVi = {
  nav: 'Kế hoạch – nhiệm vụ',
} as const;

/** English UI strings of this feature; the same keys as the Vietnamese ones. */
export const plansEn: DeepStrings<typeof plansVi> = {
  nav: 'Plans and tasks',
};
