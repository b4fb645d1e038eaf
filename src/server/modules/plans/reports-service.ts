import { and, eq, inArray } from 'drizzle-orm';
import { progressReportBodySchema, type ProgressReportInput } from '../../../shared/contracts/plans.js';
import { attachments } from '../../db/platform-schema.js';
import { recordAudit } from '../../lib/audit.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, conflict, forbidden, notFound, unauthenticated } from '../../lib/errors.js';
import { inUploadTransaction, openAttachment, type StorageDriver } from '../../lib/storage.js';
import type { IncomingFile } from '../../lib/uploads.js';
import { inTransaction } from '../../lib/tx.js';
import { requireLeadOfficer, taskNotFound, visibleTasksCondition } from './access.js';
import { isUnitStaff } from './policy.js';
import { plans, progressReports, taskComments, taskCooperatingUnits, tasks } from './schema.js';
import { cityDate } from './status.js';

/** An upload waiting to be attached to the report that names it. */
const pendingUploadType = 'task_upload';
export const reportAttachmentType = 'progress_report';

async function lockTask(ctx: ServiceContext, taskId: string) {
  const [task] = await ctx.db.select().from(tasks).where(eq(tasks.id, taskId)).for('update');
  if (!task) throw taskNotFound(taskId);
  return task;
}

const taskClosed = (code: string) =>
  conflict({
    vi: `Nhiệm vụ '${code}' đã hoàn thành, tạm dừng hoặc đã rút: không nhận thêm báo cáo`,
    en: `Task '${code}' is completed, suspended or withdrawn: it takes no more reports`,
  });

/**
 * Stores a product file (sản phẩm) for a later progress report on the task: only an officer of the
 * lead unit, type checked by content, size-limited. It stays private until a report names it.
 */
export async function uploadProductFile(ctx: ServiceContext, storage: StorageDriver, taskId: string, file: IncomingFile) {
  return inUploadTransaction(ctx, storage, async (tx, save) => {
    const task = await lockTask(tx, taskId);
    await requireLeadOfficer(tx, task.leadUnitId);
    const row = await save(file, { entityType: pendingUploadType, entityId: task.id, isPublic: false });
    await recordAudit(tx, {
      action: 'plans.attachment.upload',
      entityType: 'attachment',
      entityId: row.id,
      after: { taskId, fileName: row.fileName, mediaType: row.mediaType, sizeBytes: row.sizeBytes },
    });
    return row;
  });
}

/**
 * Files a progress report on a task: only an officer of its lead unit (others get 403). 100 %
 * completes the task on today's date; the status then follows from that date and the deadline.
 */
export async function fileProgressReport(ctx: ServiceContext, taskId: string, input: ProgressReportInput) {
  const body = progressReportBodySchema.parse(input);
  return inTransaction(ctx, async (tx) => {
    const task = await lockTask(tx, taskId);
    await requireLeadOfficer(tx, task.leadUnitId);
    if (task.lifecycle !== 'active' || task.completedOn !== null) throw taskClosed(task.code);
    if (body.attachmentIds.length > 0) {
      const found = await tx.db
        .select({ id: attachments.id })
        .from(attachments)
        .where(
          and(
            inArray(attachments.id, body.attachmentIds),
            eq(attachments.entityType, pendingUploadType),
            eq(attachments.entityId, task.id),
          ),
        );
      const missing = body.attachmentIds.find((id) => !found.some((f) => f.id === id));
      if (missing)
        throw new AppError(
          'VALIDATION',
          {
            vi: `Tệp '${missing}' chưa được tải lên cho nhiệm vụ này hoặc đã gắn vào báo cáo khác`,
            en: `File '${missing}' was not uploaded for this task or is already part of another report`,
          },
          { field: 'attachmentIds' },
        );
    }
    if (body.contributions.length > 0) {
      const cooperating = await tx.db
        .select({ unitId: taskCooperatingUnits.unitId })
        .from(taskCooperatingUnits)
        .where(eq(taskCooperatingUnits.taskId, task.id));
      const stranger = body.contributions.find((c) => !cooperating.some((u) => u.unitId === c.unitId));
      if (stranger)
        throw new AppError(
          'VALIDATION',
          {
            vi: `Đơn vị '${stranger.unitId}' không phải đơn vị phối hợp của nhiệm vụ`,
            en: `Unit '${stranger.unitId}' is not a cooperating unit of this task`,
          },
          { field: 'contributions' },
        );
    }
    const now = tx.clock.now();
    const [report] = await tx.db
      .insert(progressReports)
      .values({
        taskId: task.id,
        unitId: task.leadUnitId,
        authorId: tx.actor!.userId,
        period: body.period,
        percent: body.percent,
        narrative: body.narrative,
        contributions: body.contributions,
        createdAt: now.toISOString(),
      })
      .returning();
    if (body.attachmentIds.length > 0)
      await tx.db
        .update(attachments)
        .set({ entityType: reportAttachmentType, entityId: report!.id })
        .where(inArray(attachments.id, body.attachmentIds));
    const completedOn = body.percent === 100 ? cityDate(now) : null;
    await tx.db
      .update(tasks)
      .set({ progressPercent: body.percent, lastReportedAt: now.toISOString(), completedOn, updatedAt: now.toISOString() })
      .where(eq(tasks.id, task.id));
    await recordAudit(tx, {
      action: 'plans.report.file',
      entityType: 'task',
      entityId: task.id,
      before: { progressPercent: task.progressPercent },
      after: { reportId: report!.id, percent: body.percent, completedOn, attachments: body.attachmentIds.length },
    });
    return report!;
  });
}

/** Adds a comment to a task the actor can read; unit staff only. */
export async function addComment(ctx: ServiceContext, taskId: string, body: string) {
  if (!ctx.actor) throw unauthenticated();
  if (!isUnitStaff(ctx.actor)) throw forbidden();
  return inTransaction(ctx, async (tx) => {
    const [visible] = await tx.db
      .select({ id: tasks.id })
      .from(tasks)
      .innerJoin(plans, eq(plans.id, tasks.planId))
      .where(and(eq(tasks.id, taskId), await visibleTasksCondition(tx)));
    if (!visible) throw taskNotFound(taskId);
    const [comment] = await tx.db
      .insert(taskComments)
      .values({ taskId, authorId: tx.actor!.userId, body, createdAt: tx.clock.now().toISOString() })
      .returning();
    await recordAudit(tx, { action: 'plans.comment.add', entityType: 'task', entityId: taskId, after: { commentId: comment!.id } });
    return comment!;
  });
}

/** Opens a report's product file for whoever may read the task it belongs to. */
export async function openReportFile(ctx: ServiceContext, storage: StorageDriver, attachmentId: string) {
  // Only this module's files go through this route, whatever their visibility elsewhere.
  const [own] = await ctx.db
    .select({ id: attachments.id })
    .from(attachments)
    .where(and(eq(attachments.id, attachmentId), eq(attachments.entityType, reportAttachmentType)));
  if (!own) throw notFound({ vi: 'Tệp đính kèm', en: 'Attachment' }, attachmentId);
  return openAttachment(ctx, storage, attachmentId, async (file) => {
    if (!file.entityId) return false;
    const [visible] = await ctx.db
      .select({ id: tasks.id })
      .from(progressReports)
      .innerJoin(tasks, eq(tasks.id, progressReports.taskId))
      .innerJoin(plans, eq(plans.id, tasks.planId))
      .where(and(eq(progressReports.id, file.entityId), await visibleTasksCondition(ctx)));
    return visible !== undefined;
  });
}
