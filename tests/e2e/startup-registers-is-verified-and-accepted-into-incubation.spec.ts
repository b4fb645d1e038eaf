import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/web/i18n/en.js';
import { vi } from '../../src/web/i18n/vi.js';
import { expectNoAxeViolations, launchBrowser, profilesOn } from '../support/browser.js';
import { startE2EServer } from '../support/server.js';
import { enrolTotp, userWithRoles, type Browser as Session } from '../support/sessions.js';

const e = vi.ecosystem;
const name = 'Công ty Cá Giống Thông Minh';

describe('a startup registers, a Startup Centre officer verifies it, it is accepted into incubation', () => {
  let server: Awaited<ReturnType<typeof startE2EServer>>;
  let browser: Browser;
  let profiles: ReturnType<typeof profilesOn>;
  let founder: Session;
  let officer: Session;

  beforeAll(async () => {
    server = await startE2EServer();
    browser = await launchBrowser();
    profiles = profilesOn(browser, server.baseUrl);
    founder = (await userWithRoles(server.testApp, 'sang-lap@cagiong.vn', [{ role: 'registered_user', unitCode: '79' }])).browser;
    officer = (await userWithRoles(server.testApp, 'can-bo@sihub.vn', [{ role: 'programme_manager', unitCode: 'SIHUB' }])).browser;
    await enrolTotp(server.testApp, officer);
  }, 180_000);

  afterAll(async () => {
    await profiles?.closeAll();
    await browser?.close();
    await server?.close();
  });

  it('walks the journey, axe-clean on every page', async () => {
    const page = await profiles.open(founder, '/he-sinh-thai/dang-ky');
    await page.getByRole('heading', { level: 1, name: e.edit.registerHeading }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByLabel(e.edit.nameVi).fill(name);
    await page.getByRole('checkbox', { name: 'Nông nghiệp công nghệ cao' }).check();
    await page.getByLabel(e.common.stage).selectOption({ label: 'Hạt giống' });
    await page.getByLabel(e.edit.descriptionVi).fill('Cảm biến nước và trí tuệ nhân tạo cho trại cá giống.');
    await page.getByRole('button', { name: e.edit.submitRegister }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.getByText(e.common.notVerified).waitFor();
    await page.getByRole('heading', { name: e.organisation.matches }).waitFor();
    await page.locator('[data-list="matches"] li').first().waitFor();
    await expectNoAxeViolations(page);

    const staff = await profiles.open(officer, '/he-sinh-thai/xac-minh');
    await staff.getByRole('heading', { level: 1, name: e.verification.heading }).waitFor();
    await expectNoAxeViolations(staff);
    const card = staff.locator('[data-list="verification"] article, [data-list="verification"] li').filter({ hasText: name }).first();
    await card.getByRole('button', { name: e.verification.verify }).click();
    await staff.getByText(e.verification.verifiedDone).waitFor();

    await page.goto(`${server.baseUrl}/he-sinh-thai/chuong-trinh/sihub-incubation-2026`);
    await page.getByRole('heading', { level: 2, name: e.programmes.applyHeading }).waitFor();
    await page.getByLabel(e.programmes.organisation).selectOption({ label: name });
    await page.getByLabel(e.programmes.pitch).fill('Chúng tôi giảm hao hụt cá giống bằng cảm biến và dự báo dịch bệnh.');
    await page.getByLabel(e.programmes.teamSize).fill('4');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: e.programmes.submit }).click();
    await page.getByText(e.programmes.applied).waitFor();

    await staff.goto(`${server.baseUrl}/he-sinh-thai/chuong-trinh/sihub-incubation-2026/ho-so`);
    await staff.getByRole('heading', { level: 1, name: e.programmes.board }).waitFor();
    await expectNoAxeViolations(staff);
    const moveTo = (status: 'shortlisted' | 'accepted') =>
      staff.getByRole('button', { name: e.programmes.moveTo.replace('{{status}}', e.programmes.statuses[status]) });
    await moveTo('shortlisted').click();
    await moveTo('accepted').waitFor();
    await moveTo('accepted').click();
    await staff.getByText(e.programmes.moved).last().waitFor();

    const visitor = await profiles.open(null, '/he-sinh-thai?verified=true&kind=startup');
    const listed = visitor.locator('[data-list="directory"]').getByRole('link', { name });
    await listed.waitFor();
    await expectNoAxeViolations(visitor);
    await listed.click();
    await visitor.getByRole('heading', { level: 1, name }).waitFor();
    await visitor.locator('[data-list="programmes"]').getByRole('link').first().waitFor();
    expect(await visitor.locator('[data-status="verified"]').count()).toBe(1);
    await expectNoAxeViolations(visitor);
  }, 240_000);

  it('the public pages in English and at phone width', async () => {
    const phone = { width: 390, height: 844 };
    for (const path of ['/he-sinh-thai', '/he-sinh-thai/to-chuc/sihub', '/he-sinh-thai/chuong-trinh', '/he-sinh-thai/chuyen-gia']) {
      const page = await profiles.open(null, path, 'en', phone);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await expectNoAxeViolations(page);
    }
    const english = await profiles.open(null, '/he-sinh-thai', 'en');
    await english.getByRole('heading', { level: 1, name: en.ecosystem.directory.heading }).waitFor();
  }, 180_000);
});
