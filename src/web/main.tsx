import './styles/fonts.css';
import './styles.css';

import { hydrate } from '@tanstack/react-query';
import { StrictMode, startTransition } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { App } from './app/app.js';
import { createQueryClient } from './app/query-client.js';
import { createRouter } from './app/router.js';
import { bindLocaleToDocument, createI18n, readStoredLocale, startIn } from './i18n/index.js';

function safeLocalStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** Resolves once the router has loaded the first page's module (its routes load on first visit). */
function whenInitialized(router: ReturnType<typeof createRouter>): Promise<void> {
  return new Promise((resolve) => {
    if (router.state.initialized) return resolve();
    const unsubscribe = router.subscribe((state) => {
      if (!state.initialized) return;
      unsubscribe();
      resolve();
    });
  });
}

// index.html's root: a fieldset, disabled until the app is on the page (see there).
const container = document.getElementById('root') as HTMLFieldSetElement | null;
if (!container) throw new Error('index.html must contain <fieldset id="root">');

const storage = safeLocalStorage();
const locale = readStoredLocale(storage);
// The server renders the page in the language its cookie names: taken over only when it is this one.
const serverRendered = container.hasAttribute('data-server-rendered') && document.documentElement.lang === locale;
const i18n = createI18n(locale);
bindLocaleToDocument(i18n, document, storage);
const router = createRouter();
const queryClient = createQueryClient();
// The data the server rendered the page with (it holds both languages): the app's first render shows what
// the page shows, in the other language too, with no loading in between.
const pageData = document.getElementById('doimoi-page-data')?.textContent;
if (pageData) hydrate(queryClient, JSON.parse(pageData));

const onMounted = () => {
  container.disabled = false;
  delete container.dataset.boot;
};

// The Vietnamese strings come with the app; another language's are fetched before the first render.
void Promise.all([startIn(i18n, locale), whenInitialized(router)]).finally(() => {
  const app = (
    <StrictMode>
      <App i18n={i18n} queryClient={queryClient} router={router} onMounted={onMounted} />
    </StrictMode>
  );
  // The page the server rendered is taken over as it is (its elements stay on the screen); otherwise the app
  // renders in the background, in slices, so the browser answers taps and draws meanwhile.
  if (serverRendered) hydrateRoot(container, app);
  else startTransition(() => createRoot(container).render(app));
});
