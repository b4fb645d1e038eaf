import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../tests/support/app.js';
import { as, enrolTotp, userWithRoles, type Browser } from '../../../../tests/support/sessions.js';
import { multipartFile, pdfBytes } from '../../../../tests/support/uploads.js';
import { editLoaded } from '../../../../tests/support/versions.js';
import { auditEvents } from '../../db/platform-schema.js';
import { notifications } from '../notifications/schema.js';
import { units } from '../identity/schema.js';

let t: TestApp;
let manager: Browser;
let healthOfficer: Browser;
let healthLeader: Browser;
let wardOfficer: Browser;
let otherOfficer: Browser;
let cityLeader: Browser;
let healthOfficerId: string;
const unitIds: Record<string, string> = {};

beforeAll(async () => {
  t = await buildTestApp();
  for (const code of ['SKHCN', 'SYT', '26743', '25747']) {
    const [row] = await t.testDb.database.db.select({ id: units.id }).from(units).where(eq(units.code, code));
    unitIds[code] = row!.id;
  }
  manager = (await userWithRoles(t, 'bao-cao@skhcn.gov.vn', [{ role: 'programme_manager', unitCode: 'SKHCN', includesSubtree: true }]))
    .browser;
  await enrolTotp(t, manager);
  const health = await userWithRoles(t, 'bao-cao@syt.gov.vn', [{ role: 'unit_officer', unitCode: 'SYT' }]);
  healthOfficer = health.browser;
  healthOfficerId = health.user.id;
  healthLeader = (await userWithRoles(t, 'giam-doc@syt.gov.vn', [{ role: 'leader', unitCode: 'SYT' }])).browser;
  wardOfficer = (await userWithRoles(t, 'bao-cao@benthanh.gov.vn', [{ role: 'unit_officer', unitCode: '26743' }])).browser;
  otherOfficer = (await userWithRoles(t, 'bao-cao@thudaumot.gov.vn', [{ role: 'unit_officer', unitCode: '25747' }])).browser;
  cityLeader = (await userWithRoles(t, 'lanh-dao@hcm.gov.vn', [{ role: 'leader', unitCode: '79', includesSubtree: true }])).browser;
});
afterAll(() => t.close());

/** Moves the test clock forward a few days at a time, each browser using its session on the way so none lapses. */
async function moveClockTo(at: string) {
  const target = new Date(at).getTime();
  while (t.clock.now().getTime() < target) {
    t.clock.set(new Date(Math.min(target, t.clock.now().getTime() + 3 * 86_400_000)));
    for (const browser of [manager, healthOfficer, healthLeader, wardOfficer, otherOfficer, cityLeader])
      await as(t.app, browser)({ method: 'GET', url: '/api/reports/unit-reports' });
  }
}

const regimeBody = () => ({
  code: 'BC-THU-NGHIEM',
  name: { vi: 'Tình hình thực hiện chương trình thử nghiệm', en: 'Progress of the trial programme' },
  periodKind: 'quarter',
  issuerUnitId: unitIds.SKHCN,
  unitIds: [unitIds.SYT, unitIds['26743']],
});

const auditActions = async (entityType: string, entityId: string) =>
  (
    await t.testDb.database.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, entityType), eq(auditEvents.entityId, entityId)))
      .orderBy(auditEvents.id)
  ).map((a) => a.action);

describe('a quarterly reporting regime, from definition to the city report on the portal', () => {
  let regimeId: string;
  let periodId: string;
  let healthReportId: string;
  let wardReportId: string;
  let compiledId: string;

  it('lets only a programme manager define a regime: 401, 400, 403, then 201 with its audit row', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/reports/regimes', payload: regimeBody() })).statusCode).toBe(401);
    const bad = await as(t.app, manager)({ method: 'POST', url: '/api/reports/regimes', payload: { ...regimeBody(), periodKind: 'week' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION');
    expect((await as(t.app, healthOfficer)({ method: 'POST', url: '/api/reports/regimes', payload: regimeBody() })).statusCode).toBe(403);
    const created = await as(t.app, manager)({ method: 'POST', url: '/api/reports/regimes', payload: regimeBody() });
    expect(created.statusCode, created.body).toBe(201);
    regimeId = created.json().id;
    expect(created.json().sections.map((s: { key: string }) => s.key)).toEqual(['results', 'difficulties', 'causes', 'proposals']);
    expect(created.json().dueDayOfMonth).toBe(20);
    expect(await auditActions('report_regime', regimeId)).toEqual(['reports.regime.create']);
    expect((await as(t.app, manager)({ method: 'POST', url: '/api/reports/regimes', payload: regimeBody() })).statusCode).toBe(409);
  });

  it('edits a regime from the version loaded (If-Match)', async () => {
    const res = await editLoaded(as(t.app, manager), `/api/reports/regimes/${regimeId}`, {
      name: { vi: 'Tình hình thực hiện chương trình thí điểm', en: 'Progress of the pilot programme' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().name.vi).toBe('Tình hình thực hiện chương trình thí điểm');
    expect(res.json().units).toHaveLength(2);
  });

  it('opens a quarter with the cut-off of Decree 09/2019/NĐ-CP and a due date at least one working day after it', async () => {
    const url = `/api/reports/regimes/${regimeId}/periods`;
    const early = await as(t.app, manager)({ method: 'POST', url, payload: { label: '2026-Q1', dueOn: '2026-03-14' } });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.message.vi).toMatch(/01 ngày làm việc/);
    expect((await as(t.app, manager)({ method: 'POST', url, payload: { label: '2026-03' } })).statusCode).toBe(400);
    const opened = await as(t.app, manager)({ method: 'POST', url, payload: { label: '2026-Q1' } });
    expect(opened.statusCode, opened.body).toBe(201);
    expect(opened.json()).toMatchObject({
      name: { vi: 'Quý I năm 2026', en: 'Q1 2026' },
      cutoffFrom: '2025-12-15',
      cutoffTo: '2026-03-14',
      dueOn: '2026-03-20',
    });
    periodId = opened.json().id;
    expect((await as(t.app, manager)({ method: 'POST', url, payload: { label: '2026-Q1' } })).statusCode).toBe(409);
    const board = await as(t.app, manager)({ method: 'GET', url: `/api/reports/periods/${periodId}/board` });
    expect(
      board
        .json()
        .rows.map((r: { unit: { code: string } }) => r.unit.code)
        .sort(),
    ).toEqual(['26743', 'SYT']);
    expect(board.json().counts).toEqual({ on_time: 0, late: 0, missing: 0, pending: 2 });
    const rows = board.json().rows as Array<{ id: string; unit: { code: string } }>;
    healthReportId = rows.find((r) => r.unit.code === 'SYT')!.id;
    wardReportId = rows.find((r) => r.unit.code === '26743')!.id;
  });

  it("shows an officer their unit's report prefilled from the plans, and no other unit's", async () => {
    const mine = await as(t.app, healthOfficer)({ method: 'GET', url: `/api/reports/unit-reports/${healthReportId}` });
    expect(mine.statusCode).toBe(200);
    expect(mine.headers.etag).toMatch(/^"\d+"$/);
    expect(mine.json().figures.tasks.rows.length).toBeGreaterThan(0);
    expect(mine.json()).toMatchObject({ state: 'draft', canEdit: true, allowedActions: ['send'], timeliness: 'pending' });
    expect((await as(t.app, wardOfficer)({ method: 'GET', url: `/api/reports/unit-reports/${healthReportId}` })).statusCode).toBe(404);
    expect((await as(t.app, otherOfficer)({ method: 'GET', url: `/api/reports/unit-reports/${wardReportId}` })).statusCode).toBe(404);
    const list = await as(t.app, healthOfficer)({ method: 'GET', url: '/api/reports/unit-reports' });
    expect(list.json().every((r: { unit: { code: string } }) => r.unit.code === 'SYT')).toBe(true);
    const edit = await as(
      t.app,
      wardOfficer,
    )({
      method: 'PATCH',
      url: `/api/reports/unit-reports/${healthReportId}`,
      payload: { sections: { results: 'x' } },
      headers: { 'if-match': mine.headers.etag as string },
    });
    expect(edit.statusCode).toBe(404);
  });

  it('lets the officer write sections one at a time and attach a file; unknown sections are refused', async () => {
    const request = as(t.app, healthOfficer);
    const url = `/api/reports/unit-reports/${healthReportId}`;
    expect((await editLoaded(request, url, { sections: { summary: 'x' } })).statusCode).toBe(400);
    expect((await editLoaded(request, url, { sections: { results: 'Triển khai bệnh án điện tử tại 20 bệnh viện.' } })).statusCode).toBe(
      200,
    );
    const second = await editLoaded(request, url, { sections: { proposals: 'Bổ sung kinh phí cho trạm y tế.' } });
    const texts = Object.fromEntries(second.json().sections.map((s: { key: string; text: string }) => [s.key, s.text]));
    expect(texts).toMatchObject({ results: 'Triển khai bệnh án điện tử tại 20 bệnh viện.', proposals: 'Bổ sung kinh phí cho trạm y tế.' });
    const upload = await request({ method: 'POST', url: `${url}/attachments`, ...multipartFile('minh-chung.pdf', pdfBytes) });
    expect(upload.statusCode, upload.body).toBe(201);
    const download = await as(t.app, healthLeader)({ method: 'GET', url: `${url}/attachments/${upload.json().id}` });
    expect(download.statusCode).toBe(200);
    expect((await as(t.app, wardOfficer)({ method: 'GET', url: `${url}/attachments/${upload.json().id}` })).statusCode).toBe(404);
  });

  it('goes officer → leader → manager; each step only by its holder, a return needs its reason', async () => {
    const step = (browser: Browser, action: string, payload: object = {}) =>
      as(t.app, browser)({ method: 'POST', url: `/api/reports/unit-reports/${healthReportId}/${action}`, payload });
    // No one submits a draft: it goes to the leader first.
    expect((await step(healthLeader, 'submit')).statusCode).toBe(409);
    expect((await step(healthOfficer, 'send')).json().state).toBe('awaiting_approval');
    expect((await step(healthOfficer, 'send')).statusCode).toBe(409);
    expect((await step(healthOfficer, 'submit')).statusCode).toBe(403);
    // A report cannot be edited while it waits for the leader.
    expect(
      (await editLoaded(as(t.app, healthOfficer), `/api/reports/unit-reports/${healthReportId}`, { sections: { results: 'x' } }))
        .statusCode,
    ).toBe(409);
    await moveClockTo('2026-03-18T03:00:00Z');
    const submitted = await step(healthLeader, 'submit', { documentNumber: '125/BC-SYT' });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ state: 'submitted', timeliness: 'on_time', documentNumber: '125/BC-SYT' });
    expect((await step(manager, 'return')).statusCode).toBe(400);
    const returned = await step(manager, 'return', { reason: 'Bổ sung số liệu bệnh án điện tử theo quý.' });
    expect(returned.json()).toMatchObject({ state: 'returned', returnReason: 'Bổ sung số liệu bệnh án điện tử theo quý.' });
    const told = await t.testDb.database.db.select().from(notifications).where(eq(notifications.userId, healthOfficerId));
    expect(told.some((n) => JSON.stringify(n).includes('Bổ sung số liệu bệnh án điện tử theo quý.'))).toBe(true);
    await moveClockTo('2026-03-23T03:00:00Z');
    expect((await step(healthOfficer, 'send')).json().state).toBe('awaiting_approval');
    const again = await step(healthLeader, 'submit');
    // Resubmitted after the due date, but first submitted on time: still on time.
    expect(again.json()).toMatchObject({ state: 'submitted', timeliness: 'on_time', documentNumber: '125/BC-SYT' });
    expect((await step(healthLeader, 'accept')).statusCode).toBe(403);
    expect((await step(manager, 'accept')).json().state).toBe('accepted');
    expect(await auditActions('unit_report', healthReportId)).toEqual([
      'reports.unit-report.update',
      'reports.unit-report.update',
      'reports.unit-report.attach',
      'reports.unit-report.send',
      'reports.unit-report.submit',
      'reports.unit-report.return',
      'reports.unit-report.send',
      'reports.unit-report.submit',
      'reports.unit-report.accept',
    ]);
  });

  it('shows the board: the health department on time, the ward missing after the due date', async () => {
    const board = await as(t.app, cityLeader)({ method: 'GET', url: `/api/reports/periods/${periodId}/board` });
    expect(board.json().counts).toEqual({ on_time: 1, late: 0, missing: 1, pending: 0 });
    const ward = board.json().rows.find((r: { unit: { code: string } }) => r.unit.code === '26743');
    expect(ward).toMatchObject({ timeliness: 'missing', daysLate: 3 });
    // An officer sees their own unit's line only.
    const own = await as(t.app, wardOfficer)({ method: 'GET', url: `/api/reports/periods/${periodId}/board` });
    expect(own.json().rows.map((r: { unit: { code: string } }) => r.unit.code)).toEqual(['26743']);
    expect((await as(t.app, otherOfficer)({ method: 'GET', url: `/api/reports/periods/${periodId}/board` })).statusCode).toBe(404);
  });

  it('compiles the city report from the figures and the narratives, edited as a draft, approved and issued by a leader, then frozen', async () => {
    const compiled = await as(t.app, manager)({ method: 'POST', url: `/api/reports/periods/${periodId}/compiled` });
    expect(compiled.statusCode, compiled.body).toBe(201);
    compiledId = compiled.json().id;
    expect(compiled.json()).toMatchObject({ revision: 1, state: 'draft', issuer: 'Sở Khoa học và Công nghệ' });
    expect(compiled.json().sections[0].text).toBe('Sở Y tế: Triển khai bệnh án điện tử tại 20 bệnh viện.');
    expect(compiled.json().figures.tasksByGroup.length).toBeGreaterThan(0);
    expect((await as(t.app, manager)({ method: 'POST', url: `/api/reports/periods/${periodId}/compiled` })).statusCode).toBe(409);
    expect((await as(t.app, healthOfficer)({ method: 'GET', url: `/api/reports/compiled/${compiledId}` })).statusCode).toBe(404);

    const url = `/api/reports/compiled/${compiledId}`;
    const edited = await editLoaded(as(t.app, manager), url, {
      sections: { difficulties: 'Hạ tầng y tế cơ sở còn hạn chế.' },
      summary: 'Kết quả quý I năm 2026.',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().sections[0].text).toBe('Sở Y tế: Triển khai bệnh án điện tử tại 20 bệnh viện.');
    const commented = await as(
      t.app,
      cityLeader,
    )({ method: 'POST', url: `${url}/comments`, payload: { sectionKey: 'difficulties', body: 'Nêu rõ số trạm y tế.' } });
    expect(commented.statusCode).toBe(201);
    expect(commented.json().comments).toHaveLength(1);

    const step = (browser: Browser, action: string, payload: object = {}) =>
      as(t.app, browser)({ method: 'POST', url: `${url}/${action}`, payload });
    expect((await step(manager, 'approve')).statusCode).toBe(403);
    expect((await step(cityLeader, 'approve')).json().state).toBe('approved');
    expect((await editLoaded(as(t.app, manager), url, { summary: 'x' })).statusCode).toBe(409);
    expect((await step(cityLeader, 'issue')).statusCode).toBe(400);
    const issued = await step(cityLeader, 'issue', { documentNumber: '42/BC-SKHCN', issuedOn: '2026-03-25' });
    expect(issued.json()).toMatchObject({ state: 'issued', documentNumber: '42/BC-SKHCN', issuedOn: '2026-03-25' });
    const frozen = await editLoaded(as(t.app, manager), url, { summary: 'x' });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().error.message.vi).toMatch(/phiên bản mới/);

    const next = await as(t.app, manager)({ method: 'POST', url: `/api/reports/periods/${periodId}/compiled` });
    expect(next.json()).toMatchObject({ revision: 2, state: 'draft', supersedesId: compiledId, summary: 'Kết quả quý I năm 2026.' });
    expect(await auditActions('compiled_report', compiledId)).toEqual([
      'reports.compiled.create',
      'reports.compiled.update',
      'reports.compiled.comment',
      'reports.compiled.approve',
      'reports.compiled.issue',
    ]);
  });

  it('publishes an issued report on the portal; drafts never show there', async () => {
    expect((await t.app.inject({ method: 'GET', url: `/api/reports/published/${compiledId}` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/reports/published/${compiledId}/document.pdf` })).statusCode).toBe(404);
    expect(
      (await as(t.app, cityLeader)({ method: 'POST', url: `/api/reports/compiled/${compiledId}/publish`, payload: {} })).statusCode,
    ).toBe(403);
    expect(
      (await as(t.app, manager)({ method: 'POST', url: `/api/reports/compiled/${compiledId}/publish`, payload: {} })).json().state,
    ).toBe('published');
    const list = await t.app.inject({ method: 'GET', url: '/api/reports/published' });
    expect(list.json().map((r: { id: string }) => r.id)).toContain(compiledId);
    const one = await t.app.inject({ method: 'GET', url: `/api/reports/published/${compiledId}` });
    expect(one.json()).toMatchObject({ documentNumber: '42/BC-SKHCN', issuedOn: '2026-03-25', summary: 'Kết quả quý I năm 2026.' });
    const pdf = await t.app.inject({ method: 'GET', url: `/api/reports/published/${compiledId}/document.pdf` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const docx = await t.app.inject({ method: 'GET', url: `/api/reports/published/${compiledId}/document.docx` });
    expect(docx.statusCode).toBe(200);
  });
});

describe('a phase review (sơ kết, tổng kết) as a reporting period', () => {
  it('opens on a movement phase, named after its review, with data to the 14th of the month before the review', async () => {
    const [phase] = (
      await t.testDb.database.db.execute<{ id: string; review_on: string | null; ends_on: string; starts_on: string }>(
        sql`select id, review_on::text, ends_on::text, starts_on::text from campaign_phases where review = 'interim' limit 1`,
      )
    ).rows;
    const regime = await as(
      t.app,
      manager,
    )({
      method: 'POST',
      url: '/api/reports/regimes',
      payload: { ...regimeBody(), code: 'BC-SO-KET', periodKind: 'phase' },
    });
    const url = `/api/reports/regimes/${regime.json().id}/periods`;
    expect((await as(t.app, manager)({ method: 'POST', url, payload: { label: '2026-Q1' } })).statusCode).toBe(400);
    const opened = await as(t.app, manager)({ method: 'POST', url, payload: { phaseId: phase!.id } });
    expect(opened.statusCode, opened.body).toBe(201);
    const reviewDay = phase!.review_on ?? phase!.ends_on;
    const [year, month] = [Number(reviewDay.slice(0, 4)), Number(reviewDay.slice(5, 7))];
    const before = month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
    expect(opened.json()).toMatchObject({ cutoffFrom: phase!.starts_on, cutoffTo: `${before}-14`, dueOn: `${before}-20` });
    expect(opened.json().name.vi).toMatch(/^Sơ kết /);
  });
});
