import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../tests/support/app.js';
import { systemContext, type ServiceContext } from '../../lib/context.js';
import type { Actor } from '../../lib/policy.js';
import { createUser } from '../identity/service.js';
import { roleGrants, units } from '../identity/schema.js';
import { notifications } from '../notifications/schema.js';
import { boardOf } from './board.js';
import { createRegime, openPeriod } from './regimes.js';
import { reminderKind, sendUnitReportReminders } from './reminders.js';
import { unitReportReminders, unitReports } from './schema.js';
import { transitionUnitReport } from './unit-reports.js';

/** The submission board and the reminders, against the period's cut-off and due date, with the test clock. */
let t: TestApp;
let periodId: string;
let healthReportId: string;
let wardReportId: string;
const people: Record<string, string> = {};
const unitIds: Record<string, string> = {};

const system = () => systemContext(t.testDb.database.db, t.clock);
const acting = (userId: string, grants: NonNullable<Actor>['grants'], hasSecondFactor = false): ServiceContext => ({
  ...system(),
  actor: { userId, displayName: userId, grants, hasSecondFactor },
});

beforeAll(async () => {
  t = await buildTestApp();
  t.clock.set('2026-03-02T01:00:00Z');
  for (const code of ['SKHCN', 'SYT', '26743']) {
    const [row] = await t.testDb.database.db.select({ id: units.id }).from(units).where(eq(units.code, code));
    unitIds[code] = row!.id;
  }
  const make = async (key: string, role: 'unit_officer' | 'leader' | 'programme_manager', unitCode: string) => {
    const user = await createUser(system(), {
      email: `${key}@nhac-viec.gov.vn`,
      displayName: key,
      password: 'mat-khau-that-dai-2030',
      grants: [{ role, unitCode, includesSubtree: false }],
    });
    people[key] = user.id;
  };
  await make('officer-syt', 'unit_officer', 'SYT');
  await make('leader-syt', 'leader', 'SYT');
  await make('officer-ward', 'unit_officer', '26743');
  await make('manager', 'programme_manager', 'SKHCN');
  const manager = acting(people.manager!, [{ role: 'programme_manager', unitId: unitIds.SKHCN!, includesSubtree: true }], true);
  const regime = await createRegime(manager, {
    code: 'BC-NHAC-VIEC',
    name: { vi: 'Tình hình thực hiện nhắc việc', en: 'Reminder trial' },
    periodKind: 'quarter',
    issuerUnitId: unitIds.SKHCN!,
    unitIds: [unitIds.SYT!, unitIds['26743']!],
    sections: [{ key: 'results', title: { vi: 'Kết quả', en: 'Results' } }],
    dueDayOfMonth: 20,
  });
  periodId = (await openPeriod(manager, regime.id, { label: '2026-Q1' })).id;
  const rows = await t.testDb.database.db
    .select({ id: unitReports.id, unitId: unitReports.unitId })
    .from(unitReports)
    .where(eq(unitReports.periodId, periodId));
  healthReportId = rows.find((r) => r.unitId === unitIds.SYT)!.id;
  wardReportId = rows.find((r) => r.unitId === unitIds['26743'])!.id;
});
afterAll(() => t.close());

/** Everyone holding `role` directly on the unit: the demo's people and the test's. */
async function holders(role: 'unit_officer' | 'leader', unitCode: string) {
  const rows = await t.testDb.database.db
    .select({ userId: roleGrants.userId })
    .from(roleGrants)
    .where(and(eq(roleGrants.role, role), eq(roleGrants.unitId, unitIds[unitCode]!)));
  return rows.map((r) => r.userId).sort();
}
const remindersOf = async (reportId: string) =>
  (
    await t.testDb.database.db
      .select({ kind: unitReportReminders.kind })
      .from(unitReportReminders)
      .where(eq(unitReportReminders.unitReportId, reportId))
  )
    .map((r) => r.kind)
    .sort();
async function toldOn(userIds: string[], title: RegExp) {
  const rows = await t.testDb.database.db.select().from(notifications).where(inArray(notifications.userId, userIds));
  return [...new Set(rows.filter((n) => title.test(`${n.titleVi} ${n.bodyVi}`)).map((n) => n.userId))].sort();
}
/** Runs the daily job at 07:15 in the city (00:15 UTC) of `day`. */
const runOn = async (day: string) => {
  t.clock.set(`${day}T00:15:00Z`);
  return (await sendUnitReportReminders(system())).sent;
};

describe('reminders before the due date and when overdue', () => {
  it('owes a reminder 7 and 1 days before the due date, then on the first day overdue and once a week after', () => {
    expect(reminderKind('2026-03-20', '2026-03-12')).toBeNull();
    expect(reminderKind('2026-03-20', '2026-03-13')).toEqual({ kind: 'due-7:2026-03-20', daysLeft: 7 });
    expect(reminderKind('2026-03-20', '2026-03-14')).toBeNull();
    expect(reminderKind('2026-03-20', '2026-03-19')).toEqual({ kind: 'due-1:2026-03-20', daysLeft: 1 });
    expect(reminderKind('2026-03-20', '2026-03-20')).toBeNull();
    expect(reminderKind('2026-03-20', '2026-03-21')?.kind).toBe('overdue:2026-03-20:0');
    expect(reminderKind('2026-03-20', '2026-03-27')?.kind).toBe('overdue:2026-03-20:0');
    expect(reminderKind('2026-03-20', '2026-03-28')?.kind).toBe('overdue:2026-03-20:1');
  });

  it('sends nothing while the due date is more than a week away', async () => {
    expect(await runOn('2026-03-12')).toBe(0);
    expect(await remindersOf(healthReportId)).toEqual([]);
  });

  it("tells each unit's officers a week before, once however often the job runs that day", async () => {
    const officers = [...(await holders('unit_officer', 'SYT')), ...(await holders('unit_officer', '26743'))].sort();
    expect(await runOn('2026-03-13')).toBe(officers.length);
    expect(await toldOn(officers, /đến hạn sau 7 ngày/)).toEqual(officers);
    expect(await runOn('2026-03-13')).toBe(0);
    expect(await remindersOf(wardReportId)).toEqual(['due-7:2026-03-20']);
  });

  it('tells the leader, not the officers, when the report waits for the leader', async () => {
    t.clock.set('2026-03-18T02:00:00Z');
    await transitionUnitReport(
      acting(people['officer-syt']!, [{ role: 'unit_officer', unitId: unitIds.SYT!, includesSubtree: false }]),
      healthReportId,
      'send',
      {},
    );
    const leaders = await holders('leader', 'SYT');
    const officers = await holders('unit_officer', 'SYT');
    await runOn('2026-03-19');
    expect(await toldOn(leaders, /đến hạn sau 1 ngày/)).toEqual(leaders);
    expect(await toldOn(officers, /đến hạn sau 1 ngày/)).toEqual([]);
    expect(await remindersOf(healthReportId)).toEqual(['due-1:2026-03-20', 'due-7:2026-03-20']);
  });

  it('stops reminding a unit once its report is submitted; an overdue one is reminded on the first day, then weekly', async () => {
    t.clock.set('2026-03-19T09:00:00Z');
    await transitionUnitReport(
      acting(people['leader-syt']!, [{ role: 'leader', unitId: unitIds.SYT!, includesSubtree: false }]),
      healthReportId,
      'submit',
      {},
    );
    const wardOfficers = await holders('unit_officer', '26743');
    expect(await runOn('2026-03-20')).toBe(0);
    expect(await runOn('2026-03-21')).toBe(wardOfficers.length);
    expect(await toldOn(wardOfficers, /quá hạn 1 ngày/)).toEqual(wardOfficers);
    expect(await runOn('2026-03-25')).toBe(0);
    expect(await runOn('2026-03-28')).toBe(wardOfficers.length);
    expect(await remindersOf(healthReportId)).toEqual(['due-1:2026-03-20', 'due-7:2026-03-20']);
    expect(await remindersOf(wardReportId)).toEqual([
      'due-1:2026-03-20',
      'due-7:2026-03-20',
      'overdue:2026-03-20:0',
      'overdue:2026-03-20:1',
    ]);
  });
});

describe('the submission board against the due date', () => {
  const boardOn = async (at: string) => {
    t.clock.set(at);
    return boardOf(acting(people.manager!, [{ role: 'programme_manager', unitId: unitIds.SKHCN!, includesSubtree: true }], true), periodId);
  };

  it('counts a report submitted before the end of its due day as on time, and an unsent one as missing only after it', async () => {
    // 23:59 on 20 March in the city is still the due day.
    const dueDay = await boardOn('2026-03-20T16:59:00Z');
    expect(dueDay.counts).toEqual({ on_time: 1, late: 0, missing: 0, pending: 1 });
    const after = await boardOn('2026-03-20T17:00:00Z');
    expect(after.counts).toEqual({ on_time: 1, late: 0, missing: 1, pending: 0 });
    expect(after.rows.find((r) => r.id === wardReportId)).toMatchObject({ timeliness: 'missing', daysLate: 1 });
  });

  it('counts a report first submitted after its due date as late, by the days it was late', async () => {
    t.clock.set('2026-03-24T02:00:00Z');
    const officer = acting(people['officer-ward']!, [{ role: 'unit_officer', unitId: unitIds['26743']!, includesSubtree: false }]);
    await transitionUnitReport(officer, wardReportId, 'send', {});
    const wardLeader = acting(people['leader-syt']!, [{ role: 'leader', unitId: unitIds['26743']!, includesSubtree: false }]);
    await transitionUnitReport(wardLeader, wardReportId, 'submit', {});
    const board = await boardOn('2026-04-02T02:00:00Z');
    expect(board.counts).toEqual({ on_time: 1, late: 1, missing: 0, pending: 0 });
    expect(board.rows.find((r) => r.id === wardReportId)).toMatchObject({ timeliness: 'late', daysLate: 4, state: 'submitted' });
  });
});
