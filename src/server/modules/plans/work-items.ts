import { and, asc, count, desc, eq, gte, inArray, isNull, lte, max, ne, sql } from 'drizzle-orm';
import type { WorkItem } from '../../../shared/contracts/workspace.js';
import { planPaths } from '../../../shared/web-paths.js';
import type { ServiceContext } from '../../lib/context.js';
import { hasRole } from '../../lib/policy.js';
import { units } from '../identity/schema.js';
import { officerUnitIds } from './access.js';
import { isPlanManager } from './policy.js';
import { currentPeriod } from './reminders.js';
import { plans, progressReports, taskExtensions, tasks } from './schema.js';
import { plansSettings } from './settings.js';
import { addDays, statusSql } from './status.js';
import { tasksOfUnits, todayOf } from './tasks-service.js';

const overdueStatus = 'in_progress_overdue';
const partsLimit = 50;
const withQuery = (path: string, query: Record<string, string>) => `${path}?${new URLSearchParams(query).toString()}`;
const taskLabel = (task: { code: string; titleVi: string; titleEn: string }) => ({
  vi: `${task.code} — ${task.titleVi}`,
  en: `${task.code} — ${task.titleEn || task.titleVi}`,
});
const isOpen = and(eq(tasks.lifecycle, 'active'), isNull(tasks.completedOn));

/** An officer's tasks: overdue, due within the "due soon" window, and periodic reports due or late (their units only). */
async function officerItems(ctx: ServiceContext, unitIds: string[], today: string): Promise<WorkItem[]> {
  const mine = tasksOfUnits(unitIds);
  const soonUntil = addDays(today, plansSettings.dueSoonDays);
  const [overdue] = await ctx.db
    .select({ n: count() })
    .from(tasks)
    .where(and(mine, sql`${statusSql(today)} = ${overdueStatus}`));
  const dueSoon = await ctx.db
    .select({ id: tasks.id, code: tasks.code, titleVi: tasks.titleVi, titleEn: tasks.titleEn })
    .from(tasks)
    .where(and(mine, isOpen, gte(tasks.dueOn, today), lte(tasks.dueOn, soonUntil)))
    .orderBy(asc(tasks.dueOn), asc(tasks.code));
  const periodic = await ctx.db
    .select({ task: tasks, lastReportAt: max(progressReports.createdAt) })
    .from(tasks)
    .leftJoin(progressReports, eq(progressReports.taskId, tasks.id))
    .where(and(inArray(tasks.leadUnitId, unitIds), isOpen, ne(tasks.reportingPeriod, 'none')))
    .groupBy(tasks.id)
    .orderBy(asc(tasks.code));
  // A report is due from the "due soon" window before its period's deadline until one is filed in the period.
  const reportsDue = periodic.flatMap(({ task, lastReportAt }) => {
    if (task.reportingPeriod === 'none') return [];
    const period = currentPeriod(task.reportingPeriod, today);
    const isFiled = lastReportAt !== null && new Date(lastReportAt) >= new Date(`${period.startsOn}T00:00:00+07:00`);
    const isStarted = task.startOn === null || task.startOn <= period.dueOn;
    return !isFiled && isStarted && addDays(today, plansSettings.dueSoonDays) >= period.dueOn
      ? [{ task, isLate: today > period.dueOn, period }]
      : [];
  });
  return [
    {
      id: 'plans.tasks-overdue',
      role: 'unit_officer',
      label: { vi: 'Nhiệm vụ quá hạn', en: 'Overdue tasks' },
      count: overdue?.n ?? 0,
      urgency: 'overdue',
      href: withQuery(planPaths.myTasks, { status: overdueStatus }),
    },
    {
      id: 'plans.tasks-due-soon',
      role: 'unit_officer',
      label: { vi: `Nhiệm vụ đến hạn trong ${plansSettings.dueSoonDays} ngày`, en: `Tasks due within ${plansSettings.dueSoonDays} days` },
      count: dueSoon.length,
      urgency: 'due',
      href: withQuery(planPaths.myTasks, { dueFrom: today, dueTo: soonUntil }),
      parts: dueSoon.slice(0, partsLimit).map((task) => ({ label: taskLabel(task), count: 1, href: planPaths.task(task.id) })),
    },
    {
      id: 'plans.reports-due',
      role: 'unit_officer',
      label: { vi: 'Báo cáo tiến độ đến hạn', en: 'Progress reports due' },
      count: reportsDue.length,
      urgency: reportsDue.some((r) => r.isLate) ? 'overdue' : 'due',
      href: planPaths.myTasks,
      parts: reportsDue.slice(0, partsLimit).map(({ task, period }) => ({
        label: { vi: `${taskLabel(task).vi} (kỳ ${period.label})`, en: `${taskLabel(task).en} (period ${period.label})` },
        count: 1,
        href: planPaths.task(task.id),
      })),
    },
  ];
}

/** Extension and withdrawal requests waiting for a programme manager, each on its task's page. */
async function managerItems(ctx: ServiceContext): Promise<WorkItem[]> {
  const pending = await ctx.db
    .select({ id: tasks.id, code: tasks.code, titleVi: tasks.titleVi, titleEn: tasks.titleEn })
    .from(taskExtensions)
    .innerJoin(tasks, eq(tasks.id, taskExtensions.taskId))
    .where(eq(taskExtensions.status, 'pending'))
    .orderBy(asc(taskExtensions.createdAt), asc(taskExtensions.id));
  const first = pending[0];
  return [
    {
      id: 'plans.extension-requests',
      role: 'programme_manager',
      label: { vi: 'Đề nghị gia hạn, rút nhiệm vụ chờ quyết định', en: 'Extension and withdrawal requests to decide' },
      count: pending.length,
      urgency: 'due',
      href: first ? planPaths.task(first.id) : planPaths.plans,
      parts: pending.slice(0, partsLimit).map((task) => ({ label: taskLabel(task), count: 1, href: planPaths.task(task.id) })),
    },
  ];
}

/** The city's overdue tasks by lead unit (and plan), each part opening the plan's list filtered to them. */
async function leaderItems(ctx: ServiceContext, today: string): Promise<WorkItem[]> {
  const n = count();
  const rows = await ctx.db
    .select({ planCode: plans.code, unitId: units.id, unitVi: units.nameVi, unitEn: units.nameEn, n })
    .from(tasks)
    .innerJoin(plans, eq(plans.id, tasks.planId))
    .innerJoin(units, eq(units.id, tasks.leadUnitId))
    .where(sql`${statusSql(today)} = ${overdueStatus}`)
    .groupBy(plans.code, units.id, units.nameVi, units.nameEn)
    .orderBy(desc(n), asc(units.nameVi), asc(plans.code));
  return [
    {
      id: 'plans.city-overdue-by-unit',
      role: 'leader',
      label: { vi: 'Nhiệm vụ quá hạn của thành phố, theo đơn vị', en: "The city's overdue tasks, by unit" },
      count: rows.reduce((sum, row) => sum + row.n, 0),
      urgency: 'overdue',
      href: planPaths.plans,
      parts: rows.slice(0, partsLimit).map((row) => ({
        label: { vi: `${row.unitVi} · ${row.planCode}`, en: `${row.unitEn} · ${row.planCode}` },
        count: row.n,
        href: withQuery(planPaths.tasks(row.planCode), { unitId: row.unitId, status: overdueStatus }),
      })),
    },
  ];
}

/** The plans module's part of a person's workspace, by the roles they hold. */
export async function plansWorkItems(ctx: ServiceContext): Promise<WorkItem[]> {
  const today = todayOf(ctx);
  const unitIds = await officerUnitIds(ctx);
  return [
    ...(unitIds.length > 0 ? await officerItems(ctx, unitIds, today) : []),
    ...(isPlanManager(ctx.actor) && hasRole(ctx.actor, 'programme_manager') ? await managerItems(ctx) : []),
    ...(hasRole(ctx.actor, 'leader') ? await leaderItems(ctx, today) : []),
  ];
}
