import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FastifyBaseLogger } from 'fastify';
import { defaultLocale, isLocale, type Locale } from '../../shared/contracts/common.js';

type ReadApi = (url: string, init: RequestInit) => Promise<Response>;

/** The web app's server renderer (src/web/server-render.tsx, built to dist/web-ssr). */
type ServerRender = {
  renderPage(url: string, locale: Locale, readApi?: ReadApi): Promise<{ html: string; dataJson: string | null } | null>;
};

export type FirstPaintRequest = { url: string; locale: unknown; isSignedIn: boolean };
export type FirstPaint = { page(request: FirstPaintRequest): Promise<string>; forget(): void };

/**
 * Pages rendered lately, by language, address and whether the visitor is signed in: a burst of visits to
 * one page renders it once. Short-lived, since a page shows public data as it was when rendered; this
 * process's own writes drop them at once (`forget`).
 */
const cache = { size: 500, ttlMs: 5_000 };

/**
 * Renders under way at once, at most: beyond them a page goes out as index.html (the browser renders it),
 * so a flood of distinct addresses costs the server no more than this many renders at a time.
 */
const maxRendersAtOnce = 4;

// With the space around them: the root holds nothing but the page, as the app renders it.
const pageMarkers = /\s*<!--page-->[\s\S]*<!--\/page-->\s*/;
const dataMarker = '<!--page-data-->';

/** JSON that cannot end the script element it sits in (nor break a line in older parsers). */
const scriptSafeJson = (json: string) =>
  json
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

/**
 * The HTML of a page of the web app: index.html with the page the server rendered in place of the brand
 * its first paint otherwise shows, in the visitor's language. For a visitor who is not signed in, the page
 * is rendered with its public data (read through `readApi`), which the HTML carries to the app; a signed-in
 * visitor's page renders as it does while loading, and the app reads their data. Without the built
 * renderer (or where it fails) index.html as it is: the app renders the page in the browser.
 */
export async function createFirstPaint(webRoot: string, log: FastifyBaseLogger, readApi?: ReadApi): Promise<FirstPaint> {
  const template = readFileSync(join(webRoot, 'index.html'), 'utf8');
  const rendererFile = join(webRoot, '..', 'web-ssr', 'server-render.js');
  const renderer = await loadRenderer(rendererFile, log);
  if (!renderer || !pageMarkers.test(template) || !template.includes(dataMarker)) return { page: async () => template, forget: () => {} };
  const pages = new Map<string, { html: string; until: number }>();
  const underway = new Map<string, Promise<string>>();
  // Raised by each write: a render begun before it may show what the write changed, and is not kept.
  let generation = 0;

  async function render({ url, locale, isSignedIn }: { url: string; locale: Locale; isSignedIn: boolean }): Promise<string> {
    try {
      const page = await renderer!.renderPage(url, locale, isSignedIn ? undefined : readApi);
      if (page === null) return template;
      return template
        .replace('<html lang="vi">', `<html lang="${locale}">`)
        .replace('<fieldset id="root"', '<fieldset id="root" data-server-rendered')
        .replace(pageMarkers, () => page.html)
        .replace(dataMarker, () =>
          page.dataJson ? `<script type="application/json" id="doimoi-page-data">${scriptSafeJson(page.dataJson)}</script>` : '',
        );
    } catch (error) {
      log.warn({ err: error, url }, 'the page could not be rendered on the server; the browser renders it');
      return template;
    }
  }

  async function page({ url, locale: requested, isSignedIn }: FirstPaintRequest): Promise<string> {
    const locale = isLocale(requested) ? requested : defaultLocale;
    const key = `${locale} ${isSignedIn ? 'signed-in' : 'visitor'} ${url}`;
    const cached = pages.get(key);
    if (cached && cached.until > Date.now()) return cached.html;
    // A burst of visits to one page waits for the one render.
    const pending = underway.get(key);
    if (pending) return pending;
    if (underway.size >= maxRendersAtOnce) return template;
    const startedIn = generation;
    const rendering = render({ url, locale, isSignedIn }).finally(() => underway.delete(key));
    underway.set(key, rendering);
    const html = await rendering;
    if (startedIn === generation) {
      pages.delete(key);
      if (pages.size >= cache.size) pages.delete(pages.keys().next().value!);
      pages.set(key, { html, until: Date.now() + cache.ttlMs });
    }
    return html;
  }
  return {
    page,
    forget() {
      generation++;
      pages.clear();
    },
  };
}

/** The built renderer, or null (logged) where it is missing or cannot load: the pages then render in the browser. */
async function loadRenderer(file: string, log: FastifyBaseLogger): Promise<ServerRender | null> {
  if (!existsSync(file)) return null;
  try {
    return (await import(pathToFileURL(file).href)) as ServerRender;
  } catch (error) {
    log.error({ err: error, file }, 'the server renderer of the pages could not load; the browser renders every page');
    return null;
  }
}
