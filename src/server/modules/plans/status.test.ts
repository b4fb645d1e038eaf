import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/support/app.js';
import type { TestDatabase } from '../../../../tests/support/engines.js';
import type { TaskLifecycle, TaskStatus } from '../../../shared/contracts/plans.js';
import { units } from '../identity/schema.js';
import { plans, tasks } from './schema.js';
import { addDays, cityDate, deriveStatus, isDueSoon, statusSql, type StatusFacts } from './status.js';

const base: StatusFacts = { lifecycle: 'active', dueOn: '2026-03-31', originalDueOn: '2026-03-31', progressPercent: 0, completedOn: null };
const facts = (change: Partial<StatusFacts>): StatusFacts => ({ ...base, ...change });

describe('cityDate', () => {
  it('gives the calendar day in Ho Chi Minh City (UTC+7)', () => {
    expect(cityDate(new Date('2026-03-31T16:59:59Z'))).toBe('2026-03-31');
    expect(cityDate(new Date('2026-03-31T17:00:00Z'))).toBe('2026-04-01');
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
  });
});

describe('deriveStatus', () => {
  const cases: Array<[string, Partial<StatusFacts>, string, TaskStatus]> = [
    ['nothing reported before the deadline', {}, '2026-03-01', 'not_started'],
    ['progress reported before the deadline', { progressPercent: 40 }, '2026-03-01', 'in_progress_on_time'],
    ['on the deadline day itself', { progressPercent: 40 }, '2026-03-31', 'in_progress_on_time'],
    ['the day after the deadline', { progressPercent: 40 }, '2026-04-01', 'in_progress_overdue'],
    ['never started and past the deadline', {}, '2026-04-01', 'in_progress_overdue'],
    ['completed on the deadline day', { progressPercent: 100, completedOn: '2026-03-31' }, '2026-06-01', 'completed_on_time'],
    ['completed a day late', { progressPercent: 100, completedOn: '2026-04-01' }, '2026-06-01', 'completed_late'],
    ['extended, within the new deadline', { dueOn: '2026-04-30', progressPercent: 50 }, '2026-04-10', 'extended'],
    ['extended, past the new deadline', { dueOn: '2026-04-30', progressPercent: 50 }, '2026-05-01', 'in_progress_overdue'],
    [
      'extended, completed within the new deadline counts as on time',
      { dueOn: '2026-04-30', completedOn: '2026-04-20' },
      '2026-05-10',
      'completed_on_time',
    ],
    ['no deadline', { dueOn: null, originalDueOn: null, progressPercent: 10 }, '2030-01-01', 'recurring'],
    ['no deadline, completed', { dueOn: null, originalDueOn: null, completedOn: '2026-02-01' }, '2030-01-01', 'completed_on_time'],
    ['suspended, even past the deadline', { lifecycle: 'suspended' }, '2026-05-01', 'suspended'],
    ['withdrawn, even when completed', { lifecycle: 'withdrawn', completedOn: '2026-03-01' }, '2026-05-01', 'withdrawn'],
  ];
  it.each(cases)('%s', (_name, change, today, expected) => {
    expect(deriveStatus(facts(change), today)).toBe(expected);
  });

  it('flags a deadline within 7 days as due soon, and nothing closed or past', () => {
    expect(isDueSoon(base, '2026-03-24', 7)).toBe(true);
    expect(isDueSoon(base, '2026-03-23', 7)).toBe(false);
    expect(isDueSoon(base, '2026-04-01', 7)).toBe(false);
    expect(isDueSoon(facts({ completedOn: '2026-03-25' }), '2026-03-26', 7)).toBe(false);
    expect(isDueSoon(facts({ lifecycle: 'suspended' }), '2026-03-26', 7)).toBe(false);
  });
});

describe('statusSql', () => {
  let testDb: TestDatabase;
  beforeAll(async () => {
    testDb = await useTestDatabase('demo');
  });
  afterAll(() => testDb.dispose());

  it('agrees with deriveStatus on every combination of facts and days', async () => {
    const { db } = testDb.database;
    const [plan] = await db
      .insert(plans)
      .values({
        code: 'TEST/KH',
        titleVi: 'Kế hoạch thử',
        titleEn: 'Test plan',
        issuingBodyVi: 'UBND',
        issuingBodyEn: 'PC',
        periodStart: 2026,
        periodEnd: 2026,
      })
      .returning();
    const [unit] = await db.select().from(units).where(eq(units.code, 'SKHCN'));
    const lifecycles: TaskLifecycle[] = ['active', 'suspended', 'withdrawn'];
    const dues: Array<[string | null, string | null]> = [
      ['2026-03-31', '2026-03-31'],
      ['2026-04-30', '2026-03-31'],
      [null, null],
    ];
    const completions = [null, '2026-03-31', '2026-04-01'];
    const rows: StatusFacts[] = [];
    for (const lifecycle of lifecycles)
      for (const [dueOn, originalDueOn] of dues)
        for (const completedOn of completions)
          for (const progressPercent of [0, 60]) rows.push({ lifecycle, dueOn, originalDueOn, completedOn, progressPercent });
    await db.insert(tasks).values(
      rows.map((r, i) => ({
        ...r,
        planId: plan!.id,
        leadUnitId: unit!.id,
        code: `T-${String(i).padStart(3, '0')}`,
        titleVi: `Nhiệm vụ ${i}`,
      })),
    );
    for (const today of ['2026-03-01', '2026-03-31', '2026-04-01', '2026-05-01']) {
      const fromSql = await db
        .select({ code: tasks.code, status: statusSql(today) })
        .from(tasks)
        .where(eq(tasks.planId, plan!.id))
        .orderBy(asc(tasks.code));
      expect(fromSql.map((r) => r.status)).toEqual(rows.map((r) => deriveStatus(r, today)));
    }
    // Every status the SQL can produce is one of the vocabulary's.
    const distinct = await db.execute<{ s: string }>(sql`select distinct ${statusSql('2026-04-01')} as s from ${tasks} order by 1`);
    expect(distinct.rows.length).toBeGreaterThan(4);
  });
});
