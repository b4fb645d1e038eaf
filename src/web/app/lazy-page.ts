import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';

/**
 * A route whose page loads with its first visit: each feature's pages (and ECharts, with the pages that
 * draw charts) stay out of the bundle every visitor downloads first.
 */
export function lazyPage<M extends Record<string, unknown>>(
  load: () => Promise<M>,
  name: { [K in keyof M]: M[K] extends ComponentType ? K : never }[keyof M],
): Pick<RouteObject, 'lazy'> {
  return { lazy: async () => ({ Component: (await load())[name] as ComponentType }) };
}
