import { sql, type SQL } from 'drizzle-orm';
import type { TaskLifecycle, TaskStatus } from '../../../shared/contracts/plans.js';
import { tasks } from './schema.js';

/** The programme's time zone: a deadline day ends at midnight in the city (UTC+7, no daylight saving). */
const cityOffsetMs = 7 * 60 * 60 * 1000;

/** The city's calendar day of an instant, as YYYY-MM-DD. */
export function cityDate(at: Date): string {
  return new Date(at.getTime() + cityOffsetMs).toISOString().slice(0, 10);
}

/** Adds whole days to a YYYY-MM-DD date. */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export type StatusFacts = {
  lifecycle: TaskLifecycle;
  dueOn: string | null;
  originalDueOn: string | null;
  progressPercent: number;
  completedOn: string | null;
};

/**
 * The tracking status of a task on `today` (the city's date). A pure function of stored facts and
 * the date, so a deadline passing changes the answer without anyone editing the task. An approved
 * extension moves `dueOn`: the task is judged against the adjusted deadline (DOMAIN.md §3 default),
 * and shows "extended" while it runs within it.
 */
export function deriveStatus(task: StatusFacts, today: string): TaskStatus {
  if (task.lifecycle === 'withdrawn') return 'withdrawn';
  if (task.lifecycle === 'suspended') return 'suspended';
  if (task.completedOn !== null) {
    return task.dueOn === null || task.completedOn <= task.dueOn ? 'completed_on_time' : 'completed_late';
  }
  if (task.dueOn === null) return 'recurring';
  if (today > task.dueOn) return 'in_progress_overdue';
  if (task.originalDueOn !== null && task.originalDueOn !== task.dueOn) return 'extended';
  return task.progressPercent === 0 ? 'not_started' : 'in_progress_on_time';
}

/** Whether an open task's deadline falls within `days` days of `today` (Sắp đến hạn). */
export function isDueSoon(task: StatusFacts, today: string, days: number): boolean {
  if (task.lifecycle !== 'active' || task.completedOn !== null || task.dueOn === null) return false;
  return today <= task.dueOn && task.dueOn <= addDays(today, days);
}

/**
 * The same rule as `deriveStatus`, as SQL over the `tasks` table, for filtering and scorecards in
 * the database. service.test.ts checks the two agree on every case.
 */
export function statusSql(today: string): SQL<TaskStatus> {
  const day = sql`${today}::date`;
  return sql<TaskStatus>`(case
    when ${tasks.lifecycle} = 'withdrawn' then 'withdrawn'
    when ${tasks.lifecycle} = 'suspended' then 'suspended'
    when ${tasks.completedOn} is not null then
      case when ${tasks.dueOn} is null or ${tasks.completedOn} <= ${tasks.dueOn} then 'completed_on_time' else 'completed_late' end
    when ${tasks.dueOn} is null then 'recurring'
    when ${day} > ${tasks.dueOn} then 'in_progress_overdue'
    when ${tasks.originalDueOn} is not null and ${tasks.originalDueOn} <> ${tasks.dueOn} then 'extended'
    when ${tasks.progressPercent} = 0 then 'not_started'
    else 'in_progress_on_time' end)`;
}
