import { setTimeout } from 'node:timers/promises';
import { AxeBuilder } from '@axe-core/playwright';
import axe from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { localeStorageKey } from '../../src/web/i18n/index.js';

/** Headless Chromium from the system (Debian's `chromium` package) or CHROMIUM_PATH; never downloads one. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// axe-core, evaluated only in a document that has none yet: AxeBuilder evaluates the source it is given on
// every check (twice in legacy mode), while the pages a test reaches through the app's links stay one document.
const axeSourceOnce = `if (typeof window.axe === 'undefined') {\n${axe.source}\n}`;

/** Runs axe-core (WCAG 2.1 A and AA) on the page as it is now; throws listing every violation and where it is. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  // Legacy mode runs axe in the page itself: the default opens a blank page per check to merge
  // cross-frame results, which an app without iframes does not need (three times slower here).
  // Only violations are collected, the one thing this check reads.
  const hasAxe = await page.evaluate(() => 'axe' in window);
  // Cards off the screen skip their layout until scrolled to (content-visibility: auto); axe checks every
  // one of them drawn, as a reader who scrolls to it sees it.
  await page.evaluate(() => {
    const drawAll = new CSSStyleSheet();
    drawAll.replaceSync('* { content-visibility: visible !important; }');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, drawAll];
  });
  const { violations } = await new AxeBuilder({ page, axeSource: hasAxe ? ';' : axeSourceOnce })
    .withTags(wcagTags)
    .setLegacyMode(true)
    .options({ resultTypes: ['violations'] })
    .analyze();
  await page.evaluate(() => {
    document.adoptedStyleSheets = document.adoptedStyleSheets.slice(0, -1);
  });
  if (violations.length === 0) return;
  const report = violations
    .map((violation) => {
      const nodes = violation.nodes
        .map(
          (node) =>
            `    at ${node.target.join(' ')} ${node.html.slice(0, 160)} ${JSON.stringify(node.any.map((c) => c.relatedNodes?.map((r) => r.html.slice(0, 120))))}\n      ${(node.failureSummary ?? '').replace(/\n/g, '\n      ')}`,
        )
        .join('\n');
      return `  ${violation.id} [${violation.impact ?? 'unknown impact'}] ${violation.help}\n${nodes}`;
    })
    .join('\n');
  throw new Error(`${violations.length} accessibility violation(s) on ${page.url()}:\n${report}`);
}

/**
 * Waits for a chart's drawing (SVG), scrolled to first, as a reader would: charts are drawn only once near
 * the screen. `chart` is a `[data-chart]` locator or the chart's name.
 */
export async function waitForChartDrawn(page: Page, chart: string | Locator): Promise<void> {
  const box = typeof chart === 'string' ? page.locator(`[data-chart="${chart}"]`) : chart;
  await box.scrollIntoViewIfNeeded();
  await box.locator('svg').waitFor();
}

/** Requests in flight per page, and when that last changed (see waitForQuiet). */
const traffic = new WeakMap<Page, { inFlight: number; changedAt: number }>();

function trackRequests(page: Page): void {
  const state = { inFlight: 0, changedAt: performance.now() };
  const change = (by: number) => () => {
    state.inFlight += by;
    state.changedAt = performance.now();
  };
  page.on('request', change(1));
  page.on('requestfinished', change(-1));
  page.on('requestfailed', change(-1));
  traffic.set(page, state);
}

/**
 * Resolves once no request of the page has been in flight for `quietMs`: the page's data and lazy parts
 * have arrived. Playwright's 'networkidle' does the same with a fixed 500 ms, which a sweep over every
 * page pays a hundred times.
 */
export async function waitForQuiet(page: Page, quietMs = 150, timeoutMs = 30_000): Promise<void> {
  const state = traffic.get(page);
  if (!state) throw new Error('waitForQuiet needs a page opened through profilesOn');
  const startedAt = performance.now();
  while (state.inFlight > 0 || performance.now() - state.changedAt < quietMs) {
    if (performance.now() - startedAt > timeoutMs) throw new Error(`${page.url()}: requests still in flight after ${timeoutMs} ms`);
    await setTimeout(20);
  }
}

/**
 * Resolves once the app has taken the page over: until then the page is the server's HTML (its controls
 * disabled), which the app may still replace (when it renders in another language than the server did).
 */
export async function waitForApp(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getElementById('root')?.hasAttribute('data-boot') === false);
}

/**
 * Opens a page of the web app already loaded in `page` as a link would: through the app's router
 * (history plus popstate), not a new document. A full load costs Chromium about a second of CPU
 * (parsing the app again); the server's answer to a direct address is tested on its own (web.test.ts).
 */
export async function visitInApp(page: Page, path: string): Promise<void> {
  const target = new URL(path, page.url());
  // index.html's first paint (data-boot) stands in the root until the app has rendered.
  const inApp = await page.evaluate(() => document.getElementById('root')?.hasAttribute('data-boot') === false);
  if (!inApp) {
    await page.goto(target.href);
    return;
  }
  // waitForQuiet then waits for the requests the new page starts, not only for the old page's.
  const state = traffic.get(page);
  if (state) state.changedAt = performance.now();
  await page.evaluate((to) => {
    window.history.pushState(null, '', to);
    window.dispatchEvent(new PopStateEvent('popstate', { state: null }));
  }, `${target.pathname}${target.search}`);
  await page.waitForURL((url) => url.pathname === target.pathname && url.search === target.search);
}

/**
 * Browser profiles on one server, each signed in with a session cookie (or nobody), in a language
 * (the one the app would remember) and at a window size; `closeAll` ends them together.
 */
export function profilesOn(browser: Browser, baseUrl: string) {
  const contexts: BrowserContext[] = [];
  return {
    async open(
      session: { cookie: string } | null,
      path: string,
      locale: 'vi' | 'en' = 'vi',
      viewport = { width: 1280, height: 900 },
    ): Promise<Page> {
      const context = await browser.newContext({ viewport, locale: locale === 'vi' ? 'vi-VN' : 'en-GB' });
      contexts.push(context);
      await context.addInitScript(([key, value]) => window.localStorage.setItem(key, value), [localeStorageKey, locale] as const);
      if (session) {
        const [name, value] = session.cookie.split('=') as [string, string];
        await context.addCookies([{ name, value, url: baseUrl }]);
      }
      const page = await context.newPage();
      trackRequests(page);
      await page.goto(`${baseUrl}${path}`);
      await waitForApp(page);
      return page;
    },
    async closeAll(): Promise<void> {
      for (const context of contexts) await context.close();
    },
  };
}
