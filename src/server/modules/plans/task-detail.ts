import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { TaskDetail } from '../../../shared/contracts/plans.js';
import { attachments } from '../../db/platform-schema.js';
import type { ServiceContext } from '../../lib/context.js';
import { toIso } from '../../lib/time.js';
import { units, users } from '../identity/schema.js';
import { officerUnitIds, taskNotFound, visibleTasksCondition } from './access.js';
import { isPlanManager, isUnitStaff } from './policy.js';
import { lifecycleActionsOf } from './lifecycle.js';
import { attachmentUrl, presentTaskSummary, presentUnit } from './presenter.js';
import { plans, progressReports, taskComments, taskCooperatingUnits, taskExtensions, tasks } from './schema.js';
import { todayOf } from './tasks-service.js';

const unitColumns = { id: units.id, code: units.code, nameVi: units.nameVi, nameEn: units.nameEn };

/** One task with its sub-tasks and full history (reports, extensions, comments), if the actor may read it. */
export async function getTask(ctx: ServiceContext, taskId: string): Promise<TaskDetail> {
  const today = todayOf(ctx);
  const [row] = await ctx.db
    .select({ task: tasks, plan: plans, unit: unitColumns })
    .from(tasks)
    .innerJoin(plans, eq(plans.id, tasks.planId))
    .innerJoin(units, eq(units.id, tasks.leadUnitId))
    .where(and(eq(tasks.id, taskId), await visibleTasksCondition(ctx)));
  if (!row) throw taskNotFound(taskId);
  const { task, plan } = row;

  const cooperating = await ctx.db
    .select(unitColumns)
    .from(taskCooperatingUnits)
    .innerJoin(units, eq(units.id, taskCooperatingUnits.unitId))
    .where(eq(taskCooperatingUnits.taskId, taskId))
    .orderBy(asc(units.code));
  const subTasks = await ctx.db
    .select({ task: tasks, unit: unitColumns })
    .from(tasks)
    .innerJoin(units, eq(units.id, tasks.leadUnitId))
    .where(eq(tasks.parentId, taskId))
    .orderBy(asc(tasks.position), asc(tasks.code));
  const reports = await ctx.db
    .select({ report: progressReports, unit: unitColumns, authorName: users.displayName })
    .from(progressReports)
    .innerJoin(units, eq(units.id, progressReports.unitId))
    .leftJoin(users, eq(users.id, progressReports.authorId))
    .where(eq(progressReports.taskId, taskId))
    .orderBy(desc(progressReports.createdAt), desc(progressReports.id));
  const files = reports.length
    ? await ctx.db
        .select()
        .from(attachments)
        .where(
          and(
            eq(attachments.entityType, 'progress_report'),
            inArray(
              attachments.entityId,
              reports.map((r) => r.report.id),
            ),
          ),
        )
        .orderBy(asc(attachments.createdAt), asc(attachments.id))
    : [];
  const contributionUnitIds = [...new Set(reports.flatMap((r) => r.report.contributions.map((c) => c.unitId)))];
  const contributionUnits = contributionUnitIds.length
    ? await ctx.db.select(unitColumns).from(units).where(inArray(units.id, contributionUnitIds))
    : [];
  const extensions = await ctx.db
    .select({ extension: taskExtensions, unit: unitColumns })
    .from(taskExtensions)
    .innerJoin(units, eq(units.id, taskExtensions.unitId))
    .where(eq(taskExtensions.taskId, taskId))
    .orderBy(desc(taskExtensions.createdAt), desc(taskExtensions.id));
  const comments = await ctx.db
    .select({ comment: taskComments, authorName: users.displayName })
    .from(taskComments)
    .leftJoin(users, eq(users.id, taskComments.authorId))
    .where(eq(taskComments.taskId, taskId))
    .orderBy(asc(taskComments.createdAt), asc(taskComments.id));

  const isLeadOfficer = (await officerUnitIds(ctx)).includes(task.leadUnitId);
  const isOpen = task.lifecycle === 'active' && task.completedOn === null;
  return {
    ...presentTaskSummary(task, row.unit, today),
    planCode: plan.code,
    planTitle: { vi: plan.titleVi, en: plan.titleEn },
    description: { vi: task.descriptionVi, en: task.descriptionEn },
    product: { vi: task.productVi, en: task.productEn },
    cooperatingUnits: cooperating.map(presentUnit),
    indicatorCodes: task.indicatorCodes,
    reportingPeriod: task.reportingPeriod,
    lifecycle: task.lifecycle,
    lifecycleReason: task.lifecycleReason,
    lifecycleActions: isPlanManager(ctx.actor) ? lifecycleActionsOf(task) : [],
    subTasks: subTasks.map((s) => presentTaskSummary(s.task, s.unit, today)),
    reports: reports.map(({ report, unit, authorName }) => ({
      id: report.id,
      unit: presentUnit(unit),
      authorName,
      period: report.period,
      percent: report.percent,
      narrative: report.narrative,
      contributions: report.contributions.flatMap((c) => {
        const u = contributionUnits.find((x) => x.id === c.unitId);
        return u ? [{ unit: presentUnit(u), note: c.note }] : [];
      }),
      attachments: files
        .filter((f) => f.entityId === report.id)
        .map((f) => ({ id: f.id, fileName: f.fileName, mediaType: f.mediaType, sizeBytes: f.sizeBytes, url: attachmentUrl(f.id) })),
      createdAt: toIso(report.createdAt),
    })),
    extensions: extensions.map(({ extension: e, unit }) => ({
      id: e.id,
      kind: e.kind,
      status: e.status,
      unit: presentUnit(unit),
      currentDueOn: e.currentDueOn,
      requestedDueOn: e.requestedDueOn,
      reason: e.reason,
      decisionNote: e.decisionNote,
      decisionDocument: e.decisionDocument,
      decidedAt: toIso(e.decidedAt),
      createdAt: toIso(e.createdAt),
    })),
    comments: comments.map(({ comment, authorName }) => ({
      id: comment.id,
      authorName,
      body: comment.body,
      createdAt: toIso(comment.createdAt),
    })),
    can: {
      report: isLeadOfficer && isOpen,
      requestExtension: isLeadOfficer && isOpen && !extensions.some((e) => e.extension.status === 'pending'),
      decide: isPlanManager(ctx.actor),
      comment: isUnitStaff(ctx.actor),
      edit: isPlanManager(ctx.actor),
    },
  };
}
