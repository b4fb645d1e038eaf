import { z } from 'zod';
import { localizedTextSchema } from './common.js';
import { isoDateSchema, windowStates } from './dates.js';
import { updateSchemaOf } from './update-schema.js';

// ---------------------------------------------------------------------------------------------
// Vocabulary

/** The kinds of actor in the city's startup and innovation ecosystem (hệ sinh thái khởi nghiệp, đổi mới sáng tạo). */
export const organisationKinds = [
  'st_enterprise',
  'startup',
  'incubator',
  'innovation_centre',
  'innovation_space',
  'research_institute',
  'research_group',
  'investor',
  'support_organisation',
  'technology_park',
] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

export const organisationKindNames: Record<OrganisationKind, { vi: string; en: string }> = {
  st_enterprise: { vi: 'Doanh nghiệp khoa học và công nghệ', en: 'S&T enterprise' },
  startup: { vi: 'Doanh nghiệp khởi nghiệp sáng tạo', en: 'Startup' },
  incubator: { vi: 'Cơ sở ươm tạo', en: 'Incubator' },
  innovation_centre: { vi: 'Trung tâm hỗ trợ khởi nghiệp, đổi mới sáng tạo', en: 'Innovation centre' },
  innovation_space: { vi: 'Không gian đổi mới sáng tạo', en: 'Innovation space' },
  research_institute: { vi: 'Viện nghiên cứu, trường đại học', en: 'Research institute or university' },
  research_group: { vi: 'Nhóm nghiên cứu mạnh', en: 'Strong research group' },
  investor: { vi: 'Quỹ đầu tư mạo hiểm, mạng lưới nhà đầu tư thiên thần', en: 'Venture fund or angel network' },
  support_organisation: { vi: 'Tổ chức trung gian hỗ trợ', en: 'Support organisation' },
  technology_park: { vi: 'Khu công nghệ cao, công viên phần mềm', en: 'Technology park' },
};

/** A startup's stage; funds, incubators and programmes say which stages they serve. */
export const startupStages = ['idea', 'prototype', 'seed', 'growth', 'scale'] as const;
export type StartupStage = (typeof startupStages)[number];
export const startupStageNames: Record<StartupStage, { vi: string; en: string }> = {
  idea: { vi: 'Ý tưởng', en: 'Idea' },
  prototype: { vi: 'Sản phẩm mẫu', en: 'Prototype' },
  seed: { vi: 'Hạt giống', en: 'Seed' },
  growth: { vi: 'Tăng trưởng', en: 'Growth' },
  scale: { vi: 'Mở rộng', en: 'Scale-up' },
};

export const sizeBands = ['micro', 'small', 'medium', 'large'] as const;
export const sizeBandNames: Record<(typeof sizeBands)[number], { vi: string; en: string }> = {
  micro: { vi: 'Dưới 10 người', en: 'Under 10 people' },
  small: { vi: '10–49 người', en: '10–49 people' },
  medium: { vi: '50–249 người', en: '50–249 people' },
  large: { vi: 'Từ 250 người', en: '250 people or more' },
};

/** Fields of activity, a fixed list so the directory's facets count the same thing everywhere. */
export const ecosystemFields = [
  'ai',
  'semiconductors',
  'biotech',
  'healthtech',
  'fintech',
  'edtech',
  'agritech',
  'greentech',
  'smart_city',
  'logistics',
  'manufacturing',
  'software',
  'digital_government',
  'cybersecurity',
] as const;
export type EcosystemField = (typeof ecosystemFields)[number];
export const ecosystemFieldNames: Record<EcosystemField, { vi: string; en: string }> = {
  ai: { vi: 'Trí tuệ nhân tạo', en: 'Artificial intelligence' },
  semiconductors: { vi: 'Vi mạch bán dẫn', en: 'Semiconductors' },
  biotech: { vi: 'Công nghệ sinh học', en: 'Biotechnology' },
  healthtech: { vi: 'Y tế số', en: 'Health technology' },
  fintech: { vi: 'Công nghệ tài chính', en: 'Fintech' },
  edtech: { vi: 'Công nghệ giáo dục', en: 'Education technology' },
  agritech: { vi: 'Nông nghiệp công nghệ cao', en: 'Agritech' },
  greentech: { vi: 'Công nghệ xanh, năng lượng sạch', en: 'Green and clean-energy technology' },
  smart_city: { vi: 'Đô thị thông minh', en: 'Smart city' },
  logistics: { vi: 'Logistics', en: 'Logistics' },
  manufacturing: { vi: 'Sản xuất thông minh', en: 'Smart manufacturing' },
  software: { vi: 'Phần mềm, dịch vụ số', en: 'Software and digital services' },
  digital_government: { vi: 'Chính quyền số', en: 'Digital government' },
  cybersecurity: { vi: 'An toàn thông tin', en: 'Cybersecurity' },
};

/** Relations between organisations, each read one way from its source and the other way from its target. */
export const relationKinds = ['incubated_by', 'invested_in_by', 'member_of', 'host_of', 'partner_of'] as const;
export type RelationKind = (typeof relationKinds)[number];
export const relationNames: Record<RelationKind, { outgoing: { vi: string; en: string }; incoming: { vi: string; en: string } }> = {
  incubated_by: { outgoing: { vi: 'Được ươm tạo bởi', en: 'Incubated by' }, incoming: { vi: 'Ươm tạo', en: 'Incubates' } },
  invested_in_by: { outgoing: { vi: 'Được đầu tư bởi', en: 'Invested in by' }, incoming: { vi: 'Đầu tư vào', en: 'Invests in' } },
  member_of: { outgoing: { vi: 'Thành viên của', en: 'Member of' }, incoming: { vi: 'Có thành viên', en: 'Has member' } },
  host_of: { outgoing: { vi: 'Chủ quản của', en: 'Host of' }, incoming: { vi: 'Trực thuộc', en: 'Hosted by' } },
  partner_of: { outgoing: { vi: 'Đối tác của', en: 'Partner of' }, incoming: { vi: 'Đối tác của', en: 'Partner of' } },
};

export const programmeKinds = ['incubation', 'acceleration', 'grant', 'voucher', 'competition'] as const;
export type ProgrammeKind = (typeof programmeKinds)[number];
export const programmeKindNames: Record<ProgrammeKind, { vi: string; en: string }> = {
  incubation: { vi: 'Ươm tạo', en: 'Incubation' },
  acceleration: { vi: 'Tăng tốc', en: 'Acceleration' },
  grant: { vi: 'Tài trợ', en: 'Grant' },
  voucher: { vi: 'Phiếu hỗ trợ (voucher)', en: 'Voucher' },
  competition: { vi: 'Cuộc thi', en: 'Competition' },
};

/** An application to a programme moves received → shortlisted → accepted / not accepted. */
export const applicationStatuses = ['received', 'shortlisted', 'accepted', 'not_accepted'] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];
export const applicationStatusNames: Record<ApplicationStatus, { vi: string; en: string }> = {
  received: { vi: 'Đã nhận', en: 'Received' },
  shortlisted: { vi: 'Vào danh sách rút gọn', en: 'Shortlisted' },
  accepted: { vi: 'Được chấp nhận', en: 'Accepted' },
  not_accepted: { vi: 'Không được chấp nhận', en: 'Not accepted' },
};

export const claimMethods = ['email', 'document'] as const;
export const claimStatuses = ['pending', 'approved', 'rejected'] as const;

export const ecosystemLimits = {
  /** A profile whose owner has not said "still active" for this long is shown as unconfirmed. */
  unconfirmedAfterMonths: 15,
  /** The yearly "still active?" request goes to owners not heard from for this long. */
  activeCheckAfterMonths: 12,
  /** A claim's e-mail confirmation link lasts this long. */
  claimLinkHours: 72,
  evidenceMaxBytes: 10 * 1024 * 1024,
  pageSizeMax: 100,
} as const;

// ---------------------------------------------------------------------------------------------
// Requests

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().default(null);
export const idParamsSchema = z.object({ id: z.uuid() });
export const slugParamsSchema = z.object({ slug: z.string().min(1).max(120) });

/** What an owner registers and keeps; verification and ownership are set by the service, never here. */
export const organisationBodySchema = z.object({
  kind: z.enum(organisationKinds),
  nameVi: text(200).min(2),
  nameEn: text(200).default(''),
  fields: z.array(z.enum(ecosystemFields)).max(6).default([]),
  stage: z.enum(startupStages).nullable().default(null),
  /** Stages a fund, incubator or support organisation serves (for matching). */
  servesStages: z.array(z.enum(startupStages)).max(5).default([]),
  certificateNumber: optionalText(60),
  certificateDate: isoDateSchema.nullable().default(null),
  address: text(300).default(''),
  wardUnitId: z.uuid().nullable().default(null),
  foundedYear: z.number().int().min(1800).max(2100).nullable().default(null),
  sizeBand: z.enum(sizeBands).nullable().default(null),
  website: z
    .url({ protocol: /^https?$/ })
    .max(300)
    .nullable()
    .default(null),
  contactEmail: z.email().max(254).nullable().default(null),
  contactPhone: optionalText(40),
  descriptionVi: text(2000).default(''),
  descriptionEn: text(2000).default(''),
});
export type OrganisationBody = z.infer<typeof organisationBodySchema>;
export const organisationPatchSchema = updateSchemaOf(organisationBodySchema);

export const directoryQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  kind: z.enum(organisationKinds).optional(),
  field: z.enum(ecosystemFields).optional(),
  ward: z.uuid().optional(),
  stage: z.enum(startupStages).optional(),
  verified: z.enum(['true', 'false']).optional(),
  sort: z.enum(['name', 'founded', 'recent']).default('name'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(ecosystemLimits.pageSizeMax).default(20),
});
export type DirectoryQuery = z.infer<typeof directoryQuerySchema>;

export const directoryExportFormats = ['csv', 'xlsx', 'json'] as const;
/** The directory's filters and order, without pages: the download holds every organisation they select. */
export const directoryExportQuerySchema = directoryQuerySchema
  .omit({ page: true, pageSize: true })
  .extend({ format: z.enum(directoryExportFormats).default('csv') });
export type DirectoryExportQuery = z.infer<typeof directoryExportQuerySchema>;

export const relationBodySchema = z.object({ kind: z.enum(relationKinds), targetId: z.uuid() });
export const relationParamsSchema = z.object({ id: z.uuid(), relationId: z.uuid() });

export const claimBodySchema = z.object({
  method: z.enum(claimMethods),
  /** For `email`: an address at the organisation's own web domain, which gets the confirmation link. */
  email: z.email().max(254).optional(),
  note: text(500).default(''),
});
export const claimConfirmBodySchema = z.object({ token: z.string().min(20).max(200) });
export const claimDecisionBodySchema = z.object({ decision: z.enum(['approve', 'reject']), note: text(500).default('') });
export const verifyBodySchema = z.object({ note: text(500).default('') });
export const fileUploadQuerySchema = z.object({ purpose: z.enum(['logo', 'evidence']).default('evidence') });

export const expertBodySchema = z.object({
  displayName: text(120).min(2),
  fields: z.array(z.enum(ecosystemFields)).min(1).max(6),
  offersVi: text(1000).min(5),
  offersEn: text(1000).default(''),
  affiliation: text(200).default(''),
  publicEmail: z.email().max(254).nullable().default(null),
  /** Consent to be listed publicly (Decree 13/2023/NĐ-CP); must be true. */
  consent: z.literal(true),
});

export const programmeBodySchema = z.object({
  kind: z.enum(programmeKinds),
  titleVi: text(200).min(3),
  titleEn: text(200).default(''),
  organisationId: z.uuid().nullable().default(null),
  unitId: z.uuid().nullable().default(null),
  eligibilityVi: text(2000).min(3),
  eligibilityEn: text(2000).default(''),
  benefitsVi: text(2000).min(3),
  benefitsEn: text(2000).default(''),
  fields: z.array(z.enum(ecosystemFields)).max(6).default([]),
  stages: z.array(z.enum(startupStages)).max(5).default([]),
  opensOn: isoDateSchema,
  closesOn: isoDateSchema,
});
export type ProgrammeBody = z.infer<typeof programmeBodySchema>;

export const applicationBodySchema = z.object({
  organisationId: z.uuid(),
  pitch: text(2000).min(20),
  teamSize: z.number().int().min(1).max(100_000),
  request: text(1000).default(''),
});
export const applicationMoveBodySchema = z.object({ to: z.enum(applicationStatuses), note: text(1000).default('') });

// ---------------------------------------------------------------------------------------------
// Responses

const named = z.object({ id: z.uuid(), slug: z.string(), kind: z.enum(organisationKinds), nameVi: z.string(), nameEn: z.string() });
export const wardSchema = z.object({ id: z.uuid(), code: z.string(), nameVi: z.string(), nameEn: z.string() });

export const organisationSummarySchema = named.extend({
  fields: z.array(z.enum(ecosystemFields)),
  stage: z.enum(startupStages).nullable(),
  ward: wardSchema.nullable(),
  foundedYear: z.number().int().nullable(),
  logoUrl: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  isUnconfirmed: z.boolean(),
  isIllustrative: z.boolean(),
});
export type OrganisationSummary = z.infer<typeof organisationSummarySchema>;

export const relationDtoSchema = z.object({
  id: z.uuid(),
  kind: z.enum(relationKinds),
  direction: z.enum(['outgoing', 'incoming']),
  label: localizedTextSchema,
  other: named,
});

export const historyEntrySchema = z.object({ at: z.string(), action: z.string(), changed: z.array(z.string()) });

export const programmeSummarySchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  kind: z.enum(programmeKinds),
  titleVi: z.string(),
  titleEn: z.string(),
  opensOn: z.string(),
  closesOn: z.string(),
  runBy: localizedTextSchema,
});

export const organisationDtoSchema = organisationSummarySchema.extend({
  nameEn: z.string(),
  servesStages: z.array(z.enum(startupStages)),
  certificateNumber: z.string().nullable(),
  certificateDate: z.string().nullable(),
  address: z.string(),
  sizeBand: z.enum(sizeBands).nullable(),
  website: z.string().nullable(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  descriptionVi: z.string(),
  descriptionEn: z.string(),
  lastConfirmedAt: z.string(),
  hasOwner: z.boolean(),
  /** Whether the caller keeps this profile (may edit it). */
  isMine: z.boolean(),
  relations: z.array(relationDtoSchema),
  programmes: z.array(programmeSummarySchema.extend({ acceptedAt: z.string().nullable() })),
  history: z.array(historyEntrySchema),
  /** Its public initiatives elsewhere on the platform, with their awards (see platform-links.ts for the rule). */
  platformLinks: z.object({
    initiatives: z.array(
      z.object({
        code: z.string(),
        title: z.string(),
        state: z.string(),
        url: z.string(),
        awards: z.array(z.object({ name: localizedTextSchema, awardedOn: z.string(), decisionRef: z.string() })),
      }),
    ),
  }),
});
export type OrganisationDto = z.infer<typeof organisationDtoSchema>;

export const directorySchema = z.object({
  items: z.array(organisationSummarySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type Directory = z.infer<typeof directorySchema>;

const countRow = z.object({ key: z.string(), label: localizedTextSchema, all: z.number().int(), verified: z.number().int() });
export const ecosystemStatsSchema = z.object({
  byKind: z.array(countRow),
  byField: z.array(countRow),
  byWard: z.array(countRow),
  total: z.number().int(),
  verified: z.number().int(),
});
export type EcosystemStats = z.infer<typeof ecosystemStatsSchema>;

/** One organisation of the directory's download; the CSV and XLSX columns carry the same names. */
export const directoryExportRecordSchema = z.object({
  slug: z.string(),
  kind: z.enum(organisationKinds),
  name_vi: z.string(),
  name_en: z.string(),
  fields: z.array(z.enum(ecosystemFields)),
  stage: z.enum(startupStages).nullable(),
  serves_stages: z.array(z.enum(startupStages)),
  certificate_number: z.string().nullable(),
  certificate_date: z.string().nullable(),
  address: z.string(),
  ward_code: z.string().nullable(),
  ward_name: z.string().nullable(),
  founded_year: z.number().int().nullable(),
  size_band: z.enum(sizeBands).nullable(),
  website: z.string().nullable(),
  description_vi: z.string(),
  description_en: z.string(),
  verified_at: z.string().nullable(),
  is_unconfirmed: z.boolean(),
  is_illustrative: z.boolean(),
  url: z.string(),
});
export type DirectoryExportRecord = z.infer<typeof directoryExportRecordSchema>;
export const directoryExportSchema = z.object({ items: z.array(directoryExportRecordSchema) });

/** What an import of organisations added; a refused file answers 400 with every wrong row in `details.rows`. */
export const organisationImportResultSchema = z.object({
  imported: z.number().int(),
  organisations: z.array(z.object({ id: z.uuid(), slug: z.string() })),
});

/** An indicator the directory counts: verified profiles of its kind now, beside its last approved figure. */
export const indicatorCountSchema = z.object({
  indicatorId: z.uuid(),
  code: z.string(),
  kind: z.enum(organisationKinds),
  verified: z.number().int(),
  all: z.number().int(),
  countedOn: z.string(),
  lastOfficial: z.object({ period: z.string(), value: z.number() }).nullable(),
});
export type IndicatorCount = z.infer<typeof indicatorCountSchema>;
export const indicatorCountListSchema = z.object({ items: z.array(indicatorCountSchema) });
export const indicatorCodeParamsSchema = z.object({ code: z.string().min(1).max(40) });
export const indicatorCountReportBodySchema = z.object({ period: z.string().trim().min(4).max(7) });
export const indicatorCountReportSchema = z.object({
  observationId: z.uuid(),
  period: z.string(),
  value: z.number(),
  status: z.enum(['submitted', 'approved', 'returned']),
});

export const claimDtoSchema = z.object({
  id: z.uuid(),
  organisation: named,
  method: z.enum(claimMethods),
  email: z.string().nullable(),
  status: z.enum(claimStatuses),
  note: z.string(),
  evidence: z.array(z.object({ id: z.uuid(), fileName: z.string(), url: z.string() })),
  createdAt: z.string(),
});
export const claimListSchema = z.object({ items: z.array(claimDtoSchema) });

export const verificationQueueSchema = z.object({
  items: z.array(
    organisationSummarySchema.extend({
      hasOwner: z.boolean(),
      evidence: z.array(z.object({ id: z.uuid(), fileName: z.string(), url: z.string(), uploadedAt: z.string() })),
    }),
  ),
  claims: z.array(claimDtoSchema),
});

export const fileDtoSchema = z.object({
  id: z.uuid(),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  purpose: z.enum(['logo', 'evidence']),
  url: z.string(),
});

export const expertDtoSchema = z.object({
  id: z.uuid(),
  displayName: z.string(),
  fields: z.array(z.enum(ecosystemFields)),
  offersVi: z.string(),
  offersEn: z.string(),
  affiliation: z.string(),
  publicEmail: z.string().nullable(),
  consentedAt: z.string(),
});
export const expertListSchema = z.object({ items: z.array(expertDtoSchema) });
export const myExpertSchema = z.object({ expert: expertDtoSchema.nullable() });

export const programmeDtoSchema = programmeSummarySchema.extend({
  organisationId: z.uuid().nullable(),
  unitId: z.uuid().nullable(),
  eligibilityVi: z.string(),
  eligibilityEn: z.string(),
  benefitsVi: z.string(),
  benefitsEn: z.string(),
  fields: z.array(z.enum(ecosystemFields)),
  stages: z.array(z.enum(startupStages)),
  isOpen: z.boolean(),
  /** Whether applications are still to open, open, or closed. */
  state: z.enum(windowStates),
  /** Whether the caller may move this programme's applications. */
  canManage: z.boolean(),
});
export const programmeListSchema = z.object({ items: z.array(programmeDtoSchema) });

export const applicationDtoSchema = z.object({
  id: z.uuid(),
  programme: programmeSummarySchema,
  organisation: named,
  pitch: z.string(),
  teamSize: z.number().int(),
  request: z.string(),
  status: z.enum(applicationStatuses),
  note: z.string(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});
export const applicationListSchema = z.object({ items: z.array(applicationDtoSchema) });

export const matchKinds = ['investor', 'incubator', 'programme', 'expert'] as const;
export const matchSchema = z.object({
  kind: z.enum(matchKinds),
  id: z.uuid(),
  name: localizedTextSchema,
  url: z.string(),
  score: z.number(),
  reasons: z.array(localizedTextSchema),
});
export const matchListSchema = z.object({ items: z.array(matchSchema) });
export type Match = z.infer<typeof matchSchema>;

export const mineSchema = z.object({
  organisations: z.array(organisationSummarySchema),
  claims: z.array(claimDtoSchema),
  applications: z.array(applicationDtoSchema),
});

// ---------------------------------------------------------------------------------------------
// Pages (one place: the web app routes them, the server links to them in notices and results)

export { ecosystemPaths } from '../web-paths.js';
