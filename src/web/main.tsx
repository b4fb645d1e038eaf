import './styles/fonts.css';
import './styles.css';

import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
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

const container = document.getElementById('root');
if (!container) throw new Error('index.html must contain <div id="root">');

const storage = safeLocalStorage();
const locale = readStoredLocale(storage);
const i18n = createI18n(locale);
bindLocaleToDocument(i18n, document, storage);

// The Vietnamese strings come with the app; another language's are fetched before the first paint.
void startIn(i18n, locale).finally(() => {
  const root = createRoot(container);
  // A background render: the first page renders in slices, so the browser answers taps and draws meanwhile.
  startTransition(() =>
    root.render(
      <StrictMode>
        <App i18n={i18n} queryClient={createQueryClient()} router={createRouter()} />
      </StrictMode>,
    ),
  );
});
