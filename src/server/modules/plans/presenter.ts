import { planPaths } from '../../../shared/web-paths.js';
import type { TaskSummary, UnitRef } from '../../../shared/contracts/plans.js';
import type { units } from '../identity/schema.js';
import { plansSettings } from './settings.js';
import { deriveStatus, isDueSoon } from './status.js';
import type { tasks } from './schema.js';

type UnitRow = Pick<typeof units.$inferSelect, 'id' | 'code' | 'nameVi' | 'nameEn'>;

export function presentUnit(unit: UnitRow): UnitRef {
  return { id: unit.id, code: unit.code, name: { vi: unit.nameVi, en: unit.nameEn } };
}

/** A task row as lists show it; the status is derived here from the facts and today's date. */
export function presentTaskSummary(task: typeof tasks.$inferSelect, leadUnit: UnitRow, today: string): TaskSummary {
  return {
    id: task.id,
    planId: task.planId,
    groupId: task.groupId,
    parentId: task.parentId,
    code: task.code,
    title: { vi: task.titleVi, en: task.titleEn },
    leadUnit: presentUnit(leadUnit),
    startOn: task.startOn,
    dueOn: task.dueOn,
    originalDueOn: task.originalDueOn,
    priority: task.priority,
    progressPercent: task.progressPercent,
    completedOn: task.completedOn,
    status: deriveStatus(task, today),
    isDueSoon: isDueSoon(task, today, plansSettings.dueSoonDays),
    isPublic: task.isPublic,
  };
}

/** Where the web app shows a task. */
export const taskUrl = planPaths.task;
export const attachmentUrl = (id: string) => `/api/plans/attachments/${id}`;
