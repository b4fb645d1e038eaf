import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { opendataPaths } from '../../src/shared/web-paths.js';
import { en } from '../../src/web/i18n/en.js';
import { profilesOn, visitInApp, waitForQuiet } from '../support/browser.js';
import { samplePagesOn, useServerAndBrowser } from '../support/server.js';

/**
 * The open-data pages still name publishers and themes in Vietnamese only; they are checked here once
 * they have English names. Every other page is.
 */
const notYetInEnglish = [opendataPaths.catalogue, opendataPaths.work];

/**
 * What an English page shows that is not English and not marked as Vietnamese (lang="vi"), and what looks
 * like a raw code: a UUID, a snake_case key, a dotted key such as an audit action. Document numbers
 * ("Decree 13/2023/NĐ-CP", "54-CTrHĐ/TU") are names and may keep their letters.
 */
function strayText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const vietnamese = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹàáèéìíòóùúýõãĩũ]/i;
    const documentNumber = /\S*[\d/]\S*/g;
    const rawCode = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b|\b[a-z]+_[a-z_]+\b|\b[a-z]+\.[a-z_]+\.[a-z_.]+\b/;
    const found = new Set<string>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? '').trim();
      const element = node.parentElement;
      if (!text || !element || element.closest('script, style, noscript, [hidden]')) continue;
      const isMarkedVietnamese = element.closest('[lang]')?.getAttribute('lang') === 'vi';
      if (!isMarkedVietnamese && vietnamese.test(text.replace(documentNumber, ''))) found.add(`Vietnamese: “${text.slice(0, 80)}”`);
      else if (rawCode.test(text)) found.add(`raw code: “${text.slice(0, 80)}”`);
    }
    return [...found];
  });
}

describe('every page speaks the visitor’s language', () => {
  const started = useServerAndBrowser();

  it('shows an English visitor English, marks Vietnamese content as Vietnamese and shows no raw codes', async () => {
    const { server, browser } = started;
    const pages = (await samplePagesOn(server)).filter(({ path }) => !notYetInEnglish.some((prefix) => path.startsWith(prefix)));
    const profiles = profilesOn(browser, server.baseUrl);
    const page = await profiles.open(null, '/', 'en');
    const problems: string[] = [];
    for (const path of [...pages.map((p) => p.path), '/tim-kiem?q=chuyen%20doi%20so', '/tim-kiem?q=xe%20bu']) {
      await visitInApp(page, path);
      await waitForQuiet(page);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      for (const stray of await strayText(page)) problems.push(`${path}: ${stray}`);
    }
    await profiles.closeAll();
    expect(problems).toEqual([]);
  });

  it('finds things by a half-typed last word and names them in English where they have English names', async () => {
    const { server, browser } = started;
    const profiles = profilesOn(browser, server.baseUrl);
    const page = await profiles.open(null, '/tim-kiem?q=thu%20dau%20mo', 'en');
    const results = page.getByRole('main').getByRole('article');
    await results.first().waitFor();
    await page.getByRole('link', { name: 'Thu Dau Mot Ward', exact: true }).waitFor();
    // An initiative has no English name: its Vietnamese one is shown, marked as Vietnamese.
    await page.goto(`${server.baseUrl}/tim-kiem?q=xe%20bu`);
    const initiative = page.getByRole('link', { name: 'Điều phối xe buýt theo nhu cầu bằng dữ liệu thẻ vé' });
    await initiative.waitFor();
    expect(await initiative.locator('[lang="vi"]').count()).toBe(1);
    // The gallery's own search also takes the unfinished word.
    await page.goto(`${server.baseUrl}/thu-vien-sang-kien?q=xe%20bu`);
    await page.getByRole('link', { name: 'Điều phối xe buýt theo nhu cầu bằng dữ liệu thẻ vé' }).waitFor();
    await profiles.closeAll();
  });

  it('says a call that is still to open opens soon, in both languages', async () => {
    const { server, browser } = started;
    const profiles = profilesOn(browser, server.baseUrl);
    const campaigns = (await server.testApp.app.inject('/api/movement/campaigns')).json() as {
      campaigns: Array<{ code: string; calls: Array<{ state: string }> }>;
    };
    const campaign = campaigns.campaigns.find((c) => c.calls.some((call) => call.state === 'upcoming'))!;
    const page = await profiles.open(null, `/phong-trao/${encodeURIComponent(campaign.code)}`, 'en');
    await page.getByText(en.status.window.upcoming, { exact: true }).first().waitFor();
    expect(await page.getByText(en.status.window.closed, { exact: true }).count()).toBe(
      campaign.calls.filter((call) => call.state === 'closed').length,
    );
    const vietnamese = await profiles.open(null, `/phong-trao/${encodeURIComponent(campaign.code)}`, 'vi');
    await vietnamese.getByText('Sắp mở', { exact: true }).first().waitFor();
    await profiles.closeAll();
  });
});
