import { sql } from 'drizzle-orm';
import { boolean, date, doublePrecision, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { idColumn, timestamps, editVersion } from '../../db/columns.js';
import { attachments } from '../../db/platform-schema.js';
import { figureQualifiers, projectionMethods } from '../../../shared/contracts/indicators.js';
import { units, users } from '../identity/schema.js';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

/** A set of indicators adopted together, e.g. "Resolution 57 — targets to 2030". */
export const indicatorFrameworks = pgTable(
  'indicator_frameworks',
  {
    id: idColumn(),
    code: text('code').notNull(),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en').notNull(),
    sourceDocument: text('source_document'),
    ...timestamps(),
  },
  (t) => [uniqueIndex('indicator_frameworks_code_key').on(t.code)],
);

export const indicators = pgTable(
  'indicators',
  {
    id: idColumn(),
    version: editVersion(),
    code: text('code').notNull(),
    frameworkId: uuid('framework_id')
      .notNull()
      .references(() => indicatorFrameworks.id),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en').notNull(),
    unitVi: text('unit_vi').notNull(),
    unitEn: text('unit_en').notNull(),
    direction: text('direction', { enum: ['higher', 'lower'] }).notNull(),
    /** The quantity measured; one indicator per measure, whatever framework states a target for it. */
    measureKey: text('measure_key').notNull(),
    projectionMethod: text('projection_method', { enum: projectionMethods }).notNull().default('linear'),
    baselineValue: doublePrecision('baseline_value'),
    baselineYear: integer('baseline_year'),
    baselineQualifier: text('baseline_qualifier', { enum: figureQualifiers }),
    isBaselineIllustrative: boolean('is_baseline_illustrative').notNull().default(false),
    responsibleUnitId: uuid('responsible_unit_id').references(() => units.id),
    frequency: text('frequency', { enum: ['month', 'quarter', 'half_year', 'year'] }).notNull(),
    sourceNote: text('source_note'),
    isHeadline: boolean('is_headline').notNull().default(false),
    isPublic: boolean('is_public').notNull().default(true),
    /** How the figure is computed (phương pháp tính), in both languages. */
    methodVi: text('method_vi'),
    methodEn: text('method_en'),
    /** Where the figure comes from (nguồn số liệu), e.g. the city's statistics office. */
    dataSourceVi: text('data_source_vi'),
    dataSourceEn: text('data_source_en'),
    /** Codes of plan tasks this indicator measures; text, so the link survives without a plans table. */
    planTaskCodes: text('plan_task_codes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** First year for which reports are expected; earlier periods are never flagged missing. */
    reportingFromYear: integer('reporting_from_year'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('indicators_framework_code_key').on(t.frameworkId, t.code),
    uniqueIndex('indicators_measure_key_key').on(t.measureKey),
    index('indicators_responsible_unit_id_idx').on(t.responsibleUnitId),
  ],
);

/** A target for a year: a single value (min = max), a floor (max null), a ceiling (min null) or a range. */
export const indicatorTargets = pgTable(
  'indicator_targets',
  {
    id: idColumn(),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => indicators.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    minValue: doublePrecision('min_value'),
    maxValue: doublePrecision('max_value'),
    /** "hơn", "ít nhất", "khoảng"… as the source words it; it changes when the target counts as reached. */
    qualifier: text('qualifier', { enum: figureQualifiers }),
    isIllustrative: boolean('is_illustrative').notNull().default(false),
    ...timestamps(),
  },
  (t) => [uniqueIndex('indicator_targets_indicator_year_key').on(t.indicatorId, t.year)],
);

/**
 * A reported value for one period. Revisions are rows: a new value for a period adds a row with the
 * next revision number, so the history stays; the period's value is its latest approved revision.
 */
export const indicatorObservations = pgTable(
  'indicator_observations',
  {
    id: idColumn(),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => indicators.id, { onDelete: 'cascade' }),
    /** '2026', '2026-H1', '2026-Q1' or '2026-03', matching the indicator's frequency. */
    period: text('period').notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    revision: integer('revision').notNull().default(1),
    value: doublePrecision('value').notNull(),
    sourceNote: text('source_note'),
    attachmentId: uuid('attachment_id').references(() => attachments.id),
    status: text('status', { enum: ['submitted', 'approved', 'returned'] })
      .notNull()
      .default('submitted'),
    /** Invented for the demo (not in the sources): shown as such on screen. */
    isIllustrative: boolean('is_illustrative').notNull().default(false),
    enteredBy: uuid('entered_by').references(() => users.id, { onDelete: 'set null' }),
    enteredAt: instant('entered_at').notNull(),
    reviewedBy: uuid('reviewed_by').references(() => users.id, { onDelete: 'set null' }),
    reviewedAt: instant('reviewed_at'),
    reviewNote: text('review_note'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('indicator_observations_indicator_period_revision_key').on(t.indicatorId, t.period, t.revision),
    index('indicator_observations_indicator_period_end_idx').on(t.indicatorId, t.periodEnd),
    // The review queue reads only values awaiting a decision.
    index('indicator_observations_submitted_idx')
      .on(t.enteredAt)
      .where(sql`status = 'submitted'`),
    index('indicator_observations_entered_by_idx').on(t.enteredBy),
    index('indicator_observations_reviewed_by_idx').on(t.reviewedBy),
    index('indicator_observations_attachment_id_idx').on(t.attachmentId),
  ],
);

/** One row per missing report that was reminded, so the daily job reminds each period once. */
export const indicatorReminders = pgTable(
  'indicator_reminders',
  {
    id: idColumn(),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => indicators.id, { onDelete: 'cascade' }),
    period: text('period').notNull(),
    remindedAt: instant('reminded_at').notNull(),
    recipientCount: integer('recipient_count').notNull().default(0),
  },
  (t) => [uniqueIndex('indicator_reminders_indicator_period_key').on(t.indicatorId, t.period)],
);
