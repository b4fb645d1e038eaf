// The page as the browser's first render would draw it, rendered on the server into the HTML (built with
// `vite build --ssr`, loaded by the server's web plugin): a visitor on a slow connection reads the page's
// header and text before the scripts arrive. Data is not fetched here, so the parts that show data render
// as they do while loading; the browser's app then takes the page over (it renders afresh, no hydration).
import { renderToString } from 'react-dom/server';
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router';
import { defaultLocale, type Locale } from '../shared/contracts/common.js';
import { AppProviders } from './app/app.js';
import { createQueryClient } from './app/query-client.js';
import { routes } from './app/router.js';
import { allResources } from './i18n/all-messages.js';
import { createI18n } from './i18n/index.js';

// Every string of both languages, loaded once: a page's strings are then there whatever it shows.
const i18nFor: Record<Locale, ReturnType<typeof createI18n>> = {
  vi: createI18n('vi', allResources),
  en: createI18n('en', allResources),
};
const handler = createStaticHandler(routes);

/**
 * The page at `url` (path and query) in `locale`, as HTML for inside `<div id="root">`; null where the
 * route answers with a redirect (the browser's app follows it).
 */
export async function renderPage(url: string, locale: Locale = defaultLocale): Promise<string | null> {
  const context = await handler.query(new Request(new URL(url, 'http://localhost')));
  if (context instanceof Response) return null;
  const router = createStaticRouter(handler.dataRoutes, context);
  return renderToString(
    <AppProviders i18n={i18nFor[locale]} queryClient={createQueryClient()}>
      <StaticRouterProvider router={router} context={context} hydrate={false} />
    </AppProviders>,
  );
}
