import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../tests/support/app.js';
import { as, enrolTotp, userWithRoles, type Browser } from '../../../../tests/support/sessions.js';
import { systemContext } from '../../lib/context.js';
import { emailOutbox, notifications } from '../notifications/schema.js';
import { plansModule } from './index.js';
import { currentPeriod, sendRemindersJob, sendTaskReminders } from './reminders.js';
import { addDays, cityDate } from './status.js';

const day = 86_400_000;
let t: TestApp;
let manager: Browser;
let officerId: string;
let taskId: string;

const ctx = () => systemContext(t.testDb.database.db, t.clock);
const titlesOf = async (userId: string) =>
  (
    await t.testDb.database.db
      .select({ title: notifications.titleVi, url: notifications.url })
      .from(notifications)
      .where(eq(notifications.userId, userId))
      .orderBy(notifications.createdAt)
  ).map((n) => n.title);

beforeAll(async () => {
  t = await buildTestApp();
  const pm = await userWithRoles(t, 'pm@skhcn.gov.vn', [{ role: 'programme_manager', unitCode: 'SKHCN', includesSubtree: true }]);
  await enrolTotp(t, pm.browser);
  manager = pm.browser;
  // A ward officer: the ward leads one demo task only, and this test adds its own.
  const officer = await userWithRoles(t, 'can-bo@tdm.gov.vn', [{ role: 'unit_officer', unitCode: '25747' }]);
  officerId = officer.user.id;
  const units = (await t.app.inject({ method: 'GET', url: '/api/units' })).json().items as Array<{ id: string; code: string }>;
  const plans = (await t.app.inject({ method: 'GET', url: '/api/plans' })).json().items as Array<{ id: string; code: string }>;
  const res = await as(
    t.app,
    manager,
  )({
    method: 'POST',
    url: `/api/plans/${plans.find((p) => p.code === '4354/KH-UBND')!.id}/tasks`,
    payload: {
      code: 'TDM-01',
      titleVi: 'Số hóa hồ sơ hộ tịch của phường',
      leadUnitId: units.find((u) => u.code === '25747')!.id,
      dueOn: addDays(cityDate(t.clock.now()), 7),
      reportingPeriod: 'none',
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  taskId = res.json().id;
});
afterAll(() => t.close());

describe('task reminders', () => {
  it('is registered as a daily job', () => {
    expect(Object.keys(plansModule.jobs!(t.app.services))).toContain(sendRemindersJob);
    expect(plansModule.schedules).toEqual([{ name: 'plans.daily-reminders', cron: '0 7 * * *', job: sendRemindersJob }]);
  });

  it('reminds the lead unit’s officers 7 and 1 days before the deadline and once overdue, in-app and by e-mail, never twice', async () => {
    await sendTaskReminders(ctx());
    const first = await titlesOf(officerId);
    expect(first).toContain('Nhiệm vụ sắp đến hạn: còn 7 ngày');
    const mails = await t.testDb.database.db
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.userId, officerId), like(emailOutbox.subject, '%còn 7 ngày%')));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.bodyText).toContain('TDM-01');

    // Running again the same day sends nothing new.
    await sendTaskReminders(ctx());
    expect(await titlesOf(officerId)).toEqual(first);

    t.clock.advance(6 * day);
    await sendTaskReminders(ctx());
    expect(await titlesOf(officerId)).toContain('Nhiệm vụ sắp đến hạn: còn 1 ngày');

    t.clock.advance(2 * day);
    await sendTaskReminders(ctx());
    await sendTaskReminders(ctx());
    // The ward's demo task NV-10.4 is overdue too; this task's overdue reminder came once.
    const overdue = await t.testDb.database.db
      .select()
      .from(notifications)
      .where(
        and(eq(notifications.userId, officerId), eq(notifications.titleVi, 'Nhiệm vụ đã quá hạn'), like(notifications.bodyVi, '%TDM-01%')),
      );
    expect(overdue).toHaveLength(1);
    expect(overdue[0]!.url).toBe(`/nhiem-vu/${taskId}`);
  });

  it('reminds when a periodic report is missing after its due day', async () => {
    const officer = await userWithRoles(t, 'can-bo@sgddt.gov.vn', [{ role: 'unit_officer', unitCode: 'SGDDT' }]);
    const today = cityDate(t.clock.now());
    const period = currentPeriod('quarterly', today);
    // Move to the day after this quarter's report was due.
    t.clock.set(`${addDays(period.dueOn, 1)}T02:00:00Z`);
    await sendTaskReminders(ctx());
    const titles = await titlesOf(officer.user.id);
    expect(titles).toContain(`Chưa có báo cáo kỳ ${period.label}`);
  });

  it('computes reporting periods and their due days (the 25th of the last month)', () => {
    expect(currentPeriod('quarterly', '2026-05-10')).toEqual({ label: '2026-Q2', startsOn: '2026-04-01', dueOn: '2026-06-25' });
    expect(currentPeriod('monthly', '2026-05-10')).toEqual({ label: '2026-05', startsOn: '2026-05-01', dueOn: '2026-05-25' });
    expect(currentPeriod('half_year', '2026-11-30')).toEqual({ label: '2026-H2', startsOn: '2026-07-01', dueOn: '2026-12-25' });
    expect(currentPeriod('yearly', '2026-01-01')).toEqual({ label: '2026', startsOn: '2026-01-01', dueOn: '2026-12-25' });
  });
});
