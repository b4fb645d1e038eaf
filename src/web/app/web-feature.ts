import type { ParseKeys } from 'i18next';
import type { RouteObject } from 'react-router';

/**
 * What a feature adds to the web app: its pages (paths relative to "/", Vietnamese), English aliases
 * redirected to them, and its entries in the primary navigation.
 */
export type WebFeature = {
  routes: RouteObject[];
  englishAliases?: ReadonlyArray<readonly [alias: string, target: string]>;
  nav?: ReadonlyArray<{ to: string; label: ParseKeys }>;
};
