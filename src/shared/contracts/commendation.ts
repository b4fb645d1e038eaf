import { z } from 'zod';
import { localizedTextSchema } from './common.js';
import { isoDateSchema } from './dates.js';
import { updateSchemaOf } from './update-schema.js';

// ---------------------------------------------------------------------------------------------
// Vocabulary (Law on Emulation and Commendation 06/2022/QH15; see docs/commendation.md)

/**
 * The emulation titles (danh hiệu thi đua) and forms of commendation (hình thức khen thưởng) a
 * department, a ward or the city gives; national ones are only proposed by the city and are not here.
 */
export const commendationTitleCodes = ['LDTT', 'CSTD_CS', 'CSTD_TP', 'TTLDTT', 'TTLDXS', 'CO_TD_TP', 'GIAY_KHEN', 'BK_CT_TP'] as const;
export type CommendationTitleCode = (typeof commendationTitleCodes)[number];

/** A title of emulation, or a form of commendation. */
export const commendationKinds = ['title', 'form'] as const;

/** Whom a title is for: one person, a collective, or either. */
export const commendationSubjects = ['individual', 'collective'] as const;
export type CommendationSubject = (typeof commendationSubjects)[number];
export const titleSubjects = ['individual', 'collective', 'both'] as const;

/**
 * Who decides (Law 06/2022/QH15, Article 80): the head of a department or agency of the City
 * People's Committee, the chairman of a ward (commune, special zone) People's Committee, or the
 * Chairman of the City People's Committee.
 */
export const commendationIssuers = ['department_head', 'ward_chairman', 'city_chairman'] as const;
export type CommendationIssuer = (typeof commendationIssuers)[number];

/** Decided by the nominating unit's own head, or proposed to the Chairman of the City People's Committee. */
export const nominationLevels = ['unit', 'city'] as const;
export type NominationLevel = (typeof nominationLevels)[number];

/** The yearly assessment of a civil servant or employee, best first. */
export const performanceRatings = ['excellent', 'good', 'completed', 'not_completed'] as const;
export type PerformanceRating = (typeof performanceRatings)[number];

/** Where an accepted scientific work (đề tài, đề án, công trình khoa học và công nghệ) has effect. */
export const workScopes = ['unit', 'city', 'national'] as const;

/** Workflow states of a nomination (đề nghị khen thưởng); the allowed moves are in the server's workflow table. */
export const nominationStates = ['draft', 'submitted', 'returned', 'voting', 'approved', 'not_approved', 'issued', 'withdrawn'] as const;
export type NominationState = (typeof nominationStates)[number];

/** What a person asks a nomination's workflow to do (casting and closing the vote have their own routes). */
export const nominationActions = ['submit', 'withdraw', 'return', 'open_vote', 'close_vote', 'issue'] as const;
export type NominationAction = (typeof nominationActions)[number];
export const nominationRoles = ['unit_officer', 'programme_manager', 'council_chair'] as const;
export type NominationRole = (typeof nominationRoles)[number];

export const councilMemberRoles = ['chair', 'vice_chair', 'secretary', 'member'] as const;
export const ballotChoices = ['for', 'against', 'abstain'] as const;
export type BallotChoice = (typeof ballotChoices)[number];

/** How one eligibility check came out: met, not met, or left to the council (no rule the platform can apply). */
export const checkStatuses = ['met', 'not_met', 'for_council'] as const;
export type CheckStatus = (typeof checkStatuses)[number];

export const commendationLimits = {
  nameMax: 200,
  textMax: 300,
  reportMax: 20_000,
  /** Shortest achievement report a nomination may be submitted with (Article 84: báo cáo thành tích). */
  reportMin: 50,
  reasonMax: 2_000,
  ratingsMax: 10,
  priorTitlesMax: 30,
  worksMax: 20,
  membersMax: 100_000,
  attachmentsMax: 20,
  attachmentMaxBytes: 20 * 1024 * 1024,
  nominationsPerDecisionMax: 500,
} as const;

const name = z.string().trim().min(1).max(commendationLimits.nameMax);
const shortText = z.string().trim().max(commendationLimits.textMax);
const year = z.number().int().min(2000).max(2100);
const count = z.number().int().min(0).max(commendationLimits.membersMax);

// ---------------------------------------------------------------------------------------------
// Reference data: titles and their settings

/** The settings of a title an administrator may change (values the sources did not confirm are kept here, not in code). */
export const titleSettingsSchema = z.object({
  /** Share of ALL council members whose "for" ballots approve (e.g. 90 for Chiến sĩ thi đua Thành phố). */
  voteThresholdPercent: z.number().int().min(1).max(100),
  /** "More than" the share instead of "at least" it: a simple majority is more than 50 %. */
  isThresholdStrict: z.boolean(),
  /** Ballots needed (of all members) before the chair may close the vote, as a fraction (2/3). */
  quorumNumerator: z.number().int().min(1).max(100),
  quorumDenominator: z.number().int().min(1).max(100),
  /** Chiến sĩ thi đua cơ sở only: an initiative or a scientific work is required, excellent work alone is not enough. */
  requiresInitiative: z.boolean(),
});
export const titleSettingsPatchSchema = updateSchemaOf(titleSettingsSchema);

export const titleDtoSchema = z.object({
  id: z.uuid(),
  code: z.enum(commendationTitleCodes),
  kind: z.enum(commendationKinds),
  subject: z.enum(titleSubjects),
  name: localizedTextSchema,
  issuers: z.array(z.enum(commendationIssuers)),
  /** Where the rules of the title come from, as the documents cite them. */
  legalBasis: localizedTextSchema,
  /** The criteria, in words, as the eligibility checks apply them. */
  criteria: localizedTextSchema,
  ...titleSettingsSchema.shape,
  /** Where the vote's threshold comes from, and whether a current source confirmed it. */
  thresholdBasis: localizedTextSchema,
  isThresholdConfirmed: z.boolean(),
});
export type TitleDto = z.infer<typeof titleDtoSchema>;
export const titleListSchema = z.object({ titles: z.array(titleDtoSchema) });

// ---------------------------------------------------------------------------------------------
// Councils (Hội đồng Thi đua – Khen thưởng)

export const councilMemberInputSchema = z.object({ userId: z.uuid(), role: z.enum(councilMemberRoles) });

export const councilBodySchema = z.object({
  /** The unit whose council it is: the city's for titles the City decides, a department's or ward's for its own. */
  unitId: z.uuid(),
  nameVi: name,
  nameEn: name,
  members: z.array(councilMemberInputSchema).min(1).max(60),
});

export const councilDtoSchema = z.object({
  id: z.uuid(),
  unit: z.object({ id: z.uuid(), code: z.string(), name: localizedTextSchema }),
  name: localizedTextSchema,
  members: z.array(z.object({ userId: z.uuid(), displayName: z.string(), role: z.enum(councilMemberRoles) })),
});
export const councilListSchema = z.object({ councils: z.array(councilDtoSchema) });

// ---------------------------------------------------------------------------------------------
// Nominations

export const ratingEntrySchema = z.object({ year, rating: z.enum(performanceRatings) });
export const priorTitleSchema = z.object({
  year,
  titleCode: z.enum(commendationTitleCodes),
  /** The decision that gave it (số, ngày), so the council can verify it. */
  decisionRef: z.string().trim().min(1).max(commendationLimits.textMax),
});
export const scienceWorkSchema = z.object({
  title: z.string().trim().min(1).max(commendationLimits.textMax),
  acceptedYear: year,
  scope: z.enum(workScopes),
});
/** What a collective's titles are judged on, as its unit reports it. */
export const collectiveFactsSchema = z.object({
  members: z.number().int().min(1).max(commendationLimits.membersMax),
  membersCompletingTasks: count,
  membersLdtt: count,
  membersCstdCs: count,
  /** Members disciplined with a reprimand (cảnh cáo) or heavier during the year. */
  membersDisciplined: count,
  /** The emulation bloc (khối/cụm thi đua) the collective led this year, if it did. */
  leadsEmulationBloc: shortText.nullable(),
});

/** A nomination's dossier as its unit officer writes it; a draft may be incomplete, submission checks it. */
export const nominationBodySchema = z.object({
  /** The nominating unit; its officers own the nomination. */
  unitId: z.uuid(),
  titleCode: z.enum(commendationTitleCodes),
  level: z.enum(nominationLevels),
  year,
  subject: z.enum(commendationSubjects),
  nomineeName: name,
  nomineeJobTitle: shortText.default(''),
  /** The unit the person works in, or the collective itself; within the nominating unit. */
  nomineeUnitId: z.uuid(),
  achievementReport: z.string().max(commendationLimits.reportMax).default(''),
  ratings: z.array(ratingEntrySchema).max(commendationLimits.ratingsMax).default([]),
  priorTitles: z.array(priorTitleSchema).max(commendationLimits.priorTitlesMax).default([]),
  scienceWorks: z.array(scienceWorkSchema).max(commendationLimits.worksMax).default([]),
  collective: collectiveFactsSchema.nullable().default(null),
  /** Under disciplinary review, investigation or an open complaint (Decree 152/2025/NĐ-CP, Article 4(4)). */
  isUnderReview: z.boolean().default(false),
});
export type NominationBody = z.input<typeof nominationBodySchema>;
/** Only what is sent changes; the nominating unit stays. */
export const nominationPatchSchema = updateSchemaOf(nominationBodySchema.omit({ unitId: true }));

export const nominationListQuerySchema = z.object({
  state: z.enum(nominationStates).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

export const nominationTransitionSchema = z.object({
  action: z.enum(['submit', 'withdraw', 'return', 'open_vote']),
  reason: z.string().trim().max(commendationLimits.reasonMax).default(''),
  /** The council that votes (open_vote only). */
  councilId: z.uuid().nullable().default(null),
});

export const ballotBodySchema = z.object({ choice: z.enum(ballotChoices) });

const evidenceSchema = z.object({
  kind: z.enum(['initiative', 'decision', 'declared_title', 'rating', 'science_work']),
  label: z.string(),
  /** A page of the web app that shows it, when there is one. */
  href: z.string().nullable(),
});

export const eligibilityCheckSchema = z.object({
  code: z.string(),
  status: z.enum(checkStatuses),
  message: localizedTextSchema,
  /** The rule's source, as the docs cite it. */
  basis: localizedTextSchema,
  evidence: z.array(evidenceSchema),
});
export type EligibilityCheck = z.infer<typeof eligibilityCheckSchema>;
export const eligibilitySchema = z.object({ isEligible: z.boolean(), checks: z.array(eligibilityCheckSchema) });
export type Eligibility = z.infer<typeof eligibilitySchema>;

/** The vote as each person may see it: who voted and how many, never who voted what; the counts once closed. */
export const voteViewSchema = z.object({
  council: z.object({ id: z.uuid(), name: localizedTextSchema }),
  members: z.number().int(),
  ballotsCast: z.number().int(),
  /** Members and whether they have voted (not how): for the chair and the programme managers. */
  roll: z.array(z.object({ displayName: z.string(), hasVoted: z.boolean() })).nullable(),
  myBallot: z.enum(['not_member', 'not_voted', 'voted']),
  canClose: z.boolean(),
  quorum: z.object({ numerator: z.number().int(), denominator: z.number().int(), isMet: z.boolean() }),
  threshold: z.object({ percent: z.number().int(), isStrict: z.boolean() }),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  result: z.object({ for: z.number().int(), against: z.number().int(), abstain: z.number().int(), isApproved: z.boolean() }).nullable(),
});
export type VoteView = z.infer<typeof voteViewSchema>;

export const nominationAttachmentSchema = z.object({
  id: z.uuid(),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  uploadedAt: z.string(),
  url: z.string(),
});
export type NominationAttachment = z.infer<typeof nominationAttachmentSchema>;
export const nominationAttachmentListSchema = z.object({ items: z.array(nominationAttachmentSchema) });
export const nominationAttachmentParamsSchema = z.object({ id: z.uuid(), attachmentId: z.uuid() });

export const nominationSummarySchema = z.object({
  id: z.uuid(),
  code: z.string(),
  state: z.enum(nominationStates),
  title: z.object({ code: z.enum(commendationTitleCodes), name: localizedTextSchema }),
  level: z.enum(nominationLevels),
  year: z.number().int(),
  subject: z.enum(commendationSubjects),
  nomineeName: z.string(),
  unit: z.object({ id: z.uuid(), code: z.string(), name: localizedTextSchema }),
  submittedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type NominationSummary = z.infer<typeof nominationSummarySchema>;
export const nominationListSchema = z.object({ items: z.array(nominationSummarySchema), total: z.number().int() });

export const nominationDtoSchema = nominationSummarySchema.extend({
  issuer: z.enum(commendationIssuers),
  nomineeJobTitle: z.string(),
  nomineeUnit: z.object({ id: z.uuid(), code: z.string(), name: localizedTextSchema }),
  achievementReport: z.string(),
  ratings: z.array(ratingEntrySchema),
  priorTitles: z.array(priorTitleSchema),
  scienceWorks: z.array(scienceWorkSchema),
  collective: collectiveFactsSchema.nullable(),
  isUnderReview: z.boolean(),
  eligibility: eligibilitySchema,
  attachments: z.array(nominationAttachmentSchema),
  vote: voteViewSchema.nullable(),
  decision: z.object({ id: z.uuid(), number: z.string(), signedOn: z.string() }).nullable(),
  history: z.array(
    z.object({ action: z.string(), fromState: z.string(), toState: z.string(), reason: z.string(), occurredAt: z.string() }),
  ),
  /** The steps the caller may take now. */
  can: z.object({ edit: z.boolean(), actions: z.array(z.enum(nominationActions)), vote: z.boolean() }),
});
export type NominationDto = z.infer<typeof nominationDtoSchema>;

/** A council member's list: nominations waiting for their ballot, and the ones they may close as chair. */
export const myVotesSchema = z.object({
  items: z.array(nominationSummarySchema.extend({ council: localizedTextSchema, hasVoted: z.boolean(), isChair: z.boolean() })),
});

// ---------------------------------------------------------------------------------------------
// Decisions (quyết định khen thưởng) and the public list of those commended

export const decisionBodySchema = z.object({
  titleCode: z.enum(commendationTitleCodes),
  nominationIds: z.array(z.uuid()).min(1).max(commendationLimits.nominationsPerDecisionMax),
  /** Number and symbol, e.g. "125/QĐ-UBND". */
  number: z.string().trim().min(1).max(60),
  signedOn: isoDateSchema,
  signerName: name,
  /** e.g. "Chủ tịch", "Phó Chủ tịch" (signing for the chairman). */
  signerPosition: z.string().trim().min(1).max(120),
});

export const commendedSchema = z.object({
  nominationId: z.uuid(),
  name: z.string(),
  jobTitle: z.string(),
  subject: z.enum(commendationSubjects),
  unit: z.object({ code: z.string(), name: localizedTextSchema }),
});

export const decisionDtoSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  title: z.object({ code: z.enum(commendationTitleCodes), name: localizedTextSchema }),
  year: z.number().int(),
  issuer: z.object({ kind: z.enum(commendationIssuers), unit: z.object({ code: z.string(), name: localizedTextSchema }) }),
  signedOn: z.string(),
  signerName: z.string(),
  signerPosition: z.string(),
  commended: z.array(commendedSchema),
  docxUrl: z.string(),
});
export type DecisionDto = z.infer<typeof decisionDtoSchema>;
export const decisionListSchema = z.object({ decisions: z.array(decisionDtoSchema) });
