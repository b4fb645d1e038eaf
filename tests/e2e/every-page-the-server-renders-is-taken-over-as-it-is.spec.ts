import { describe, expect, it } from 'vitest';
import { localeCookieName } from '../../src/shared/contracts/common.js';
import { webRoutePatterns } from '../../src/shared/web-paths.js';
import { waitForApp } from '../support/browser.js';
import { samplePagesOn, useServerAndBrowser } from '../support/server.js';

// The server renders each page into its HTML and the app takes it over (hydration). Where the two differ,
// React throws the server's page away and draws it again; it reports that as an error in the page, which
// is what this spec listens for, on every page of the route table, as a visitor opening it by its address.
describe('every page the server renders', () => {
  const started = useServerAndBrowser();

  it('is taken over by the app as it is, in Vietnamese and in English', { timeout: webRoutePatterns.length * 4_000 }, async () => {
    const { server, browser } = started;
    const pages = await samplePagesOn(server);
    const problems: string[] = [];
    for (const locale of ['vi', 'en'] as const) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      // The language the app remembers, and the cookie that tells the server the same.
      await context.addCookies([{ name: localeCookieName, value: locale, url: server.baseUrl }]);
      await context.addInitScript((value) => window.localStorage.setItem('doimoi.locale', value), locale);
      const page = await context.newPage();
      let errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message.slice(0, 200)));
      // English pages are checked on a share of the table: the same components, in the other language.
      for (const { path } of locale === 'vi' ? pages : pages.filter((_, index) => index % 4 === 0)) {
        errors = [];
        await page.goto(`${server.baseUrl}${path}`);
        const wasRendered = await page.evaluate(() => document.getElementById('root')?.hasAttribute('data-server-rendered') ?? false);
        await waitForApp(page);
        // A mismatch is reported once the take-over has run: give it the next frames.
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
        if (!wasRendered) problems.push(`${locale} ${path}: not rendered by the server`);
        for (const error of errors) problems.push(`${locale} ${path}: ${error}`);
      }
      await context.close();
    }
    expect(problems).toEqual([]);
  });
});
