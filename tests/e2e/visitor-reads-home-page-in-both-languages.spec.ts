import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/web/i18n/en.js';
import { vi } from '../../src/web/i18n/vi.js';
import { expectNoAxeViolations, launchBrowser } from '../support/browser.js';
import { startE2EServer } from '../support/server.js';

const desktop = { width: 1280, height: 900 };
const phone = { width: 375, height: 667 };

describe('a visitor reads the home page in both languages', () => {
  let server: Awaited<ReturnType<typeof startE2EServer>>;
  let browser: Browser;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    server = await startE2EServer();
    browser = await launchBrowser();
  });

  afterEach(async () => {
    await context?.close();
    context = undefined;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function openPage(path: string, viewport = desktop): Promise<Page> {
    context = await browser.newContext({ viewport, locale: 'vi-VN' });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}${path}`);
    return page;
  }

  function htmlLang(page: Page): Promise<string | null> {
    return page.locator('html').getAttribute('lang');
  }

  it('reads the home page in Vietnamese, then switches to English with the keyboard', async () => {
    const page = await openPage('/');

    await page.getByRole('heading', { level: 1, name: vi.home.title }).waitFor();
    expect(await htmlLang(page)).toBe('vi');
    await page.getByText('4354/KH-UBND', { exact: true }).first().waitFor();
    const targets = page.getByRole('region', { name: vi.home.targets.heading });
    await targets.getByRole('listitem').first().waitFor();
    expect(await targets.getByText(vi.home.targets.target.replace('{{year}}', '2030')).count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page);

    // Tab from the top of the page until the English button has focus, as a keyboard user would.
    const englishButton = page.getByRole('button', { name: 'English' });
    let reachedSwitch = false;
    for (let presses = 0; presses < 20 && !reachedSwitch; presses += 1) {
      await page.keyboard.press('Tab');
      reachedSwitch = await englishButton.evaluate((button) => button === document.activeElement);
    }
    expect(reachedSwitch).toBe(true);
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { level: 1, name: en.home.title }).waitFor();
    expect(await htmlLang(page)).toBe('en');
    expect(await englishButton.getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('heading', { level: 2, name: en.home.targets.heading }).waitFor();
    await expectNoAxeViolations(page);

    // The choice is remembered.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: en.home.title }).waitFor();
    expect(await htmlLang(page)).toBe('en');
  });

  it('searches without diacritics and sees the matching words marked', async () => {
    const page = await openPage('/tim-kiem?q=chuyen%20doi%20so');

    await page.getByRole('heading', { level: 1, name: vi.search.heading }).waitFor();
    expect(await page.getByRole('searchbox', { name: vi.search.label }).inputValue()).toBe('chuyen doi so');
    const results = page.getByRole('main').getByRole('list').first();
    await results.getByRole('listitem').first().waitFor();
    await results.locator('mark').first().waitFor();
    await expectNoAxeViolations(page);
  });

  it('finds a ward by searching without diacritics, opens its page, and browses the unit directory', async () => {
    const page = await openPage('/tim-kiem?q=phuong%20ben%20thanh');
    await page.getByRole('main').getByRole('link', { name: 'Phường Bến Thành' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Phường Bến Thành' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/don-vi/26743');
    await page.getByText(vi.unitKinds.ward, { exact: true }).waitFor();
    await expectNoAxeViolations(page);

    // Back to the directory through the breadcrumbs.
    await page.getByRole('navigation', { name: vi.a11y.breadcrumbs }).getByRole('link', { name: vi.units.directory.pageTitle }).click();
    await page.getByRole('heading', { level: 1, name: vi.units.directory.heading }).waitFor();
    await page.getByLabel(vi.units.directory.filter).fill('so y te');
    await page.getByRole('main').getByRole('link', { name: 'Sở Y tế' }).waitFor();
    // The ward's link was on the list before the filter: wait for the list to narrow, then check.
    await page.getByRole('main').getByRole('link', { name: 'Phường Bến Thành' }).first().waitFor({ state: 'detached' });
    await expectNoAxeViolations(page);
  });

  it('fits a 375-pixel-wide phone screen without scrolling sideways', async () => {
    const page = await openPage('/', phone);
    await page.getByText('4354/KH-UBND', { exact: true }).first().waitFor();

    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
  });
});
