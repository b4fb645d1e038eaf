import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { vi } from '../../src/web/i18n/vi.js';
import { localeStorageKey } from '../../src/web/i18n/index.js';
import { expectNoAxeViolations, launchBrowser } from '../support/browser.js';
import { startE2EServer } from '../support/server.js';
import { as, enrolTotp, testPassword, userWithRoles } from '../support/sessions.js';
import { totpCode } from '../support/totp.js';

describe('a programme manager approves a value an officer reported', () => {
  let server: Awaited<ReturnType<typeof startE2EServer>>;
  let browser: Browser;
  let context: BrowserContext | undefined;
  let secret = '';

  beforeAll(async () => {
    server = await startE2EServer();
    browser = await launchBrowser();
    const t = server.testApp;
    const officer = await userWithRoles(t, 'can-bo@skhcn.gov.vn', [{ role: 'unit_officer', unitCode: 'SKHCN' }]);
    const manager = await userWithRoles(t, 'quan-ly@skhcn.gov.vn', [
      { role: 'programme_manager', unitCode: 'SKHCN', includesSubtree: true },
    ]);
    secret = (await enrolTotp(t, manager.browser)).secret;
    const [rd] = (
      (await t.app.inject({ method: 'GET', url: '/api/indicators/dashboard' })).json() as {
        indicators: Array<{ id: string; code: string }>;
      }
    ).indicators.filter((i) => i.code === 'RD-GRDP');
    const sent = await as(
      t.app,
      officer.browser,
    )({
      method: 'POST',
      url: `/api/indicators/${rd!.id}/observations`,
      payload: { period: '2026', value: 1.3, sourceNote: 'Điều tra R&D' },
    });
    expect(sent.statusCode).toBe(201);
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
      data: { email: 'quan-ly@skhcn.gov.vn', password: testPassword },
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

  it('approves the 2026 R&D value from the review queue, and the public page shows it with its new status', async () => {
    const m = vi.indicators.manage;
    const page = await managerPage('/quan-ly-chi-tieu');
    const queue = page.getByRole('region', { name: m.reviewHeading });
    const item = queue.getByRole('article', { name: /RD-GRDP · 2026/ });
    await item.waitFor();
    await item.getByText('Điều tra R&D').waitFor();
    await expectNoAxeViolations(page);

    await item.getByRole('button', { name: m.approve }).click();
    await page.getByText(m.approved.replace('{{code}}', 'RD-GRDP').replace('{{period}}', '2026')).waitFor();
    await queue.getByText(m.reviewEmpty).waitFor();
    await expectNoAxeViolations(page);

    await page.goto(`${server.baseUrl}/chi-tieu/RD-GRDP`);
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '2026' }) });
    await row.getByRole('cell', { name: '1,3', exact: true }).waitFor();
    // 1.3 % at the end of 2026 against the path 1 → 2 %: at risk (see docs/indicator-status-method.md).
    await page.locator('[data-status="at_risk"]').first().waitFor();
    await expectNoAxeViolations(page);
  });
});
