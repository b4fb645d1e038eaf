import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../tests/support/app.js';
import { as, enrolTotp, userWithRoles, type Browser } from '../../../../tests/support/sessions.js';
import { editLoaded } from '../../../../tests/support/versions.js';
import { emailOutbox, notifications } from '../notifications/schema.js';
import { addDays, cityDate } from './status.js';

// Assigning a task, asking to extend it and deciding the request each tell the people concerned, in-app
// and by e-mail through the outbox; the actor is not told of their own act.
let t: TestApp;
let manager: Browser & { userId: string };
let leadOfficer: Browser & { userId: string };
let leadColleague: { userId: string };
let cooperatingOfficer: { userId: string };
let bystander: { userId: string };
let unitIds: Record<string, string>;
let planId: string;

const person = async (email: string, grants: Parameters<typeof userWithRoles>[2]) => {
  const made = await userWithRoles(t, email, grants);
  return { ...made.browser, userId: made.user.id };
};
const noticesOf = (userId: string) => t.testDb.database.db.select().from(notifications).where(eq(notifications.userId, userId));
const mailsOf = (userId: string) => t.testDb.database.db.select().from(emailOutbox).where(eq(emailOutbox.userId, userId));
const today = () => cityDate(t.clock.now());

beforeAll(async () => {
  t = await buildTestApp({ env: { LOG_LEVEL: 'error' } });
  manager = await person('pm@skhcn.gov.vn', [{ role: 'programme_manager', unitCode: 'SKHCN', includesSubtree: true }]);
  await enrolTotp(t, manager);
  leadOfficer = await person('can-bo@sgddt.gov.vn', [{ role: 'unit_officer', unitCode: 'SGDDT' }]);
  leadColleague = await person('can-bo-2@sgddt.gov.vn', [{ role: 'unit_officer', unitCode: 'SGDDT' }]);
  cooperatingOfficer = await person('can-bo@sdl.gov.vn', [{ role: 'unit_officer', unitCode: 'SDL' }]);
  bystander = await person('can-bo@syt.gov.vn', [{ role: 'unit_officer', unitCode: 'SYT' }]);
  const units = (await t.app.inject({ method: 'GET', url: '/api/units' })).json().items as Array<{ id: string; code: string }>;
  unitIds = Object.fromEntries(units.map((u) => [u.code, u.id]));
  const plan = await as(
    t.app,
    manager,
  )({
    method: 'POST',
    url: '/api/plans',
    payload: {
      code: '99/KH-SKHCN',
      titleVi: 'Kế hoạch thử thông báo',
      issuingBodyVi: 'Sở Khoa học và Công nghệ',
      periodStart: 2026,
      periodEnd: 2027,
      isPublic: true,
    },
  });
  expect(plan.statusCode, plan.body).toBe(201);
  planId = plan.json().id;
});
afterAll(() => t.close());

describe('notices about a task', () => {
  let taskId: string;

  it('tells the lead unit and the cooperating unit when a task is assigned, each in its role, by e-mail too; nobody else', async () => {
    const res = await as(
      t.app,
      manager,
    )({
      method: 'POST',
      url: `/api/plans/${planId}/tasks`,
      payload: {
        code: 'TB-01',
        titleVi: 'Số hóa học bạ',
        leadUnitId: unitIds.SGDDT,
        cooperatingUnitIds: [unitIds.SDL],
        dueOn: addDays(today(), 30),
        productVi: 'Học bạ số',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    taskId = res.json().id;
    const [lead] = await noticesOf(leadOfficer.userId);
    expect(lead).toMatchObject({ titleVi: 'Đơn vị được giao chủ trì nhiệm vụ TB-01', url: `/nhiem-vu/${taskId}` });
    expect(await noticesOf(leadColleague.userId)).toHaveLength(1);
    const [cooperating] = await noticesOf(cooperatingOfficer.userId);
    expect(cooperating?.titleVi).toBe('Đơn vị được giao phối hợp nhiệm vụ TB-01');
    expect((await mailsOf(cooperatingOfficer.userId)).map((m) => m.status)).toEqual(['pending']);
    expect(await noticesOf(bystander.userId)).toEqual([]);
    expect(await noticesOf(manager.userId)).toEqual([]);
  });

  it('tells only a unit newly given the task when the lead changes', async () => {
    const res = await editLoaded(as(t.app, manager), `/api/plans/tasks/${taskId}`, { leadUnitId: unitIds.SYT });
    expect(res.statusCode, res.body).toBe(200);
    expect((await noticesOf(bystander.userId)).map((n) => n.titleVi)).toEqual(['Đơn vị được giao chủ trì nhiệm vụ TB-01']);
    expect(await noticesOf(cooperatingOfficer.userId)).toHaveLength(1);
    expect((await editLoaded(as(t.app, manager), `/api/plans/tasks/${taskId}`, { leadUnitId: unitIds.SGDDT })).statusCode).toBe(200);
  });

  it('tells the programme managers of an extension request, and the requester and lead unit of the decision', async () => {
    const asked = await as(
      t.app,
      leadOfficer,
    )({
      method: 'POST',
      url: `/api/plans/tasks/${taskId}/extensions`,
      payload: { kind: 'postpone', requestedDueOn: addDays(today(), 60), reason: 'Chờ hướng dẫn của Bộ Giáo dục và Đào tạo.' },
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const [request] = await noticesOf(manager.userId);
    expect(request).toMatchObject({ titleVi: 'Đề nghị gia hạn nhiệm vụ TB-01' });
    expect(request?.bodyVi).toContain('Chờ hướng dẫn của Bộ Giáo dục và Đào tạo.');
    expect((await mailsOf(manager.userId)).filter((m) => m.subject.includes('TB-01'))).toHaveLength(1);

    const before = (await noticesOf(leadOfficer.userId)).length;
    const decided = await as(
      t.app,
      manager,
    )({
      method: 'POST',
      url: `/api/plans/extensions/${asked.json().id}/decision`,
      payload: { decision: 'rejected', note: 'Giữ nguyên hạn.' },
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const mine = await noticesOf(leadOfficer.userId);
    // The requester is also a lead-unit officer: told once.
    expect(mine).toHaveLength(before + 1);
    expect(mine.at(-1)).toMatchObject({ titleVi: 'Đề nghị gia hạn nhiệm vụ TB-01 không được chấp thuận' });
    expect(mine.at(-1)?.bodyVi).toContain('Giữ nguyên hạn.');
    expect((await noticesOf(leadColleague.userId)).at(-1)?.titleVi).toBe('Đề nghị gia hạn nhiệm vụ TB-01 không được chấp thuận');
    expect((await noticesOf(cooperatingOfficer.userId)).map((n) => n.titleVi)).not.toContain(
      'Đề nghị gia hạn nhiệm vụ TB-01 không được chấp thuận',
    );
  });
});

describe('the on-time rate', () => {
  it('gives a unit whose only task is not yet due no rate (not 0 %), and counts a task once its deadline passes', async () => {
    const url = `/api/plans/scorecards?planId=${planId}`;
    const rowOf = async () =>
      (
        (await t.app.inject({ method: 'GET', url })).json().rows as Array<{
          unit: { code: string };
          due: number;
          onTimeRate: number | null;
        }>
      ).find((r) => r.unit.code === 'SGDDT')!;
    expect(await rowOf()).toMatchObject({ due: 0, onTimeRate: null });
    t.clock.advance(31 * 86_400_000);
    expect(await rowOf()).toMatchObject({ due: 1, onTimeRate: 0 });
  });
});
