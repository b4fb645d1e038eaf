import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readDemoSeed } from '../../src/server/lib/seed-files.js';
import { en } from '../../src/web/i18n/en.js';
import { formatPeriod } from '../../src/web/i18n/format.js';
import { localeStorageKey } from '../../src/web/i18n/index.js';
import { vi } from '../../src/web/i18n/vi.js';
import { expectNoAxeViolations, launchBrowser, waitForChartDrawn } from '../support/browser.js';
import { startE2EServer } from '../support/server.js';

const desktop = { width: 1280, height: 900 };
const seededPublicCount = readDemoSeed(
  'indicators.json',
  z.object({ indicators: z.array(z.object({ isPublic: z.boolean().default(true) }).loose()) }).loose(),
).indicators.filter((indicator) => indicator.isPublic).length;
const phone = { width: 375, height: 667 };
const messages = { vi, en } as const;
type Locale = keyof typeof messages;

describe('a visitor follows the city targets on the indicator dashboard', () => {
  let server: Awaited<ReturnType<typeof startE2EServer>>;
  let browser: Browser;
  let context: BrowserContext | undefined;
  let publicCount = 0;
  /** Indicators with two periods or more (baseline, values, target years): the others show one figure, not a chart. */
  let drawnCount = 0;

  beforeAll(async () => {
    server = await startE2EServer();
    browser = await launchBrowser();
    const res = await server.testApp.app.inject({ method: 'GET', url: '/api/indicators/dashboard' });
    type Indicator = { baseline: { year: number } | null; series: Array<{ period: string }>; targets: Array<{ year: number }> };
    const indicators = (res.json() as { indicators: Indicator[] }).indicators;
    publicCount = indicators.length;
    drawnCount = indicators.filter(
      (i) =>
        new Set([
          ...(i.baseline ? [String(i.baseline.year)] : []),
          ...i.series.map((p) => p.period),
          ...i.targets.map((t) => String(t.year)),
        ]).size > 1,
    ).length;
  });

  afterEach(async () => {
    await context?.close();
    context = undefined;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function openPage(
    path: string,
    { locale = 'vi', viewport = desktop }: { locale?: Locale; viewport?: typeof desktop } = {},
  ): Promise<Page> {
    context = await browser.newContext({ viewport, locale: locale === 'vi' ? 'vi-VN' : 'en-GB' });
    await context.addInitScript(([key, value]) => window.localStorage.setItem(key, value), [localeStorageKey, locale] as const);
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}${path}`);
    return page;
  }

  it.each(['vi', 'en'] as const)('shows every public indicator with a chart and a data table, in %s', async (locale) => {
    const m = messages[locale].indicators;
    const page = await openPage('/chi-tieu', { locale });
    await page.getByRole('heading', { level: 1, name: m.dashboard.heading }).waitFor();
    const cards = page.locator('[data-card="indicator"]');
    await cards.first().waitFor();
    // Every indicator the demo seed publishes (seeds/demo/indicators.json), none left out by the dashboard.
    expect(publicCount).toBe(seededPublicCount);
    expect(await cards.count()).toBe(publicCount);
    // Every card with two periods or more draws its chart (SVG) once scrolled near, and every card carries
    // its figures as a table.
    expect(drawnCount).toBeGreaterThan(0);
    const charts = page.locator('[data-chart]');
    await charts.nth(drawnCount - 1).waitFor({ state: 'attached' });
    expect(await charts.count()).toBe(drawnCount);
    // The charts far below the first screen wait until the visitor scrolls to them.
    expect(await page.locator('[data-chart] svg').count()).toBeLessThan(drawnCount);
    for (let index = 0; index < drawnCount; index++) await waitForChartDrawn(page, charts.nth(index));
    expect(await page.locator('[data-card="indicator"] table').count()).toBe(publicCount);
    expect(await page.getByText(m.illustrative, { exact: true }).count()).toBeGreaterThan(0);
    for (const status of ['achieved', 'on_track', 'at_risk', 'off_track'] as const) {
      expect(await page.locator(`[data-card="indicator"] [data-status="${status}"]`).count(), status).toBeGreaterThan(0);
    }
    await expectNoAxeViolations(page);

    // Filter by status, then by framework: the URL keeps the choice.
    const shown = (count: number) => m.dashboard.shown.replace('{{count}}', String(count)).replace('{{total}}', String(publicCount));
    await page.getByLabel(m.dashboard.statusFilter).selectOption('at_risk');
    await page.waitForURL(/trang-thai=at_risk/);
    // RD-GRDP (illustrative values) is at risk.
    await page.getByText(shown(1)).waitFor();
    const atRisk = await cards.count();
    expect(atRisk).toBeGreaterThan(0);
    expect(await page.locator('[data-card="indicator"] [data-status="at_risk"]').count()).toBe(atRisk);
    await page.getByLabel(m.dashboard.statusFilter).selectOption('');
    await page.getByText(shown(publicCount)).waitFor();
    await page.getByLabel(m.dashboard.framework).selectOption('HST-2025');
    await page.waitForURL(/khung=HST-2025/);
    // Today's figures: eight of them, from the Director's speech (sources/002).
    await page.getByText(shown(8)).waitFor();
    expect(await cards.count()).toBe(8);
    await expectNoAxeViolations(page);
  });

  it.each(['vi', 'en'] as const)(
    'reads one indicator with its path, target band, values, table and the missing quarter, in %s',
    async (locale) => {
      const m = messages[locale].indicators;
      const page = await openPage('/chi-tieu/PHU-5G', { locale });
      await page.getByRole('heading', { level: 2, name: m.detail.chartHeading }).waitFor();
      await waitForChartDrawn(page, 'PHU-5G');
      await page.getByRole('heading', { level: 2, name: m.detail.missingHeading }).waitFor();
      // The missing quarter, written the way the page's language writes periods.
      expect(await page.getByText(formatPeriod('2025-Q3', locale)).count()).toBeGreaterThan(0);
      const table = page.getByRole('table');
      expect(await table.getByRole('row').count()).toBe(1 + 1 + 3 + 1); // header, baseline, three quarters, the 2030 target
      await page.getByText(m.direction.higher).waitFor();
      await expectNoAxeViolations(page);
    },
  );

  it('fits a 375-pixel-wide phone screen without scrolling sideways', async () => {
    const page = await openPage('/chi-tieu', { viewport: phone });
    await waitForChartDrawn(page, page.locator('[data-chart]').first());
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    const detail = await openPage('/chi-tieu/KTS-GRDP', { viewport: phone });
    await waitForChartDrawn(detail, detail.locator('[data-chart]').first());
    expect(await detail.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
  });
});
