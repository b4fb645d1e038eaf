import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { extensionDecisionBodySchema, extensionRequestBodySchema } from '../../../shared/contracts/plans.js';
import { recordAudit } from '../../lib/audit.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, conflict, notFound } from '../../lib/errors.js';
import { inTransaction } from '../../lib/tx.js';
import { requireLeadOfficer, requirePlanManager, taskNotFound } from './access.js';
import { notifyExtensionDecided, notifyExtensionRequested } from './notify.js';
import { taskExtensions, tasks } from './schema.js';
import { todayOf } from './tasks-service.js';

/**
 * The lead unit asks to postpone (gia hạn) or withdraw a task, in writing with a reason. One
 * request at a time per task.
 */
export async function requestExtension(ctx: ServiceContext, taskId: string, body: z.infer<typeof extensionRequestBodySchema>) {
  return inTransaction(ctx, async (tx) => {
    const [task] = await tx.db.select().from(tasks).where(eq(tasks.id, taskId)).for('update');
    if (!task) throw taskNotFound(taskId);
    await requireLeadOfficer(tx, task.leadUnitId);
    if (task.lifecycle !== 'active' || task.completedOn !== null)
      throw conflict({ vi: `Nhiệm vụ '${task.code}' không còn đang thực hiện`, en: `Task '${task.code}' is no longer in progress` });
    if (body.kind === 'postpone') {
      if (!body.requestedDueOn)
        throw new AppError(
          'VALIDATION',
          { vi: 'Hãy nhập hạn mới đề nghị', en: 'Enter the new deadline you ask for' },
          { field: 'requestedDueOn' },
        );
      if (body.requestedDueOn < todayOf(tx) || (task.dueOn !== null && body.requestedDueOn <= task.dueOn))
        throw new AppError(
          'VALIDATION',
          {
            vi: 'Hạn mới phải sau hạn hiện tại và không trước hôm nay',
            en: 'The new deadline must be after the current one and not before today',
          },
          { field: 'requestedDueOn' },
        );
    }
    const [pending] = await tx.db
      .select({ id: taskExtensions.id })
      .from(taskExtensions)
      .where(and(eq(taskExtensions.taskId, taskId), eq(taskExtensions.status, 'pending')));
    if (pending)
      throw conflict({ vi: 'Nhiệm vụ đã có một đề nghị đang chờ quyết định', en: 'The task already has a request awaiting a decision' });
    const [row] = await tx.db
      .insert(taskExtensions)
      .values({
        taskId,
        kind: body.kind,
        requestedBy: tx.actor!.userId,
        unitId: task.leadUnitId,
        currentDueOn: task.dueOn,
        requestedDueOn: body.kind === 'postpone' ? body.requestedDueOn : null,
        reason: body.reason,
        createdAt: tx.clock.now().toISOString(),
      })
      .returning();
    await notifyExtensionRequested(tx, task, { kind: body.kind, requestedDueOn: row!.requestedDueOn, reason: body.reason });
    await recordAudit(tx, {
      action: 'plans.extension.request',
      entityType: 'task',
      entityId: taskId,
      after: { extensionId: row!.id, kind: body.kind, requestedDueOn: row!.requestedDueOn },
    });
    return row!;
  });
}

/** The programme manager approves or rejects a pending request; approval moves the deadline (the original is kept) or withdraws the task. */
export async function decideExtension(ctx: ServiceContext, extensionId: string, body: z.infer<typeof extensionDecisionBodySchema>) {
  requirePlanManager(ctx);
  return inTransaction(ctx, async (tx) => {
    const [request] = await tx.db.select().from(taskExtensions).where(eq(taskExtensions.id, extensionId)).for('update');
    if (!request) throw notFound({ vi: 'Đề nghị gia hạn', en: 'Extension request' }, extensionId);
    if (request.status !== 'pending') throw conflict({ vi: 'Đề nghị này đã được quyết định', en: 'This request has already been decided' });
    const now = tx.clock.now().toISOString();
    const [decided] = await tx.db
      .update(taskExtensions)
      .set({
        status: body.decision,
        decidedBy: tx.actor!.userId,
        decidedAt: now,
        decisionNote: body.note || null,
        decisionDocument: body.document || null,
      })
      .where(eq(taskExtensions.id, extensionId))
      .returning();
    const [task] =
      body.decision === 'approved'
        ? await tx.db
            .update(tasks)
            .set({
              ...(request.kind === 'withdraw'
                ? { lifecycle: 'withdrawn' as const, lifecycleReason: request.reason }
                : { dueOn: request.requestedDueOn }),
              updatedAt: now,
            })
            .where(eq(tasks.id, request.taskId))
            .returning()
        : await tx.db.select().from(tasks).where(eq(tasks.id, request.taskId));
    await notifyExtensionDecided(tx, task!, request, { decision: body.decision, note: body.note || null });
    await recordAudit(tx, {
      action: `plans.extension.${body.decision}`,
      entityType: 'task',
      entityId: request.taskId,
      before: { dueOn: request.currentDueOn },
      after: { extensionId, kind: request.kind, dueOn: request.requestedDueOn, document: body.document },
    });
    return decided!;
  });
}
