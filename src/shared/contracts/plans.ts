import { z } from 'zod';
import { localizedTextSchema, type LocalizedText } from './common.js';
import { isoDateSchema as isoDate } from './dates.js';
import { updateSchemaOf } from './update-schema.js';

export const taskPriorities = ['high', 'normal', 'low'] as const;
export type TaskPriority = (typeof taskPriorities)[number];
/** What the assigning authority decided about the task itself; the tracking status is derived. */
export const taskLifecycles = ['active', 'suspended', 'withdrawn'] as const;
export type TaskLifecycle = (typeof taskLifecycles)[number];
/** What a programme manager may do to a task's lifecycle; which one applies depends on where it stands (lifecycle.ts). */
export const taskLifecycleActions = ['suspend', 'resume', 'withdraw'] as const;
export type TaskLifecycleAction = (typeof taskLifecycleActions)[number];
/** How often the lead unit reports (Decree 09/2019/NĐ-CP); 'none' for no periodic report. */
export const reportingPeriods = ['none', 'monthly', 'quarterly', 'half_year', 'yearly'] as const;
export type ReportingPeriod = (typeof reportingPeriods)[number];
export const extensionKinds = ['postpone', 'withdraw'] as const;
export const extensionStatuses = ['pending', 'approved', 'rejected'] as const;

/**
 * Task status in the vocabulary of Vietnamese government task tracking (Decision 42/2014/QĐ-TTg).
 * Derived from dates, reports, extensions and today's date — never stored.
 */
export const taskStatuses = [
  'not_started',
  'in_progress_on_time',
  'in_progress_overdue',
  'completed_on_time',
  'completed_late',
  'extended',
  'recurring',
  'suspended',
  'withdrawn',
] as const;
export type TaskStatus = (typeof taskStatuses)[number];

export const taskStatusLabels: Record<TaskStatus, LocalizedText> = {
  not_started: { vi: 'Chưa thực hiện', en: 'Not started' },
  in_progress_on_time: { vi: 'Đang thực hiện trong hạn', en: 'In progress, on time' },
  in_progress_overdue: { vi: 'Đang thực hiện quá hạn', en: 'In progress, overdue' },
  completed_on_time: { vi: 'Hoàn thành đúng hạn', en: 'Completed on time' },
  completed_late: { vi: 'Hoàn thành quá hạn', en: 'Completed late' },
  extended: { vi: 'Đã gia hạn', en: 'Extended' },
  recurring: { vi: 'Thường xuyên', en: 'Recurring' },
  suspended: { vi: 'Tạm dừng', en: 'Suspended' },
  withdrawn: { vi: 'Đã rút', en: 'Withdrawn' },
};

export const taskPriorityLabels: Record<TaskPriority, LocalizedText> = {
  high: { vi: 'Cao', en: 'High' },
  normal: { vi: 'Bình thường', en: 'Normal' },
  low: { vi: 'Thấp', en: 'Low' },
};

const code = z.string().trim().min(1).max(40);
const title = z.string().trim().min(3).max(500);
const longText = z.string().trim().max(5000);

export const unitRefSchema = z.object({ id: z.uuid(), code: z.string(), name: localizedTextSchema });
export type UnitRef = z.infer<typeof unitRefSchema>;

/** Body of POST /api/plans. */
export const planCreateBodySchema = z.object({
  code,
  titleVi: title,
  titleEn: z.string().trim().max(500).default(''),
  issuingBodyVi: z.string().trim().min(2).max(300),
  issuingBodyEn: z.string().trim().max(300).default(''),
  issuedOn: isoDate.nullable().default(null),
  periodStart: z.number().int().min(2000).max(2100),
  periodEnd: z.number().int().min(2000).max(2100),
  sourceDocument: z.string().trim().max(500).nullable().default(null),
  isPublic: z.boolean().default(false),
});
export type PlanCreateBody = z.infer<typeof planCreateBodySchema>;
/** Body of PATCH /api/plans/:planId: only the fields sent change. */
export const planUpdateBodySchema = updateSchemaOf(planCreateBodySchema);

export const taskGroupCreateBodySchema = z.object({
  titleVi: title,
  titleEn: z.string().trim().max(500).default(''),
  descriptionVi: longText.default(''),
  descriptionEn: longText.default(''),
});
/** Body of PATCH /api/plans/groups/:groupId: only the fields sent change. */
export const taskGroupUpdateBodySchema = updateSchemaOf(taskGroupCreateBodySchema);
/** A task group as it is edited (GET /api/plans/groups/:groupId). */
export const taskGroupEditSchema = z.object({
  id: z.uuid(),
  planId: z.uuid(),
  order: z.number().int(),
  titleVi: z.string(),
  titleEn: z.string(),
  descriptionVi: z.string(),
  descriptionEn: z.string(),
});
export type TaskGroupEdit = z.infer<typeof taskGroupEditSchema>;

/** Body of POST /api/plans/:planId/tasks (and the fields of one imported row). */
export const taskCreateBodySchema = z.object({
  code,
  titleVi: title,
  titleEn: z.string().trim().max(500).default(''),
  descriptionVi: longText.default(''),
  descriptionEn: longText.default(''),
  groupId: z.uuid().nullable().default(null),
  parentId: z.uuid().nullable().default(null),
  leadUnitId: z.uuid(),
  cooperatingUnitIds: z.array(z.uuid()).max(50).default([]),
  startOn: isoDate.nullable().default(null),
  dueOn: isoDate.nullable().default(null),
  productVi: z.string().trim().max(1000).default(''),
  productEn: z.string().trim().max(1000).default(''),
  priority: z.enum(taskPriorities).default('normal'),
  indicatorCodes: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
  isPublic: z.boolean().default(true),
  reportingPeriod: z.enum(reportingPeriods).default('quarterly'),
});
export type TaskCreateBody = z.infer<typeof taskCreateBodySchema>;
export type TaskCreateInput = z.input<typeof taskCreateBodySchema>;

/**
 * Body of PATCH /api/plans/tasks/:taskId: only the fields sent change; the code stays. The lifecycle
 * changes only through POST …/lifecycle, with its reason.
 */
export const taskUpdateBodySchema = updateSchemaOf(taskCreateBodySchema.omit({ code: true }));

/** Body of POST /api/plans/tasks/:taskId/lifecycle: suspending, resuming or withdrawing a task needs a written reason. */
export const taskLifecycleBodySchema = z.object({
  action: z.enum(taskLifecycleActions),
  reason: z.string().trim().min(5).max(2000),
});
export type TaskLifecycleBody = z.infer<typeof taskLifecycleBodySchema>;

/** Body of POST /api/plans/tasks/:taskId/reports: filed by an officer of the lead unit. */
export const progressReportBodySchema = z.object({
  period: z.string().trim().min(1).max(40),
  percent: z.number().int().min(0).max(100),
  narrative: z.string().trim().min(10).max(10000),
  attachmentIds: z.array(z.uuid()).max(10).default([]),
  contributions: z
    .array(z.object({ unitId: z.uuid(), note: z.string().trim().min(1).max(2000) }))
    .max(50)
    .default([]),
});
export type ProgressReportBody = z.infer<typeof progressReportBodySchema>;
export type ProgressReportInput = z.input<typeof progressReportBodySchema>;

export const extensionRequestBodySchema = z.object({
  kind: z.enum(extensionKinds).default('postpone'),
  requestedDueOn: isoDate.nullable().default(null),
  reason: z.string().trim().min(10).max(5000),
});
export const extensionDecisionBodySchema = z.object({
  decision: z.enum(['approved', 'rejected']),
  note: z.string().trim().max(2000).default(''),
  document: z.string().trim().max(200).default(''),
});
export const commentBodySchema = z.object({ body: z.string().trim().min(1).max(5000) });

export const taskListQuerySchema = z.object({
  groupId: z.uuid().optional(),
  unitId: z.uuid().optional(),
  status: z.enum(taskStatuses).optional(),
  dueFrom: isoDate.optional(),
  dueTo: isoDate.optional(),
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type TaskListQuery = z.infer<typeof taskListQuerySchema>;

export const attachmentSchema = z.object({
  id: z.uuid(),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number(),
  url: z.string(),
});

export const taskSummarySchema = z.object({
  id: z.uuid(),
  planId: z.uuid(),
  groupId: z.uuid().nullable(),
  parentId: z.uuid().nullable(),
  code: z.string(),
  title: localizedTextSchema,
  leadUnit: unitRefSchema,
  startOn: z.string().nullable(),
  dueOn: z.string().nullable(),
  originalDueOn: z.string().nullable(),
  priority: z.enum(taskPriorities),
  progressPercent: z.number().int(),
  completedOn: z.string().nullable(),
  status: z.enum(taskStatuses),
  isDueSoon: z.boolean(),
  isPublic: z.boolean(),
});
export type TaskSummary = z.infer<typeof taskSummarySchema>;
export const taskListSchema = z.object({ items: z.array(taskSummarySchema), total: z.number().int(), today: z.string() });

export const progressReportSchema = z.object({
  id: z.uuid(),
  unit: unitRefSchema,
  authorName: z.string().nullable(),
  period: z.string(),
  percent: z.number().int(),
  narrative: z.string(),
  contributions: z.array(z.object({ unit: unitRefSchema, note: z.string() })),
  attachments: z.array(attachmentSchema),
  createdAt: z.string(),
});
export const extensionSchema = z.object({
  id: z.uuid(),
  kind: z.enum(extensionKinds),
  status: z.enum(extensionStatuses),
  unit: unitRefSchema,
  currentDueOn: z.string().nullable(),
  requestedDueOn: z.string().nullable(),
  reason: z.string(),
  decisionNote: z.string().nullable(),
  decisionDocument: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
});
export const commentSchema = z.object({ id: z.uuid(), authorName: z.string().nullable(), body: z.string(), createdAt: z.string() });

export const taskDetailSchema = taskSummarySchema.extend({
  planCode: z.string(),
  planTitle: localizedTextSchema,
  description: localizedTextSchema,
  product: localizedTextSchema,
  cooperatingUnits: z.array(unitRefSchema),
  indicatorCodes: z.array(z.string()),
  reportingPeriod: z.enum(reportingPeriods),
  lifecycle: z.enum(taskLifecycles),
  /** Why the lifecycle last changed; null while the task has never been suspended or withdrawn. */
  lifecycleReason: z.string().nullable(),
  /** The lifecycle actions the caller may take now (empty for anyone but a programme manager). */
  lifecycleActions: z.array(z.enum(taskLifecycleActions)),
  subTasks: z.array(taskSummarySchema),
  reports: z.array(progressReportSchema),
  extensions: z.array(extensionSchema),
  comments: z.array(commentSchema),
  /** What the caller may do here, so pages show only the forms that will be accepted. */
  can: z.object({ report: z.boolean(), requestExtension: z.boolean(), decide: z.boolean(), comment: z.boolean(), edit: z.boolean() }),
});
export type TaskDetail = z.infer<typeof taskDetailSchema>;

export const taskGroupSchema = z.object({
  id: z.uuid(),
  order: z.number().int(),
  title: localizedTextSchema,
  description: localizedTextSchema,
  taskCount: z.number().int(),
  /** Mean progress of the group's top-level tasks, 0–100. */
  progressPercent: z.number(),
  statusCounts: z.record(z.string(), z.number().int()),
});
export const planSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  title: localizedTextSchema,
  issuingBody: localizedTextSchema,
  issuedOn: z.string().nullable(),
  periodStart: z.number().int(),
  periodEnd: z.number().int(),
  sourceDocument: z.string().nullable(),
  summary: localizedTextSchema,
  isPublic: z.boolean(),
  taskCount: z.number().int(),
  progressPercent: z.number(),
});
export type Plan = z.infer<typeof planSchema>;
export const planDetailSchema = planSchema.extend({ groups: z.array(taskGroupSchema), today: z.string() });
export type PlanDetail = z.infer<typeof planDetailSchema>;

export const scorecardQuerySchema = z.object({
  planId: z.uuid(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  unitKind: z.enum(['department', 'agency', 'ward', 'commune', 'special_zone']).optional(),
});
export const scorecardRowSchema = z.object({
  unit: unitRefSchema,
  assigned: z.number().int(),
  completedOnTime: z.number().int(),
  completedLate: z.number().int(),
  overdue: z.number().int(),
  inProgress: z.number().int(),
  /** Tasks that can be judged: completed, or past their deadline today (completed on time + late + overdue). */
  due: z.number().int(),
  /** Completed on time ÷ due, 0–1; null when no task is due yet ("no task due yet", not 0 %). */
  onTimeRate: z.number().nullable(),
});
export type ScorecardRow = z.infer<typeof scorecardRowSchema>;
export const scorecardSchema = z.object({
  planId: z.uuid(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  today: z.string(),
  rows: z.array(scorecardRowSchema),
  city: scorecardRowSchema.omit({ unit: true }),
});
export type Scorecard = z.infer<typeof scorecardSchema>;

export const importRowErrorSchema = z.object({ row: z.number().int(), column: z.string().nullable(), message: localizedTextSchema });
export const importResultSchema = z.object({ imported: z.number().int(), errors: z.array(importRowErrorSchema) });
