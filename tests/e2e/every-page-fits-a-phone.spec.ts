import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webRoutePatterns } from '../../src/shared/web-paths.js';
import { launchBrowser, profilesOn } from '../support/browser.js';
import { startE2EServer } from '../support/server.js';

/** A real value for each route parameter, read from the demo data through the public API. */
async function sampleParams(get: (url: string) => Promise<unknown>): Promise<Record<string, string>> {
  const plans = (await get('/api/plans')) as { items: Array<{ code: string }> };
  const planCode = plans.items[0]!.code;
  const tasks = (await get(`/api/plans/${encodeURIComponent(planCode)}/tasks?limit=1`)) as { items: Array<{ id: string }> };
  const dashboard = (await get('/api/indicators/dashboard')) as { indicators: Array<{ code: string }> };
  const gallery = (await get('/api/movement/gallery')) as { items: Array<{ id: string }> };
  const campaigns = (await get('/api/movement/campaigns')) as { campaigns: Array<{ code: string; phases: Array<{ id: string }> }> };
  const campaign = campaigns.campaigns.find((c) => c.phases.length > 0) ?? campaigns.campaigns[0]!;
  const organisations = (await get('/api/ecosystem/organisations?limit=1')) as { items: Array<{ slug: string }> };
  const programmes = (await get('/api/ecosystem/programmes')) as { items: Array<{ slug: string }> };
  const search = (await get('/api/3/action/package_search?rows=1&fq=res_format:CSV')) as {
    result: { results: Array<{ name: string; resources: Array<{ id: string }> }> };
  };
  const dataset = search.result.results[0]!;
  return {
    code: planCode,
    taskId: tasks.items[0]!.id,
    indicatorCode: dashboard.indicators[0]!.code,
    id: gallery.items[0]!.id,
    campaignCode: campaign.code,
    phaseId: campaign.phases[0]?.id ?? gallery.items[0]!.id,
    unitCode: '79',
    organisationSlug: organisations.items[0]!.slug,
    programmeSlug: programmes.items[0]!.slug,
    datasetName: dataset.name,
    resourceId: dataset.resources[0]!.id,
  };
}

/** The pattern with its parameters filled in; ":code" means a plan, an indicator, a campaign or a unit by where it stands. */
function fill(pattern: string, p: Record<string, string>): string {
  const code = pattern.startsWith('/chi-tieu')
    ? p.indicatorCode!
    : pattern.startsWith('/phong-trao')
      ? p.campaignCode!
      : pattern.startsWith('/don-vi')
        ? p.unitCode!
        : p.code!;
  const slug = pattern.startsWith('/he-sinh-thai/chuong-trinh') ? p.programmeSlug! : p.organisationSlug!;
  return pattern
    .replace(':code', encodeURIComponent(code))
    .replace(':slug', slug)
    .replace(':name', p.datasetName!)
    .replace(':resourceId', p.resourceId!)
    .replace(':taskId', p.taskId!)
    .replace(':phaseId', p.phaseId!)
    .replace(':id', p.id!);
}

describe('every page on a 375 px phone', () => {
  let server: Awaited<ReturnType<typeof startE2EServer>>;
  let browser: Browser;

  beforeAll(async () => {
    server = await startE2EServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it(
    'scrolls no page sideways and keeps the header within 120 px',
    async () => {
      const get = async (url: string) => (await server.testApp.app.inject({ method: 'GET', url })).json() as unknown;
      const params = await sampleParams(get);
      const profiles = profilesOn(browser, server.baseUrl);
      const page = await profiles.open(null, '/', 'vi', { width: 375, height: 812 });
      const problems: string[] = [];
      for (const pattern of webRoutePatterns) {
        const path = fill(pattern, params);
        await page.goto(`${server.baseUrl}${path}`);
        // Lazy content (tables, charts) settles before measuring.
        await page.waitForLoadState('networkidle');
        const hasHeading = await page
          .getByRole('heading', { level: 1 })
          .first()
          .waitFor({ timeout: 10_000 })
          .then(() => true)
          .catch(() => false);
        if (!hasHeading) problems.push(`${path}: no page heading`);
        const { overflow, headerHeight } = await page.evaluate(() => ({
          overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          headerHeight: document.querySelector('header')!.getBoundingClientRect().height,
        }));
        if (overflow > 0) problems.push(`${path}: ${overflow} px wider than the screen`);
        if (headerHeight > 120) problems.push(`${path}: header ${headerHeight} px tall`);
      }
      await profiles.closeAll();
      expect(problems).toEqual([]);
      // The walk grows with every page declared: a few seconds each (a page without a heading waits 10 s).
    },
    webRoutePatterns.length * 4_000,
  );
});
