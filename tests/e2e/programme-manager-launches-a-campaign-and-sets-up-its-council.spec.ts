import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/web/i18n/en.js';
import { vi } from '../../src/web/i18n/vi.js';
import { expectNoAxeViolations, launchBrowser, profilesOn } from '../support/browser.js';
import { movementPeople } from '../support/movement.js';
import { startE2EServer } from '../support/server.js';
import { as } from '../support/sessions.js';

const m = vi.movement;
const code = 'PTTD-CDS-2027';
const title = 'Phong trào thi đua “Phường số, dân vui” 2027–2028';

describe('a programme manager launches a campaign and sets up its council', () => {
  let server: Awaited<ReturnType<typeof startE2EServer>>;
  let browser: Browser;
  let people: Awaited<ReturnType<typeof movementPeople>>;
  let profiles: ReturnType<typeof profilesOn>;

  beforeAll(async () => {
    server = await startE2EServer();
    browser = await launchBrowser();
    profiles = profilesOn(browser, server.baseUrl);
    people = await movementPeople(server.testApp, 'e2ec');
  }, 180_000);

  afterAll(async () => {
    await profiles?.closeAll();
    await browser?.close();
    await server?.close();
  });

  /** A row of a repeating group (a fieldset), by its legend. */
  const row = (page: Page, legend: string) => page.getByRole('group', { name: legend, exact: true });

  it('launches a campaign through the form, with a refused weight total and a code already used shown on their fields', async () => {
    const page = await profiles.open(people.pm.browser, '/phong-trao');
    await page.getByRole('heading', { level: 1, name: m.campaign.listTitle }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: m.campaign.launch }).click();
    await page.getByRole('heading', { level: 1, name: m.launch.heading }).waitFor();
    await expectNoAxeViolations(page);

    await page.getByLabel(m.launch.code, { exact: true }).fill('PTTD-DMST-2026-2030');
    await page.getByLabel(m.launch.titleVi, { exact: true }).first().fill(title);
    await page.getByLabel(m.launch.titleEn, { exact: true }).first().fill('Emulation campaign “Digital ward, happy residents” 2027–2028');
    await page.getByLabel(m.launch.launchingBodyVi).fill('Ủy ban nhân dân Thành phố Hồ Chí Minh');
    await page.getByLabel(m.launch.launchingBodyEn).fill('Ho Chi Minh City People’s Committee');
    await page.getByLabel(m.launch.decision).fill('Quyết định số 88/QĐ-UBND');
    await page.getByLabel(m.launch.periodStart).fill('2026-03-01');
    await page.getByLabel(m.launch.periodEnd).fill('2028-12-31');
    await page.getByLabel(m.launch.eligible).fill('Cá nhân\nDoanh nghiệp');
    await page.getByLabel(m.launch.descriptionVi).fill('Khuyến khích mỗi phường có ít nhất một sáng kiến số phục vụ người dân.');
    await page.getByLabel(m.launch.descriptionEn).fill('Every ward brings at least one digital initiative that serves its residents.');

    const field1 = row(page, 'Lĩnh vực 1');
    await field1.getByLabel(m.launch.rowCode).fill('cds');
    await field1.getByLabel(m.launch.nameVi).fill('Chuyển đổi số');
    await field1.getByLabel(m.launch.nameEn).fill('Digital transformation');

    const phase1 = row(page, 'Giai đoạn 1');
    await phase1.getByLabel(m.launch.nameVi).fill('Giai đoạn 1 (2026–2027)');
    await phase1.getByLabel(m.launch.nameEn).fill('Phase 1 (2026–2027)');
    await phase1.getByLabel(m.launch.startsOn).fill('2026-03-01');
    await phase1.getByLabel(m.launch.endsOn).fill('2027-06-30');
    await phase1.getByLabel(m.launch.review, { exact: true }).selectOption({ label: m.launch.reviews.interim });
    await page.getByRole('button', { name: m.launch.addPhase }).click();
    const phase2 = row(page, 'Giai đoạn 2');
    await phase2.getByLabel(m.launch.nameVi).fill('Giai đoạn 2 (2027–2028)');
    await phase2.getByLabel(m.launch.nameEn).fill('Phase 2 (2027–2028)');
    await phase2.getByLabel(m.launch.startsOn).fill('2027-07-01');
    await phase2.getByLabel(m.launch.endsOn).fill('2028-12-31');
    await phase2.getByLabel(m.launch.review, { exact: true }).selectOption({ label: m.launch.reviews.final });

    const criterion1 = row(page, 'Tiêu chí 1');
    await criterion1.getByLabel(m.launch.rowCode).fill('moi');
    await criterion1.getByLabel(m.launch.nameVi).fill('Tính mới');
    await criterion1.getByLabel(m.launch.nameEn).fill('Novelty');
    await criterion1.getByLabel(m.launch.weight).fill('60');
    await page.getByRole('button', { name: m.launch.addCriterion }).click();
    const criterion2 = row(page, 'Tiêu chí 2');
    await criterion2.getByLabel(m.launch.rowCode).fill('hieuqua');
    await criterion2.getByLabel(m.launch.nameVi).fill('Hiệu quả');
    await criterion2.getByLabel(m.launch.nameEn).fill('Effectiveness');
    await criterion2.getByLabel(m.launch.weight).fill('30');
    // The running total follows the weights as they are typed.
    await page.getByText('Tổng trọng số: 90/100').waitFor();

    await page.getByRole('button', { name: m.launch.addCall }).click();
    const call = row(page, 'Đợt tiếp nhận 1');
    await call.getByLabel(m.launch.callPhase).selectOption({ label: 'Giai đoạn 1 (2026–2027)' });
    await call.getByLabel(m.launch.titleVi).fill('Đợt tiếp nhận năm 2026');
    await call.getByLabel(m.launch.titleEn).fill('2026 call');
    await call.getByLabel(m.launch.opensOn).fill('2026-03-01');
    await call.getByLabel(m.launch.closesOn).fill('2026-12-31');

    // 1. Weights that do not add up to 100: said on the criteria, and the summary takes focus.
    await page.getByRole('button', { name: m.launch.submit, exact: true }).click();
    await expect
      .poll(() => page.locator('#launch-criteria-error').textContent())
      .toContain('Tổng trọng số các tiêu chí phải bằng 100 (hiện 90)');
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-error-summary'))).toBe(true);
    await expectNoAxeViolations(page);

    // 2. A code already used: only the server knows; its words appear next to the code field.
    await criterion2.getByLabel(m.launch.weight).fill('40');
    await page.getByText('Tổng trọng số: 100/100').waitFor();
    await page.getByRole('button', { name: m.launch.submit, exact: true }).click();
    await expect.poll(() => page.locator('#launch-code-error').textContent()).toContain("Mã phong trào 'PTTD-DMST-2026-2030' đã được dùng");
    expect(await page.getByLabel(m.launch.code, { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => page.locator('#launch-criteria-error').count()).toBe(0);

    // 3. A fresh code: launched, and the public campaign page shows it.
    await page.getByLabel(m.launch.code, { exact: true }).fill(code);
    await page.getByRole('button', { name: m.launch.submit, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/phong-trao/${code}`);
    await page.getByRole('status').filter({ hasText: m.campaign.launched }).waitFor();
    await page.getByRole('rowheader', { name: 'Giai đoạn 2 (2027–2028)' }).waitFor();
    await page.getByText('Đợt tiếp nhận năm 2026').waitFor();
    await page.getByText('Khuyến khích mỗi phường có ít nhất một sáng kiến số phục vụ người dân.').waitFor();
    await page.getByRole('link', { name: m.campaign.submitInitiative }).waitFor();
    await expectNoAxeViolations(page);
    // Its "submit an initiative" button opens the form on this campaign's open call.
    await page.getByRole('link', { name: m.campaign.submitInitiative }).click();
    await page.getByRole('heading', { level: 1, name: m.submit.heading }).waitFor();
    await expect.poll(() => page.getByLabel(m.submit.call).locator('option:checked').textContent()).toContain('Đợt tiếp nhận năm 2026');
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();

    const api = await server.testApp.app.inject({ method: 'GET', url: `/api/movement/campaigns/${code}` });
    const campaign = api.json();
    expect(campaign.decision).toBe('Quyết định số 88/QĐ-UBND');
    expect(campaign.eligibleParticipants).toEqual(['Cá nhân', 'Doanh nghiệp']);
    expect(campaign.description.en).toBe('Every ward brings at least one digital initiative that serves its residents.');
    expect(campaign.phases.map((p: { review: string | null }) => p.review)).toEqual(['interim', 'final']);
    expect(campaign.criteria.map((c: { code: string; weight: number }) => [c.code, c.weight])).toEqual([
      ['moi', 60],
      ['hieuqua', 40],
    ]);
    expect(campaign.calls).toHaveLength(1);
    expect(campaign.calls[0]).toMatchObject({ phaseId: campaign.phases[0].id, isOpen: true });

    // The same page in English, for a visitor.
    const visitor = await profiles.open(null, `/phong-trao/${code}`, 'en');
    await visitor.getByRole('heading', { level: 1, name: 'Emulation campaign “Digital ward, happy residents” 2027–2028' }).waitFor();
    await visitor.getByRole('heading', { level: 2, name: en.movement.campaign.phases }).waitFor();
    await expectNoAxeViolations(visitor);
    await visitor.goto(`${server.baseUrl}/campaigns`);
    await visitor.getByRole('heading', { level: 1, name: en.movement.campaign.listTitle }).waitFor();
    await visitor.getByRole('link', { name: 'Emulation campaign “Digital ward, happy residents” 2027–2028' }).waitFor();
    await expectNoAxeViolations(visitor);
  }, 240_000);

  it('works with the keyboard alone, in English, and on a 375-px phone', async () => {
    const page = await profiles.open(people.pm.browser, '/phong-trao/phat-dong', 'en');
    await page.getByRole('heading', { level: 1, name: en.movement.launch.heading }).waitFor();
    await expectNoAxeViolations(page);
    // Tab to "Add a phase", press Enter: a second phase appears; then submit with Enter from a field.
    await page.getByLabel(en.movement.launch.code, { exact: true }).focus();
    for (let i = 0; i < 80; i += 1) {
      if ((await page.evaluate(() => document.activeElement?.textContent)) === en.movement.launch.addPhase) break;
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    await row(page, 'Phase 2').waitFor();
    await page.getByLabel(en.movement.launch.code, { exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-error-summary]:focus').waitFor();
    // Each link of the summary moves the focus to its control.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('launch-code');

    const phone = await profiles.open(people.pm.browser, '/phong-trao/phat-dong', 'vi', { width: 375, height: 740 });
    await phone.getByRole('heading', { level: 1, name: m.launch.heading }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await expectNoAxeViolations(phone);
  }, 120_000);

  it('sets up a review council from accounts, with an expert, linked from the councils page', async () => {
    const page = await profiles.open(people.pm.browser, '/hoi-dong-sang-kien');
    await page.getByRole('link', { name: m.councilSetup.link }).click();
    await page.getByRole('heading', { level: 1, name: m.councilSetup.heading }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByLabel(m.councilSetup.nameVi).fill('Hội đồng sáng kiến chuyển đổi số');
    await page.getByLabel(m.councilSetup.nameEn).fill('Digital transformation initiative council');
    // The campaign launched above.
    await page.getByLabel(m.councilSetup.campaign).selectOption({ label: title });
    // No members: refused on the members list before any round trip.
    await page.getByRole('button', { name: m.councilSetup.submit }).click();
    await page.locator('[data-error-summary]:focus').waitFor();
    await page.getByLabel(m.councilSetup.search).fill('e2ec-');
    await page.getByRole('button', { name: 'Thêm e2ec-chair' }).click();
    await page.getByRole('button', { name: 'Thêm e2ec-reviewer1' }).click();
    await page.getByRole('button', { name: 'Thêm e2ec-reviewer2' }).click();
    await page.getByLabel('Vai trò của e2ec-reviewer1').selectOption({ label: m.council.roles.expert });
    await page.getByLabel('Vai trò của e2ec-reviewer2').selectOption({ label: m.council.roles.secretary });
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: m.councilSetup.submit }).click();
    await page.getByRole('heading', { level: 1, name: 'Hội đồng sáng kiến chuyển đổi số' }).waitFor();
    await page.getByText(`e2ec-reviewer1 — ${m.council.roles.expert}`).waitFor();
    const councilId = /\/hoi-dong-sang-kien\/([0-9a-f-]{36})$/.exec(page.url())![1]!;
    const council = (await as(server.testApp.app, people.pm.browser)({ method: 'GET', url: `/api/movement/councils/${councilId}` })).json();
    const roles = Object.fromEntries(council.members.map((x: { displayName: string; role: string }) => [x.displayName, x.role]));
    expect(roles).toEqual({ 'e2ec-chair': 'chair', 'e2ec-reviewer1': 'expert', 'e2ec-reviewer2': 'secretary' });

    const english = await profiles.open(people.pm.browser, '/hoi-dong-sang-kien/thanh-lap', 'en');
    await english.getByRole('heading', { level: 1, name: en.movement.councilSetup.heading }).waitFor();
    await english.getByLabel(en.movement.councilSetup.search).fill('e2ec-chair');
    await english.getByRole('button', { name: 'Add e2ec-chair' }).waitFor();
    await expectNoAxeViolations(english);
  }, 120_000);
});
