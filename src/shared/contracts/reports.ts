import { z } from 'zod';
import { localizedTextSchema, type LocalizedText } from './common.js';
import { isoDateSchema } from './dates.js';
import { taskStatuses } from './plans.js';

/** How often units report (Decree 09/2019/NĐ-CP: monthly, quarterly, half-yearly, yearly), or once for a movement phase (sơ kết, tổng kết). */
export const periodKinds = ['month', 'quarter', 'half_year', 'year', 'phase'] as const;
export type PeriodKind = (typeof periodKinds)[number];

export const periodKindNames: Record<PeriodKind, LocalizedText> = {
  month: { vi: 'Hằng tháng', en: 'Monthly' },
  quarter: { vi: 'Hằng quý', en: 'Quarterly' },
  half_year: { vi: '6 tháng', en: 'Half-yearly' },
  year: { vi: 'Hằng năm', en: 'Yearly' },
  phase: { vi: 'Sơ kết, tổng kết giai đoạn', en: 'Phase review' },
};

/**
 * A unit's report: its officer drafts it and sends it to the unit's leader, who submits it (or
 * returns it); the programme manager accepts it or returns it with a reason.
 */
export const unitReportStates = ['draft', 'awaiting_approval', 'submitted', 'accepted', 'returned'] as const;
export type UnitReportState = (typeof unitReportStates)[number];
export const unitReportActions = ['send', 'submit', 'return', 'accept'] as const;
export type UnitReportAction = (typeof unitReportActions)[number];

export const unitReportStateNames: Record<UnitReportState, LocalizedText> = {
  draft: { vi: 'Đang soạn', en: 'Draft' },
  awaiting_approval: { vi: 'Chờ lãnh đạo đơn vị duyệt', en: "Awaiting the unit leader's approval" },
  submitted: { vi: 'Đã gửi', en: 'Submitted' },
  accepted: { vi: 'Đã tiếp nhận', en: 'Accepted' },
  returned: { vi: 'Bị trả lại', en: 'Returned' },
};

/** Whether a unit report came in by its due date, late, or not at all (yet). */
export const timelinessValues = ['on_time', 'late', 'missing', 'pending'] as const;
export type Timeliness = (typeof timelinessValues)[number];
export const timelinessNames: Record<Timeliness, LocalizedText> = {
  on_time: { vi: 'Gửi đúng hạn', en: 'On time' },
  late: { vi: 'Gửi trễ hạn', en: 'Late' },
  missing: { vi: 'Chưa gửi, đã quá hạn', en: 'Missing, overdue' },
  pending: { vi: 'Chưa gửi, còn hạn', en: 'Not yet due' },
};

/** The city's compiled report: a draft the manager edits, approved and issued by a leader (then frozen), published on the portal. */
export const compiledStates = ['draft', 'approved', 'issued', 'published'] as const;
export type CompiledState = (typeof compiledStates)[number];
export const compiledActions = ['approve', 'reopen', 'issue', 'publish'] as const;
export type CompiledAction = (typeof compiledActions)[number];
export const compiledStateNames: Record<CompiledState, LocalizedText> = {
  draft: { vi: 'Dự thảo', en: 'Draft' },
  approved: { vi: 'Đã duyệt', en: 'Approved' },
  issued: { vi: 'Đã ban hành', en: 'Issued' },
  published: { vi: 'Đã công bố', en: 'Published' },
};

/** Signers' capacities (thẩm quyền ký) of Decree 30/2020/NĐ-CP. */
export const signerCapacities = ['TM.', 'KT.', 'Q.', 'TL.', 'TUQ.'] as const;

export const reportsLimits = { attachmentMaxBytes: 20 * 1024 * 1024, sectionMaxChars: 20_000, sections: 12, units: 300 } as const;

const text = (max: number) => z.string().trim().max(max);

/** A section of the form, e.g. "results" — Kết quả thực hiện. */
export const sectionKeySchema = z
  .string()
  .min(2)
  .max(40)
  .regex(/^[a-z][a-z0-9_]*$/);
export const sectionSchema = z.object({ key: sectionKeySchema, title: z.object({ vi: text(200).min(1), en: text(200).min(1) }) });
export type Section = z.infer<typeof sectionSchema>;

/** The sections a report has unless its regime says otherwise: results, difficulties and obstacles, causes, proposals. */
export const defaultSections: Section[] = [
  { key: 'results', title: { vi: 'Kết quả thực hiện', en: 'Results' } },
  { key: 'difficulties', title: { vi: 'Khó khăn, vướng mắc', en: 'Difficulties and obstacles' } },
  { key: 'causes', title: { vi: 'Nguyên nhân', en: 'Causes' } },
  { key: 'proposals', title: { vi: 'Kiến nghị, đề xuất', en: 'Proposals' } },
];

/** "12/BC-SYT": a number, then the symbol (Decree 30/2020/NĐ-CP). */
export const documentNumberSchema = z
  .string()
  .trim()
  .max(60)
  .regex(/^\d{1,6}\/[\p{Lu}\d][\p{Lu}\d.-]*$/u);

/** What a programme manager writes to define a reporting regime. */
export const regimeInputSchema = z.object({
  code: z
    .string()
    .min(2)
    .max(40)
    .regex(/^[A-Z0-9][A-Z0-9-]*$/),
  name: z.object({ vi: text(300).min(1), en: text(300).min(1) }),
  periodKind: z.enum(periodKinds),
  /** The body that compiles and issues the city's report (e.g. the Department of Science and Technology). */
  issuerUnitId: z.uuid(),
  unitIds: z.array(z.uuid()).min(1).max(reportsLimits.units),
  sections: z
    .array(sectionSchema)
    .min(1)
    .max(reportsLimits.sections)
    .refine((list) => new Set(list.map((s) => s.key)).size === list.length, { message: 'section keys must differ' })
    .default(defaultSections),
  /** Unit reports are due on this day of the period's last month unless a period says otherwise. */
  dueDayOfMonth: z.int().min(1).max(28).default(20),
});
export type RegimeInput = z.input<typeof regimeInputSchema>;

export const regimeSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: localizedTextSchema,
  periodKind: z.enum(periodKinds),
  issuerUnit: z.object({ id: z.uuid(), name: localizedTextSchema }),
  units: z.array(z.object({ id: z.uuid(), code: z.string(), name: localizedTextSchema })),
  sections: z.array(sectionSchema),
  dueDayOfMonth: z.int(),
  periods: z.array(
    z.object({
      id: z.uuid(),
      label: z.string(),
      name: localizedTextSchema,
      cutoffFrom: z.string(),
      cutoffTo: z.string(),
      dueOn: z.string(),
    }),
  ),
});
export type Regime = z.infer<typeof regimeSchema>;

/** Opens a period: its label (2026-Q1, 2026-03, 2026-H1, 2026) or the movement phase; dates default by Decree 09/2019/NĐ-CP. */
export const periodInputSchema = z.object({
  label: z
    .string()
    .max(20)
    .regex(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4]|-H[12])?$/)
    .optional(),
  phaseId: z.uuid().optional(),
  cutoffFrom: isoDateSchema.optional(),
  cutoffTo: isoDateSchema.optional(),
  dueOn: isoDateSchema.optional(),
});

export const periodSchema = z.object({
  id: z.uuid(),
  regimeId: z.uuid(),
  regimeName: localizedTextSchema,
  label: z.string(),
  name: localizedTextSchema,
  cutoffFrom: z.string(),
  cutoffTo: z.string(),
  dueOn: z.string(),
});
export type Period = z.infer<typeof periodSchema>;

// ---------------------------------------------------------------------------------------------
// Figures prefilled from the platform

const countSchema = z.int().nonnegative();
export const unitFiguresSchema = z.object({
  /** The day the figures stand at: the end of the data cut-off, or today while it lasts. */
  asOf: z.string(),
  tasks: z.object({
    counts: z.record(z.enum(taskStatuses), countSchema),
    rows: z.array(
      z.object({
        code: z.string(),
        title: localizedTextSchema,
        dueOn: z.string().nullable(),
        progressPercent: z.int(),
        status: z.enum(taskStatuses),
      }),
    ),
  }),
  indicators: z.array(
    z.object({ code: z.string(), name: localizedTextSchema, unit: localizedTextSchema, period: z.string(), value: z.number() }),
  ),
  movement: z.object({
    newInitiatives: countSchema,
    recognised: countSchema,
    awards: countSchema,
    replications: countSchema,
    registrations: countSchema,
  }),
  opendata: z.object({ publishedDatasets: countSchema }),
  ecosystem: z.object({ organisations: countSchema }),
});
export type UnitFigures = z.infer<typeof unitFiguresSchema>;

const taskTallySchema = z.object({
  label: localizedTextSchema,
  total: countSchema,
  completedOnTime: countSchema,
  completedLate: countSchema,
  overdue: countSchema,
  extended: countSchema,
  inProgress: countSchema,
});
export type TaskTally = z.infer<typeof taskTallySchema>;

export const indicatorStatusNames: Record<string, LocalizedText> = {
  achieved: { vi: 'Đã đạt', en: 'Achieved' },
  on_track: { vi: 'Đúng tiến độ', en: 'On track' },
  at_risk: { vi: 'Có nguy cơ chậm', en: 'At risk' },
  off_track: { vi: 'Chậm tiến độ', en: 'Off track' },
  no_data: { vi: 'Chưa đủ số liệu để đánh giá', en: 'Not enough data' },
};

export const cityFiguresSchema = z.object({
  asOf: z.string(),
  tasksByGroup: z.array(taskTallySchema),
  tasksByUnit: z.array(taskTallySchema),
  indicators: z.array(
    z.object({
      code: z.string(),
      name: localizedTextSchema,
      unit: localizedTextSchema,
      latest: z.object({ period: z.string(), value: z.number() }).nullable(),
      target: z.object({ year: z.int(), min: z.number().nullable(), max: z.number().nullable() }).nullable(),
      status: z.string(),
    }),
  ),
  movement: z.object({
    byField: z.array(z.object({ name: localizedTextSchema, count: countSchema })),
    byState: z.array(z.object({ name: localizedTextSchema, count: countSchema })),
    newInitiatives: countSchema,
    recognised: countSchema,
    awards: z.array(z.object({ name: localizedTextSchema, count: countSchema })),
    replications: countSchema,
    registrations: countSchema,
  }),
  ecosystem: z.array(z.object({ name: localizedTextSchema, count: countSchema })),
  opendata: z.object({ datasets: countSchema, resources: countSchema }),
});
export type CityFigures = z.infer<typeof cityFiguresSchema>;

// ---------------------------------------------------------------------------------------------
// Unit reports

export const unitReportUpdateSchema = z.object({
  /** Narrative sections by key; a key sent replaces that section's text, the others stay. */
  sections: z.record(sectionKeySchema, text(reportsLimits.sectionMaxChars)),
  /** The number and symbol the unit's clerk gives the report (it may also be given when the leader submits it). */
  documentNumber: documentNumberSchema.nullable(),
});

export const unitReportActionBodySchema = z.object({
  /** Why a report is returned (required to return). */
  reason: text(2000).min(1).optional(),
  /** The number and symbol the unit's clerk gave the report, when it is submitted. */
  documentNumber: documentNumberSchema.optional(),
});

const attachmentSchema = z.object({ id: z.uuid(), fileName: z.string(), mediaType: z.string(), sizeBytes: z.int() });

export const unitReportSchema = z.object({
  id: z.uuid(),
  period: periodSchema,
  unit: z.object({ id: z.uuid(), code: z.string(), name: localizedTextSchema }),
  state: z.enum(unitReportStates),
  timeliness: z.enum(timelinessValues),
  sections: z.array(sectionSchema.extend({ text: z.string() })),
  figures: unitFiguresSchema,
  documentNumber: z.string().nullable(),
  submittedAt: z.string().nullable(),
  firstSubmittedAt: z.string().nullable(),
  returnReason: z.string().nullable(),
  attachments: z.array(attachmentSchema),
  /** What the caller may do now, so pages show only the buttons that will work. */
  allowedActions: z.array(z.enum(unitReportActions)),
  canEdit: z.boolean(),
});
export type UnitReport = z.infer<typeof unitReportSchema>;

export const unitReportSummarySchema = z.object({
  id: z.uuid(),
  period: periodSchema,
  unit: z.object({ id: z.uuid(), code: z.string(), name: localizedTextSchema }),
  state: z.enum(unitReportStates),
  timeliness: z.enum(timelinessValues),
  submittedAt: z.string().nullable(),
});
export type UnitReportSummary = z.infer<typeof unitReportSummarySchema>;

export const boardSchema = z.object({
  period: periodSchema,
  today: z.string(),
  counts: z.record(z.enum(timelinessValues), countSchema),
  rows: z.array(unitReportSummarySchema.extend({ daysLate: z.int().nullable() })),
  compiled: z.array(z.object({ id: z.uuid(), revision: z.int(), state: z.enum(compiledStates) })),
});
export type Board = z.infer<typeof boardSchema>;

// ---------------------------------------------------------------------------------------------
// The city's compiled report

export const signatureSchema = z.object({
  capacity: z.enum(signerCapacities).nullable(),
  onBehalfOf: text(200),
  position: text(200).min(1),
  name: text(200),
});

export const compiledUpdateSchema = z.object({
  summary: text(4000),
  sections: z.record(sectionKeySchema, text(reportsLimits.sectionMaxChars * 10)),
  signature: signatureSchema,
  recipients: z.array(text(300).min(1)).max(30),
});

export const compiledActionBodySchema = z.object({
  documentNumber: documentNumberSchema.optional(),
  issuedOn: isoDateSchema.optional(),
});

export const commentInputSchema = z.object({ sectionKey: sectionKeySchema.nullable().default(null), body: text(4000).min(1) });

export const compiledReportSchema = z.object({
  id: z.uuid(),
  period: periodSchema,
  revision: z.int(),
  state: z.enum(compiledStates),
  issuer: z.string(),
  summary: z.string(),
  sections: z.array(sectionSchema.extend({ text: z.string() })),
  figures: cityFiguresSchema,
  signature: signatureSchema,
  recipients: z.array(z.string()),
  documentNumber: z.string().nullable(),
  issuedOn: z.string().nullable(),
  publishedAt: z.string().nullable(),
  supersedesId: z.uuid().nullable(),
  comments: z.array(
    z.object({ id: z.uuid(), sectionKey: z.string().nullable(), body: z.string(), author: z.string(), createdAt: z.string() }),
  ),
  allowedActions: z.array(z.enum(compiledActions)),
  canEdit: z.boolean(),
});
export type CompiledReport = z.infer<typeof compiledReportSchema>;

export const publishedReportSchema = z.object({
  id: z.uuid(),
  title: localizedTextSchema,
  periodName: localizedTextSchema,
  issuer: z.string(),
  documentNumber: z.string(),
  issuedOn: z.string(),
  publishedAt: z.string(),
  summary: z.string(),
  revision: z.int(),
});
export type PublishedReport = z.infer<typeof publishedReportSchema>;
