import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FastifyBaseLogger } from 'fastify';
import { defaultLocale, isLocale, type Locale } from '../../shared/contracts/common.js';

/** The web app's server renderer (src/web/server-render.tsx, built to dist/web-ssr). */
type ServerRender = { renderPage(url: string, locale: Locale): Promise<string | null> };

/** Pages rendered so far, by language and address: a page renders without data, so it is the same for everyone. */
const cacheSize = 500;

// With the space around them: the root holds nothing but the page, as the app renders it.
const pageMarkers = /\s*<!--page-->[\s\S]*<!--\/page-->\s*/;

/**
 * The HTML of a page of the web app: index.html with the page the server rendered in place of the brand
 * its first paint otherwise shows, in the visitor's language. Without the built renderer (or where it
 * fails) index.html as it is: the app renders the page in the browser, as it always does after.
 */
export async function createFirstPaint(
  webRoot: string,
  log: FastifyBaseLogger,
): Promise<(url: string, locale: unknown) => Promise<string>> {
  const template = readFileSync(join(webRoot, 'index.html'), 'utf8');
  const rendererFile = join(webRoot, '..', 'web-ssr', 'server-render.js');
  const renderer = existsSync(rendererFile) ? ((await import(pathToFileURL(rendererFile).href)) as ServerRender) : null;
  if (!renderer || !pageMarkers.test(template)) return async () => template;
  const pages = new Map<string, string>();

  return async (url, requested) => {
    const locale = isLocale(requested) ? requested : defaultLocale;
    const key = `${locale} ${url}`;
    const cached = pages.get(key);
    if (cached !== undefined) return cached;
    let html = template;
    try {
      const page = await renderer.renderPage(url, locale);
      if (page !== null)
        html = template
          .replace('<html lang="vi">', `<html lang="${locale}">`)
          .replace('<fieldset id="root"', '<fieldset id="root" data-server-rendered')
          .replace(pageMarkers, () => page);
    } catch (error) {
      log.warn({ err: error, url }, 'the page could not be rendered on the server; the browser renders it');
    }
    if (pages.size >= cacheSize) pages.delete(pages.keys().next().value!);
    pages.set(key, html);
    return html;
  };
}
