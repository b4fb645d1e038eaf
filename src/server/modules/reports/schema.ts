import { sql } from 'drizzle-orm';
import { date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
  compiledStates,
  periodKinds,
  unitReportStates,
  type CityFigures,
  type Section,
  type UnitFigures,
} from '../../../shared/contracts/reports.js';
import { createdAt, editVersion, idColumn, timestamps } from '../../db/columns.js';
import { units, users } from '../identity/schema.js';
import { campaignPhases } from '../movement/schema.js';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });
const day = (name: string) => date(name, { mode: 'string' });

/** A reporting regime (chế độ báo cáo): what units report, how often, in which sections, to whom. */
export const reportRegimes = pgTable(
  'report_regimes',
  {
    id: idColumn(),
    version: editVersion(),
    code: text('code').notNull(),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en').notNull(),
    periodKind: text('period_kind', { enum: periodKinds }).notNull(),
    issuerUnitId: uuid('issuer_unit_id')
      .notNull()
      .references(() => units.id),
    sections: jsonb('sections').$type<Section[]>().notNull(),
    dueDayOfMonth: integer('due_day_of_month').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
  },
  (t) => [uniqueIndex('report_regimes_code_key').on(t.code), index('report_regimes_issuer_unit_id_idx').on(t.issuerUnitId)],
);

/** The units that report under a regime. */
export const reportRegimeUnits = pgTable(
  'report_regime_units',
  {
    regimeId: uuid('regime_id')
      .notNull()
      .references(() => reportRegimes.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
  },
  (t) => [
    primaryKey({ columns: [t.regimeId, t.unitId], name: 'report_regime_units_pkey' }),
    index('report_regime_units_unit_id_idx').on(t.unitId),
  ],
);

/** One period of a regime (Quý I năm 2026, a movement phase), with its data cut-off and due date. */
export const reportPeriods = pgTable(
  'report_periods',
  {
    id: idColumn(),
    regimeId: uuid('regime_id')
      .notNull()
      .references(() => reportRegimes.id, { onDelete: 'cascade' }),
    /** 2026-03, 2026-Q1, 2026-H1, 2026, or the phase's id. */
    label: text('label').notNull(),
    phaseId: uuid('phase_id').references(() => campaignPhases.id),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en').notNull(),
    cutoffFrom: day('cutoff_from').notNull(),
    cutoffTo: day('cutoff_to').notNull(),
    dueOn: day('due_on').notNull(),
    openedBy: uuid('opened_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('report_periods_regime_label_key').on(t.regimeId, t.label),
    index('report_periods_phase_id_idx').on(t.phaseId),
    // The reminder job reads periods around their due date.
    index('report_periods_due_on_idx').on(t.dueOn),
  ],
);

/** A unit's report for one period. */
export const unitReports = pgTable(
  'unit_reports',
  {
    id: idColumn(),
    version: editVersion(),
    periodId: uuid('period_id')
      .notNull()
      .references(() => reportPeriods.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    state: text('state', { enum: unitReportStates }).notNull().default('draft'),
    /** Narrative text by section key. */
    sections: jsonb('sections').$type<Record<string, string>>().notNull().default({}),
    /** The prefilled figures as they stood when the report was submitted; null while it is being written (shown live). */
    figures: jsonb('figures').$type<UnitFigures>(),
    documentNumber: text('document_number'),
    firstSubmittedAt: instant('first_submitted_at'),
    submittedAt: instant('submitted_at'),
    submittedBy: uuid('submitted_by').references(() => users.id, { onDelete: 'set null' }),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: instant('decided_at'),
    returnReason: text('return_reason'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('unit_reports_period_unit_key').on(t.periodId, t.unitId),
    index('unit_reports_unit_id_idx').on(t.unitId),
    index('unit_reports_state_idx').on(t.state),
    index('unit_reports_submitted_by_idx').on(t.submittedBy),
    index('unit_reports_decided_by_idx').on(t.decidedBy),
  ],
);

/** Reminders already sent, so the daily job sends each once (key: 'due-7:2026-03-20', 'overdue:2026-03-20:0'…). */
export const unitReportReminders = pgTable(
  'unit_report_reminders',
  {
    unitReportId: uuid('unit_report_id')
      .notNull()
      .references(() => unitReports.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    sentAt: instant('sent_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitReportId, t.kind], name: 'unit_report_reminders_pkey' })],
);

export type CompiledSignature = {
  capacity: 'TM.' | 'KT.' | 'Q.' | 'TL.' | 'TUQ.' | null;
  onBehalfOf: string;
  position: string;
  name: string;
};

/** The city's compiled report for a period; an issued one is frozen, a later change is a new revision. */
export const compiledReports = pgTable(
  'compiled_reports',
  {
    id: idColumn(),
    version: editVersion(),
    periodId: uuid('period_id')
      .notNull()
      .references(() => reportPeriods.id, { onDelete: 'cascade' }),
    revision: integer('revision').notNull(),
    state: text('state', { enum: compiledStates }).notNull().default('draft'),
    issuer: text('issuer').notNull(),
    summary: text('summary').notNull().default(''),
    /** Narrative text by section key, gathered from the units' reports and edited. */
    sections: jsonb('sections').$type<Record<string, string>>().notNull().default({}),
    figures: jsonb('figures').$type<CityFigures>().notNull(),
    signature: jsonb('signature').$type<CompiledSignature>().notNull(),
    recipients: jsonb('recipients').$type<string[]>().notNull().default([]),
    documentNumber: text('document_number'),
    issuedOn: day('issued_on'),
    approvedBy: uuid('approved_by').references(() => users.id, { onDelete: 'set null' }),
    issuedBy: uuid('issued_by').references(() => users.id, { onDelete: 'set null' }),
    publishedAt: instant('published_at'),
    supersedesId: uuid('supersedes_id'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('compiled_reports_period_revision_key').on(t.periodId, t.revision),
    // One number and symbol names one issued document.
    uniqueIndex('compiled_reports_document_number_key')
      .on(t.documentNumber)
      .where(sql`${t.documentNumber} is not null`),
    // The portal lists published reports only.
    index('compiled_reports_published_idx')
      .on(t.publishedAt)
      .where(sql`${t.state} = 'published'`),
    index('compiled_reports_approved_by_idx').on(t.approvedBy),
    index('compiled_reports_issued_by_idx').on(t.issuedBy),
    index('compiled_reports_created_by_idx').on(t.createdBy),
    index('compiled_reports_supersedes_id_idx').on(t.supersedesId),
    foreignKey({ columns: [t.supersedesId], foreignColumns: [t.id], name: 'compiled_reports_supersedes_id_fk' }).onDelete('set null'),
  ],
);

/** Comments on a compiled draft, by section. */
export const compiledReportComments = pgTable(
  'compiled_report_comments',
  {
    id: idColumn(),
    compiledReportId: uuid('compiled_report_id')
      .notNull()
      .references(() => compiledReports.id, { onDelete: 'cascade' }),
    sectionKey: text('section_key'),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('compiled_report_comments_report_idx').on(t.compiledReportId, t.createdAt),
    index('compiled_report_comments_author_id_idx').on(t.authorId),
  ],
);

export type ReportRegime = typeof reportRegimes.$inferSelect;
export type ReportPeriod = typeof reportPeriods.$inferSelect;
export type UnitReportRow = typeof unitReports.$inferSelect;
export type CompiledReportRow = typeof compiledReports.$inferSelect;
