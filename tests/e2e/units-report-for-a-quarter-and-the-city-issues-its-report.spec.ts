import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/web/i18n/en.js';
import { vi } from '../../src/web/i18n/vi.js';
import { expectNoAxeViolations, launchBrowser, profilesOn } from '../support/browser.js';
import { startE2EServer } from '../support/server.js';
import { enrolTotp, userWithRoles, type Browser as Session } from '../support/sessions.js';

const m = vi.reports;
const regimeName = 'Tình hình thực hiện Chương trình khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số';

describe('units report for a quarter, one is returned and resubmitted, the city compiles, issues and publishes its report', () => {
  let server: Awaited<ReturnType<typeof startE2EServer>>;
  let browser: Browser;
  let profiles: ReturnType<typeof profilesOn>;
  const people: Record<string, Session> = {};

  beforeAll(async () => {
    server = await startE2EServer();
    browser = await launchBrowser();
    profiles = profilesOn(browser, server.baseUrl);
    const make = async (key: string, email: string, grants: Parameters<typeof userWithRoles>[2]) => {
      people[key] = (await userWithRoles(server.testApp, email, grants)).browser;
    };
    await make('manager', 'tong-hop@skhcn.gov.vn', [{ role: 'programme_manager', unitCode: 'SKHCN', includesSubtree: true }]);
    await enrolTotp(server.testApp, people.manager!);
    await make('healthOfficer', 'bao-cao@syt.gov.vn', [{ role: 'unit_officer', unitCode: 'SYT' }]);
    await make('healthLeader', 'giam-doc@syt.gov.vn', [{ role: 'leader', unitCode: 'SYT' }]);
    await make('wardOfficer', 'bao-cao@benthanh.gov.vn', [{ role: 'unit_officer', unitCode: '26743' }]);
    await make('wardLeader', 'chu-tich@benthanh.gov.vn', [{ role: 'leader', unitCode: '26743' }]);
    await make('cityLeader', 'lanh-dao@hcm.gov.vn', [{ role: 'leader', unitCode: '79', includesSubtree: true }]);
  });

  afterAll(async () => {
    await profiles?.closeAll();
    await browser?.close();
    await server?.close();
  });

  let boardUrl = '';
  const reportUrl: Record<string, string> = {};

  /** Opens the unit's report for the second quarter from the officer's list. */
  async function openOwnReport(session: Session): Promise<Page> {
    const page = await profiles.open(session, '/bao-cao/cua-don-vi');
    await page.getByRole('heading', { level: 1, name: m.mine.heading }).waitFor();
    await page.getByRole('link', { name: `${regimeName} · Quý II năm 2026` }).click();
    await page.getByRole('heading', { level: 2, name: m.unitReport.figures }).waitFor();
    return page;
  }

  async function writeAndSend(key: string, text: string) {
    const page = await openOwnReport(people[key]!);
    reportUrl[key] = new URL(page.url()).pathname;
    // The figures are prefilled from the platform: the unit's tasks are listed.
    await page.getByRole('table', { name: m.unitReport.tasks }).waitFor();
    await page.getByLabel('Kết quả thực hiện').fill(text);
    await page.getByRole('button', { name: m.common.save }).click();
    await page.getByText(m.common.saved).waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: m.actions.send }).click();
    await page.getByText(m.states.awaiting_approval).first().waitFor();
  }

  async function approveAndSubmit(key: string, officerKey: string, number: string) {
    const page = await profiles.open(people[key]!, reportUrl[officerKey]!);
    await page.getByLabel(m.common.documentNumber).fill(number);
    await page.getByRole('button', { name: m.actions.submit }).click();
    await page.getByText(m.states.submitted).first().waitFor();
  }

  it('the manager opens the second quarter: cut-off and due date follow Decree 09/2019/NĐ-CP', async () => {
    const page = await profiles.open(people.manager!, '/bao-cao');
    await page.getByRole('link', { name: regimeName }).click();
    await page.getByRole('heading', { level: 2, name: m.regime.open }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByLabel(m.regime.label, { exact: true }).fill('2026-Q2');
    await page.getByRole('button', { name: m.regime.open }).click();
    await page.getByText(m.regime.opened).waitFor();
    const row = page.getByRole('row').filter({ hasText: 'Quý II năm 2026' });
    await row.getByText('Từ 15/03/2026 đến 14/06/2026').waitFor();
    await row.getByText('20/06/2026').waitFor();
    await row.getByRole('link', { name: 'Quý II năm 2026' }).click();
    await page.getByRole('heading', { level: 1, name: m.board.heading.replace('{{period}}', 'Quý II năm 2026') }).waitFor();
    boardUrl = new URL(page.url()).pathname;
    await expectNoAxeViolations(page);
  });

  it('the Department of Health and the ward write theirs, their leaders submit them', async () => {
    await writeAndSend('healthOfficer', 'Triển khai bệnh án điện tử tại 20 bệnh viện.');
    await approveAndSubmit('healthLeader', 'healthOfficer', '21/BC-SYT');
    await writeAndSend('wardOfficer', 'Phường triển khai mô hình một cửa không giấy tờ.');
    await approveAndSubmit('wardLeader', 'wardOfficer', '08/BC-UBND');
  });

  it('the manager returns the ward report with a reason; the ward corrects and resubmits it; the manager accepts both', async () => {
    const page = await profiles.open(people.manager!, reportUrl.wardOfficer!);
    await page.getByLabel(m.common.reason).fill('Bổ sung kết quả nhân rộng mô hình.');
    await page.getByRole('button', { name: m.actions.return }).click();
    await page.getByText(m.states.returned).first().waitFor();

    const ward = await profiles.open(people.wardOfficer!, reportUrl.wardOfficer!);
    await ward.getByText('Bổ sung kết quả nhân rộng mô hình.').waitFor();
    await ward.getByLabel('Kết quả thực hiện').fill('Phường triển khai mô hình một cửa không giấy tờ; nhân rộng tại 3 phường.');
    await ward.getByRole('button', { name: m.common.save }).click();
    await ward.getByText(m.common.saved).waitFor();
    await ward.getByRole('button', { name: m.actions.send }).click();
    await ward.getByText(m.states.awaiting_approval).first().waitFor();
    await approveAndSubmit('wardLeader', 'wardOfficer', '08/BC-UBND');

    for (const key of ['wardOfficer', 'healthOfficer']) {
      const report = await profiles.open(people.manager!, reportUrl[key]!);
      await report.getByRole('button', { name: m.actions.accept }).click();
      await report.getByText(m.states.accepted).first().waitFor();
    }
    const board = await profiles.open(people.manager!, boardUrl);
    const health = board.getByRole('row').filter({ hasText: 'Sở Y tế' });
    await health.getByText(m.timeliness.on_time).waitFor();
    await expectNoAxeViolations(board);
  });

  it('the manager compiles the city report, a leader approves and issues it, the manager publishes it', async () => {
    const board = await profiles.open(people.manager!, boardUrl);
    await board.getByRole('button', { name: m.board.compile }).click();
    await board
      .getByRole('heading', { level: 1, name: m.compiled.heading.replace('{{period}}', 'Quý II năm 2026').replace('{{revision}}', '1') })
      .waitFor();
    const compiledUrl = new URL(board.url()).pathname;
    expect(await board.getByLabel('Kết quả thực hiện').inputValue()).toContain('Sở Y tế: Triển khai bệnh án điện tử tại 20 bệnh viện.');
    await board.getByLabel(m.compiled.summary).fill('Các đơn vị đã gửi báo cáo quý II năm 2026 đúng hạn.');
    await board.getByRole('button', { name: m.common.save }).click();
    await board.getByText(m.common.saved).waitFor();
    await expectNoAxeViolations(board);

    const leader = await profiles.open(people.cityLeader!, compiledUrl);
    await leader.getByRole('button', { name: m.actions.approve }).click();
    await leader.getByLabel(m.common.documentNumber).fill('31/BC-SKHCN');
    await leader.getByRole('button', { name: m.actions.issue }).click();
    await leader.getByText(m.compiled.frozen).waitFor();
    await expectNoAxeViolations(leader);

    const manager = await profiles.open(people.manager!, compiledUrl);
    await manager.getByRole('button', { name: m.actions.publish }).click();
    await manager.getByText(m.compiledStates.published).first().waitFor();
  });

  it.each(['vi', 'en'] as const)('a visitor finds it published, with its number and documents (%s)', async (locale) => {
    const words = { vi, en }[locale].reports;
    const page = await profiles.open(null, '/bao-cao-cong-khai', locale);
    await page.getByRole('heading', { level: 1, name: words.published.heading }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('row').filter({ hasText: '31/BC-SKHCN' }).getByRole('link').click();
    await page.getByText('31/BC-SKHCN').waitFor();
    await page.getByText('Các đơn vị đã gửi báo cáo quý II năm 2026 đúng hạn.').waitFor();
    const pdf = await page.request.get(
      await page
        .getByRole('link', { name: words.common.pdf })
        .getAttribute('href')
        .then((href) => `${server.baseUrl}${href}`),
    );
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    await expectNoAxeViolations(page);
  });
});
