import { planPaths } from '../../../shared/web-paths.js';
import { and, asc, count, eq, isNull, sql } from 'drizzle-orm';
import type {
  PlanCreateBody,
  PlanDetail,
  planUpdateBodySchema,
  taskGroupCreateBodySchema,
  TaskGroupEdit,
  taskGroupUpdateBodySchema,
} from '../../../shared/contracts/plans.js';
import type { z } from 'zod';
import { recordAudit } from '../../lib/audit.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, conflict, notFound } from '../../lib/errors.js';
import { indexDocument } from '../../lib/search.js';
import { inTransaction } from '../../lib/tx.js';
import { officerUnitIds, planNotFound, readablePlan, requirePlanManager, visibleTasksCondition } from './access.js';
import { isCityReader } from './policy.js';
import { plans, taskGroups, tasks } from './schema.js';
import { statusSql } from './status.js';
import { todayOf } from './tasks-service.js';

type PlanRow = typeof plans.$inferSelect;

/** Progress of open and finished work; withdrawn and suspended tasks do not count. */
const progressSql = sql<number>`coalesce(round(avg(case when ${tasks.lifecycle} = 'active' then ${tasks.progressPercent} end)::numeric, 1), 0)::float8`;

function presentPlan(plan: PlanRow, stats: { taskCount: number; progressPercent: number }) {
  return {
    id: plan.id,
    code: plan.code,
    title: { vi: plan.titleVi, en: plan.titleEn },
    issuingBody: { vi: plan.issuingBodyVi, en: plan.issuingBodyEn },
    issuedOn: plan.issuedOn,
    periodStart: plan.periodStart,
    periodEnd: plan.periodEnd,
    sourceDocument: plan.sourceDocument,
    summary: { vi: plan.summaryVi, en: plan.summaryEn },
    isPublic: plan.isPublic,
    ...stats,
  };
}

const planUrl = planPaths.plan;

/** The plans the actor may read, with their progress roll-up (top-level tasks only). */
export async function listPlans(ctx: ServiceContext) {
  const visible = await visibleTasksCondition(ctx);
  const all = await ctx.db.select().from(plans).orderBy(asc(plans.periodStart), asc(plans.code));
  const readsInternal = isCityReader(ctx.actor) || (await officerUnitIds(ctx)).length > 0;
  const readable = all.filter((p) => p.isPublic || readsInternal);
  const stats = await ctx.db
    .select({ planId: tasks.planId, taskCount: count(), progressPercent: progressSql })
    .from(tasks)
    .innerJoin(plans, eq(plans.id, tasks.planId))
    .where(and(isNull(tasks.parentId), visible))
    .groupBy(tasks.planId);
  return readable.map((plan) => presentPlan(plan, stats.find((s) => s.planId === plan.id) ?? { taskCount: 0, progressPercent: 0 }));
}

/** A plan with its ordered task groups, each with the progress and status counts of its top-level tasks. */
export async function getPlan(ctx: ServiceContext, ref: string): Promise<PlanDetail> {
  const plan = await readablePlan(ctx, ref);
  const today = todayOf(ctx);
  const status = statusSql(today);
  const visible = await visibleTasksCondition(ctx);
  const topLevel = and(eq(tasks.planId, plan.id), isNull(tasks.parentId), visible);
  const groups = await ctx.db.select().from(taskGroups).where(eq(taskGroups.planId, plan.id)).orderBy(asc(taskGroups.position));
  const perGroup = await ctx.db
    .select({ groupId: tasks.groupId, taskCount: count(), progressPercent: progressSql })
    .from(tasks)
    .innerJoin(plans, eq(plans.id, tasks.planId))
    .where(topLevel)
    .groupBy(tasks.groupId);
  const perStatus = await ctx.db
    .select({ groupId: tasks.groupId, status, n: count() })
    .from(tasks)
    .innerJoin(plans, eq(plans.id, tasks.planId))
    .where(topLevel)
    // By position: the status expression carries a parameter, which PostgreSQL would not match in GROUP BY.
    .groupBy(sql`1`, sql`2`);
  const [overall] = await ctx.db
    .select({ taskCount: count(), progressPercent: progressSql })
    .from(tasks)
    .innerJoin(plans, eq(plans.id, tasks.planId))
    .where(topLevel);
  return {
    ...presentPlan(plan, overall ?? { taskCount: 0, progressPercent: 0 }),
    today,
    groups: groups.map((g) => ({
      id: g.id,
      order: g.position,
      title: { vi: g.titleVi, en: g.titleEn },
      description: { vi: g.descriptionVi, en: g.descriptionEn },
      taskCount: perGroup.find((p) => p.groupId === g.id)?.taskCount ?? 0,
      progressPercent: perGroup.find((p) => p.groupId === g.id)?.progressPercent ?? 0,
      statusCounts: Object.fromEntries(perStatus.filter((p) => p.groupId === g.id).map((p) => [p.status, p.n])),
    })),
  };
}

async function indexPlan(ctx: ServiceContext, plan: PlanRow) {
  await indexDocument(ctx.db, {
    entityType: 'plan',
    entityId: plan.id,
    title: `${plan.code} — ${plan.titleVi}`,
    titleEn: `${plan.code} — ${plan.titleEn}`,
    body: [plan.summaryVi, plan.titleEn].join(' · '),
    url: planUrl(plan.code),
    isPublic: plan.isPublic,
  });
}

const checkPeriod = (start: number, end: number) => {
  if (start > end)
    throw new AppError(
      'VALIDATION',
      { vi: 'Năm bắt đầu phải trước hoặc bằng năm kết thúc', en: 'The start year must be on or before the end year' },
      { field: 'periodEnd' },
    );
};

/** Creates a plan (programme managers). */
export async function createPlan(ctx: ServiceContext, body: PlanCreateBody) {
  requirePlanManager(ctx);
  checkPeriod(body.periodStart, body.periodEnd);
  return inTransaction(ctx, async (tx) => {
    const [clash] = await tx.db.select({ id: plans.id }).from(plans).where(eq(plans.code, body.code));
    if (clash)
      throw conflict({ vi: `Mã kế hoạch '${body.code}' đã tồn tại`, en: `Plan code '${body.code}' already exists` }, { field: 'code' });
    const [plan] = await tx.db
      .insert(plans)
      .values({ ...body, titleEn: body.titleEn, issuingBodyEn: body.issuingBodyEn })
      .returning();
    await indexPlan(tx, plan!);
    await recordAudit(tx, { action: 'plans.plan.create', entityType: 'plan', entityId: plan!.id, after: body });
    return presentPlan(plan!, { taskCount: 0, progressPercent: 0 });
  });
}

/** Changes a plan (programme managers); making it public or internal re-indexes its tasks' visibility. */
export async function updatePlan(ctx: ServiceContext, planId: string, body: z.infer<typeof planUpdateBodySchema>) {
  requirePlanManager(ctx);
  return inTransaction(ctx, async (tx) => {
    const [before] = await tx.db.select().from(plans).where(eq(plans.id, planId)).for('update');
    if (!before) throw planNotFound(planId);
    checkPeriod(body.periodStart ?? before.periodStart, body.periodEnd ?? before.periodEnd);
    if (body.code && body.code !== before.code) {
      const [clash] = await tx.db.select({ id: plans.id }).from(plans).where(eq(plans.code, body.code));
      if (clash)
        throw conflict({ vi: `Mã kế hoạch '${body.code}' đã tồn tại`, en: `Plan code '${body.code}' already exists` }, { field: 'code' });
    }
    const [after] = await tx.db
      .update(plans)
      .set({ ...body, updatedAt: tx.clock.now().toISOString() })
      .where(eq(plans.id, planId))
      .returning();
    await indexPlan(tx, after!);
    if (body.isPublic !== undefined && body.isPublic !== before.isPublic) {
      await tx.db.execute(
        sql`update search_documents set is_public = (${body.isPublic} and t.is_public) from tasks t where search_documents.entity_type = 'task' and search_documents.entity_id = t.id::text and t.plan_id = ${planId}::uuid`,
      );
    }
    await recordAudit(tx, { action: 'plans.plan.update', entityType: 'plan', entityId: planId, before, after: body });
    const [stats] = await tx.db
      .select({ taskCount: count(), progressPercent: progressSql })
      .from(tasks)
      .where(and(eq(tasks.planId, planId), isNull(tasks.parentId)));
    return presentPlan(after!, stats ?? { taskCount: 0, progressPercent: 0 });
  });
}

/** Appends a task group to a plan (programme managers). */
export async function createTaskGroup(ctx: ServiceContext, planId: string, body: z.infer<typeof taskGroupCreateBodySchema>) {
  requirePlanManager(ctx);
  return inTransaction(ctx, async (tx) => {
    const [plan] = await tx.db.select().from(plans).where(eq(plans.id, planId)).for('update');
    if (!plan) throw planNotFound(planId);
    const [last] = await tx.db
      .select({ max: sql<number>`coalesce(max(${taskGroups.position}), 0)::int` })
      .from(taskGroups)
      .where(eq(taskGroups.planId, planId));
    const [group] = await tx.db
      .insert(taskGroups)
      .values({ ...body, planId, position: (last?.max ?? 0) + 1 })
      .returning();
    await recordAudit(tx, { action: 'plans.group.create', entityType: 'task_group', entityId: group!.id, after: body });
    return group!;
  });
}

type TaskGroupRow = typeof taskGroups.$inferSelect;
const groupNotFound = (id: string) => notFound({ vi: 'Nhóm nhiệm vụ', en: 'Task group' }, id);
const presentGroupEdit = (g: TaskGroupRow): TaskGroupEdit => ({
  id: g.id,
  planId: g.planId,
  order: g.position,
  titleVi: g.titleVi,
  titleEn: g.titleEn,
  descriptionVi: g.descriptionVi,
  descriptionEn: g.descriptionEn,
});

/** A task group as its editor loads it (programme managers). */
export async function getTaskGroup(ctx: ServiceContext, groupId: string): Promise<TaskGroupEdit> {
  requirePlanManager(ctx);
  const [group] = await ctx.db.select().from(taskGroups).where(eq(taskGroups.id, groupId));
  if (!group) throw groupNotFound(groupId);
  return presentGroupEdit(group);
}

/** Renames a task group or changes its description (programme managers); its place in the plan stays. */
export async function updateTaskGroup(ctx: ServiceContext, groupId: string, body: z.infer<typeof taskGroupUpdateBodySchema>) {
  requirePlanManager(ctx);
  return inTransaction(ctx, async (tx) => {
    const [before] = await tx.db.select().from(taskGroups).where(eq(taskGroups.id, groupId)).for('update');
    if (!before) throw groupNotFound(groupId);
    const [after] = await tx.db
      .update(taskGroups)
      .set({ ...body, updatedAt: tx.clock.now().toISOString() })
      .where(eq(taskGroups.id, groupId))
      .returning();
    await recordAudit(tx, { action: 'plans.group.update', entityType: 'task_group', entityId: groupId, before, after: body });
    return presentGroupEdit(after!);
  });
}
