import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../tests/support/app.js';
import { as, enrolTotp, userWithRoles, type Browser } from '../../../../tests/support/sessions.js';
import { multipartFile, pdfBytes } from '../../../../tests/support/uploads.js';
import { auditEvents } from '../../db/platform-schema.js';
import { cityDate, addDays } from './status.js';

let t: TestApp;
let manager: Browser;
let healthOfficer: Browser;
let wardOfficer: Browser;
let leader: Browser;
let unitIds: Record<string, string>;
let planId: string;

const today = () => cityDate(t.clock.now());
const day = 86_400_000;

beforeAll(async () => {
  t = await buildTestApp({ env: { LOG_LEVEL: 'error' } });
  const pm = await userWithRoles(t, 'pm@skhcn.gov.vn', [{ role: 'programme_manager', unitCode: 'SKHCN', includesSubtree: true }]);
  await enrolTotp(t, pm.browser);
  manager = pm.browser;
  healthOfficer = (await userWithRoles(t, 'can-bo@syt.gov.vn', [{ role: 'unit_officer', unitCode: 'SYT' }])).browser;
  wardOfficer = (await userWithRoles(t, 'can-bo@tdm.gov.vn', [{ role: 'unit_officer', unitCode: '25747' }])).browser;
  leader = (await userWithRoles(t, 'lanh-dao@hcm.gov.vn', [{ role: 'leader', unitCode: '79', includesSubtree: true }])).browser;
  const units = (await t.app.inject({ method: 'GET', url: '/api/units' })).json().items as Array<{ id: string; code: string }>;
  unitIds = Object.fromEntries(units.map((u) => [u.code, u.id]));
  const plans = (await t.app.inject({ method: 'GET', url: '/api/plans' })).json().items as Array<{ id: string; code: string }>;
  planId = plans.find((p) => p.code === '4354/KH-UBND')!.id;
});
afterAll(() => t.close());

async function assignTask(code: string, change: Record<string, unknown> = {}) {
  const res = await as(
    t.app,
    manager,
  )({
    method: 'POST',
    url: `/api/plans/${planId}/tasks`,
    payload: {
      code,
      titleVi: `Số hóa bệnh án điện tử ${code}`,
      leadUnitId: unitIds.SYT,
      dueOn: addDays(today(), 10),
      productVi: 'Bệnh án điện tử',
      ...change,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}
const getTask = async (id: string, browser: Browser | null = null) =>
  (await as(t.app, browser)({ method: 'GET', url: `/api/plans/tasks/${id}` })).json();

describe('GET /api/plans/:planId', () => {
  it('shows Plan 4354/KH-UBND by its code with its 10 groups and a progress roll-up from the demo tasks', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/plans/${encodeURIComponent('4354/KH-UBND')}` });
    expect(res.statusCode).toBe(200);
    const plan = res.json();
    expect(plan.groups).toHaveLength(10);
    expect(plan.groups.map((g: { order: number }) => g.order)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(plan.taskCount).toBeGreaterThanOrEqual(30);
    expect(plan.groups.reduce((n: number, g: { taskCount: number }) => n + g.taskCount, 0)).toBe(plan.taskCount);
    const statuses = new Set(plan.groups.flatMap((g: { statusCounts: Record<string, number> }) => Object.keys(g.statusCounts)));
    // The demo data spreads over the vocabulary, relative to the day it was loaded.
    for (const s of [
      'completed_on_time',
      'completed_late',
      'in_progress_overdue',
      'in_progress_on_time',
      'not_started',
      'extended',
      'recurring',
      'suspended',
    ])
      expect(statuses).toContain(s);
  });

  it('answers 404 with a message for an unknown plan', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/plans/9999%2FKH-UBND' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toEqual({ vi: "Kế hoạch '9999/KH-UBND' không tồn tại", en: "Plan '9999/KH-UBND' not found" });
  });
});

describe('POST /api/plans/:planId/tasks', () => {
  const url = () => `/api/plans/${planId}/tasks`;
  it('401 for anonymous, 403 for a unit officer, 403 for a manager without a second factor', async () => {
    expect((await as(t.app, null)({ method: 'POST', url: url(), payload: {} })).statusCode).toBe(401);
    expect((await as(t.app, healthOfficer)({ method: 'POST', url: url(), payload: {} })).statusCode).toBe(403);
    const noTotp = await userWithRoles(t, 'pm2@skhcn.gov.vn', [{ role: 'programme_manager', unitCode: 'SKHCN' }]);
    expect((await as(t.app, noTotp.browser)({ method: 'POST', url: url(), payload: {} })).statusCode).toBe(403);
  });

  it('400 with a precise message for a bad body; 400 when the start is after the deadline; 409 for a code in use', async () => {
    const bad = await as(
      t.app,
      manager,
    )({ method: 'POST', url: url(), payload: { code: 'X-1', titleVi: 'Nhiệm vụ', leadUnitId: 'khong-phai-uuid' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION');
    expect(bad.json().error.details[0].path).toBe('body.leadUnitId');
    const dates = await as(
      t.app,
      manager,
    )({
      method: 'POST',
      url: url(),
      payload: { code: 'X-2', titleVi: 'Nhiệm vụ thử', leadUnitId: unitIds.SYT, startOn: '2026-05-01', dueOn: '2026-04-01' },
    });
    expect(dates.statusCode).toBe(400);
    expect(dates.json().error.message).toEqual({
      vi: 'Ngày bắt đầu phải trước hoặc bằng hạn hoàn thành',
      en: 'The start date must be on or before the deadline',
    });
    const clash = await as(
      t.app,
      manager,
    )({ method: 'POST', url: url(), payload: { code: 'NV-01.1', titleVi: 'Nhiệm vụ trùng mã', leadUnitId: unitIds.SYT } });
    expect(clash.statusCode).toBe(409);
  });

  it('assigns a task to the Department of Health, audited, with cooperating units and a sub-task', async () => {
    const id = await assignTask('YT-01', { cooperatingUnitIds: [unitIds.TTCDS], priority: 'high' });
    const task = await getTask(id, leader);
    expect(task).toMatchObject({
      code: 'YT-01',
      leadUnit: { code: 'SYT' },
      status: 'not_started',
      priority: 'high',
      cooperatingUnits: [{ code: 'TTCDS' }],
    });
    const [audit] = await t.testDb.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, 'plans.task.create')));
    expect(audit).toBeDefined();
    const sub = await assignTask('YT-01.a', { parentId: id, titleVi: 'Thí điểm tại Bệnh viện Nhân dân 115' });
    expect((await getTask(id, leader)).subTasks.map((s: { id: string }) => s.id)).toEqual([sub]);
  });
});

describe('progress reports and unit scoping', () => {
  it("refuses an officer of another unit with 403 on the Department of Health's task; its own officer reports 100 % with a product file", async () => {
    const id = await assignTask('YT-02');
    const report = { period: '2026-Q1', percent: 100, narrative: 'Đã triển khai bệnh án điện tử tại 5 bệnh viện.' };
    const foreign = await as(t.app, wardOfficer)({ method: 'POST', url: `/api/plans/tasks/${id}/reports`, payload: report });
    expect(foreign.statusCode).toBe(403);
    const foreignUpload = await as(
      t.app,
      wardOfficer,
    )({ method: 'POST', url: `/api/plans/tasks/${id}/attachments`, ...multipartFile('bao-cao.pdf', pdfBytes) });
    expect(foreignUpload.statusCode).toBe(403);
    const byManager = await as(t.app, manager)({ method: 'POST', url: `/api/plans/tasks/${id}/reports`, payload: report });
    expect(byManager.statusCode).toBe(403);

    const exe = await as(
      t.app,
      healthOfficer,
    )({
      method: 'POST',
      url: `/api/plans/tasks/${id}/attachments`,
      ...multipartFile('bao-cao.pdf', Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00binary\x00\x00'), { contentType: 'application/pdf' }),
    });
    expect(exe.statusCode).toBe(415);
    const upload = await as(
      t.app,
      healthOfficer,
    )({ method: 'POST', url: `/api/plans/tasks/${id}/attachments`, ...multipartFile('san-pham.pdf', pdfBytes) });
    expect(upload.statusCode, upload.body).toBe(201);
    expect(upload.json()).toMatchObject({ fileName: 'san-pham.pdf', mediaType: 'application/pdf' });

    const filed = await as(
      t.app,
      healthOfficer,
    )({ method: 'POST', url: `/api/plans/tasks/${id}/reports`, payload: { ...report, attachmentIds: [upload.json().id] } });
    expect(filed.statusCode, filed.body).toBe(201);
    const task = await getTask(id, healthOfficer);
    expect(task).toMatchObject({ status: 'completed_on_time', progressPercent: 100, completedOn: today() });
    expect(task.reports[0].attachments[0]).toMatchObject({ fileName: 'san-pham.pdf' });

    const download = await as(t.app, leader)({ method: 'GET', url: task.reports[0].attachments[0].url });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(pdfBytes)).toBe(true);
    expect((await as(t.app, null)({ method: 'GET', url: task.reports[0].attachments[0].url })).statusCode).toBe(401);

    // A completed task takes no more reports.
    const again = await as(t.app, healthOfficer)({ method: 'POST', url: `/api/plans/tasks/${id}/reports`, payload: report });
    expect(again.statusCode).toBe(409);
    const [audit] = await t.testDb.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'plans.report.file'))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    expect(audit?.entityId).toBe(id);
  });

  it("lists only the officer's own unit's tasks under my-tasks", async () => {
    const mine = (await as(t.app, healthOfficer)({ method: 'GET', url: '/api/plans/my-tasks?limit=500' })).json();
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((task: { leadUnit: { code: string } }) => task.leadUnit.code === 'SYT')).toBe(true);
    const ward = (await as(t.app, wardOfficer)({ method: 'GET', url: '/api/plans/my-tasks?limit=500' })).json();
    expect(ward.items.map((task: { code: string }) => task.code)).toEqual(['NV-10.4']);
  });

  it('filters a plan’s tasks by unit, status, deadline range and diacritic-free text', async () => {
    const list = (q: string) => t.app.inject({ method: 'GET', url: `/api/plans/${planId}/tasks?${q}` }).then((r) => r.json());
    const byUnit = await list(`unitId=${unitIds.SKHCN}`);
    expect(byUnit.items.length).toBeGreaterThan(1);
    expect(byUnit.items.every((x: { leadUnit: { code: string } }) => x.leadUnit.code === 'SKHCN')).toBe(true);
    const overdue = await list('status=in_progress_overdue');
    expect(overdue.items.length).toBeGreaterThan(0);
    expect(overdue.items.every((x: { status: string }) => x.status === 'in_progress_overdue')).toBe(true);
    const text = await list(`q=${encodeURIComponent('binh dan hoc vu so')}`);
    expect(text.items.map((x: { code: string }) => x.code).sort()).toEqual(['NV-04.3', 'NV-04.5']);
    const range = await list(`dueFrom=${today()}&dueTo=${addDays(today(), 30)}`);
    expect(range.items.every((x: { dueOn: string }) => x.dueOn >= today() && x.dueOn <= addDays(today(), 30))).toBe(true);
  });
});

describe('status as time passes', () => {
  it('turns overdue when the deadline passes while the server runs, with nobody editing anything', async () => {
    const id = await assignTask('YT-03', { dueOn: addDays(today(), 1) });
    await as(
      t.app,
      healthOfficer,
    )({
      method: 'POST',
      url: `/api/plans/tasks/${id}/reports`,
      payload: { period: '2026-03', percent: 50, narrative: 'Đã hoàn thành một nửa khối lượng.' },
    });
    expect((await getTask(id)).status).toBe('in_progress_on_time');
    expect((await getTask(id)).isDueSoon).toBe(true);
    const before = (await t.app.inject({ method: 'GET', url: `/api/plans/scorecards?planId=${planId}` })).json();
    const syt = (s: { rows: Array<{ unit: { code: string }; overdue: number }> }) => s.rows.find((r) => r.unit.code === 'SYT')!;

    t.clock.advance(2 * day);
    expect((await getTask(id)).status).toBe('in_progress_overdue');
    const after = (await t.app.inject({ method: 'GET', url: `/api/plans/scorecards?planId=${planId}` })).json();
    expect(syt(after).overdue).toBe(syt(before).overdue + 1);
    const overdue = (
      await t.app.inject({ method: 'GET', url: `/api/plans/${planId}/tasks?status=in_progress_overdue&unitId=${unitIds.SYT}` })
    ).json();
    expect(overdue.items.map((x: { code: string }) => x.code)).toContain('YT-03');

    // Completing it now is late.
    await as(
      t.app,
      healthOfficer,
    )({
      method: 'POST',
      url: `/api/plans/tasks/${id}/reports`,
      payload: { period: '2026-03', percent: 100, narrative: 'Đã hoàn thành, chậm hai ngày.' },
    });
    expect((await getTask(id)).status).toBe('completed_late');
  });
});

describe('deadline extensions', () => {
  it('the lead unit asks, the manager approves: the deadline moves, the original is kept, the task shows extended', async () => {
    const id = await assignTask('YT-04', { dueOn: addDays(today(), 3) });
    const newDue = addDays(today(), 33);
    expect(
      (
        await as(
          t.app,
          wardOfficer,
        )({
          method: 'POST',
          url: `/api/plans/tasks/${id}/extensions`,
          payload: { requestedDueOn: newDue, reason: 'Chờ kinh phí bổ sung từ ngân sách.' },
        })
      ).statusCode,
    ).toBe(403);
    const asked = await as(
      t.app,
      healthOfficer,
    )({
      method: 'POST',
      url: `/api/plans/tasks/${id}/extensions`,
      payload: { requestedDueOn: newDue, reason: 'Chờ kinh phí bổ sung từ ngân sách.' },
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const twice = await as(
      t.app,
      healthOfficer,
    )({
      method: 'POST',
      url: `/api/plans/tasks/${id}/extensions`,
      payload: { requestedDueOn: newDue, reason: 'Chờ kinh phí bổ sung từ ngân sách.' },
    });
    expect(twice.statusCode).toBe(409);
    expect(
      (
        await as(
          t.app,
          healthOfficer,
        )({ method: 'POST', url: `/api/plans/extensions/${asked.json().id}/decision`, payload: { decision: 'approved' } })
      ).statusCode,
    ).toBe(403);
    const decided = await as(
      t.app,
      manager,
    )({
      method: 'POST',
      url: `/api/plans/extensions/${asked.json().id}/decision`,
      payload: { decision: 'approved', document: 'Công văn 123/UBND-KT' },
    });
    expect(decided.statusCode).toBe(200);
    t.clock.advance(4 * day);
    const task = await getTask(id, healthOfficer);
    expect(task).toMatchObject({
      dueOn: newDue,
      originalDueOn: addDays(cityDate(new Date(t.clock.now().getTime() - 4 * day)), 3),
      status: 'extended',
    });
    expect(task.extensions[0]).toMatchObject({ status: 'approved', decisionDocument: 'Công văn 123/UBND-KT' });
  });

  it('a rejected request leaves the deadline as it was', async () => {
    const id = await assignTask('YT-05', { dueOn: addDays(today(), 3) });
    const asked = await as(
      t.app,
      healthOfficer,
    )({
      method: 'POST',
      url: `/api/plans/tasks/${id}/extensions`,
      payload: { requestedDueOn: addDays(today(), 20), reason: 'Đề nghị lùi thời hạn do thay đổi nhân sự.' },
    });
    await as(
      t.app,
      manager,
    )({
      method: 'POST',
      url: `/api/plans/extensions/${asked.json().id}/decision`,
      payload: { decision: 'rejected', note: 'Không đủ căn cứ' },
    });
    const task = await getTask(id, healthOfficer);
    expect(task.dueOn).toBe(addDays(today(), 3));
    expect(task.extensions[0]).toMatchObject({ status: 'rejected', decisionNote: 'Không đủ căn cứ' });
  });
});

describe('GET /api/plans/scorecards', () => {
  it('counts per unit and for the city; the rate is on-time ÷ tasks completed or past their deadline', async () => {
    const card = (await t.app.inject({ method: 'GET', url: `/api/plans/scorecards?planId=${planId}` })).json();
    expect(card.rows.length).toBeGreaterThan(10);
    for (const row of card.rows) {
      expect(row.completedOnTime + row.completedLate + row.overdue + row.inProgress).toBeLessThanOrEqual(row.assigned);
      expect(row.due).toBe(row.completedOnTime + row.completedLate + row.overdue);
      if (row.due === 0) expect(row.onTimeRate).toBeNull();
      else expect(row.onTimeRate).toBeCloseTo(row.completedOnTime / row.due, 2);
    }
    expect(card.city.assigned).toBe(card.rows.reduce((n: number, r: { assigned: number }) => n + r.assigned, 0));
  });

  it('hides an internal plan’s scorecard from anonymous callers and unit officers', async () => {
    const created = await as(
      t.app,
      manager,
    )({
      method: 'POST',
      url: '/api/plans',
      payload: { code: '99/KH-NB', titleVi: 'Kế hoạch nội bộ', issuingBodyVi: 'Sở KH-CN', periodStart: 2026, periodEnd: 2027 },
    });
    expect(created.statusCode, created.body).toBe(201);
    const url = `/api/plans/scorecards?planId=${created.json().id}`;
    expect((await as(t.app, null)({ method: 'GET', url })).statusCode).toBe(404);
    expect((await as(t.app, healthOfficer)({ method: 'GET', url })).statusCode).toBe(403);
    expect((await as(t.app, leader)({ method: 'GET', url })).statusCode).toBe(200);
  });
});

describe('personal data', () => {
  it("puts an officer's reports and comments in their data export, and erasing unlinks the reports and deletes the comments", async () => {
    const person = await userWithRoles(t, 'tam-thoi@syt.gov.vn', [{ role: 'unit_officer', unitCode: 'SYT' }]);
    const id = await assignTask('YT-06');
    await as(
      t.app,
      person.browser,
    )({
      method: 'POST',
      url: `/api/plans/tasks/${id}/reports`,
      payload: { period: '2026-Q1', percent: 30, narrative: 'Báo cáo của cán bộ tạm thời.' },
    });
    await as(t.app, person.browser)({ method: 'POST', url: `/api/plans/tasks/${id}/comments`, payload: { body: 'Ý kiến riêng của tôi' } });
    const { exportPlansDataOf, erasePlansDataOf } = await import('./personal-data.js');
    const { systemContext } = await import('../../lib/context.js');
    const ctx = systemContext(t.testDb.database.db, t.clock);
    const data = await exportPlansDataOf(ctx, person.user.id);
    expect(data.progressReports.map((r) => r.narrative)).toEqual(['Báo cáo của cán bộ tạm thời.']);
    expect(data.comments.map((c) => c.body)).toEqual(['Ý kiến riêng của tôi']);
    await erasePlansDataOf(ctx, person.user.id);
    const task = await getTask(id, leader);
    expect(task.comments).toEqual([]);
    expect(task.reports[0]).toMatchObject({ narrative: 'Báo cáo của cán bộ tạm thời.', authorName: null });
  });
});
