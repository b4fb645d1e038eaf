import { z } from 'zod';
import { bilingual } from '../validation-messages.js';
import { localizedTextSchema } from './common.js';
import { updateSchemaOf } from './update-schema.js';

export const indicatorStatuses = ['achieved', 'on_track', 'at_risk', 'off_track', 'no_data'] as const;
export const indicatorStatusSchema = z.enum(indicatorStatuses);
export type IndicatorStatus = z.infer<typeof indicatorStatusSchema>;

export const reportingFrequencies = ['month', 'quarter', 'half_year', 'year'] as const;
export type ReportingFrequency = (typeof reportingFrequencies)[number];

/**
 * The word a source puts before a figure: "hơn 40" (more_than), "ít nhất 5" (at_least), "khoảng 40"
 * (about), "gần 300" (nearly), "không quá 10" (at_most); null when the figure stands alone.
 */
export const figureQualifiers = ['more_than', 'at_least', 'about', 'nearly', 'at_most'] as const;
export const figureQualifierSchema = z.enum(figureQualifiers);
export type FigureQualifier = z.infer<typeof figureQualifierSchema>;

/**
 * How an indicator is projected and judged (docs/indicator-status-method.md §4): a level on a straight
 * line, a bounded share (0–100 %), a floor every year must reach, a count of things, a running total.
 */
export const projectionMethods = ['linear', 'share', 'annual_floor', 'count', 'cumulative'] as const;
export const projectionMethodSchema = z.enum(projectionMethods);
export type ProjectionMethod = z.infer<typeof projectionMethodSchema>;

export const observationStatuses = ['submitted', 'approved', 'returned'] as const;
export type ObservationStatus = (typeof observationStatuses)[number];

/** How a period is written for each frequency: 2026 · 2026-H1 · 2026-Q1 · 2026-03. */
const periodPatterns: Record<ReportingFrequency, RegExp> = {
  year: /^(\d{4})$/,
  half_year: /^(\d{4})-H([12])$/,
  quarter: /^(\d{4})-Q([1-4])$/,
  month: /^(\d{4})-(0[1-9]|1[0-2])$/,
};
export const periodExamples: Record<ReportingFrequency, string> = {
  year: '2026',
  half_year: '2026-H1',
  quarter: '2026-Q1',
  month: '2026-03',
};
const monthsPerPeriod: Record<ReportingFrequency, number> = { year: 12, half_year: 6, quarter: 3, month: 1 };

export type Period = { key: string; year: number; index: number; frequency: ReportingFrequency; lastMonth: number };

/** Reads a period written for `frequency`, or null when it is not written that way. */
export function parsePeriod(key: string, frequency: ReportingFrequency): Period | null {
  const match = periodPatterns[frequency].exec(key);
  if (!match) return null;
  const year = Number(match[1]);
  if (year < 1990 || year > 2100) return null;
  const index = frequency === 'year' ? 1 : Number(match[2]);
  return { key, year, index, frequency, lastMonth: index * monthsPerPeriod[frequency] };
}

/** The period's last day, as an ISO date. */
export function periodEndDate(period: Period): string {
  const lastDay = new Date(Date.UTC(period.year, period.lastMonth, 0)).getUTCDate();
  return `${period.year}-${String(period.lastMonth).padStart(2, '0')}-${String(lastDay).padStart(2, '0')}`;
}

/** The period's end as a decimal year: the end of 2025 is 2026, the end of 2026-Q1 is 2026.25. */
export function periodEndAt(period: Period): number {
  return period.year + period.lastMonth / 12;
}

/** Every period of `frequency` from the first of `fromYear` whose end is on or before `until` (ISO date). */
export function periodsBetween(frequency: ReportingFrequency, fromYear: number, untilYear: number): Period[] {
  const perYear = 12 / monthsPerPeriod[frequency];
  const result: Period[] = [];
  for (let year = fromYear; year <= untilYear; year++) {
    for (let index = 1; index <= perYear; index++) {
      const key =
        frequency === 'year'
          ? String(year)
          : frequency === 'half_year'
            ? `${year}-H${index}`
            : frequency === 'quarter'
              ? `${year}-Q${index}`
              : `${year}-${String(index).padStart(2, '0')}`;
      result.push(parsePeriod(key, frequency)!);
    }
  }
  return result;
}

const code = z.string().trim().min(1).max(40);
const note = z.string().trim().max(2000);

/** A target as shown: min and max (a range), only min (a floor), only max (a ceiling). */
export const targetSchema = z.object({
  year: z.number().int(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  qualifier: figureQualifierSchema.nullable(),
  isIllustrative: z.boolean(),
});
/** A baseline: the value at the end of its year, with the source's qualifier ("hơn 21 000"). */
export const baselineSchema = z.object({
  value: z.number(),
  year: z.number().int(),
  qualifier: figureQualifierSchema.nullable(),
  isIllustrative: z.boolean(),
});

export const seriesPointSchema = z.object({
  period: z.string(),
  periodEnd: z.string(),
  /** Decimal year of the period's end, for charts. */
  at: z.number(),
  value: z.number(),
  isIllustrative: z.boolean(),
  sourceNote: z.string().nullable(),
});
export type SeriesPoint = z.infer<typeof seriesPointSchema>;

export const assessmentSchema = z.object({
  status: indicatorStatusSchema,
  threshold: z.number().nullable(),
  expected: z.number().nullable(),
  projected: z.number().nullable(),
  isProjectedToMeet: z.boolean().nullable(),
  targetYear: z.number().int().nullable(),
  method: projectionMethodSchema,
});

/** One public indicator with its targets, approved values and status. */
export const publicIndicatorSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  frameworkCode: z.string(),
  name: localizedTextSchema,
  unit: localizedTextSchema,
  method: localizedTextSchema.nullable(),
  dataSource: localizedTextSchema.nullable(),
  direction: z.enum(['higher', 'lower']),
  frequency: z.enum(reportingFrequencies),
  measureKey: z.string(),
  projectionMethod: projectionMethodSchema,
  baseline: baselineSchema.nullable(),
  targets: z.array(targetSchema),
  responsibleUnit: z.object({ code: z.string(), name: localizedTextSchema }).nullable(),
  sourceNote: z.string().nullable(),
  planTaskCodes: z.array(z.string()),
  series: z.array(seriesPointSchema),
  assessment: assessmentSchema,
  /** Periods whose report is overdue (past the 25th of the period's last month, no value sent). */
  missingPeriods: z.array(z.string()),
});
export type PublicIndicator = z.infer<typeof publicIndicatorSchema>;

export const frameworkSchema = z.object({ code: z.string(), name: localizedTextSchema, sourceDocument: z.string().nullable() });

/** GET /api/indicators/dashboard */
export const dashboardSchema = z.object({
  asOf: z.string(),
  frameworks: z.array(frameworkSchema),
  indicators: z.array(publicIndicatorSchema),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

export const indicatorCodeParamsSchema = z.object({ code });
export const idParamsSchema = z.object({ id: z.uuid() });

/** POST /api/indicators/:id/observations — a value for a period, entered by an officer of the responsible unit. */
export const observationBodySchema = z.object({
  period: z.string().trim().min(4).max(7),
  value: z.number().finite(),
  sourceNote: note.optional(),
  attachmentId: z.uuid().optional(),
});
export type ObservationBody = z.infer<typeof observationBodySchema>;

/** POST /api/indicators/observations/:id/return — why the value goes back to the officer. */
export const returnBodySchema = z.object({ note: z.string().trim().min(3).max(2000) });
export type ReturnBody = z.infer<typeof returnBodySchema>;

export const observationSchema = z.object({
  id: z.uuid(),
  indicatorId: z.uuid(),
  indicatorCode: z.string(),
  indicatorName: localizedTextSchema,
  unit: localizedTextSchema,
  period: z.string(),
  periodEnd: z.string(),
  revision: z.number().int(),
  value: z.number(),
  sourceNote: z.string().nullable(),
  attachmentId: z.uuid().nullable(),
  status: z.enum(observationStatuses),
  isIllustrative: z.boolean(),
  enteredBy: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  enteredAt: z.string(),
  reviewedBy: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  reviewedAt: z.string().nullable(),
  reviewNote: z.string().nullable(),
  /** Whether the caller may approve or return it (a programme manager who did not enter it). */
  canReview: z.boolean(),
});
export type Observation = z.infer<typeof observationSchema>;
export const observationListSchema = z.object({ items: z.array(observationSchema) });

/** An indicator the caller reports on or manages, with what is overdue. */
export const workItemSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: localizedTextSchema,
  unit: localizedTextSchema,
  frequency: z.enum(reportingFrequencies),
  periodExample: z.string(),
  responsibleUnit: z.object({ code: z.string(), name: localizedTextSchema }).nullable(),
  canEnter: z.boolean(),
  missingPeriods: z.array(z.string()),
  pendingCount: z.number().int(),
});
export type WorkItem = z.infer<typeof workItemSchema>;
export const workListSchema = z.object({ items: z.array(workItemSchema), reviewQueue: z.array(observationSchema) });
export type WorkList = z.infer<typeof workListSchema>;

/** POST /api/indicators/import takes the file as multipart (field "file"); CSV or XLSX is told apart by content. */
export const importFormats = ['csv', 'xlsx'] as const;
export const importResultSchema = z.object({ imported: z.number().int(), observationIds: z.array(z.uuid()) });
export const importRowErrorSchema = z.object({ row: z.number().int(), column: z.string().nullable(), message: localizedTextSchema });
export type ImportRowError = z.infer<typeof importRowErrorSchema>;

export const exportQuerySchema = z.object({ format: z.enum(importFormats).default('csv') });

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable();

export const targetInputSchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    min: z.number().finite().nullable(),
    max: z.number().finite().nullable(),
    qualifier: figureQualifierSchema.nullable().default(null),
    isIllustrative: z.boolean().default(false),
  })
  .refine((t) => t.min !== null || t.max !== null, {
    ...bilingual({ vi: 'cần giá trị tối thiểu, tối đa hoặc cả hai', en: 'needs a minimum, a maximum or both' }),
    path: ['min'],
  })
  .refine((t) => t.min === null || t.max === null || t.min <= t.max, {
    ...bilingual({ vi: 'không được nhỏ hơn giá trị tối thiểu', en: 'must not be less than the minimum' }),
    path: ['max'],
  });

/** What a programme manager sets on an indicator (chỉ tiêu): its definition, targets and public flag. */
export const indicatorDefinitionSchema = z.object({
  frameworkCode: code,
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9][A-Z0-9-]{0,39}$/),
  nameVi: text(300),
  nameEn: text(300),
  unitVi: text(60),
  unitEn: text(60),
  methodVi: optionalText(2000),
  methodEn: optionalText(2000),
  dataSourceVi: optionalText(500),
  dataSourceEn: optionalText(500),
  direction: z.enum(['higher', 'lower']),
  /** The quantity measured, shared by no other indicator; derived from the English name and unit when not given. */
  measureKey: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9_]{0,79}$/)
    .optional(),
  projectionMethod: projectionMethodSchema.default('linear'),
  baseline: z
    .object({
      value: z.number().finite(),
      year: z.number().int().min(1990).max(2100),
      qualifier: figureQualifierSchema.nullable().default(null),
      isIllustrative: z.boolean().default(false),
    })
    .nullable(),
  targets: z
    .array(targetInputSchema)
    .max(20)
    .refine(
      (targets) => new Set(targets.map((t) => t.year)).size === targets.length,
      bilingual({ vi: 'chỉ được có một mục tiêu cho mỗi năm', en: 'may hold one target per year only' }),
    ),
  responsibleUnitCode: z.string().trim().min(1).max(40).nullable(),
  frequency: z.enum(reportingFrequencies),
  reportingFromYear: z.number().int().min(1990).max(2100).nullable(),
  /** Plan task codes (text until plans and indicators share an id). */
  planTaskCodes: z.array(z.string().trim().min(1).max(40)).max(50),
  sourceNote: optionalText(1000),
  isHeadline: z.boolean().default(false),
  isPublic: z.boolean().default(true),
});
export type IndicatorDefinition = z.infer<typeof indicatorDefinitionSchema>;
/** PATCH /api/indicators/:id — any of the fields; the framework and code stay. */
export const indicatorPatchSchema = updateSchemaOf(indicatorDefinitionSchema.omit({ frameworkCode: true, code: true }));
export type IndicatorPatch = z.infer<typeof indicatorPatchSchema>;
export const indicatorSavedSchema = z.object({ id: z.uuid(), code: z.string() });
/** GET /api/indicators/:id — the definition as a programme manager edits it: the fields PATCH takes, as they are now. */
export const indicatorDefinitionDtoSchema = z.object({
  id: z.uuid(),
  frameworkCode: z.string(),
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  unitVi: z.string(),
  unitEn: z.string(),
  methodVi: z.string().nullable(),
  methodEn: z.string().nullable(),
  dataSourceVi: z.string().nullable(),
  dataSourceEn: z.string().nullable(),
  direction: z.enum(['higher', 'lower']),
  measureKey: z.string(),
  projectionMethod: projectionMethodSchema,
  baseline: baselineSchema.nullable(),
  targets: z.array(targetSchema),
  responsibleUnitCode: z.string().nullable(),
  frequency: z.enum(reportingFrequencies),
  reportingFromYear: z.number().int().nullable(),
  planTaskCodes: z.array(z.string()),
  sourceNote: z.string().nullable(),
  isHeadline: z.boolean(),
  isPublic: z.boolean(),
});
export type IndicatorDefinitionDto = z.infer<typeof indicatorDefinitionDtoSchema>;

/** A measure key from an English name and unit: "Digital economy share of GRDP" + "%" → digital_economy_share_of_grdp_percent. */
export function measureKeyOf(nameEn: string, unitEn: string): string {
  const words = `${nameEn} ${unitEn.replace(/%/g, 'percent')}`
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return words.slice(0, 80).replace(/_+$/, '') || 'measure';
}
