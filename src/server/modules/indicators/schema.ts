import { boolean, doublePrecision, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { idColumn, timestamps } from '../../db/columns.js';
import { units } from '../identity/schema.js';

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
    code: text('code').notNull(),
    frameworkId: uuid('framework_id')
      .notNull()
      .references(() => indicatorFrameworks.id),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en').notNull(),
    unitVi: text('unit_vi').notNull(),
    unitEn: text('unit_en').notNull(),
    direction: text('direction', { enum: ['higher', 'lower'] }).notNull(),
    baselineValue: doublePrecision('baseline_value'),
    baselineYear: integer('baseline_year'),
    isBaselineIllustrative: boolean('is_baseline_illustrative').notNull().default(false),
    responsibleUnitId: uuid('responsible_unit_id').references(() => units.id),
    frequency: text('frequency', { enum: ['month', 'quarter', 'half_year', 'year'] }).notNull(),
    sourceNote: text('source_note'),
    isHeadline: boolean('is_headline').notNull().default(false),
    isPublic: boolean('is_public').notNull().default(true),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('indicators_framework_code_key').on(t.frameworkId, t.code),
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
    isIllustrative: boolean('is_illustrative').notNull().default(false),
    ...timestamps(),
  },
  (t) => [uniqueIndex('indicator_targets_indicator_year_key').on(t.indicatorId, t.year)],
);
