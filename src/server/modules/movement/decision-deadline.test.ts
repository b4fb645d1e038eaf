import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../tests/support/app.js';
import { completeDraft, demoCampaign, movementPeople, unitId } from '../../../../tests/support/movement.js';
import { as, type Browser } from '../../../../tests/support/sessions.js';
import { auditEvents } from '../../db/platform-schema.js';
import { systemContext } from '../../lib/context.js';
import { emailOutbox, notifications } from '../notifications/schema.js';
import {
  addDays,
  addMonths,
  cityDate,
  deadlineMessage,
  decisionDeadlineJob,
  decisionDeadlineSettings,
  notifyDecisionDeadlines,
} from './decision-deadline.js';
import { movementModule } from './index.js';
import { getInitiative, listForManagers } from './initiatives.js';

describe('the decision due date', () => {
  it.each([
    ['2026-01-15', 3, '2026-04-15'],
    ['2025-11-30', 3, '2026-02-28'],
    ['2027-11-30', 3, '2028-02-29'],
    ['2026-10-31', 3, '2027-01-31'],
    ['2026-12-31', 2, '2027-02-28'],
  ])('%s plus %i months is %s (the last day when the month is shorter)', (from, months, due) => {
    expect(addMonths(from, months)).toBe(due);
  });

  it('is three months by default, with a warning 14 days ahead', () => {
    expect(decisionDeadlineSettings).toEqual({ decisionMonths: 3, dueSoonDays: 14 });
  });

  it('counts days in the city (UTC+7): 17:30 UTC is already the next day', () => {
    expect(cityDate(new Date('2026-03-01T17:30:00Z'))).toBe('2026-03-02');
  });
});

describe('the decision deadline job', () => {
  let t: TestApp;
  let people: Awaited<ReturnType<typeof movementPeople>>;
  let initiativeId: string;
  let code: string;
  let dueOn: string;

  const step = (who: Browser, action: string) =>
    as(t.app, who)({ method: 'POST', url: `/api/movement/initiatives/${initiativeId}/transitions`, payload: { action, reason: '' } });
  const run = () => notifyDecisionDeadlines(systemContext(t.testDb.database.db, t.clock));
  const pmTitles = async () =>
    (
      await t.testDb.database.db
        .select({ title: notifications.titleVi })
        .from(notifications)
        .where(eq(notifications.userId, people.pm.user.id))
        .orderBy(notifications.createdAt)
    )
      .map((n) => n.title)
      .filter((title) => title.startsWith(`Sáng kiến ${code}`) && title.includes('quyết định'));
  // The managers' queue, read through the service: months pass on the clock and sessions would expire.
  const asManager = async () => ({
    ...systemContext(t.testDb.database.db, t.clock),
    actor: {
      userId: people.pm.user.id,
      displayName: '',
      grants: [{ role: 'programme_manager' as const, unitId: await unitId(t, 'SKHCN'), includesSubtree: true }],
      hasSecondFactor: true,
    },
  });
  const queueRow = async () => {
    const queue = await listForManagers(await asManager(), { state: 'under_review', limit: 200 });
    return queue.items.find((i) => i.id === initiativeId);
  };
  const advanceToCityDate = (day: string) => {
    while (cityDate(t.clock.now()) < day) t.clock.advance(86_400_000);
  };

  beforeAll(async () => {
    t = await buildTestApp({ env: { LOG_LEVEL: 'error' } });
    people = await movementPeople(t, 'dl');
    const created = await as(
      t.app,
      people.author.browser,
    )({
      method: 'POST',
      url: '/api/movement/initiatives',
      payload: completeDraft((await demoCampaign(t)).id, { title: 'Hạn quyết định: tra cứu hồ sơ đất đai bằng mã QR' }),
    });
    expect(created.statusCode, created.body).toBe(201);
    initiativeId = created.json().id;
    code = created.json().code;
    expect((await step(people.author.browser, 'submit')).statusCode).toBe(200);
    expect((await step(people.pm.browser, 'start_screening')).statusCode).toBe(200);
  }, 120_000);
  afterAll(() => t?.close());

  it('is scheduled every morning', () => {
    expect(Object.keys(movementModule.jobs!(t.app.services))).toContain(decisionDeadlineJob);
    expect(movementModule.schedules).toContainEqual({
      name: 'movement.decision-deadlines.daily',
      cron: '0 7 * * *',
      job: decisionDeadlineJob,
    });
  });

  it('sets no due date during screening, and three months from the day the application is accepted', async () => {
    expect((await queueRow()) ?? null).toBeNull();
    const screening = (await as(t.app, people.pm.browser)({ method: 'GET', url: `/api/movement/initiatives/${initiativeId}` })).json();
    expect(screening.decisionDueOn).toBeNull();
    const accepted = await step(people.pm.browser, 'accept_for_review');
    expect(accepted.statusCode, accepted.body).toBe(200);
    dueOn = addMonths(cityDate(t.clock.now()), 3);
    expect(accepted.json().decisionDueOn).toBe(dueOn);
    expect(await queueRow()).toMatchObject({ decisionDueOn: dueOn, isDecisionOverdue: false });
    const [audit] = await t.testDb.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, initiativeId), eq(auditEvents.action, 'initiatives.accept-for-review')));
    expect(audit!.after).toMatchObject({ decisionDueOn: dueOn });
  });

  it('says nothing while the due date is more than 14 days away', async () => {
    advanceToCityDate(addDays(dueOn, -15));
    await run();
    expect(await pmTitles()).toEqual([]);
  });

  it('tells the programme managers once, in-app and by e-mail, when the decision is 14 days from due', async () => {
    advanceToCityDate(addDays(dueOn, -14));
    expect(await run()).toMatchObject({ dueSoon: 1 });
    expect(await pmTitles()).toEqual([`Sáng kiến ${code}: sắp đến hạn ra quyết định (${dueOn})`]);
    const mails = await t.testDb.database.db
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.userId, people.pm.user.id), like(emailOutbox.subject, `%${code}%`)));
    expect(mails).toHaveLength(1);
    t.clock.advance(86_400_000);
    await run();
    await run();
    expect(await pmTitles()).toHaveLength(1);
    expect(await queueRow()).toMatchObject({ isDecisionOverdue: false });
  });

  it('is not overdue on the due day itself; the day after, it is marked in the queue and the managers are told once', async () => {
    advanceToCityDate(dueOn);
    await run();
    expect(await pmTitles()).toHaveLength(1);
    expect(await queueRow()).toMatchObject({ isDecisionOverdue: false });
    advanceToCityDate(addDays(dueOn, 1));
    expect(await run()).toMatchObject({ overdue: 1 });
    expect(await queueRow()).toMatchObject({ decisionDueOn: dueOn, isDecisionOverdue: true });
    expect(await getInitiative(await asManager(), initiativeId)).toMatchObject({ decisionDueOn: dueOn, isDecisionOverdue: true });
    await run();
    expect(await pmTitles()).toEqual([
      `Sáng kiến ${code}: sắp đến hạn ra quyết định (${dueOn})`,
      `Sáng kiến ${code}: đã quá hạn ra quyết định (${dueOn})`,
    ]);
    const audits = await t.testDb.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, initiativeId), like(auditEvents.action, 'initiatives.decision-%')));
    expect(audits.map((a) => a.action).sort()).toEqual(['initiatives.decision-due-soon.notify', 'initiatives.decision-overdue.notify']);
  });

  it('has both notices in Vietnamese and English', () => {
    const row = { id: initiativeId, code, title: 'Tra cứu hồ sơ', decisionDueOn: dueOn };
    expect(deadlineMessage('dueSoon', row).title.en).toBe(`Initiative ${code}: decision due soon (${dueOn})`);
    expect(deadlineMessage('overdue', row).title.en).toBe(`Initiative ${code}: decision overdue (due ${dueOn})`);
    expect(deadlineMessage('overdue', row).body.vi).toContain(`đã quá hạn ra quyết định ngày ${dueOn}`);
    expect(deadlineMessage('dueSoon', row).url).toBe(`/sang-kien/${initiativeId}`);
  });
});
