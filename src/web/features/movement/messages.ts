import type { DeepStrings } from '../../i18n/deep-strings.js';

/** Vietnamese UI strings of this feature, under the `movement.` prefix. */
export const movementVi = {
  nav: 'Phong trào thi đua – sáng kiến',
} as const;

/** English UI strings of this feature; the same keys as the Vietnamese ones. */
export const movementEn: DeepStrings<typeof movementVi> = {
  nav: 'Emulation movement and initiatives',
};
