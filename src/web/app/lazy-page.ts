import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import { loadPageMessages, type MessageBundle } from '../i18n/index.js';

/**
 * A route whose page loads with its first visit, together with the strings it needs: each feature's
 * pages and messages (and ECharts, with the pages that draw charts) stay out of what every visitor
 * downloads first.
 */
export function lazyPage<M extends Record<string, unknown>>(
  load: () => Promise<M>,
  name: { [K in keyof M]: M[K] extends ComponentType ? K : never }[keyof M],
  messages: readonly MessageBundle[] = [],
): Pick<RouteObject, 'lazy'> {
  return {
    lazy: async () => {
      const [module] = await Promise.all([load(), loadPageMessages(messages)]);
      return { Component: module[name] as ComponentType };
    },
  };
}
