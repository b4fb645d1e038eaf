import JSZip from 'jszip';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/web/i18n/en.js';
import { vi } from '../../src/web/i18n/vi.js';
import { expectNoAxeViolations, launchBrowser, profilesOn } from '../support/browser.js';
import { unitId } from '../support/movement.js';
import { startE2EServer } from '../support/server.js';
import { as, enrolTotp, userWithRoles, type Browser as Session } from '../support/sessions.js';

const m = vi.commendation;
const nominee = 'Trương Ngọc Ánh';
const report =
  'Năm 2025 hoàn thành tốt nhiệm vụ một cửa: tiếp nhận và số hóa hơn 3.000 hồ sơ, không hồ sơ nào trễ hạn; hướng dẫn người dân nộp hồ sơ trực tuyến.';

describe('a ward officer nominates an individual, the ward council votes in secret, and the decision lists them', () => {
  let server: Awaited<ReturnType<typeof startE2EServer>>;
  let browser: Browser;
  let profiles: ReturnType<typeof profilesOn>;
  let officer: Session;
  let manager: Session;
  const members: Session[] = [];
  let nominationUrl = '';

  beforeAll(async () => {
    server = await startE2EServer();
    browser = await launchBrowser();
    profiles = profilesOn(browser, server.baseUrl);
    const t = server.testApp;
    officer = (await userWithRoles(t, 'e2ek-officer@benthanh.gov.vn', [{ role: 'unit_officer', unitCode: '26743' }])).browser;
    manager = (await userWithRoles(t, 'e2ek-pm@snv.gov.vn', [{ role: 'programme_manager', unitCode: 'SKHCN', includesSubtree: true }]))
      .browser;
    await enrolTotp(t, manager);
    const seats = [];
    for (const [i, role] of (['chair', 'member', 'member'] as const).entries()) {
      const member = await userWithRoles(t, `e2ek-member${i + 1}@benthanh.gov.vn`, [{ role: 'reviewer', unitCode: '26743' }]);
      members.push(member.browser);
      seats.push({ userId: member.user.id, role });
    }
    // The ward's emulation and commendation council, set up by the programme managers.
    const council = await as(
      t.app,
      manager,
    )({
      method: 'POST',
      url: '/api/commendation/councils',
      payload: {
        unitId: await unitId(t, '26743'),
        nameVi: 'Hội đồng Thi đua – Khen thưởng phường Bến Thành',
        nameEn: 'Ben Thanh Ward Emulation and Commendation Council',
        members: seats,
      },
    });
    expect(council.statusCode, council.body).toBe(201);
  }, 180_000);

  afterAll(async () => {
    await profiles?.closeAll();
    await browser?.close();
    await server?.close();
  });

  const statusOf = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text }).first().waitFor();

  it('the ward officer drafts the nomination, reads each check with its reason and legal basis, and submits it', async () => {
    const page = await profiles.open(officer, '/khen-thuong');
    await page.getByRole('heading', { level: 1, name: m.list.heading }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: m.links.newNomination }).click();
    await page.getByRole('heading', { level: 1, name: m.form.newTitle }).waitFor();
    await expectNoAxeViolations(page);

    await page.getByLabel(m.form.title, { exact: true }).selectOption({ label: 'Lao động tiên tiến' });
    await page.getByLabel(m.form.year).fill('2025');
    await page.getByLabel(m.form.nomineeName).fill(nominee);
    await page.getByLabel(m.form.nomineeJobTitle).fill('Công chức Văn phòng – Thống kê');
    await page.getByLabel(m.form.report).fill(report);
    await page.getByRole('button', { name: m.form.addRating }).click();
    const rating = page.getByRole('group', { name: 'Năm 1', exact: true });
    await rating.getByLabel(m.form.ratingYear).fill('2025');
    await rating.getByLabel(m.form.ratingValue).selectOption({ label: m.ratings.good });
    await page.getByRole('button', { name: m.form.create }).click();

    await page.getByRole('heading', { level: 1, name: nominee }).waitFor();
    nominationUrl = new URL(page.url()).pathname;
    expect(nominationUrl).toMatch(/^\/khen-thuong\/de-nghi\/[0-9a-f-]{36}$/);
    await page.getByText(m.detail.eligible).waitFor();
    // Article 80(3): the ward chairman gives Lao động tiên tiến; each check names its basis.
    const issuer = page.locator('[data-check="issuer"]');
    expect(await issuer.textContent()).toContain('Chủ tịch Ủy ban nhân dân phường, xã, đặc khu có thẩm quyền tặng “Lao động tiên tiến”');
    expect(await issuer.textContent()).toContain('Điều 80 khoản 3');
    expect(await page.locator('[data-check="rating_good"]').textContent()).toContain('Năm 2025: Hoàn thành tốt nhiệm vụ');
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: m.actions.submit }).click();
    await statusOf(page, 'Đề nghị đã chuyển sang “Đã gửi đề nghị”.');
    await expectNoAxeViolations(page);
  }, 180_000);

  it('the programme manager puts it to the ward council’s vote', async () => {
    const page = await profiles.open(manager, '/khen-thuong?trang-thai=submitted');
    await page.getByRole('link', { name: nominee }).click();
    await page.getByRole('heading', { level: 1, name: nominee }).waitFor();
    await page.getByRole('button', { name: m.actions.open_vote }).click();
    await page.getByLabel(m.detail.council).selectOption({ label: 'Hội đồng Thi đua – Khen thưởng phường Bến Thành' });
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: m.actions.open_vote }).click();
    await statusOf(page, 'Đề nghị đã chuyển sang “Hội đồng đang bỏ phiếu”.');
    await page.getByText('0/3 thành viên đã bỏ phiếu').waitFor();
    await expectNoAxeViolations(page);
  }, 120_000);

  it('each member finds the ballot waiting on their workspace and votes once; nobody sees how', async () => {
    for (const [index, member] of members.entries()) {
      const page = await profiles.open(member, '/viec-cua-toi', index === 1 ? 'en' : 'vi');
      const card = page.locator('[data-card="commendation.votes"]');
      await card.getByRole('link', { name: new RegExp(nominee) }).click();
      await page.getByRole('heading', { level: 1, name: nominee }).waitFor();
      const choice = index === 1 ? en.commendation.ballot.against : m.ballot.for;
      await page.getByLabel(choice, { exact: true }).check();
      if (index === 0) await expectNoAxeViolations(page);
      await page.getByRole('button', { name: index === 1 ? en.commendation.vote.cast : m.vote.cast }).click();
      await statusOf(page, index === 1 ? en.commendation.vote.castDone : m.vote.castDone);
      // Voted: no second ballot, and no counts before the vote is closed.
      await page.getByText(index === 1 ? en.commendation.vote.voted : m.vote.voted).waitFor();
      expect(await page.getByRole('button', { name: index === 1 ? en.commendation.vote.cast : m.vote.cast }).count()).toBe(0);
      expect(await page.getByText(/Kết quả:|Result:/).count()).toBe(0);
      if (index === 1) await expectNoAxeViolations(page);
    }
  }, 180_000);

  it('the chair sees who voted but not how, closes the vote, and the result applies the threshold', async () => {
    const page = await profiles.open(members[0]!, nominationUrl);
    const roll = page.getByRole('table', { name: m.vote.roll });
    await roll.waitFor();
    expect(await roll.getByText(m.vote.hasVoted, { exact: true }).count()).toBe(3);
    await page.getByRole('button', { name: m.vote.close }).click();
    await page.getByText('Kết quả: 2 đồng ý, 1 không đồng ý, 0 không biểu quyết').waitFor();
    await page.getByText(m.vote.approved).waitFor();
    await expectNoAxeViolations(page);
  }, 120_000);

  it('the programme manager records the decision; the public list names them, with the decision in the official layout', async () => {
    const page = await profiles.open(manager, '/khen-thuong/quyet-dinh');
    await page.getByRole('heading', { level: 1, name: m.decisions.heading }).waitFor();
    await page.getByLabel(m.decisions.title, { exact: true }).selectOption({ label: 'Lao động tiên tiến' });
    await page.getByLabel(new RegExp(`^${nominee}`)).check();
    await page.getByLabel(m.decisions.number, { exact: true }).fill('07/QĐ-UBND');
    await page.getByLabel(m.decisions.signedOn, { exact: true }).fill('2026-03-05');
    await page.getByLabel(m.decisions.signerName, { exact: true }).fill('Nguyễn Hoàng Long');
    await page.getByLabel(m.decisions.signerPosition, { exact: true }).fill('Chủ tịch');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: m.decisions.create }).click();
    await statusOf(page, m.decisions.created);

    const visitor = await profiles.open(null, '/khen-thuong/quyet-dinh');
    await visitor.getByRole('link', { name: 'Quyết định số 07/QĐ-UBND' }).click();
    await visitor.getByRole('heading', { level: 1, name: 'Quyết định số 07/QĐ-UBND' }).waitFor();
    const list = visitor.getByRole('table', { name: m.decision.list });
    await list.getByRole('rowheader', { name: nominee }).waitFor();
    expect(await list.textContent()).toContain('Phường Bến Thành');
    await expectNoAxeViolations(visitor);

    const href = await visitor.getByRole('link', { name: m.decision.docx }).getAttribute('href');
    const docx = await visitor.request.get(`${server.baseUrl}${href}`);
    expect(docx.status()).toBe(200);
    const text = (await (await JSZip.loadAsync(await docx.body())).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    for (const part of [
      'PHƯỜNG BẾN THÀNH',
      'Số: 07/QĐ-UBND',
      'CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG BẾN THÀNH',
      'Về việc tặng danh hiệu “Lao động tiên tiến” năm 2025',
      nominee,
    ])
      expect(text, part).toContain(part);

    const english = await profiles.open(
      null,
      href!.replace(/\/api\/commendation\/decisions\/([^/]+)\/.*/, '/khen-thuong/quyet-dinh/$1'),
      'en',
    );
    await english.getByRole('heading', { level: 1, name: 'Decision 07/QĐ-UBND' }).waitFor();
    await english.getByText(en.commendation.issuers.ward_chairman).waitFor();
    await expectNoAxeViolations(english);

    // The dossier itself is not public: its page asks a visitor to sign in.
    const outsider = await profiles.open(null, nominationUrl);
    await outsider.waitForURL((url) => url.pathname === '/dang-nhap');
  }, 180_000);
});
