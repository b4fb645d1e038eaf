import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../tests/support/app.js';
import { as, enrolTotp, userWithRoles, type Browser } from '../../../../tests/support/sessions.js';
import { editLoaded } from '../../../../tests/support/versions.js';
import { auditEvents } from '../../db/platform-schema.js';
import { notifications } from '../notifications/schema.js';
import { tasks } from './schema.js';

// A programme manager suspends, resumes and withdraws tasks with a written reason, and renames task groups.
let t: TestApp;
let manager: Browser;
let officer: Browser & { userId: string };
let unitIds: Record<string, string>;
let planId: string;

const lifecycles = ['active', 'suspended', 'withdrawn'] as const;
const actions = ['suspend', 'resume', 'withdraw'] as const;
// Written out apart from the code: where each action leads from each lifecycle; absent means refused.
const expected: Record<(typeof lifecycles)[number], Partial<Record<(typeof actions)[number], string>>> = {
  active: { suspend: 'suspended', withdraw: 'withdrawn' },
  suspended: { resume: 'active', withdraw: 'withdrawn' },
  withdrawn: {},
};
const reason = 'Chờ bố trí kinh phí năm 2027 theo Nghị quyết của HĐND';

beforeAll(async () => {
  t = await buildTestApp({ env: { LOG_LEVEL: 'error' } });
  const pm = await userWithRoles(t, 'pm@skhcn.gov.vn', [{ role: 'programme_manager', unitCode: 'SKHCN', includesSubtree: true }]);
  await enrolTotp(t, pm.browser);
  manager = pm.browser;
  const made = await userWithRoles(t, 'can-bo@syt.gov.vn', [{ role: 'unit_officer', unitCode: 'SYT' }]);
  officer = { ...made.browser, userId: made.user.id };
  const units = (await t.app.inject({ method: 'GET', url: '/api/units' })).json().items as Array<{ id: string; code: string }>;
  unitIds = Object.fromEntries(units.map((u) => [u.code, u.id]));
  const plan = await as(
    t.app,
    manager,
  )({
    method: 'POST',
    url: '/api/plans',
    payload: {
      code: 'KH-VONGDOI',
      titleVi: 'Kế hoạch thử vòng đời nhiệm vụ',
      issuingBodyVi: 'Ủy ban nhân dân Thành phố',
      periodStart: 2026,
      periodEnd: 2030,
    },
  });
  expect(plan.statusCode, plan.body).toBe(201);
  planId = plan.json().id;
});
afterAll(() => t.close());

let serial = 0;
async function newTask(lifecycle: (typeof lifecycles)[number] = 'active') {
  serial += 1;
  const res = await as(
    t.app,
    manager,
  )({
    method: 'POST',
    url: `/api/plans/${planId}/tasks`,
    payload: { code: `VD-${serial}`, titleVi: `Nhiệm vụ thử số ${serial}`, leadUnitId: unitIds.SYT },
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  if (lifecycle !== 'active') await t.testDb.database.db.update(tasks).set({ lifecycle }).where(eq(tasks.id, id));
  return id;
}
const change = (id: string, payload: object, browser: Browser | null = manager) =>
  as(t.app, browser)({ method: 'POST', url: `/api/plans/tasks/${id}/lifecycle`, payload });
const read = async (id: string, browser: Browser | null = manager) =>
  (await as(t.app, browser)({ method: 'GET', url: `/api/plans/tasks/${id}` })).json();

describe('POST /api/plans/tasks/:taskId/lifecycle', () => {
  it('401 signed out, 400 without a reason (on its field), 403 for a unit officer, 404 for an unknown task', async () => {
    const id = await newTask();
    expect((await change(id, { action: 'suspend', reason }, null)).statusCode).toBe(401);
    const bad = await change(id, { action: 'suspend', reason: ' ' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('body.reason');
    expect((await change(id, { action: 'suspend', reason }, officer)).statusCode).toBe(403);
    const missing = await change('00000000-0000-4000-8000-000000000000', { action: 'suspend', reason });
    expect(missing.statusCode).toBe(404);
    expect((await read(id)).lifecycle).toBe('active');
  });

  for (const from of lifecycles)
    for (const action of actions)
      it(`${action} from ${from}: ${expected[from][action] ?? 'refused with 409'}`, async () => {
        const id = await newTask(from);
        const res = await change(id, { action, reason });
        const to = expected[from][action];
        if (!to) {
          expect(res.statusCode, res.body).toBe(409);
          expect((await read(id)).lifecycle).toBe(from);
          return;
        }
        expect(res.statusCode, res.body).toBe(200);
        const task = await read(id);
        expect(task).toMatchObject({ lifecycle: to, lifecycleReason: reason });
        expect(task.lifecycleActions).toEqual(Object.keys(expected[to as keyof typeof expected]));
      });

  it('refuses a completed task with a message naming it; offers it no action', async () => {
    const id = await newTask();
    await t.testDb.database.db.update(tasks).set({ completedOn: '2026-01-10', progressPercent: 100 }).where(eq(tasks.id, id));
    expect((await read(id)).lifecycleActions).toEqual([]);
    const res = await change(id, { action: 'withdraw', reason });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message.en).toContain('is already completed');
  });

  it('shows the status as suspended, offers actions only to managers, audits the change and tells the lead unit why', async () => {
    const id = await newTask();
    expect((await change(id, { action: 'suspend', reason })).statusCode).toBe(200);
    const seen = await read(id, officer);
    expect(seen).toMatchObject({ status: 'suspended', lifecycleReason: reason, lifecycleActions: [] });
    const [audit] = await t.testDb.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, 'plans.task.suspend')));
    expect(audit).toMatchObject({ before: { lifecycle: 'active' }, after: { lifecycle: 'suspended', reason } });
    const notices = await t.testDb.database.db.select().from(notifications).where(eq(notifications.userId, officer.userId));
    expect(notices.find((n) => n.titleVi === `Nhiệm vụ ${seen.code} được tạm dừng`)?.bodyVi).toContain(`Lý do: ${reason}`);
  });

  it('PATCH leaves the lifecycle alone (the field is not part of an edit): one way to change it, with its reason', async () => {
    const id = await newTask();
    const res = await editLoaded(as(t.app, manager), `/api/plans/tasks/${id}`, { lifecycle: 'withdrawn', priority: 'high' });
    expect(res.statusCode).toBe(200);
    expect((await read(id)).priority).toBe('high');
    expect((await read(id)).lifecycle).toBe('active');
  });
});

describe('GET and PATCH /api/plans/groups/:groupId', () => {
  it('renames a group from the version loaded, audited; refuses officers and stale or unknown versions', async () => {
    const created = await as(t.app, manager)({ method: 'POST', url: `/api/plans/${planId}/groups`, payload: { titleVi: 'Hạ tầng số' } });
    expect(created.statusCode).toBe(201);
    const url = `/api/plans/groups/${created.json().id}`;
    expect((await as(t.app, officer)({ method: 'GET', url })).statusCode).toBe(403);
    expect((await as(t.app, manager)({ method: 'GET', url: '/api/plans/groups/00000000-0000-4000-8000-000000000000' })).statusCode).toBe(
      404,
    );
    const loaded = await as(t.app, manager)({ method: 'GET', url });
    expect(loaded.json()).toMatchObject({ planId, order: 1, titleVi: 'Hạ tầng số', titleEn: '' });
    const renamed = await editLoaded(as(t.app, manager), url, {
      titleVi: 'Hạ tầng và dữ liệu số',
      titleEn: 'Digital infrastructure and data',
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ order: 1, titleVi: 'Hạ tầng và dữ liệu số', titleEn: 'Digital infrastructure and data' });
    const stale = await as(
      t.app,
      manager,
    )({ method: 'PATCH', url, payload: { titleVi: 'Tên khác' }, headers: { 'if-match': loaded.headers.etag as string } });
    expect(stale.statusCode).toBe(412);
    const plan = (await as(t.app, manager)({ method: 'GET', url: `/api/plans/${planId}` })).json();
    expect(plan.groups[0].title).toEqual({ vi: 'Hạ tầng và dữ liệu số', en: 'Digital infrastructure and data' });
    const [audit] = await t.testDb.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, created.json().id), eq(auditEvents.action, 'plans.group.update')));
    expect(audit).toBeDefined();
  });
});
