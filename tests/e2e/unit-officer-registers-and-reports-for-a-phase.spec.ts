import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/web/i18n/en.js';
import { vi } from '../../src/web/i18n/vi.js';
import { expectNoAxeViolations, launchBrowser, profilesOn, waitForChartDrawn } from '../support/browser.js';
import { movementPeople } from '../support/movement.js';
import { startE2EServer } from '../support/server.js';
import { as } from '../support/sessions.js';

const m = vi.movement;
const ward = 'Phường Thủ Dầu Một';

describe('a unit officer registers and reports for a phase; the manager reads the phase report and moderates comments', () => {
  let server: Awaited<ReturnType<typeof startE2EServer>>;
  let browser: Browser;
  let people: Awaited<ReturnType<typeof movementPeople>>;
  let campaign: { code: string; phases: Array<{ id: string; name: { vi: string } }> };
  let publicId: string;
  let profiles: ReturnType<typeof profilesOn>;

  beforeAll(async () => {
    server = await startE2EServer();
    browser = await launchBrowser();
    profiles = profilesOn(browser, server.baseUrl);
    const t = server.testApp;
    people = await movementPeople(t, 'e2er');
    campaign = (await t.app.inject({ method: 'GET', url: '/api/movement/campaigns' })).json().campaigns[0];
    publicId = (await t.app.inject({ method: 'GET', url: '/api/movement/gallery?q=QR' })).json().items[0].id;
  }, 180_000);

  afterAll(async () => {
    await profiles?.closeAll();
    await browser?.close();
    await server?.close();
  });

  it('registers the ward’s commitments from the campaign page, refusing a too-short one, then writes the interim report', async () => {
    const phase = campaign.phases[0]!;
    const page = await profiles.open(people.officer.browser, `/phong-trao/${campaign.code}`);
    await page.getByRole('link', { name: `Đăng ký thi đua — ${phase.name.vi}` }).click();
    await page.getByRole('heading', { level: 1, name: `Đăng ký thi đua — ${phase.name.vi}` }).waitFor();
    await page.getByText(m.registration.none).waitFor();
    await expectNoAxeViolations(page);

    const form = page.getByRole('form', { name: m.registration.formHeading });
    const first = form.getByRole('group', { name: 'Cam kết 1' });
    await first.getByLabel(m.registration.text).fill('ab');
    await form.getByRole('button', { name: m.registration.submit, exact: true }).click();
    await expect.poll(() => page.locator('#register-commitments-0-text-error').textContent()).toContain('Cần ít nhất 3 ký tự.');
    await expectNoAxeViolations(page);

    await first.getByLabel(m.registration.text).fill('Số hóa 100% hồ sơ một cửa của phường');
    await first.getByLabel(m.registration.target).fill('100% hồ sơ trực tuyến');
    await form.getByRole('button', { name: m.registration.addCommitment }).click();
    await form.getByRole('group', { name: 'Cam kết 2' }).getByLabel(m.registration.text).fill('Mỗi khu phố có một sáng kiến chuyển đổi số');
    await form.getByRole('button', { name: m.registration.submit, exact: true }).click();
    const article = page.getByRole('article', { name: ward });
    await article.getByText('Số hóa 100% hồ sơ một cửa của phường').waitFor();
    // Registered once: the form is gone, since the ward has no other unit to register.
    await expect.poll(() => page.getByRole('form', { name: m.registration.formHeading }).count()).toBe(0);

    await article.getByLabel(m.registration.report).fill('Đã số hóa 82% hồ sơ; 6/10 khu phố có sáng kiến.');
    await article.getByRole('button', { name: m.registration.saveReport }).click();
    await article.locator('p.prewrap').filter({ hasText: 'Đã số hóa 82% hồ sơ; 6/10 khu phố có sáng kiến.' }).waitFor();
    // The saved report stays in the form, to be revised; the final review starts empty.
    expect(await article.getByLabel(m.registration.report).inputValue()).toBe('Đã số hóa 82% hồ sơ; 6/10 khu phố có sáng kiến.');
    await article.getByLabel(m.registration.review).selectOption({ label: m.launch.reviews.final });
    expect(await article.getByLabel(m.registration.report).inputValue()).toBe('');
    await expectNoAxeViolations(page);

    const listed = await as(
      server.testApp.app,
      people.officer.browser,
    )({ method: 'GET', url: `/api/movement/phases/${phase.id}/registrations` });
    expect(listed.json().registrations).toMatchObject([
      {
        unitName: { vi: ward },
        commitments: [
          { text: 'Số hóa 100% hồ sơ một cửa của phường', target: '100% hồ sơ trực tuyến' },
          { text: 'Mỗi khu phố có một sáng kiến chuyển đổi số', target: '' },
        ],
        interimReport: 'Đã số hóa 82% hồ sơ; 6/10 khu phố có sáng kiến.',
        finalReport: null,
      },
    ]);

    // The manager sees every unit's registration, without a report form of their own.
    const manager = await profiles.open(people.pm.browser, `/dang-ky-thi-dua/${phase.id}`, 'en');
    await manager.getByRole('article', { name: 'Thu Dau Mot Ward' }).getByText('Số hóa 100% hồ sơ một cửa của phường').waitFor();
    expect(await manager.getByRole('button', { name: en.movement.registration.saveReport }).count()).toBe(0);
    await expectNoAxeViolations(manager);
  }, 180_000);

  it('opens the phase review report with its charts, their tables and the DOCX and XLSX downloads', async () => {
    const phase = campaign.phases[0]!;
    const page = await profiles.open(people.pm.browser, `/phong-trao/${campaign.code}`);
    await page.getByRole('link', { name: `Báo cáo — ${phase.name.vi}` }).click();
    await page.getByRole('heading', { level: 1, name: `${m.phaseReport.interim}: ${phase.name.vi}` }).waitFor();
    const report = (
      await as(server.testApp.app, people.pm.browser)({ method: 'GET', url: `/api/movement/phases/${phase.id}/report` })
    ).json();
    expect(report.byState.length).toBeGreaterThan(0);

    // The chart is drawn (SVG), and its table holds the same figures.
    await waitForChartDrawn(page, 'by-state');
    const rows = await page.locator('[data-table="by-state"] tbody tr').allTextContents();
    expect(rows).toEqual(report.byState.map((r: { key: keyof typeof m.states; count: number }) => `${m.states[r.key]}${r.count}`));
    await waitForChartDrawn(page, 'by-field');
    expect(await page.locator('[data-table="by-field"] tbody tr').count()).toBe(report.byField.length);
    expect(await page.locator('[data-figure="registrations"]').textContent()).toBe('1');
    await expectNoAxeViolations(page);

    for (const [name, type] of [
      [m.phaseReport.docx, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      [m.phaseReport.xlsx, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ] as const) {
      const href = await page.getByRole('link', { name }).getAttribute('href');
      const download = await page.request.get(`${server.baseUrl}${href}`);
      expect(download.status()).toBe(200);
      expect(download.headers()['content-type']).toBe(type);
      expect((await download.body()).subarray(0, 2).toString()).toBe('PK');
    }

    const english = await profiles.open(people.pm.browser, `/bao-cao-giai-doan/${phase.id}`, 'en');
    await english.getByRole('heading', { level: 2, name: en.movement.phaseReport.byState }).waitFor();
    await waitForChartDrawn(english, 'by-state');
    const englishRows = await english.locator('[data-table="by-state"] tbody th').allTextContents();
    expect(englishRows).toEqual(report.byState.map((r: { key: keyof typeof m.states }) => en.movement.states[r.key]));
    const englishUnits = await english.locator('[data-table="by-unit"] tbody th').allTextContents();
    expect(englishUnits).toEqual(report.byUnit.map((r: { name: { en: string } }) => r.name.en));
    await expectNoAxeViolations(english);
  }, 120_000);

  it('holds a spam comment, which the manager shows from the moderation queue; another is hidden', async () => {
    const citizen = await profiles.open(people.citizen.browser, `/thu-vien-sang-kien/${publicId}`);
    await citizen.getByLabel(m.public.commentLabel).fill('Kiếm tiền online tại nhà, liên hệ Zalo 0909');
    await citizen.getByRole('button', { name: m.public.send }).click();
    await citizen.getByRole('status').filter({ hasText: m.public.held }).waitFor();

    // A comment that is fine is shown at once; its author is not offered to report it, another reader is.
    const thanks = 'Cảm ơn, phường tôi sẽ thử áp dụng cách làm này.';
    await citizen.getByLabel(m.public.commentLabel).fill(thanks);
    await citizen.getByRole('button', { name: m.public.send }).click();
    await citizen.getByRole('status').filter({ hasText: m.public.posted }).waitFor();
    const mine = citizen.getByRole('listitem').filter({ hasText: thanks });
    await mine.waitFor();
    expect(await mine.getByRole('button', { name: new RegExp(m.public.report) }).count()).toBe(0);
    const reader = await profiles.open(people.author.browser, `/thu-vien-sang-kien/${publicId}`);
    await reader
      .getByRole('listitem')
      .filter({ hasText: thanks })
      .getByRole('button', { name: new RegExp(m.public.report) })
      .waitFor();
    await expectNoAxeViolations(reader);
    const second = await as(
      server.testApp.app,
      people.author.browser,
    )({
      method: 'POST',
      url: `/api/movement/gallery/${publicId}/comments`,
      payload: { body: 'Xem ngay http://a.example và http://b.example' },
    });
    expect(second.json().status).toBe('held');

    const manager = await profiles.open(people.pm.browser, '/phong-trao');
    await manager.getByRole('link', { name: m.moderation.heading }).click();
    await manager.getByRole('heading', { level: 1, name: m.moderation.heading }).waitFor();
    const spam = manager.getByRole('article', { name: /e2er-citizen/ });
    await spam.getByText('Bộ lọc giữ lại: cụm từ quảng cáo.').waitFor();
    await manager
      .getByRole('article', { name: /e2er-author/ })
      .getByText('Bộ lọc giữ lại: nhiều đường link.')
      .waitFor();
    await expectNoAxeViolations(manager);

    await spam.getByLabel(m.moderation.note).fill('Người dân chia sẻ thật, không phải quảng cáo');
    await spam.getByRole('button', { name: m.moderation.show }).click();
    await manager.getByRole('status').filter({ hasText: 'Đã cho hiển thị bình luận của e2er-citizen.' }).waitFor();
    await expect.poll(() => manager.getByRole('article', { name: /e2er-citizen/ }).count()).toBe(0);

    const english = await profiles.open(people.pm.browser, '/kiem-duyet-binh-luan', 'en');
    const links = english.getByRole('article', { name: /e2er-author/ });
    await links.getByText('Held by the filter: several links.').waitFor();
    await expectNoAxeViolations(english);
    await links.getByRole('button', { name: en.movement.moderation.hide }).click();
    await english.getByRole('status').filter({ hasText: 'The comment by e2er-author is hidden.' }).waitFor();
    await english.getByText(en.movement.moderation.empty).waitFor();

    const visible = (await server.testApp.app.inject({ method: 'GET', url: `/api/movement/gallery/${publicId}/comments` }))
      .json()
      .comments.map((c: { body: string }) => c.body);
    expect(visible).toContain('Kiếm tiền online tại nhà, liên hệ Zalo 0909');
    expect(visible).not.toContain('Xem ngay http://a.example và http://b.example');
  }, 120_000);
});
