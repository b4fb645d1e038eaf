import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { i18n as I18n } from 'i18next';
import { useEffect, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { RouterProvider } from 'react-router/dom';
import type { createRouter } from './router.js';

type ProvidersProps = { i18n: I18n; queryClient: QueryClient; children: ReactNode };

/** The providers every page relies on, around the router: language and server state. */
export function AppProviders({ i18n, queryClient, children }: ProvidersProps) {
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </I18nextProvider>
  );
}

type AppProps = Omit<ProvidersProps, 'children'> & { router: ReturnType<typeof createRouter>; onMounted?: () => void };

/** The app in the browser: the providers and the browser's router. `onMounted` runs once it is on the page. */
export function App({ router, onMounted, ...providers }: AppProps) {
  useEffect(() => onMounted?.(), [onMounted]);
  return (
    <AppProviders {...providers}>
      <RouterProvider router={router} />
    </AppProviders>
  );
}
