import { useEffect } from 'react';

/** Sets the tab title, which screen readers announce after a client-side navigation. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title;
  }, [title]);
}
