import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, idColumn, timestamps, editVersion } from '../../db/columns.js';
import { units, users } from '../identity/schema.js';
import { extensionKinds, extensionStatuses, reportingPeriods, taskLifecycles, taskPriorities } from '../../../shared/contracts/plans.js';

/** A plan (kế hoạch) issued by an authority, e.g. 4354/KH-UBND. */
export const plans = pgTable(
  'plans',
  {
    id: idColumn(),
    version: editVersion(),
    code: text('code').notNull(),
    titleVi: text('title_vi').notNull(),
    titleEn: text('title_en').notNull(),
    issuingBodyVi: text('issuing_body_vi').notNull(),
    issuingBodyEn: text('issuing_body_en').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }),
    periodStart: integer('period_start').notNull(),
    periodEnd: integer('period_end').notNull(),
    sourceDocument: text('source_document'),
    summaryVi: text('summary_vi').notNull().default(''),
    summaryEn: text('summary_en').notNull().default(''),
    leadUnitId: uuid('lead_unit_id').references(() => units.id),
    isPublic: boolean('is_public').notNull().default(false),
    ...timestamps(),
  },
  (t) => [uniqueIndex('plans_code_key').on(t.code), index('plans_lead_unit_id_idx').on(t.leadUnitId)],
);

/** An ordered group of tasks inside a plan (nhóm nhiệm vụ). */
export const taskGroups = pgTable(
  'task_groups',
  {
    id: idColumn(),
    version: editVersion(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    titleVi: text('title_vi').notNull(),
    titleEn: text('title_en').notNull(),
    descriptionVi: text('description_vi').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    ...timestamps(),
  },
  (t) => [uniqueIndex('task_groups_plan_position_key').on(t.planId, t.position)],
);

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

/**
 * A task (nhiệm vụ) of a plan, led by one unit (chủ trì). Only facts are stored (dates, progress,
 * completion day); the status (on time, overdue…) is computed from them and today's date at read time.
 */
export const tasks = pgTable(
  'tasks',
  {
    id: idColumn(),
    version: editVersion(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    groupId: uuid('group_id').references(() => taskGroups.id),
    /** A sub-task points at its parent task in the same plan. */
    parentId: uuid('parent_id'),
    code: text('code').notNull(),
    titleVi: text('title_vi').notNull(),
    titleEn: text('title_en').notNull().default(''),
    descriptionVi: text('description_vi').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    leadUnitId: uuid('lead_unit_id')
      .notNull()
      .references(() => units.id),
    startOn: date('start_on', { mode: 'string' }),
    /** The deadline in force (adjusted by approved extensions); null for a recurring task. */
    dueOn: date('due_on', { mode: 'string' }),
    /** The deadline as first assigned; reports show both. */
    originalDueOn: date('original_due_on', { mode: 'string' }),
    productVi: text('product_vi').notNull().default(''),
    productEn: text('product_en').notNull().default(''),
    priority: text('priority', { enum: taskPriorities }).notNull().default('normal'),
    indicatorCodes: text('indicator_codes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    isPublic: boolean('is_public').notNull().default(true),
    lifecycle: text('lifecycle', { enum: taskLifecycles }).notNull().default('active'),
    /** Why the task was last suspended, resumed or withdrawn, as the manager (or the approved request) wrote it. */
    lifecycleReason: text('lifecycle_reason'),
    reportingPeriod: text('reporting_period', { enum: reportingPeriods }).notNull().default('quarterly'),
    progressPercent: integer('progress_percent').notNull().default(0),
    /** The city-time day of the first 100 % report. */
    completedOn: date('completed_on', { mode: 'string' }),
    lastReportedAt: instant('last_reported_at'),
    position: integer('position').notNull().default(0),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('tasks_plan_code_key').on(t.planId, t.code),
    index('tasks_group_id_idx').on(t.groupId),
    index('tasks_parent_id_idx').on(t.parentId),
    // Scorecards and "my unit's tasks" filter by lead unit, then by deadline.
    index('tasks_lead_unit_due_idx').on(t.leadUnitId, t.dueOn),
    index('tasks_plan_due_idx').on(t.planId, t.dueOn),
    // Scorecards read only these columns: an index-only scan per plan instead of the wide rows.
    index('tasks_scorecard_idx').on(t.planId, t.leadUnitId, t.dueOn, t.completedOn, t.lifecycle),
    // The task list's text filter: LIKE '%…%' over the unaccented code and titles.
    index('tasks_search_trgm_idx').using(
      'gin',
      sql`f_unaccent(lower(${t.code} || ' ' || ${t.titleVi} || ' ' || ${t.titleEn})) gin_trgm_ops`,
    ),
    foreignKey({ columns: [t.parentId], foreignColumns: [t.id], name: 'tasks_parent_id_fk' }).onDelete('cascade'),
  ],
);

/** Units that cooperate (phối hợp) on a task. */
export const taskCooperatingUnits = pgTable(
  'task_cooperating_units',
  {
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
  },
  (t) => [
    primaryKey({ columns: [t.taskId, t.unitId], name: 'task_cooperating_units_pkey' }),
    index('task_cooperating_units_unit_id_idx').on(t.unitId),
  ],
);

/** A progress report filed by the lead unit; the full history is kept. */
export const progressReports = pgTable(
  'progress_reports',
  {
    id: idColumn(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    period: text('period').notNull(),
    percent: integer('percent').notNull(),
    narrative: text('narrative').notNull(),
    /** What each cooperating unit contributed: [{ unitId, note }]. */
    contributions: jsonb('contributions').$type<Array<{ unitId: string; note: string }>>().notNull().default([]),
    createdAt: createdAt(),
  },
  (t) => [index('progress_reports_task_created_idx').on(t.taskId, t.createdAt)],
);

/** A request by the lead unit to postpone (gia hạn) or withdraw a task, decided by the programme manager. */
export const taskExtensions = pgTable(
  'task_extensions',
  {
    id: idColumn(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: extensionKinds }).notNull(),
    requestedBy: uuid('requested_by').references(() => users.id, { onDelete: 'set null' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    currentDueOn: date('current_due_on', { mode: 'string' }),
    requestedDueOn: date('requested_due_on', { mode: 'string' }),
    reason: text('reason').notNull(),
    status: text('status', { enum: extensionStatuses }).notNull().default('pending'),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: instant('decided_at'),
    decisionNote: text('decision_note'),
    /** The approving document, e.g. "Công văn 123/UBND-KT". */
    decisionDocument: text('decision_document'),
    createdAt: createdAt(),
  },
  (t) => [index('task_extensions_task_id_idx').on(t.taskId)],
);

/** Discussion on a task. */
export const taskComments = pgTable(
  'task_comments',
  {
    id: idColumn(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('task_comments_task_id_idx').on(t.taskId, t.createdAt)],
);

/** Reminders already sent, so the daily job never sends one twice (key: 'due-7', 'overdue', 'report:2026-Q1'…). */
export const taskReminders = pgTable(
  'task_reminders',
  {
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    sentAt: instant('sent_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.kind], name: 'task_reminders_pkey' })],
);

/** The secret of each unit's calendar feed URL, stored as SHA-256; calendar apps fetch it without cookies. */
export const unitCalendarFeeds = pgTable(
  'unit_calendar_feeds',
  {
    unitId: uuid('unit_id')
      .primaryKey()
      .references(() => units.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('unit_calendar_feeds_token_hash_key').on(t.tokenHash)],
);
