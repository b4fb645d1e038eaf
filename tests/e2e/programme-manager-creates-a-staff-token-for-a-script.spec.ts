import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { vi } from '../../src/web/i18n/vi.js';
import { localeStorageKey } from '../../src/web/i18n/index.js';
import { expectNoAxeViolations, launchBrowser } from '../support/browser.js';
import { startE2EServer } from '../support/server.js';
import { enrolTotp, testPassword, userWithRoles } from '../support/sessions.js';
import { totpCode } from '../support/totp.js';

describe('a programme manager creates a staff token for a script', () => {
  let server: Awaited<ReturnType<typeof startE2EServer>>;
  let browser: Browser;
  let context: BrowserContext | undefined;
  let secret = '';

  beforeAll(async () => {
    server = await startE2EServer();
    browser = await launchBrowser();
    const manager = await userWithRoles(server.testApp, 'quan-ly-ma@skhcn.gov.vn', [
      { role: 'programme_manager', unitCode: 'SKHCN', includesSubtree: true },
    ]);
    secret = (await enrolTotp(server.testApp, manager.browser)).secret;
  });

  afterEach(async () => {
    await context?.close();
    context = undefined;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function managerPage(path: string): Promise<Page> {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    await context.addInitScript(([key, value]) => window.localStorage.setItem(key, value), [localeStorageKey, 'vi'] as const);
    const signIn = await context.request.post(`${server.baseUrl}/api/auth/sign-in`, {
      data: { email: 'quan-ly-ma@skhcn.gov.vn', password: testPassword },
    });
    expect(signIn.status()).toBe(200);
    // A fresh time step, so the code is not the one used to enrol.
    server.testApp.clock.advance(30_000);
    const second = await context.request.post(`${server.baseUrl}/api/auth/second-factor`, {
      data: { code: totpCode(secret, server.testApp.clock.now()) },
    });
    expect(second.status(), await second.text()).toBe(200);
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}${path}`);
    return page;
  }

  it('must give it an expiry of at most 90 days, sees it once, and a script creates a plan with it', async () => {
    const m = vi.account.tokens;
    const page = await managerPage('/tai-khoan');
    await page.getByRole('heading', { level: 2, name: m.heading }).waitFor();
    await page.getByText(m.staffIntro.replace('{{days}}', '90')).waitFor();

    // No "never" for a staff token, and nothing longer than 90 days.
    const expiry = page.getByLabel(m.expiresIn);
    expect(await expiry.locator('option').allTextContents()).toEqual(['30 ngày', '90 ngày']);
    await page.getByLabel(m.name, { exact: true }).fill('Kịch bản lập kế hoạch');
    await page.getByLabel(m.scopeWrite).check();
    await expiry.selectOption('30');
    await page.getByRole('button', { name: m.create, exact: true }).click();

    await page.getByRole('heading', { level: 3, name: m.createdHeading.replace('{{name}}', 'Kịch bản lập kế hoạch') }).waitFor();
    const token = await page.getByRole('textbox', { name: m.tokenValue, exact: true }).inputValue();
    expect(token).toMatch(/^dm_/);
    await expectNoAxeViolations(page);

    const plan = await fetch(`${server.baseUrl}/api/plans`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        code: 'KH-KICH-BAN-1',
        titleVi: 'Kế hoạch do kịch bản lập',
        issuingBodyVi: 'UBND Thành phố',
        periodStart: 2026,
        periodEnd: 2030,
      }),
    });
    expect(plan.status, await plan.clone().text()).toBe(201);

    // Dismissed, the token is gone from the page; its card says it is a staff token.
    await page.getByRole('button', { name: m.dismiss }).click();
    await expect(page.getByRole('textbox', { name: m.tokenValue, exact: true }).count()).resolves.toBe(0);
    const card = page.getByRole('article').filter({ has: page.getByRole('heading', { level: 4, name: 'Kịch bản lập kế hoạch' }) });
    await card.getByText(m.kindStaff).waitFor();
    expect(await page.content()).not.toContain(token);
  });
});
