import { boolean, date, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { idColumn, timestamps } from '../../db/columns.js';
import { units } from '../identity/schema.js';

/** A plan (kế hoạch) issued by an authority, e.g. 4354/KH-UBND. */
export const plans = pgTable(
  'plans',
  {
    id: idColumn(),
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
