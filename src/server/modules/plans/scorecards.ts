import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import type { Scorecard, scorecardQuerySchema } from '../../../shared/contracts/plans.js';
import type { z } from 'zod';
import type { ServiceContext } from '../../lib/context.js';
import { forbidden, unauthenticated } from '../../lib/errors.js';
import { units } from '../identity/schema.js';
import { readablePlan } from './access.js';
import { isCityReader } from './policy.js';
import { tasks } from './schema.js';
import { todayOf } from './tasks-service.js';

/**
 * Per lead unit, the tasks due in the period (assigned), how many were completed on time or late,
 * how many are overdue today, and the on-time rate; plus the city-wide roll-up. The rate counts only
 * tasks that can be judged — completed, or past their deadline — so a unit whose tasks are not yet due
 * has no rate rather than 0 %. Public when the plan is public; otherwise for leaders and programme
 * managers. Withdrawn tasks are not counted.
 */
export async function getScorecard(ctx: ServiceContext, query: z.infer<typeof scorecardQuerySchema>): Promise<Scorecard> {
  const plan = await readablePlan(ctx, query.planId);
  if (!plan.isPublic) {
    if (!ctx.actor) throw unauthenticated();
    if (!isCityReader(ctx.actor)) throw forbidden();
  }
  const today = todayOf(ctx);
  const day = sql`${today}::date`;
  const open = sql`${tasks.completedOn} is null and ${tasks.lifecycle} = 'active'`;
  // Aggregate the narrow index first, per lead unit; then name the few hundred units.
  const perUnit = ctx.db
    .select({
      leadUnitId: tasks.leadUnitId,
      assigned: sql<number>`count(*)::int`.as('assigned'),
      completedOnTime: sql<number>`(count(*) filter (where ${tasks.completedOn} <= ${tasks.dueOn}))::int`.as('completed_on_time'),
      completedLate: sql<number>`(count(*) filter (where ${tasks.completedOn} > ${tasks.dueOn}))::int`.as('completed_late'),
      overdue: sql<number>`(count(*) filter (where ${open} and ${tasks.dueOn} < ${day}))::int`.as('overdue'),
      inProgress: sql<number>`(count(*) filter (where ${open} and ${tasks.dueOn} >= ${day}))::int`.as('in_progress'),
    })
    .from(tasks)
    .where(
      and(
        eq(tasks.planId, plan.id),
        sql`${tasks.lifecycle} <> 'withdrawn'`,
        sql`${tasks.dueOn} is not null`,
        query.from ? gte(tasks.dueOn, query.from) : undefined,
        query.to ? lte(tasks.dueOn, query.to) : undefined,
      ),
    )
    .groupBy(tasks.leadUnitId)
    .as('per_unit');
  const rows = await ctx.db
    .select({
      id: units.id,
      code: units.code,
      nameVi: units.nameVi,
      nameEn: units.nameEn,
      assigned: perUnit.assigned,
      completedOnTime: perUnit.completedOnTime,
      completedLate: perUnit.completedLate,
      overdue: perUnit.overdue,
      inProgress: perUnit.inProgress,
    })
    .from(perUnit)
    .innerJoin(units, eq(units.id, perUnit.leadUnitId))
    .where(query.unitKind ? eq(units.kind, query.unitKind) : undefined)
    .orderBy(asc(units.code));
  const rate = (onTime: number, due: number) => (due === 0 ? null : Math.round((onTime / due) * 1000) / 1000);
  const dueOf = (r: { completedOnTime: number; completedLate: number; overdue: number }) => r.completedOnTime + r.completedLate + r.overdue;
  const city = { assigned: 0, completedOnTime: 0, completedLate: 0, overdue: 0, inProgress: 0 };
  for (const r of rows) for (const key of Object.keys(city) as Array<keyof typeof city>) city[key] += r[key];
  return {
    planId: plan.id,
    from: query.from ?? null,
    to: query.to ?? null,
    today,
    rows: rows.map((r) => ({
      unit: { id: r.id, code: r.code, name: { vi: r.nameVi, en: r.nameEn } },
      assigned: r.assigned,
      completedOnTime: r.completedOnTime,
      completedLate: r.completedLate,
      overdue: r.overdue,
      inProgress: r.inProgress,
      due: dueOf(r),
      onTimeRate: rate(r.completedOnTime, dueOf(r)),
    })),
    city: { ...city, due: dueOf(city), onTimeRate: rate(city.completedOnTime, dueOf(city)) },
  };
}
