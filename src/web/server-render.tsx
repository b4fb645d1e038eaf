// The page as the browser's first render would draw it, rendered on the server into the HTML (built with
// `vite build --ssr`, loaded by the server's web plugin): a visitor on a slow connection reads the page
// before the scripts arrive, and the app then takes the page over (hydration). For a visitor who is not
// signed in, the page's public data is read first (through the API in the server's own process) and
// travels with the page, so the app starts with what the page shows.
import { dehydrate, type Query, type QueryClient } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { renderToString } from 'react-dom/server';
import { prerender } from 'react-dom/static';
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router';
import { defaultLocale, locales, type Locale } from '../shared/contracts/common.js';
import { setApiTransport, type ApiTransport } from './api/client.js';
import { AppProviders } from './app/app.js';
import { createQueryClient } from './app/query-client.js';
import { routes } from './app/router.js';
import { identityKeys } from './features/identity/session.js';
import { createI18n, loadMessages, messageBundles, type MessageBundle } from './i18n/index.js';

// Every string of both languages, loaded once through the app's own loaders: a page's strings are then
// there whatever it shows.
const i18nFor = Object.fromEntries(locales.map((locale) => [locale, createI18n(locale)])) as Record<Locale, ReturnType<typeof createI18n>>;
await Promise.all(locales.map((locale) => loadMessages(i18nFor[locale], Object.keys(messageBundles) as MessageBundle[], locale)));
const handler = createStaticHandler(routes);

/** The page's HTML, and the JSON of the data it was rendered with (dehydrated queries), if any. */
export type RenderedPage = { html: string; dataJson: string | null };

/**
 * Data larger than this stays out of the page: a long page (the indicators dashboard's forty cards) renders
 * faster in the browser, in slices as its data arrives, than taken over whole from the server's HTML.
 */
const maxPageDataChars = 16_000;

// Rounds of reading: a page may ask for more once the first answers are there (an initiative, then its campaign).
const maxReadRounds = 3;

/** Who is signed in (and the CSRF token) belongs to the browser's own session: never read on the server. */
const isPersonal = (query: Query) => query.queryKey[0] === identityKeys.session[0] || query.queryKey[0] === identityKeys.private[0];

/** A query the page keeps switched off until something happens (a search typed, a plan chosen) is not read. */
function isSwitchedOn(query: Query): boolean {
  const enabled = (query.options as { enabled?: boolean | ((query: Query) => boolean) }).enabled;
  return typeof enabled === 'function' ? enabled(query) : enabled !== false;
}

/** Reads what the page asked for and has not got, round after round, until it asks for nothing new. */
async function readPageData(queryClient: QueryClient, render: () => string): Promise<void> {
  for (let round = 0; round < maxReadRounds; round++) {
    try {
      render();
    } catch {
      // A part whose code loads on first use (a chart) cannot render synchronously: what the page asked
      // for so far is in the cache all the same, and the final render waits for that part.
    }
    const wanted = queryClient.getQueryCache().findAll({
      predicate: (query) =>
        query.state.status === 'pending' && query.state.fetchStatus === 'idle' && !isPersonal(query) && isSwitchedOn(query),
    });
    if (wanted.length === 0) break;
    await Promise.all(
      wanted.map((query) => queryClient.prefetchQuery({ queryKey: query.queryKey, queryFn: query.options.queryFn, retry: false })),
    );
  }
  // What could not be read renders as loading, as in the browser, which asks for it again.
  queryClient.removeQueries({ predicate: (query) => query.state.status !== 'success' || isPersonal(query) });
}

/** The page with every part that loads its code on first use (charts) rendered, not its placeholder. */
async function renderWhole(page: ReactElement): Promise<string> {
  const { prelude } = await prerender(page);
  return new Response(prelude).text();
}

/**
 * The page at `url` (path and query) in `locale`, as HTML for inside the root, with the data it was
 * rendered with (`readApi` given) or without data; null where the route redirects (the app follows it).
 */
/**
 * `readApi` reads the API as an anonymous visitor (the server answers in its own process); the API client
 * holds it for the whole module: one server per process, as the CLI's `serve` runs it.
 */
export async function renderPage(url: string, locale: Locale = defaultLocale, readApi?: ApiTransport): Promise<RenderedPage | null> {
  // Joined, not resolved against a base: "//name" is a path here, not another host.
  const context = await handler.query(new Request(`http://localhost${url}`));
  if (context instanceof Response) return null;
  const router = createStaticRouter(handler.dataRoutes, context);
  const queryClient = createQueryClient();
  const page = (
    <AppProviders i18n={i18nFor[locale]} queryClient={queryClient}>
      <StaticRouterProvider router={router} context={context} hydrate={false} />
    </AppProviders>
  );
  let dataJson: string | null = null;
  if (readApi) {
    setApiTransport(readApi);
    await readPageData(queryClient, () => renderToString(page));
    dataJson = JSON.stringify(dehydrate(queryClient));
    if (dataJson.length > maxPageDataChars) {
      queryClient.clear();
      dataJson = null;
    }
  }
  const html = await renderWhole(page);
  queryClient.clear();
  return { html, dataJson };
}
