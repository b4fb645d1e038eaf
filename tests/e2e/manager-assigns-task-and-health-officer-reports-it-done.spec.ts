import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../src/server/lib/context.js';
import { users } from '../../src/server/modules/identity/schema.js';
import { createUser } from '../../src/server/modules/identity/service.js';
import { addDays, cityDate } from '../../src/server/modules/plans/status.js';
import { taskStatusLabels } from '../../src/shared/contracts/plans.js';
import { en } from '../../src/web/i18n/en.js';
import { localeStorageKey } from '../../src/web/i18n/index.js';
import { vi } from '../../src/web/i18n/vi.js';
import { expectNoAxeViolations, launchBrowser } from '../support/browser.js';
import { startE2EServer } from '../support/server.js';
import { testPassword } from '../support/sessions.js';
import { totpCode } from '../support/totp.js';

const managerSecret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const planPath = `/ke-hoach/${encodeURIComponent('4354/KH-UBND')}`;
const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describe('the manager assigns a task to the Department of Health and its officer reports it done', () => {
  let server: Awaited<ReturnType<typeof startE2EServer>>;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    server = await startE2EServer();
    browser = await launchBrowser();
    const t = server.testApp;
    const ctx = systemContext(t.testDb.database.db, t.clock);
    const manager = await createUser(ctx, {
      email: 'quan-ly@skhcn.gov.vn',
      displayName: 'Quản lý chương trình',
      password: testPassword,
      grants: [{ role: 'programme_manager', unitCode: 'SKHCN', includesSubtree: true }],
    });
    await t.testDb.database.db.update(users).set({ totpSecret: managerSecret }).where(eq(users.id, manager.id));
    await createUser(ctx, {
      email: 'can-bo@syt.gov.vn',
      displayName: 'Cán bộ Sở Y tế',
      password: testPassword,
      grants: [{ role: 'unit_officer', unitCode: 'SYT', includesSubtree: false }],
    });
    await createUser(ctx, {
      email: 'lanh-dao@hcm.gov.vn',
      displayName: 'Lãnh đạo Thành phố',
      password: testPassword,
      grants: [{ role: 'leader', unitCode: '79', includesSubtree: true }],
    });
  });

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function openAs(
    email: string | null,
    path: string,
    locale: 'vi' | 'en' = 'vi',
    viewport = { width: 1280, height: 900 },
  ): Promise<Page> {
    const context = await browser.newContext({ viewport, locale: locale === 'vi' ? 'vi-VN' : 'en-GB' });
    contexts.push(context);
    await context.addInitScript(([key, value]) => window.localStorage.setItem(key, value), [localeStorageKey, locale] as const);
    const page = await context.newPage();
    const m = locale === 'vi' ? vi : en;
    if (email) {
      await page.goto(`${server.baseUrl}/dang-nhap?returnTo=${encodeURIComponent(path)}`);
      await page.getByLabel(m.auth.email, { exact: true }).fill(email);
      await page.getByLabel(m.auth.password, { exact: true }).fill(testPassword);
      await page.getByRole('button', { name: m.auth.signIn.submit, exact: true }).click();
      if (email.startsWith('quan-ly')) {
        await page.getByRole('heading', { level: 1, name: m.auth.secondFactor.heading }).waitFor();
        await page.getByLabel(m.auth.codeLabel, { exact: true }).fill(totpCode(managerSecret, server.testApp.clock.now()));
        await page.getByRole('button', { name: m.auth.secondFactor.submit, exact: true }).click();
      }
      // Signed in, the sign-in page sends the person on to `path`.
      await page.waitForURL((url) => !url.pathname.startsWith('/dang-nhap'));
    } else {
      await page.goto(`${server.baseUrl}${path}`);
    }
    return page;
  }

  it('from assignment to "Hoàn thành đúng hạn" on the task and on the leader’s scorecard, with no accessibility violations', async () => {
    const today = cityDate(server.testApp.clock.now());

    // The programme manager assigns the task.
    const manager = await openAs('quan-ly@skhcn.gov.vn', `${planPath}/giao-nhiem-vu`);
    await manager.getByRole('heading', { level: 1, name: new RegExp(vi.plans.nav.assign) }).waitFor();
    await expectNoAxeViolations(manager);
    await manager.getByLabel(vi.plans.assign.code, { exact: true }).fill('NV-07.9');
    await manager.getByLabel(vi.plans.assign.titleVi, { exact: true }).fill('Triển khai hồ sơ sức khỏe điện tử cho người dân');
    await manager
      .getByLabel(vi.plans.filters.group, { exact: false })
      .selectOption({ label: '7. Chuyển đổi số, kinh tế số cấp Thành phố' });
    await manager.getByLabel(vi.plans.columns.leadUnit, { exact: true }).selectOption({ label: 'Sở Y tế' });
    await manager.getByLabel(vi.plans.columns.dueOn, { exact: false }).fill(addDays(today, 30));
    await manager.getByLabel(vi.plans.product, { exact: false }).fill('Hồ sơ sức khỏe điện tử');
    await manager.getByRole('button', { name: vi.plans.assign.submit }).click();
    await manager.getByRole('heading', { level: 1, name: /NV-07\.9/ }).waitFor();
    await manager.locator('[data-task-status]').getByText(taskStatusLabels.not_started.vi, { exact: true }).waitFor();
    const taskUrl = new URL(manager.url()).pathname;
    await expectNoAxeViolations(manager);

    // The Department of Health's officer finds it among the unit's tasks and reports 100 % with a product file.
    const officer = await openAs('can-bo@syt.gov.vn', '/nhiem-vu-cua-don-vi');
    await officer.getByRole('heading', { level: 2, name: vi.plans.calendar.heading }).waitFor();
    await officer.getByRole('link', { name: 'Triển khai hồ sơ sức khỏe điện tử cho người dân' }).waitFor();
    await expectNoAxeViolations(officer);
    await officer.getByRole('link', { name: 'Triển khai hồ sơ sức khỏe điện tử cho người dân' }).click();
    await officer.getByRole('heading', { level: 1, name: /NV-07\.9/ }).waitFor();
    await expectNoAxeViolations(officer);
    // A first report at 60 %: the form then shows the percentage just saved, ready for the next one.
    await officer.getByLabel(vi.plans.reports.period, { exact: true }).fill('Tháng 1/2026');
    await officer.getByLabel(vi.plans.reports.percent, { exact: true }).fill('60');
    await officer.getByLabel(vi.plans.reports.narrative, { exact: true }).fill('Đã cấp hồ sơ sức khỏe điện tử cho 60% người dân.');
    await officer.getByRole('button', { name: vi.plans.reports.submit }).click();
    await officer.getByRole('status').filter({ hasText: vi.plans.reports.filed }).waitFor();
    await officer.getByText('Đã cấp hồ sơ sức khỏe điện tử cho 60% người dân.').waitFor();
    expect(await officer.getByLabel(vi.plans.reports.percent, { exact: true }).inputValue()).toBe('60');
    expect(await officer.getByLabel(vi.plans.reports.period, { exact: true }).inputValue()).toBe('');
    await officer.getByLabel(vi.plans.reports.period, { exact: true }).fill('Quý I/2026');
    await officer.getByLabel(vi.plans.reports.percent, { exact: true }).fill('100');
    await officer
      .getByLabel(vi.plans.reports.narrative, { exact: true })
      .fill('Đã triển khai hồ sơ sức khỏe điện tử cho toàn bộ người dân có căn cước.');
    await officer
      .getByLabel(new RegExp(vi.plans.reports.file))
      .setInputFiles({ name: 'bao-cao-san-pham.pdf', mimeType: 'application/pdf', buffer: pdf });
    await officer.getByRole('button', { name: vi.plans.reports.submit }).click();
    await officer.getByRole('status').filter({ hasText: vi.plans.reports.filed }).waitFor();
    await officer.locator('[data-task-status]').getByText('Hoàn thành đúng hạn', { exact: true }).waitFor();
    expect(taskStatusLabels.completed_on_time.vi).toBe('Hoàn thành đúng hạn');
    await officer.getByRole('link', { name: new RegExp('bao-cao-san-pham.pdf') }).waitFor();
    expect(new URL(officer.url()).pathname).toBe(taskUrl);
    await expectNoAxeViolations(officer);

    // The leader's scorecard counts it as completed on time for the Department of Health.
    const leader = await openAs('lanh-dao@hcm.gov.vn', `${planPath}/bang-danh-gia`);
    const row = leader.getByRole('row', { name: /Sở Y tế/ });
    await row.waitFor();
    const cells = await row.getByRole('cell').allInnerTexts();
    // assigned, on time, late, overdue, rate
    expect(Number(cells[1])).toBe(1);
    await expectNoAxeViolations(leader);
  });

  it.each(['vi', 'en'] as const)(
    'shows the plan tree, task list, timeline and scorecard in %s (and on a phone) without accessibility violations',
    async (locale) => {
      const m = locale === 'vi' ? vi : en;
      const page = await openAs(null, planPath, locale, { width: 375, height: 667 });
      await page.getByRole('heading', { level: 2, name: m.plans.groupsHeading.replace('{{total}}', '10') }).waitFor();
      await page.locator('[data-task-line]').first().waitFor();
      await expectNoAxeViolations(page);
      for (const [path, name] of [
        [`${planPath}/nhiem-vu?status=in_progress_overdue`, m.plans.nav.tasks],
        [`${planPath}/tien-do`, m.plans.nav.timeline],
        [`${planPath}/bang-danh-gia`, m.plans.nav.scorecard],
      ] as const) {
        await page.goto(`${server.baseUrl}${path}`);
        await page.getByRole('heading', { level: 1, name: new RegExp(name) }).waitFor();
        await page.locator('table, [data-gantt]').first().waitFor();
        await expectNoAxeViolations(page);
        // Nothing overflows the phone's width.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      }
    },
  );
});
