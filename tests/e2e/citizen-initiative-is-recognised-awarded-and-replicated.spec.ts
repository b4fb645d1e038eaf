import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/web/i18n/en.js';
import { vi } from '../../src/web/i18n/vi.js';
import { expectNoAxeViolations, launchBrowser, profilesOn } from '../support/browser.js';
import { createCouncil, movementPeople } from '../support/movement.js';
import { startE2EServer } from '../support/server.js';

const m = vi.movement;
const title = 'Đặt lịch tiêm chủng qua Zalo cho trạm y tế phường';

describe('a citizen’s initiative is screened, scored, recognised, awarded, replicated and shown in the gallery', () => {
  let server: Awaited<ReturnType<typeof startE2EServer>>;
  let browser: Browser;
  let people: Awaited<ReturnType<typeof movementPeople>>;
  let councilId: string;
  let profiles: ReturnType<typeof profilesOn>;

  beforeAll(async () => {
    server = await startE2EServer();
    browser = await launchBrowser();
    profiles = profilesOn(browser, server.baseUrl);
    const t = server.testApp;
    people = await movementPeople(t, 'e2e');
    const campaign = (await t.app.inject({ method: 'GET', url: '/api/movement/campaigns' })).json().campaigns[0];
    councilId = (await createCouncil(t, people.pm.browser, campaign.id, people.chair, people.reviewers.slice(0, 3))).id;
  }, 180_000);

  afterAll(async () => {
    await profiles?.closeAll();
    await browser?.close();
    await server?.close();
  });

  it('goes from submission to the public gallery, every page without accessibility violations', async () => {
    // 1. The citizen fills in the application; it is saved as a draft while typing, then submitted.
    const citizen = await profiles.open(people.author.browser, '/sang-kien/nop');
    await citizen.getByRole('heading', { level: 1, name: m.submit.heading }).waitFor();
    await citizen.getByLabel(m.common.title, { exact: true }).fill(title);
    await citizen.getByRole('status').filter({ hasText: 'Đã lưu nháp' }).waitFor();
    expect(citizen.url()).toMatch(/\/sang-kien\/[0-9a-f-]{36}\/sua$/);
    await citizen.getByLabel(m.common.field, { exact: true }).selectOption({ label: 'Y tế' });
    await citizen.getByLabel(m.submit.firstAppliedOn).fill('2025-11-01');
    await citizen
      .getByLabel(m.submit.essence)
      .fill('Người dân đặt lịch tiêm chủng qua Zalo của trạm y tế, nhận nhắc lịch trước ngày tiêm; trạm điều phối số người mỗi buổi.');
    await citizen.getByLabel(m.submit.confidentialInfo).fill('Khóa API của tài khoản Zalo OA');
    await citizen.getByLabel(m.submit.conditions).fill('Trạm y tế có tài khoản Zalo OA');
    await citizen.getByLabel(m.submit.benefits).fill('Giảm 50% thời gian chờ tiêm');
    await citizen.getByRole('status').filter({ hasText: 'Đã lưu nháp' }).waitFor();
    await expectNoAxeViolations(citizen);
    await citizen.getByRole('button', { name: m.submit.submitNow }).click();
    await citizen.getByRole('heading', { level: 1, name: title }).waitFor();
    // The submission says so.
    await citizen.getByRole('status').filter({ hasText: m.submit.submitted }).waitFor();
    await citizen.getByText(m.states.submitted, { exact: true }).first().waitFor();
    const initiativeId = /\/sang-kien\/([0-9a-f-]{36})$/.exec(citizen.url())![1]!;
    await expectNoAxeViolations(citizen);

    // 2. The manager screens it and sends it to the council.
    const manager = await profiles.open(people.pm.browser, '/quan-ly-sang-kien');
    await manager.getByRole('link', { name: title }).click();
    await manager.getByRole('heading', { level: 1, name: title }).waitFor();
    await expectNoAxeViolations(manager);
    await manager.getByRole('button', { name: m.actions.start_screening }).click();
    await manager.getByRole('button', { name: m.actions.accept_for_review }).click();
    await manager.getByRole('status').filter({ hasText: m.states.under_review }).waitFor();

    // The manager assigns reviewers on the council page.
    await manager.goto(`${server.baseUrl}/hoi-dong-sang-kien/${councilId}`);
    await manager.getByRole('button', { name: m.council.assign }).click();
    await manager.getByRole('status').filter({ hasText: 'Đã phân công' }).waitFor();
    await expectNoAxeViolations(manager);

    // 3. Three reviewers score it, each on their own.
    for (const [i, reviewer] of people.reviewers.slice(0, 3).entries()) {
      const page = await profiles.open(reviewer.browser, '/cham-diem');
      await page.getByRole('link', { name: new RegExp(title) }).click();
      await page.getByText(m.review.othersHidden).waitFor();
      for (const [j, input] of (await page.getByRole('textbox', { name: m.review.score, exact: true }).all()).entries())
        await input.fill(String(7 + ((i + j) % 3)));
      if (i === 0) await expectNoAxeViolations(page);
      await page.getByRole('button', { name: m.review.submit }).click();
      await page.getByText('Bạn đã nộp phiếu chấm').waitFor();
      // The other members' scores are theirs only: the reviewer's own is not listed among them.
      const others = page.getByRole('region', { name: m.review.others });
      if (i === 0) await others.getByText(m.review.othersNone).waitFor();
      else await others.getByRole('listitem').first().waitFor();
      expect(await others.getByRole('listitem').count()).toBe(i);
      expect(await others.getByText(`${reviewer.user.displayName}:`).count()).toBe(0);
      if (i > 0) expect(await others.getByText(`${people.reviewers[0]!.user.displayName}:`).count()).toBe(1);
    }

    // 4. The chair records the council's decision: recognised, city scope.
    const chair = await profiles.open(people.chair.browser, `/hoi-dong-sang-kien/${councilId}`);
    await chair.getByRole('heading', { name: m.council.decisionHeading }).waitFor();
    await chair.getByLabel(m.council.initiative).selectOption({ label: title });
    await chair.getByLabel(m.common.scope).selectOption({ label: m.scopes.city });
    await chair.getByLabel(m.council.votesFor).fill('4');
    await expectNoAxeViolations(chair);
    await chair.getByRole('button', { name: m.council.record }).click();
    await chair.getByRole('status').filter({ hasText: m.council.recorded }).waitFor();

    // 5. The manager makes an award and opens the printable certificate.
    await manager.goto(`${server.baseUrl}/sang-kien/${initiativeId}`);
    await manager.getByLabel(m.dossier.awardType).selectOption({ label: 'Giấy khen' });
    await manager.getByLabel(m.dossier.decisionRef).fill('Quyết định số 15/QĐ-SKHCN');
    await manager.getByRole('button', { name: m.actions.award }).click();
    await manager.getByRole('link', { name: m.public.certificate }).click();
    await manager.getByRole('heading', { level: 1, name: 'Giấy khen' }).waitFor();
    await manager.getByText(`“${title}”`, { exact: false }).waitFor();
    await expectNoAxeViolations(manager);

    // 6. An officer of another unit records that their ward applies it.
    const officer = await profiles.open(people.officer.browser, `/thu-vien-sang-kien/${initiativeId}`);
    await officer.getByRole('heading', { name: m.dossier.replicateHeading }).waitFor();
    await officer.getByLabel(m.dossier.results).fill('Áp dụng tại trạm y tế phường, giảm 40% thời gian chờ');
    await officer.getByRole('button', { name: m.actions.replicate }).click();
    await officer.getByRole('status').filter({ hasText: m.common.done }).waitFor();
    await expectNoAxeViolations(officer);

    // 7. The public gallery shows it (search without diacritics), with the ward that adopted it and no confidential part.
    for (const locale of ['vi', 'en'] as const) {
      const visitor = await profiles.open(null, `/thu-vien-sang-kien?q=${encodeURIComponent('dat lich tiem chung zalo')}`, locale, {
        width: 375,
        height: 700,
      });
      await visitor.locator('[data-list="gallery"]').getByRole('link', { name: title }).click();
      await visitor.getByRole('heading', { level: 1, name: title }).waitFor();
      await visitor.getByText('Áp dụng tại trạm y tế phường, giảm 40% thời gian chờ').waitFor();
      await visitor
        .getByText(locale === 'vi' ? m.states.replicated : en.movement.states.replicated, { exact: true })
        .first()
        .waitFor();
      expect(await visitor.content()).not.toContain('Khóa API');
      await expectNoAxeViolations(visitor);
      await visitor.goto(`${server.baseUrl}/thu-vien-sang-kien`);
      await visitor.getByRole('heading', { level: 1, name: locale === 'vi' ? m.gallery.heading : en.movement.gallery.heading }).waitFor();
      await visitor.getByRole('link', { name: title }).first().waitFor();
      await expectNoAxeViolations(visitor);
    }
  }, 300_000);
});
