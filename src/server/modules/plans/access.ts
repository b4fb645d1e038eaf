import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { ServiceContext } from '../../lib/context.js';
import { forbidden, notFound, unauthenticated } from '../../lib/errors.js';
import { unitIdsWhereActorHas } from '../../lib/unit-scope.js';
import { isCityReader, isPlanManager } from './policy.js';
import { plans, taskCooperatingUnits, tasks } from './schema.js';

export const taskNotFound = (id: string) => notFound({ vi: 'Nhiệm vụ', en: 'Task' }, id);
export const planNotFound = (id: string) => notFound({ vi: 'Kế hoạch', en: 'Plan' }, id);

/** The units whose tasks the actor reports on: where they are a unit officer (sub-trees included). */
export async function officerUnitIds(ctx: ServiceContext): Promise<string[]> {
  return [...(await unitIdsWhereActorHas(ctx, ['unit_officer']))];
}

/**
 * Which tasks the actor may read, as a condition on `tasks` joined with `plans`: leaders and plan
 * managers read all; everyone reads public tasks of public plans; officers also read their units'
 * internal tasks (as lead or cooperating unit).
 */
export async function visibleTasksCondition(ctx: ServiceContext): Promise<SQL | undefined> {
  if (isCityReader(ctx.actor)) return undefined;
  const isPublicTask = and(eq(plans.isPublic, true), eq(tasks.isPublic, true))!;
  const unitIds = await officerUnitIds(ctx);
  if (unitIds.length === 0) return isPublicTask;
  return or(
    isPublicTask,
    inArray(tasks.leadUnitId, unitIds),
    sql`exists (select 1 from ${taskCooperatingUnits} where ${taskCooperatingUnits.taskId} = ${tasks.id} and ${inArray(taskCooperatingUnits.unitId, unitIds)})`,
  );
}

/** A plan the actor may read, or 404: internal plans only for unit staff with a role that reads them. */
export async function readablePlan(ctx: ServiceContext, ref: string) {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(ref);
  const [plan] = await ctx.db
    .select()
    .from(plans)
    .where(isUuid ? eq(plans.id, ref) : eq(plans.code, ref));
  if (!plan) throw planNotFound(ref);
  if (!plan.isPublic && !isCityReader(ctx.actor) && (await officerUnitIds(ctx)).length === 0) throw planNotFound(ref);
  return plan;
}

/** Refuses anyone but a plan manager (programme manager or administrator with a second factor). */
export function requirePlanManager(ctx: ServiceContext): void {
  if (!ctx.actor) throw unauthenticated();
  if (!isPlanManager(ctx.actor)) throw forbidden();
}

/** Refuses anyone but an officer of the task's lead unit: only the lead unit (chủ trì) reports. */
export async function requireLeadOfficer(ctx: ServiceContext, leadUnitId: string): Promise<void> {
  if (!ctx.actor) throw unauthenticated();
  if (!(await officerUnitIds(ctx)).includes(leadUnitId)) {
    throw forbidden({ reason: 'not-lead-unit-officer' });
  }
}
