import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { systemContext } from '../../src/server/lib/context.js';
import { indicatorObservations } from '../../src/server/modules/indicators/schema.js';
import { createUser } from '../../src/server/modules/identity/service.js';
import { en } from '../../src/web/i18n/en.js';
import { formatPeriod } from '../../src/web/i18n/format.js';
import { localeStorageKey } from '../../src/web/i18n/index.js';
import { vi } from '../../src/web/i18n/vi.js';
import { expectNoAxeViolations, launchBrowser } from '../support/browser.js';
import { startE2EServer } from '../support/server.js';
import { testPassword } from '../support/sessions.js';

type Locale = 'vi' | 'en';

describe('an officer of the Department of Science and Technology reports a missing quarter', () => {
  let server: Awaited<ReturnType<typeof startE2EServer>>;
  let browser: Browser;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    server = await startE2EServer();
    browser = await launchBrowser();
    const t = server.testApp;
    await createUser(systemContext(t.testDb.database.db, t.clock), {
      email: 'can-bo@skhcn.gov.vn',
      displayName: 'Cán bộ Sở KH-CN',
      password: testPassword,
      grants: [{ role: 'unit_officer', unitCode: 'SKHCN', includesSubtree: false }],
    });
  });

  afterEach(async () => {
    await context?.close();
    context = undefined;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function signedInPage(path: string, locale: Locale): Promise<Page> {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: locale === 'vi' ? 'vi-VN' : 'en-GB' });
    await context.addInitScript(([key, value]) => window.localStorage.setItem(key, value), [localeStorageKey, locale] as const);
    const signIn = await context.request.post(`${server.baseUrl}/api/auth/sign-in`, {
      data: { email: 'can-bo@skhcn.gov.vn', password: testPassword },
    });
    expect(signIn.status()).toBe(200);
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}${path}`);
    return page;
  }

  it('sees 2025-Q3 of 5G coverage as missing, is told a wrong value, then sends it for review (vi)', async () => {
    const m = vi.indicators.manage;
    const page = await signedInPage('/quan-ly-chi-tieu', 'vi');
    await page.getByRole('heading', { level: 1, name: m.heading }).waitFor();
    const row = page.getByRole('row').filter({ hasText: 'PHU-5G' });
    await row.getByText(`${m.missing}: ${formatPeriod('2025-Q3', 'vi')}`).waitFor();
    await expectNoAxeViolations(page);

    const form = page.getByRole('region', { name: m.enterHeading });
    await form.getByLabel(m.indicator).selectOption({ label: (await form.getByRole('option', { name: /^PHU-5G/ }).textContent())! });
    await form.getByLabel(m.period).fill('2025-Q3');
    await form.getByLabel(m.value).fill('sáu mươi bảy');
    await form.getByRole('button', { name: m.submit }).click();
    await page.getByText(m.notANumber).first().waitFor();
    await expectNoAxeViolations(page);

    await form.getByLabel(m.value).fill('67');
    await form.getByLabel(m.sourceNote).fill('Báo cáo của các nhà mạng');
    await form
      .getByLabel(m.evidence)
      .setInputFiles({ name: 'bao-cao-5g.txt', mimeType: 'text/plain', buffer: Buffer.from('Báo cáo phủ sóng 5G quý 3/2025') });
    await form.getByRole('button', { name: m.submit }).click();
    await page.getByText(m.submitted).waitFor();
    const [sent] = await server.testApp.testDb.database.db
      .select()
      .from(indicatorObservations)
      .where(eq(indicatorObservations.period, '2025-Q3'));
    expect(sent).toMatchObject({ value: 67, status: 'submitted', sourceNote: 'Báo cáo của các nhà mạng' });
    expect(sent!.attachmentId).not.toBeNull();
    await row.getByText(m.pending.replace('{{count}}', '1')).waitFor();
    expect(await row.getByText(`${m.missing}: ${formatPeriod('2025-Q3', 'vi')}`).count()).toBe(0);
    await expectNoAxeViolations(page);
  });

  it('reads the same page in English, with the public indicator page no longer listing the quarter', async () => {
    const m = en.indicators.manage;
    const page = await signedInPage('/indicators/manage', 'en');
    await page.getByRole('heading', { level: 1, name: m.heading }).waitFor();
    await page.getByRole('heading', { level: 2, name: m.importHeading }).waitFor();
    await expectNoAxeViolations(page);
    await page.goto(`${server.baseUrl}/chi-tieu/PHU-5G`);
    await page.getByRole('heading', { level: 2, name: en.indicators.detail.chartHeading }).waitFor();
    expect(await page.getByRole('heading', { name: en.indicators.detail.missingHeading }).count()).toBe(0);
  });
});
