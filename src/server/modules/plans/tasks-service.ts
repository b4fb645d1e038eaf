import { and, asc, count, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { TaskCreateInput, TaskListQuery, TaskSummary } from '../../../shared/contracts/plans.js';
import { taskCreateBodySchema, type taskUpdateBodySchema } from '../../../shared/contracts/plans.js';
import type { z } from 'zod';
import { recordAudit } from '../../lib/audit.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, conflict } from '../../lib/errors.js';
import { indexDocument } from '../../lib/search.js';
import { inTransaction } from '../../lib/tx.js';
import { units } from '../identity/schema.js';
import { officerUnitIds, readablePlan, requirePlanManager, taskNotFound, visibleTasksCondition } from './access.js';
import { notifyAssignment } from './notify.js';
import { presentTaskSummary, taskUrl } from './presenter.js';
import { plans, taskCooperatingUnits, taskGroups, tasks } from './schema.js';
import { cityDate, statusSql } from './status.js';

const invalid = (vi: string, en: string, details?: unknown) => new AppError('VALIDATION', { vi, en }, details);

/** Today in the city, from the context's clock. */
export const todayOf = (ctx: ServiceContext): string => cityDate(ctx.clock.now());

type Filters = Omit<TaskListQuery, 'limit' | 'offset'>;

function filterConditions(filters: Filters, today: string): SQL[] {
  const conditions: SQL[] = [];
  if (filters.groupId) conditions.push(eq(tasks.groupId, filters.groupId));
  if (filters.unitId) conditions.push(eq(tasks.leadUnitId, filters.unitId));
  if (filters.status) conditions.push(sql`${statusSql(today)} = ${filters.status}`);
  if (filters.dueFrom) conditions.push(gte(tasks.dueOn, filters.dueFrom));
  if (filters.dueTo) conditions.push(lte(tasks.dueOn, filters.dueTo));
  if (filters.q) {
    // Diacritics-insensitive, like the site search: "chuyen doi so" finds "Chuyển đổi số".
    const pattern = `%${filters.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      sql`f_unaccent(lower(${tasks.code} || ' ' || ${tasks.titleVi} || ' ' || ${tasks.titleEn})) like f_unaccent(lower(${pattern}))`,
    );
  }
  return conditions;
}

async function selectTasks(ctx: ServiceContext, where: SQL | undefined, page: { limit: number; offset: number }) {
  const today = todayOf(ctx);
  const rows = await ctx.db
    .select({ task: tasks, unit: { id: units.id, code: units.code, nameVi: units.nameVi, nameEn: units.nameEn } })
    .from(tasks)
    .innerJoin(plans, eq(plans.id, tasks.planId))
    .innerJoin(units, eq(units.id, tasks.leadUnitId))
    .where(where)
    .orderBy(asc(tasks.dueOn), asc(tasks.code), asc(tasks.id))
    .limit(page.limit)
    .offset(page.offset);
  const [total] = await ctx.db.select({ n: count() }).from(tasks).innerJoin(plans, eq(plans.id, tasks.planId)).where(where);
  return { items: rows.map((r) => presentTaskSummary(r.task, r.unit, today)), total: total?.n ?? 0, today };
}

/** A plan's tasks the actor may read, filtered by group, lead unit, status, deadline range and text. */
export async function listPlanTasks(ctx: ServiceContext, planRef: string, query: TaskListQuery) {
  const plan = await readablePlan(ctx, planRef);
  const where = and(eq(tasks.planId, plan.id), await visibleTasksCondition(ctx), ...filterConditions(query, todayOf(ctx)));
  return selectTasks(ctx, where, query);
}

/** "My unit's tasks": the tasks the actor's units lead or cooperate on, across plans. */
export async function listMyUnitTasks(ctx: ServiceContext, query: TaskListQuery) {
  const unitIds = await officerUnitIds(ctx);
  if (unitIds.length === 0) return { items: [] as TaskSummary[], total: 0, today: todayOf(ctx) };
  return selectTasks(ctx, and(tasksOfUnits(unitIds), ...filterConditions(query, todayOf(ctx))), query);
}

/** Tasks the units lead or cooperate on: the scope of "my unit's tasks" and of an officer's workspace. */
export function tasksOfUnits(unitIds: readonly string[]): SQL {
  return sql`(${inArray(tasks.leadUnitId, [...unitIds])} or exists (select 1 from ${taskCooperatingUnits} where ${taskCooperatingUnits.taskId} = ${tasks.id} and ${inArray(taskCooperatingUnits.unitId, [...unitIds])}))`;
}

async function checkReferences(
  ctx: ServiceContext,
  planId: string,
  input: {
    groupId?: string | null | undefined;
    parentId?: string | null | undefined;
    leadUnitId?: string | undefined;
    cooperatingUnitIds?: string[] | undefined;
  },
  selfId?: string,
) {
  if (input.groupId) {
    const [group] = await ctx.db
      .select({ id: taskGroups.id })
      .from(taskGroups)
      .where(and(eq(taskGroups.id, input.groupId), eq(taskGroups.planId, planId)));
    if (!group)
      throw invalid(`Nhóm nhiệm vụ '${input.groupId}' không thuộc kế hoạch này`, `Task group '${input.groupId}' is not part of this plan`, {
        field: 'groupId',
      });
  }
  if (input.parentId) {
    const [parent] = await ctx.db
      .select({ id: tasks.id, parentId: tasks.parentId })
      .from(tasks)
      .where(and(eq(tasks.id, input.parentId), eq(tasks.planId, planId)));
    // One level of sub-tasks keeps the tree readable and rules out cycles.
    if (!parent || parent.parentId !== null || parent.id === selfId)
      throw invalid(
        `Nhiệm vụ cha '${input.parentId}' không hợp lệ (phải là nhiệm vụ cấp một của kế hoạch này)`,
        `Parent task '${input.parentId}' is not valid (it must be a top-level task of this plan)`,
        { field: 'parentId' },
      );
  }
  const unitIds = [...(input.leadUnitId ? [input.leadUnitId] : []), ...(input.cooperatingUnitIds ?? [])];
  if (unitIds.length > 0) {
    const found = await ctx.db
      .select({ id: units.id })
      .from(units)
      .where(and(inArray(units.id, unitIds), eq(units.isActive, true)));
    const missing = unitIds.filter((id) => !found.some((f) => f.id === id));
    if (missing.length > 0)
      throw invalid(`Đơn vị '${missing[0]}' không tồn tại hoặc đã ngừng hoạt động`, `Unit '${missing[0]}' does not exist or is inactive`, {
        field: 'leadUnitId',
      });
  }
  if (input.leadUnitId && input.cooperatingUnitIds?.includes(input.leadUnitId))
    throw invalid('Đơn vị chủ trì không thể đồng thời là đơn vị phối hợp', 'The lead unit cannot also be a cooperating unit', {
      field: 'cooperatingUnitIds',
    });
}

function checkDates(startOn: string | null, dueOn: string | null): void {
  if (startOn && dueOn && startOn > dueOn)
    throw invalid('Ngày bắt đầu phải trước hoặc bằng hạn hoàn thành', 'The start date must be on or before the deadline', {
      field: 'dueOn',
    });
}

function searchEntry(task: typeof tasks.$inferSelect, plan: typeof plans.$inferSelect) {
  return {
    entityType: 'task',
    entityId: task.id,
    title: `${task.code} — ${task.titleVi}`,
    titleEn: task.titleEn ? `${task.code} — ${task.titleEn}` : '',
    body: [task.descriptionVi, task.productVi, task.titleEn, plan.code].join(' · '),
    url: taskUrl(task.id),
    isPublic: plan.isPublic && task.isPublic,
  };
}

/**
 * Inserts a plan's task with its cooperating units, index entry and audit row, in the caller's
 * transaction; `createTask` and the XLSX import both go through here.
 */
export async function insertTask(
  ctx: ServiceContext,
  plan: typeof plans.$inferSelect,
  body: z.infer<typeof taskCreateBodySchema>,
  position = 0,
) {
  const { cooperatingUnitIds, ...fields } = body;
  const [task] = await ctx.db
    .insert(tasks)
    .values({ ...fields, planId: plan.id, originalDueOn: fields.dueOn, position })
    .returning();
  if (cooperatingUnitIds.length > 0)
    await ctx.db.insert(taskCooperatingUnits).values(cooperatingUnitIds.map((unitId) => ({ taskId: task!.id, unitId })));
  await indexDocument(ctx.db, searchEntry(task!, plan));
  await notifyAssignment(ctx, task!, { leadUnitId: task!.leadUnitId, cooperatingUnitIds });
  await recordAudit(ctx, { action: 'plans.task.create', entityType: 'task', entityId: task!.id, after: body });
  return task!;
}

/** Creates a task in a plan (programme managers). */
export async function createTask(ctx: ServiceContext, planId: string, input: TaskCreateInput) {
  requirePlanManager(ctx);
  const body = taskCreateBodySchema.parse(input);
  return inTransaction(ctx, async (tx) => {
    const plan = await readablePlan(tx, planId);
    await checkReferences(tx, plan.id, body);
    checkDates(body.startOn, body.dueOn);
    const [clash] = await tx.db
      .select({ id: tasks.id })
      .from(tasks)
      .where(and(eq(tasks.planId, plan.id), eq(tasks.code, body.code)));
    if (clash)
      throw conflict(
        { vi: `Mã nhiệm vụ '${body.code}' đã có trong kế hoạch`, en: `Task code '${body.code}' already exists in the plan` },
        { field: 'code' },
      );
    const [{ n }] = (await tx.db.select({ n: count() }).from(tasks).where(eq(tasks.planId, plan.id))) as [{ n: number }];
    return insertTask(tx, plan, body, n + 1);
  });
}

/** Changes a task (programme managers), including suspending or withdrawing it. Deadline changes go through extensions when requested by the unit; a manager may also set one directly. */
export async function updateTask(ctx: ServiceContext, taskId: string, input: z.infer<typeof taskUpdateBodySchema>) {
  requirePlanManager(ctx);
  return inTransaction(ctx, async (tx) => {
    const [before] = await tx.db.select().from(tasks).where(eq(tasks.id, taskId)).for('update');
    if (!before) throw taskNotFound(taskId);
    const [plan] = await tx.db.select().from(plans).where(eq(plans.id, before.planId));
    await checkReferences(tx, before.planId, input, taskId);
    const { cooperatingUnitIds, ...fields } = input;
    checkDates(fields.startOn !== undefined ? fields.startOn : before.startOn, fields.dueOn !== undefined ? fields.dueOn : before.dueOn);
    const lead = fields.leadUnitId ?? before.leadUnitId;
    // The rule holds between the lead and the cooperating units as they will be, sent or kept.
    const previouslyCooperating = (
      await tx.db.select({ unitId: taskCooperatingUnits.unitId }).from(taskCooperatingUnits).where(eq(taskCooperatingUnits.taskId, taskId))
    ).map((c) => c.unitId);
    const cooperating = cooperatingUnitIds ?? previouslyCooperating;
    if (cooperating.includes(lead))
      throw invalid('Đơn vị chủ trì không thể đồng thời là đơn vị phối hợp', 'The lead unit cannot also be a cooperating unit', {
        field: 'cooperatingUnitIds',
      });
    const [after] = await tx.db
      .update(tasks)
      .set({ ...fields, updatedAt: tx.clock.now().toISOString() })
      .where(eq(tasks.id, taskId))
      .returning();
    // Only units newly given the task hear of it; a unit that keeps its role is not told again.
    await notifyAssignment(tx, after!, {
      leadUnitId: lead !== before.leadUnitId ? lead : null,
      cooperatingUnitIds: cooperatingUnitIds ? cooperatingUnitIds.filter((id) => !previouslyCooperating.includes(id)) : [],
    });
    if (cooperatingUnitIds) {
      await tx.db.delete(taskCooperatingUnits).where(eq(taskCooperatingUnits.taskId, taskId));
      if (cooperatingUnitIds.length > 0)
        await tx.db
          .insert(taskCooperatingUnits)
          .values(cooperatingUnitIds.map((unitId) => ({ taskId, unitId })))
          .onConflictDoNothing();
    }
    await indexDocument(tx.db, searchEntry(after!, plan!));
    await recordAudit(tx, { action: 'plans.task.update', entityType: 'task', entityId: taskId, before, after: input });
    return after!;
  });
}
