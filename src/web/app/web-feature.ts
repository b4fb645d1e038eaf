import type { ParseKeys } from 'i18next';
import type { RouteObject } from 'react-router';

/**
 * What a feature adds to the web app: its pages (paths relative to "/", each one of the patterns declared
 * in src/shared/web-paths.ts) and its entries in the primary navigation.
 */
export type WebFeature = {
  routes: RouteObject[];
  nav?: ReadonlyArray<{ to: string; label: ParseKeys }>;
};
