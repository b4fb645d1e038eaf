import { useSyncExternalStore } from 'react';

const noChanges = () => () => {};

/**
 * The site's address as the browser sees it (for addresses people copy). The server does not know it, so
 * it renders '' and the browser fills it in once it has taken the page over, without a mismatch.
 */
export function useSiteOrigin(): string {
  return useSyncExternalStore(
    noChanges,
    () => window.location.origin,
    () => '',
  );
}
