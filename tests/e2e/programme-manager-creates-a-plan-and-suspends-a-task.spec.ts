import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskStatusLabels } from '../../src/shared/contracts/plans.js';
import { vi } from '../../src/web/i18n/vi.js';
import { expectNoAxeViolations, launchBrowser, profilesOn } from '../support/browser.js';
import { startE2EServer } from '../support/server.js';
import { enrolTotp, userWithRoles } from '../support/sessions.js';

const m = vi.plans;
const code = '215/KH-UBND';
const reason = 'Chờ Thành phố bố trí kinh phí năm 2027';

describe('a programme manager creates a plan, adds a task group, corrects the plan and suspends a task, all from the web app', () => {
  let server: Awaited<ReturnType<typeof startE2EServer>>;
  let browser: Browser;
  let profiles: ReturnType<typeof profilesOn>;
  let manager: { cookie: string };

  beforeAll(async () => {
    server = await startE2EServer();
    browser = await launchBrowser();
    profiles = profilesOn(browser, server.baseUrl);
    const pm = await userWithRoles(server.testApp, 'quan-ly-kh@skhcn.gov.vn', [
      { role: 'programme_manager', unitCode: 'SKHCN', includesSubtree: true },
    ]);
    await enrolTotp(server.testApp, pm.browser);
    manager = pm.browser;
  }, 180_000);

  afterAll(async () => {
    await profiles?.closeAll();
    await browser?.close();
    await server?.close();
  });

  it('from the plans list to a suspended task with its reason, with no accessibility violations', async () => {
    const page = await profiles.open(manager, '/ke-hoach');
    await page.getByRole('heading', { level: 1, name: m.plansHeading }).waitFor();
    await page.getByRole('link', { name: m.newPlan.link }).click();

    // The plan, as the city issued it.
    await page.getByRole('heading', { level: 1, name: m.newPlan.heading }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByLabel(m.newPlan.code, { exact: false }).fill(code);
    await page.getByLabel(m.newPlan.titleVi, { exact: false }).fill('Kế hoạch phát triển hạ tầng số Thành phố năm 2026');
    await page.getByLabel(m.newPlan.issuedOn, { exact: false }).fill('2026-03-02');
    await page.getByLabel(m.newPlan.periodStart, { exact: false }).fill('2026');
    await page.getByLabel(m.newPlan.periodEnd, { exact: false }).fill('2024');
    await page.getByRole('button', { name: m.newPlan.submit }).click();
    // The server's refusal lands on its field, named by its label.
    await page.getByRole('link', { name: new RegExp(m.newPlan.periodEnd) }).waitFor();
    await page.getByLabel(m.newPlan.periodEnd, { exact: false }).fill('2026');
    await page.getByRole('button', { name: m.newPlan.submit }).click();

    // On to its task groups: add one, then rename it.
    await page.getByRole('heading', { level: 1, name: new RegExp(m.nav.groups) }).waitFor();
    await page.getByRole('status').filter({ hasText: code }).waitFor();
    await page.getByText(m.groups.none).waitFor();
    await expectNoAxeViolations(page);
    await page.getByLabel(m.groups.titleVi, { exact: false }).fill('Hạ tầng viễn thông');
    await page.getByRole('button', { name: m.groups.add }).click();
    await page.getByRole('status').filter({ hasText: m.groups.added }).waitFor();
    await page.getByRole('rowheader', { name: 'Hạ tầng viễn thông' }).waitFor();
    await page.getByRole('button', { name: m.groups.rename.replace('{{order}}', '1') }).click();
    const rename = page.getByRole('form', { name: m.groups.renameHeading.replace('{{order}}', '1') });
    await rename.getByLabel(m.groups.titleVi, { exact: false }).fill('Hạ tầng số và viễn thông');
    await expectNoAxeViolations(page);
    await rename.getByRole('button', { name: m.groups.save }).click();
    await page.getByRole('rowheader', { name: 'Hạ tầng số và viễn thông' }).waitFor();

    // The plan's details corrected: its English title, from the plan's own views.
    await page.getByRole('link', { name: m.nav.edit }).click();
    await page.getByRole('heading', { level: 1, name: `${m.nav.edit}: ${code}` }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByLabel(m.newPlan.titleEn, { exact: false }).fill('Ho Chi Minh City digital infrastructure plan 2026');
    await page.getByRole('button', { name: m.editPlan.submit }).click();
    await page
      .getByRole('status')
      .filter({ hasText: m.editPlan.saved.replace('{{code}}', code) })
      .waitFor();
    await page.getByRole('heading', { level: 1, name: 'Kế hoạch phát triển hạ tầng số Thành phố năm 2026' }).waitFor();

    // A task in that group, assigned from the plan's own views.
    await page.getByRole('link', { name: m.nav.assign }).click();
    await page.getByLabel(m.assign.code, { exact: false }).fill('HT-01');
    await page.getByLabel(m.assign.titleVi, { exact: false }).fill('Phủ sóng 5G tại các khu công nghệ cao');
    await page.getByLabel(m.filters.group, { exact: false }).selectOption({ label: '1. Hạ tầng số và viễn thông' });
    await page.getByLabel(m.columns.leadUnit, { exact: true }).selectOption({ label: 'Sở Y tế' });
    await page.getByRole('button', { name: m.assign.submit }).click();
    await page.getByRole('heading', { level: 1, name: /HT-01/ }).waitFor();

    // Corrected, then suspended with its reason.
    await page.getByRole('link', { name: m.edit.link }).click();
    await page.getByRole('heading', { level: 1, name: m.edit.heading.replace('{{code}}', 'HT-01') }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByLabel(m.edit.productVi, { exact: false }).fill('Trạm 5G hoạt động');
    await page.getByRole('button', { name: m.edit.submit }).click();
    await page
      .getByRole('status')
      .filter({ hasText: m.edit.saved.replace('{{code}}', 'HT-01') })
      .waitFor();
    await page.getByText('Trạm 5G hoạt động').waitFor();

    await page.getByLabel(m.lifecycle.action, { exact: false }).selectOption({ label: m.lifecycle.actions.suspend });
    await page.getByLabel(m.lifecycle.reason, { exact: false }).fill(reason);
    await page.getByRole('button', { name: m.lifecycle.submit }).click();
    await page.getByRole('status').filter({ hasText: m.lifecycle.done.suspend }).waitFor();
    await page.locator('[data-task-status]').getByText(taskStatusLabels.suspended.vi, { exact: true }).waitFor();
    await page.getByText(reason).waitFor();
    // Suspended, the task may be resumed or withdrawn, no longer suspended again.
    const options = await page.getByLabel(m.lifecycle.action, { exact: false }).locator('option').allInnerTexts();
    expect(options).toEqual([m.lifecycle.actions.resume, m.lifecycle.actions.withdraw]);
    await expectNoAxeViolations(page);
  });

  it('adds a target year to an indicator from the indicators workspace, with no accessibility violations', async () => {
    const t = vi.indicators.targets;
    const page = await profiles.open(manager, '/quan-ly-chi-tieu');
    await page
      .getByRole('link', { name: new RegExp(t.link) })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: new RegExp(t.heading.replace('{{code}}', '')) }).waitFor();
    await expectNoAxeViolations(page);
    const rows = await page.getByRole('group', { name: new RegExp(`^${t.row.replace('{{n}}', '\\d+')}`) }).count();
    await page.getByRole('button', { name: t.add }).click();
    const added = page.getByRole('group', { name: t.row.replace('{{n}}', String(rows + 1)), exact: true });
    await added.getByLabel(t.year, { exact: false }).fill('2045');
    await page.getByRole('button', { name: t.submit }).click();
    // A target needs a minimum, a maximum or both: the refusal names the row's field.
    await page
      .getByRole('link', { name: new RegExp(t.min) })
      .first()
      .waitFor();
    await added.getByLabel(t.min, { exact: false }).fill('95,5');
    await page.getByRole('button', { name: t.submit }).click();
    await page
      .getByRole('status')
      .filter({ hasText: t.saved.split('{{code}}')[0]! })
      .waitFor();
    await page
      .getByRole('link', { name: new RegExp(t.link) })
      .first()
      .click();
    const saved = page.getByRole('group', { name: t.row.replace('{{n}}', String(rows + 1)), exact: true });
    expect(await saved.getByLabel(t.year, { exact: false }).inputValue()).toBe('2045');
    expect(await saved.getByLabel(t.min, { exact: false }).inputValue()).toBe('95,5');
  });
});
