import { eq } from 'drizzle-orm';
import type { TaskLifecycle, TaskLifecycleAction, TaskLifecycleBody } from '../../../shared/contracts/plans.js';
import { recordAudit } from '../../lib/audit.js';
import type { ServiceContext } from '../../lib/context.js';
import { conflict } from '../../lib/errors.js';
import { inTransaction } from '../../lib/tx.js';
import { requirePlanManager, taskNotFound } from './access.js';
import { notifyLifecycleChanged } from './notify.js';
import { taskCooperatingUnits, tasks } from './schema.js';

/**
 * The assigning authority's decisions on a task, in one table: a task in progress may be suspended
 * (tạm dừng) or withdrawn (rút), a suspended one resumed or withdrawn; a withdrawn task stays withdrawn.
 */
export const lifecycleTransitions: Record<TaskLifecycle, Partial<Record<TaskLifecycleAction, TaskLifecycle>>> = {
  active: { suspend: 'suspended', withdraw: 'withdrawn' },
  suspended: { resume: 'active', withdraw: 'withdrawn' },
  withdrawn: {},
};

/** The actions open on a task where it stands; a completed task is settled and takes none. */
export function lifecycleActionsOf(task: { lifecycle: TaskLifecycle; completedOn: string | null }): TaskLifecycleAction[] {
  if (task.completedOn !== null) return [];
  return Object.keys(lifecycleTransitions[task.lifecycle]) as TaskLifecycleAction[];
}

/** Suspends, resumes or withdraws a task with its written reason (programme managers); its units are told. */
export async function changeTaskLifecycle(ctx: ServiceContext, taskId: string, body: TaskLifecycleBody) {
  requirePlanManager(ctx);
  return inTransaction(ctx, async (tx) => {
    const [before] = await tx.db.select().from(tasks).where(eq(tasks.id, taskId)).for('update');
    if (!before) throw taskNotFound(taskId);
    const to = lifecycleActionsOf(before).includes(body.action) ? lifecycleTransitions[before.lifecycle][body.action] : undefined;
    if (!to)
      throw conflict(
        before.completedOn !== null
          ? { vi: `Nhiệm vụ '${before.code}' đã hoàn thành`, en: `Task '${before.code}' is already completed` }
          : {
              vi: `Không thể ${actionWords[body.action].vi} nhiệm vụ '${before.code}' đang ở trạng thái ${stateWords[before.lifecycle].vi}`,
              en: `Task '${before.code}' is ${stateWords[before.lifecycle].en} and cannot be ${actionWords[body.action].en}`,
            },
        { field: 'action' },
      );
    const [after] = await tx.db
      .update(tasks)
      .set({ lifecycle: to, lifecycleReason: body.reason, updatedAt: tx.clock.now().toISOString() })
      .where(eq(tasks.id, taskId))
      .returning();
    const cooperating = await tx.db
      .select({ unitId: taskCooperatingUnits.unitId })
      .from(taskCooperatingUnits)
      .where(eq(taskCooperatingUnits.taskId, taskId));
    await notifyLifecycleChanged(tx, after!, [before.leadUnitId, ...cooperating.map((c) => c.unitId)], body);
    await recordAudit(tx, {
      action: `plans.task.${body.action}`,
      entityType: 'task',
      entityId: taskId,
      before: { lifecycle: before.lifecycle, reason: before.lifecycleReason },
      after: { lifecycle: to, reason: body.reason },
    });
    return after!;
  });
}

const actionWords = {
  suspend: { vi: 'tạm dừng', en: 'suspended' },
  resume: { vi: 'tiếp tục', en: 'resumed' },
  withdraw: { vi: 'rút', en: 'withdrawn' },
} as const;
const stateWords = {
  active: { vi: 'đang thực hiện', en: 'in progress' },
  suspended: { vi: 'tạm dừng', en: 'suspended' },
  withdrawn: { vi: 'đã rút', en: 'withdrawn' },
} as const;
