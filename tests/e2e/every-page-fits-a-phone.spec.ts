import { describe, expect, it } from 'vitest';
import { profilesOn, visitInApp, waitForQuiet } from '../support/browser.js';
import { webRoutePatterns } from '../../src/shared/web-paths.js';
import { samplePagesOn, useServerAndBrowser } from '../support/server.js';

describe('every page on a 375 px phone', () => {
  const started = useServerAndBrowser();

  it('scrolls no page sideways and keeps the header within 120 px', { timeout: webRoutePatterns.length * 4_000 }, async () => {
    const { server, browser } = started;
    const pages = await samplePagesOn(server);
    const profiles = profilesOn(browser, server.baseUrl);
    const page = await profiles.open(null, '/', 'vi', { width: 375, height: 812 });
    const problems: string[] = [];
    for (const { path } of pages) {
      await visitInApp(page, path);
      // Lazy content (tables, charts) settles before measuring.
      await waitForQuiet(page);
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
  });
});
