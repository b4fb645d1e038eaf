import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initiatives } from '../../src/server/modules/movement/schema.js';
import { en } from '../../src/web/i18n/en.js';
import { formatDate } from '../../src/web/i18n/format.js';
import { vi } from '../../src/web/i18n/vi.js';
import { expectNoAxeViolations, launchBrowser, profilesOn } from '../support/browser.js';
import { markEmailVerified, movementPeople } from '../support/movement.js';
import { startE2EServer } from '../support/server.js';
import { as, userWithRoles, type Browser as Session } from '../support/sessions.js';

const m = vi.movement;
const title = 'Phiếu khảo sát hài lòng điện tử tại bộ phận một cửa phường';
const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

describe('a citizen attaches files to an application and the co-author confirms their part', () => {
  let server: Awaited<ReturnType<typeof startE2EServer>>;
  let browser: Browser;
  let people: Awaited<ReturnType<typeof movementPeople>>;
  let coAuthor: Session;
  let profiles: ReturnType<typeof profilesOn>;

  beforeAll(async () => {
    server = await startE2EServer();
    browser = await launchBrowser();
    profiles = profilesOn(browser, server.baseUrl);
    people = await movementPeople(server.testApp, 'e2ef');
    const partner = await userWithRoles(server.testApp, 'e2ef-coauthor@example.vn', [{ role: 'registered_user', unitCode: '79' }]);
    // A verified address: the form links a co-author's row only to the account that proved it holds the address.
    await markEmailVerified(server.testApp, partner.user.id);
    coAuthor = partner.browser;
  }, 180_000);

  afterAll(async () => {
    await profiles?.closeAll();
    await browser?.close();
    await server?.close();
  });

  it('keeps the confidential file off the public page and waits for the co-author before submitting', async () => {
    // 1. The citizen drafts the application with a co-author and attaches a public and a confidential file.
    const citizen = await profiles.open(people.author.browser, '/sang-kien/nop');
    await citizen.getByRole('heading', { level: 1, name: m.submit.heading }).waitFor();
    await citizen.getByText(m.files.saveFirst).waitFor();
    // An empty application is refused at once: each problem at its field, and nothing is created.
    await citizen.getByRole('button', { name: m.submit.submitNow }).click();
    const summary = citizen.getByRole('group', { name: vi.form.errorSummaryTitle });
    await summary.waitFor();
    for (const label of [m.common.title, m.common.field, m.submit.firstAppliedOn, m.submit.essence, m.submit.benefits]) {
      await summary.getByRole('link', { name: new RegExp(`^${label.replace(/[()]/g, '\\$&')}:`) }).waitFor();
      expect(await citizen.getByLabel(label, { exact: true }).getAttribute('aria-invalid')).toBe('true');
    }
    expect(new URL(citizen.url()).pathname).toBe('/sang-kien/nop');
    const none = await as(server.testApp.app, people.author.browser)({ method: 'GET', url: '/api/movement/initiatives/mine' });
    expect(none.json().items).toEqual([]);
    await expectNoAxeViolations(citizen);

    await citizen.getByLabel(m.common.title, { exact: true }).fill(title);
    await citizen.getByRole('status').filter({ hasText: 'Đã lưu nháp' }).waitFor();
    await citizen.getByLabel(m.common.field, { exact: true }).selectOption({ label: 'Y tế' });
    await citizen.getByLabel(m.submit.firstAppliedOn).fill('2025-11-01');
    await citizen
      .getByLabel(m.submit.essence)
      .fill('Người dân quét mã QR tại quầy để đánh giá mức độ hài lòng; phường xem kết quả theo ngày và theo từng thủ tục.');
    await citizen.getByLabel(m.submit.benefits).fill('Tăng 3 lần số lượt đánh giá');
    await citizen.getByRole('button', { name: m.submit.addAuthor }).click();
    await citizen.getByLabel(m.submit.authorName, { exact: true }).nth(1).fill('Đồng Tác Giả');
    await citizen.getByLabel(m.submit.authorEmail, { exact: true }).nth(1).fill('e2ef-coauthor@example.vn');
    await citizen.getByLabel(m.submit.authorShare, { exact: true }).nth(0).fill('60');
    await citizen.getByLabel(m.submit.authorShare, { exact: true }).nth(1).fill('40');

    await citizen.getByLabel(m.files.file).setInputFiles({ name: 'ket-qua-khao-sat.pdf', mimeType: 'application/pdf', buffer: pdf });
    await citizen.getByRole('button', { name: m.files.upload }).click();
    await citizen.getByRole('status').filter({ hasText: 'Đã đính kèm “ket-qua-khao-sat.pdf”' }).waitFor();
    await citizen.getByLabel(m.files.file).setInputFiles({ name: 'so-do-he-thong.png', mimeType: 'image/png', buffer: png });
    await citizen.getByLabel(m.files.confidential).check();
    await citizen.getByRole('button', { name: m.files.upload }).click();
    await citizen.getByRole('status').filter({ hasText: 'Đã đính kèm “so-do-he-thong.png”' }).waitFor();
    await citizen.getByText(m.files.confidentialTag, { exact: true }).waitFor();
    // A file whose content is not accepted is refused with the server's message.
    await citizen
      .getByLabel(m.files.file)
      .setInputFiles({ name: 'virus.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ\x90\x00\x03\x00\x00\x00binary\x00') });
    await citizen.getByRole('button', { name: m.files.upload }).click();
    await citizen.getByRole('alert').filter({ hasText: 'không được chấp nhận' }).waitFor();
    await expectNoAxeViolations(citizen);

    // Submission waits for the co-author.
    await citizen.getByRole('button', { name: m.submit.submitNow }).click();
    await citizen.getByRole('alert').filter({ hasText: 'Đồng tác giả chưa xác nhận: Đồng Tác Giả' }).waitFor();
    const initiativeId = /\/sang-kien\/([0-9a-f-]{36})\/sua$/.exec(citizen.url())![1]!;
    const inEnglish = await profiles.open(people.author.browser, `/sang-kien/${initiativeId}/sua`, 'en');
    await inEnglish.getByRole('link', { name: 'so-do-he-thong.png' }).waitFor();
    await inEnglish.getByRole('button', { name: en.movement.files.remove.replace('{{name}}', 'ket-qua-khao-sat.pdf') }).waitFor();
    await expectNoAxeViolations(inEnglish);

    // 2. The co-author opens the dossier (from their notice), sees both files and confirms their part.
    const partner = await profiles.open(coAuthor, `/sang-kien/${initiativeId}`);
    await partner.getByRole('heading', { level: 1, name: title }).waitFor();
    await partner.getByRole('link', { name: 'so-do-he-thong.png' }).waitFor();
    await partner.getByText(m.coauthor.ask.replace('{{share}}', '40')).waitFor();
    await expectNoAxeViolations(partner);
    await partner.getByRole('button', { name: m.submit.confirmPart }).click();
    await partner.getByRole('status').filter({ hasText: m.coauthor.done }).waitFor();
    expect(await partner.getByRole('button', { name: m.submit.confirmPart }).count()).toBe(0);

    // 3. The citizen sees the confirmation and submits from the dossier; the box for a manager's reason is not theirs to see.
    const dossier = await profiles.open(people.author.browser, `/sang-kien/${initiativeId}`);
    await dossier.getByRole('button', { name: m.actions.withdraw, exact: true }).waitFor();
    expect(await dossier.getByLabel(m.dossier.reasonFor.return).count()).toBe(0);
    expect(await dossier.getByRole('textbox').count()).toBe(0);
    await dossier
      .getByRole('row', { name: /Đồng Tác Giả/ })
      .getByText(m.submit.confirmed, { exact: true })
      .waitFor();
    await dossier.getByRole('button', { name: m.actions.submit, exact: true }).click();
    await dossier.getByRole('status').filter({ hasText: m.states.submitted }).waitFor();
    await expectNoAxeViolations(dossier);

    // 4. The manager accepts it: the queue (in English) shows when the decision is due.
    for (const action of ['start_screening', 'accept_for_review']) {
      const res = await as(
        server.testApp.app,
        people.pm.browser,
      )({ method: 'POST', url: `/api/movement/initiatives/${initiativeId}/transitions`, payload: { action, reason: '' } });
      expect(res.statusCode, res.body).toBe(200);
    }
    const dueOn = (
      await as(server.testApp.app, people.pm.browser)({ method: 'GET', url: `/api/movement/initiatives/${initiativeId}` })
    ).json().decisionDueOn as string;
    expect(dueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const manager = await profiles.open(people.pm.browser, '/quan-ly-sang-kien', 'en');
    await manager.getByLabel(en.movement.manage.filter).selectOption({ label: en.movement.states.under_review });
    await manager.getByRole('columnheader', { name: en.movement.deadline.column }).waitFor();
    await manager
      .getByRole('row', { name: new RegExp(title) })
      .getByText(formatDate(dueOn, 'en'))
      .waitFor();
    await expectNoAxeViolations(manager);
    await manager.getByRole('link', { name: title }).click();
    await manager.getByText(en.movement.deadline.dossier.replace('{{date}}', formatDate(dueOn, 'en'))).waitFor();
    await expectNoAxeViolations(manager);

    // 5. Once recognised, the public page (English, on a phone) offers only the non-confidential file, to anyone.
    await server.testApp.testDb.database.db
      .update(initiatives)
      .set({ state: 'recognised', scope: 'unit', decidedAt: new Date().toISOString() })
      .where(eq(initiatives.id, initiativeId));
    const visitor = await profiles.open(null, `/thu-vien-sang-kien/${initiativeId}`, 'en', { width: 375, height: 700 });
    await visitor.getByRole('heading', { level: 2, name: en.movement.files.heading }).waitFor();
    const link = visitor.getByRole('link', { name: 'ket-qua-khao-sat.pdf' });
    await link.waitFor();
    expect(await visitor.getByText('so-do-he-thong.png').count()).toBe(0);
    const download = await visitor.request.get(`${server.baseUrl}${await link.getAttribute('href')}`);
    expect(download.status()).toBe(200);
    expect(Buffer.from(await download.body()).equals(pdf)).toBe(true);
    await expectNoAxeViolations(visitor);
  });
});
