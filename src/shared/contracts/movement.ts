import { z } from 'zod';
import { localizedTextSchema } from './common.js';
import { isoDateSchema as isoDate, windowStates } from './dates.js';
import { updateSchemaOf } from './update-schema.js';

// ---------------------------------------------------------------------------------------------
// Vocabulary

/** Workflow states of an initiative; the allowed moves between them are in the server's workflow table. */
export const initiativeStates = [
  'draft',
  'submitted',
  'screening',
  'returned',
  'under_review',
  'recognised',
  'not_recognised',
  'awarded',
  'replicated',
  'withdrawn',
] as const;
export type InitiativeState = (typeof initiativeStates)[number];

/** What a person asks the workflow to do. */
export const workflowActions = [
  'submit',
  'withdraw',
  'start_screening',
  'return',
  'accept_for_review',
  'resubmit',
  'recognise',
  'refuse',
  'award',
  'replicate',
] as const;
export type WorkflowAction = (typeof workflowActions)[number];

/** The part a person plays for one initiative (derived from their grants and memberships). */
export const workflowRoles = ['author', 'programme_manager', 'council_chair', 'unit_officer', 'public'] as const;
export type WorkflowRole = (typeof workflowRoles)[number];

/** States the public gallery shows. */
export const publicStates = ['recognised', 'awarded', 'replicated'] as const satisfies readonly InitiativeState[];

export const recognitionScopes = ['unit', 'city', 'national'] as const;
export type RecognitionScope = (typeof recognitionScopes)[number];

/** Decree 13/2012/NĐ-CP: technical, management, operational, technology-application solutions. */
export const initiativeKinds = ['technical', 'management', 'operational', 'technology_application'] as const;
export type InitiativeKind = (typeof initiativeKinds)[number];

/** Council roles; an expert (chuyên gia) scores like a member. */
export const councilRoles = ['chair', 'vice_chair', 'secretary', 'expert', 'member'] as const;
export const commentStatuses = ['visible', 'held', 'hidden'] as const;

// ---------------------------------------------------------------------------------------------
// Limits and shared field shapes

export const movementLimits = {
  titleMax: 300,
  /** Shortest name, essence and benefits a submitted application may have. */
  titleMin: 5,
  essenceMin: 20,
  benefitsMin: 5,
  longTextMax: 20_000,
  reasonMax: 2_000,
  commentMax: 2_000,
  authorsMax: 20,
  appliedByMax: 50,
  searchMax: 200,
  /** Files one application may carry. */
  attachmentsMax: 20,
  /** Largest attachment accepted (bytes). */
  attachmentMaxBytes: 20 * 1024 * 1024,
} as const;

const shortText = z.string().trim().max(300);
const longText = z.string().max(movementLimits.longTextMax);

export const authorInputSchema = z.object({
  fullName: z.string().trim().min(1).max(200),
  email: z.email().max(254).nullable().default(null),
  birthDate: isoDate.nullable().default(null),
  workplace: shortText.default(''),
  jobTitle: shortText.default(''),
  qualification: shortText.default(''),
  contributionPercent: z.number().int().min(1).max(100),
});
export type AuthorInput = z.input<typeof authorInputSchema>;

export const appliedByInputSchema = z.object({
  fullName: z.string().trim().min(1).max(200),
  birthDate: isoDate.nullable().default(null),
  workplace: shortText.default(''),
  jobTitle: shortText.default(''),
  qualification: shortText.default(''),
  contribution: z.string().max(2000).default(''),
});

/** The application form; a draft may be incomplete, submission checks completeness. */
export const initiativeDraftSchema = z.object({
  campaignId: z.uuid(),
  callId: z.uuid().nullable().default(null),
  unitId: z.uuid().nullable().default(null),
  title: z.string().trim().max(movementLimits.titleMax).default(''),
  kind: z.enum(initiativeKinds).default('technical'),
  fieldCode: z.string().trim().max(40).default(''),
  ownerName: shortText.default(''),
  firstAppliedOn: isoDate.nullable().default(null),
  essence: longText.default(''),
  confidentialInfo: longText.default(''),
  conditions: longText.default(''),
  benefits: longText.default(''),
  appliedBy: z.array(appliedByInputSchema).max(movementLimits.appliedByMax).default([]),
  authors: z.array(authorInputSchema).max(movementLimits.authorsMax).default([]),
});
export type InitiativeDraftInput = z.input<typeof initiativeDraftSchema>;
/**
 * What an application needs before it can be submitted (Decree 13/2012/NĐ-CP), as far as it can be
 * told from the form: the application form checks it before sending anything. The server checks the
 * same when the application is submitted, with what needs its data (the campaign's fields, the
 * co-authors' confirmations, the call's dates, shares adding up to 100 %).
 */
export const initiativeSubmissionSchema = initiativeDraftSchema.extend({
  title: z.string().trim().min(movementLimits.titleMin).max(movementLimits.titleMax),
  fieldCode: z.string().trim().min(1).max(40),
  firstAppliedOn: isoDate,
  essence: z.string().trim().min(movementLimits.essenceMin).max(movementLimits.longTextMax),
  benefits: z.string().trim().min(movementLimits.benefitsMin).max(movementLimits.longTextMax),
  authors: z.array(authorInputSchema).min(1).max(movementLimits.authorsMax),
});
/** Autosave sends only what changed; what it leaves out stays as it was. The campaign stays. */
export const initiativePatchSchema = updateSchemaOf(initiativeDraftSchema.omit({ campaignId: true }));

export const idParamsSchema = z.object({ id: z.uuid() });
export const reasonSchema = z.string().trim().max(movementLimits.reasonMax);

export const transitionBodySchema = z.object({
  action: z.enum(['submit', 'withdraw', 'start_screening', 'return', 'accept_for_review', 'resubmit']),
  reason: reasonSchema.default(''),
});

// ---------------------------------------------------------------------------------------------
// DTOs

export const campaignDtoSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  title: localizedTextSchema,
  kind: z.enum(['thematic', 'ongoing']),
  launchingBody: localizedTextSchema,
  decision: z.string().nullable(),
  periodStart: z.string(),
  periodEnd: z.string(),
  description: localizedTextSchema,
  eligibleParticipants: z.array(z.string()),
  fields: z.array(z.object({ code: z.string(), name: localizedTextSchema })),
  phases: z.array(
    z.object({
      id: z.uuid(),
      position: z.number(),
      name: localizedTextSchema,
      startsOn: z.string(),
      endsOn: z.string(),
      review: z.enum(['interim', 'final']).nullable(),
      reviewOn: z.string().nullable(),
    }),
  ),
  criteria: z.array(
    z.object({ id: z.uuid(), code: z.string(), name: localizedTextSchema, weight: z.number(), scaleMin: z.number(), scaleMax: z.number() }),
  ),
  calls: z.array(
    z.object({
      id: z.uuid(),
      phaseId: z.uuid().nullable(),
      title: localizedTextSchema,
      opensOn: z.string(),
      closesOn: z.string(),
      isOpen: z.boolean(),
      /** Whether the call is still to open, open, or closed: a call not yet open is not "closed". */
      state: z.enum(windowStates),
    }),
  ),
});
export type CampaignDto = z.infer<typeof campaignDtoSchema>;
export const campaignListSchema = z.object({ campaigns: z.array(campaignDtoSchema) });

export const createCampaignSchema = z.object({
  code: z
    .string()
    .trim()
    .min(2)
    .max(60)
    .regex(/^[A-Za-z0-9-]+$/),
  titleVi: z.string().trim().min(1).max(500),
  titleEn: z.string().trim().min(1).max(500),
  kind: z.enum(['thematic', 'ongoing']),
  launchingBodyVi: z.string().trim().min(1).max(300),
  launchingBodyEn: z.string().trim().min(1).max(300),
  descriptionVi: z.string().trim().max(5000).default(''),
  descriptionEn: z.string().trim().max(5000).default(''),
  decision: z.string().trim().max(200).nullable().default(null),
  periodStart: isoDate,
  periodEnd: isoDate,
  eligibleParticipants: z.array(z.string().trim().min(1).max(100)).max(20).default([]),
  fields: z
    .array(z.object({ code: z.string().trim().min(1).max(40), nameVi: z.string().min(1).max(200), nameEn: z.string().min(1).max(200) }))
    .min(1)
    .max(30),
  phases: z
    .array(
      z.object({
        nameVi: z.string().min(1).max(200),
        nameEn: z.string().min(1).max(200),
        startsOn: isoDate,
        endsOn: isoDate,
        review: z.enum(['interim', 'final']).nullable(),
        reviewOn: isoDate.nullable(),
      }),
    )
    .min(1)
    .max(10),
  criteria: z
    .array(
      z.object({
        code: z.string().trim().min(1).max(40),
        nameVi: z.string().min(1).max(200),
        nameEn: z.string().min(1).max(200),
        weight: z.number().int().min(1).max(100),
        scaleMin: z.number().int().min(0).max(100),
        scaleMax: z.number().int().min(1).max(100),
      }),
    )
    .min(1)
    .max(20),
  calls: z
    .array(
      z.object({
        phaseIndex: z.number().int().min(0).nullable(),
        titleVi: z.string().min(1).max(300),
        titleEn: z.string().min(1).max(300),
        opensOn: isoDate,
        closesOn: isoDate,
      }),
    )
    .max(20)
    .default([]),
});

/**
 * What a programme manager may change in a launched campaign. The code is its address and stays;
 * phases and calls are referred to by initiatives, registrations and councils, so they are not
 * replaced here. Criteria change only while no score sheet has been sent (checked in the service).
 */
export const campaignUpdateBodySchema = updateSchemaOf(createCampaignSchema.omit({ code: true, phases: true, calls: true }));

export const authorDtoSchema = z.object({
  id: z.uuid(),
  fullName: z.string(),
  email: z.string().nullable(),
  birthDate: z.string().nullable(),
  workplace: z.string(),
  jobTitle: z.string(),
  qualification: z.string(),
  contributionPercent: z.number(),
  /** Named by e-mail, so asked to confirm their part (the same whether or not the address has an account). */
  isConfirmationNeeded: z.boolean(),
  confirmedAt: z.string().nullable(),
  /** This author row is the signed-in person (so the page offers "confirm my part"). */
  isMe: z.boolean(),
});

/** A file of the application; `url` downloads it (the dossier's or the public route). */
export const initiativeAttachmentSchema = z.object({
  id: z.uuid(),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number(),
  isConfidential: z.boolean(),
  uploadedAt: z.string(),
  url: z.string(),
});
export type InitiativeAttachment = z.infer<typeof initiativeAttachmentSchema>;
export const initiativeAttachmentListSchema = z.object({ items: z.array(initiativeAttachmentSchema) });
/** Upload options travel in the query string; the multipart body holds only the file (field "file"). */
export const attachmentUploadQuerySchema = z.object({
  confidential: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});
export const initiativeAttachmentParamsSchema = z.object({ id: z.uuid(), attachmentId: z.uuid() });

export const transitionDtoSchema = z.object({
  action: z.string(),
  fromState: z.enum(initiativeStates),
  toState: z.enum(initiativeStates),
  actorRole: z.string(),
  reason: z.string(),
  occurredAt: z.string(),
});

/** The whole dossier, for its authors, managers, the council and assigned reviewers. */
export const initiativeDtoSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  campaignId: z.uuid(),
  callId: z.uuid().nullable(),
  unitId: z.uuid().nullable(),
  unitName: localizedTextSchema.nullable(),
  title: z.string(),
  kind: z.enum(initiativeKinds),
  fieldCode: z.string(),
  ownerName: z.string(),
  firstAppliedOn: z.string().nullable(),
  essence: z.string(),
  confidentialInfo: z.string(),
  conditions: z.string(),
  benefits: z.string(),
  appliedBy: z.array(appliedByInputSchema),
  authors: z.array(authorDtoSchema),
  state: z.enum(initiativeStates),
  scope: z.enum(recognitionScopes).nullable(),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  updatedAt: z.string(),
  supportCount: z.number(),
  replicationCount: z.number(),
  history: z.array(transitionDtoSchema),
  attachments: z.array(initiativeAttachmentSchema),
  /** The date by which the unit must decide (set when the application is accepted for review). */
  decisionDueOn: z.string().nullable(),
  isDecisionOverdue: z.boolean(),
  /** What the caller may do next (action names). */
  allowedActions: z.array(z.enum(workflowActions)),
});
export type InitiativeDto = z.infer<typeof initiativeDtoSchema>;

export const initiativeSummarySchema = z.object({
  id: z.uuid(),
  code: z.string(),
  title: z.string(),
  fieldCode: z.string(),
  state: z.enum(initiativeStates),
  scope: z.enum(recognitionScopes).nullable(),
  unitName: localizedTextSchema.nullable(),
  submittedAt: z.string().nullable(),
  updatedAt: z.string(),
  supportCount: z.number(),
  replicationCount: z.number(),
  /** Only while a decision is awaited (under review). */
  decisionDueOn: z.string().nullable(),
  isDecisionOverdue: z.boolean(),
});
export type InitiativeSummary = z.infer<typeof initiativeSummarySchema>;
export const initiativeListSchema = z.object({ items: z.array(initiativeSummarySchema), total: z.number() });

export const manageListQuerySchema = z.object({
  state: z.enum(initiativeStates).optional(),
  campaignId: z.uuid().optional(),
  /** `none`: only initiatives no council has been given yet (what a council may still be assigned). */
  assignment: z.enum(['none']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** The public face: no confidential part, authors by name and workplace only. */
export const publicInitiativeSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  title: z.string(),
  kind: z.enum(initiativeKinds),
  fieldCode: z.string(),
  campaignCode: z.string(),
  /** Names and shares only: an author's workplace, birth date and address are personal details. */
  authors: z.array(z.object({ fullName: z.string(), contributionPercent: z.number() })),
  ownerName: z.string(),
  unitName: localizedTextSchema.nullable(),
  firstAppliedOn: z.string().nullable(),
  essence: z.string(),
  conditions: z.string(),
  benefits: z.string(),
  state: z.enum(initiativeStates),
  scope: z.enum(recognitionScopes).nullable(),
  decidedAt: z.string().nullable(),
  supportCount: z.number(),
  supportedByMe: z.boolean(),
  awards: z.array(z.object({ id: z.uuid(), type: localizedTextSchema, awardedOn: z.string(), decisionRef: z.string() })),
  replications: z.array(z.object({ unitName: localizedTextSchema, adoptedOn: z.string(), results: z.string() })),
  /** Non-confidential files only. */
  attachments: z.array(initiativeAttachmentSchema.omit({ isConfidential: true })),
});
export type PublicInitiative = z.infer<typeof publicInitiativeSchema>;

export const gallerySorts = ['supports', 'newest', 'replications'] as const;
export const galleryQuerySchema = z.object({
  q: z.string().trim().max(movementLimits.searchMax).default(''),
  field: z.string().trim().max(40).optional(),
  scope: z.enum(recognitionScopes).optional(),
  unitId: z.uuid().optional(),
  sort: z.enum(gallerySorts).default('supports'),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(12),
});
export const galleryItemSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  title: z.string(),
  fieldCode: z.string(),
  state: z.enum(initiativeStates),
  scope: z.enum(recognitionScopes).nullable(),
  unitName: localizedTextSchema.nullable(),
  excerpt: z.string(),
  supportCount: z.number(),
  replicationCount: z.number(),
});
/** `total` stops at a cap (then `isTotalCapped`): exact counts of large result sets are not worth their cost. */
export const galleryResponseSchema = z.object({
  items: z.array(galleryItemSchema),
  total: z.number(),
  isTotalCapped: z.boolean(),
  page: z.number(),
  pageSize: z.number(),
});
export type GalleryItem = z.infer<typeof galleryItemSchema>;

export const supportResultSchema = z.object({ supportCount: z.number(), supportedByMe: z.boolean() });

export const commentBodySchema = z.object({ body: z.string().trim().min(2).max(movementLimits.commentMax) });
export const commentDtoSchema = z.object({
  id: z.uuid(),
  authorName: z.string(),
  /** Written by the signed-in reader (who is offered no "report" button on it). */
  isMine: z.boolean(),
  body: z.string(),
  status: z.enum(commentStatuses),
  createdAt: z.string(),
  reportCount: z.number(),
});
export const commentListSchema = z.object({ comments: z.array(commentDtoSchema) });
export const reportCommentSchema = z.object({ reason: z.string().trim().min(2).max(500) });
export const moderateCommentSchema = z.object({ action: z.enum(['hide', 'show']), note: z.string().trim().max(500).default('') });
/** Why a comment waits for a moderator: the filter's reason (spam, links, …) or readers' reports. */
export const moderationItemSchema = commentDtoSchema.extend({
  initiativeId: z.uuid(),
  initiativeTitle: z.string(),
  heldBy: z.enum(['filter', 'reports', 'moderator']),
  heldReason: z.string(),
  reportReasons: z.array(z.string()),
});
export const moderationQueueSchema = z.object({ comments: z.array(moderationItemSchema) });
export type ModerationItem = z.infer<typeof moderationItemSchema>;

// Councils and reviews
export const createCouncilSchema = z.object({
  campaignId: z.uuid(),
  phaseId: z.uuid().nullable().default(null),
  nameVi: z.string().trim().min(1).max(300),
  nameEn: z.string().trim().min(1).max(300),
  approvalThresholdPercent: z.number().int().min(50).max(100).default(67),
  members: z
    .array(z.object({ userId: z.uuid(), unitId: z.uuid().nullable().default(null), role: z.enum(councilRoles) }))
    .min(1)
    .max(50),
});
/** A council's name, phase, threshold and members; its campaign stays (checked against its reviews in the service). */
export const councilUpdateBodySchema = updateSchemaOf(createCouncilSchema.omit({ campaignId: true }));
/** Accounts a manager may put on a council: staff accounts or holders of a role, with the unit of their first grant. */
export const councilCandidateQuerySchema = z.object({ q: z.string().trim().max(100).default('') });
export const councilCandidateListSchema = z.object({
  items: z.array(z.object({ id: z.uuid(), displayName: z.string(), email: z.string(), unitId: z.uuid().nullable() })),
});
export const councilDtoSchema = z.object({
  id: z.uuid(),
  campaignId: z.uuid(),
  phaseId: z.uuid().nullable(),
  name: localizedTextSchema,
  approvalThresholdPercent: z.number(),
  members: z.array(
    z.object({ userId: z.uuid(), displayName: z.string(), role: z.enum(councilRoles), unitId: z.uuid().nullable(), load: z.number() }),
  ),
});
export type CouncilDto = z.infer<typeof councilDtoSchema>;
export const assignBodySchema = z.object({
  initiativeIds: z.array(z.uuid()).min(1).max(200),
  reviewersPerInitiative: z.number().int().min(1).max(15).default(3),
});
export const assignResultSchema = z.object({ assignments: z.array(z.object({ initiativeId: z.uuid(), reviewerIds: z.array(z.uuid()) })) });
export const conflictBodySchema = z.object({ reason: z.string().trim().min(3).max(1000) });

export const reviewTaskSchema = z.object({
  assignmentId: z.uuid(),
  councilId: z.uuid(),
  initiativeId: z.uuid(),
  initiativeCode: z.string(),
  initiativeTitle: z.string(),
  submittedAt: z.string().nullable(),
});
export const reviewTaskListSchema = z.object({ tasks: z.array(reviewTaskSchema) });
export const scoreSheetSchema = z.object({
  scores: z
    .array(z.object({ criterionId: z.uuid(), score: z.number().int().min(0).max(100), comment: z.string().trim().max(2000).default('') }))
    .min(1)
    .max(20),
});
export const scoresViewSchema = z.object({
  mine: z.array(z.object({ criterionId: z.uuid(), score: z.number(), comment: z.string() })),
  mySubmittedAt: z.string().nullable(),
  others: z.array(
    z.object({
      reviewerName: z.string(),
      total: z.number(),
      scores: z.array(z.object({ criterionId: z.uuid(), score: z.number(), comment: z.string() })),
    }),
  ),
  aggregate: z.object({ mean: z.number(), spread: z.number(), reviewers: z.number(), isDisputed: z.boolean() }).nullable(),
});

export const rankingSchema = z.object({
  rows: z.array(
    z.object({
      rank: z.number(),
      initiativeId: z.uuid(),
      code: z.string(),
      title: z.string(),
      state: z.enum(initiativeStates),
      mean: z.number().nullable(),
      spread: z.number().nullable(),
      reviewers: z.number(),
      pendingReviews: z.number(),
      isDisputed: z.boolean(),
    }),
  ),
});

export const decisionBodySchema = z.object({
  initiativeId: z.uuid(),
  outcome: z.enum(['recognised', 'not_recognised']),
  scope: z.enum(recognitionScopes).nullable().default(null),
  votesFor: z.number().int().min(0).max(100),
  votesAgainst: z.number().int().min(0).max(100),
  votesAbstain: z.number().int().min(0).max(100).default(0),
  reason: reasonSchema.default(''),
});

// Awards and replication
export const awardTypeListSchema = z.object({
  types: z.array(z.object({ code: z.string(), name: localizedTextSchema, issuer: localizedTextSchema })),
});
export const awardBodySchema = z.object({
  awardTypeCode: z.string().trim().min(1).max(40),
  phaseId: z.uuid().nullable().default(null),
  decisionRef: z.string().trim().min(1).max(200),
  awardedOn: isoDate,
  recipients: z.string().trim().min(1).max(1000),
});
export const awardDtoSchema = z.object({
  id: z.uuid(),
  initiativeId: z.uuid(),
  initiativeCode: z.string(),
  initiativeTitle: z.string(),
  type: localizedTextSchema,
  issuer: localizedTextSchema,
  decisionRef: z.string(),
  awardedOn: z.string(),
  recipients: z.string(),
  scope: z.enum(recognitionScopes).nullable(),
});
export const awardListSchema = z.object({ awards: z.array(awardDtoSchema) });
export const replicationBodySchema = z.object({ unitId: z.uuid(), adoptedOn: isoDate, results: z.string().trim().min(3).max(5000) });
export const replicationDtoSchema = z.object({
  id: z.uuid(),
  initiativeId: z.uuid(),
  unitId: z.uuid(),
  unitName: localizedTextSchema,
  adoptedOn: z.string(),
  results: z.string(),
});
export const mostReplicatedSchema = z.object({ items: z.array(galleryItemSchema) });

// Similar initiatives
export const similarQuerySchema = z.object({
  text: z.string().trim().min(3).max(4000),
  excludeId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(20).default(5),
});
export const similarResponseSchema = z.object({
  items: z.array(z.object({ id: z.uuid(), code: z.string(), title: z.string(), state: z.enum(initiativeStates), score: z.number() })),
});

// Registrations and reports
export const registrationBodySchema = z.object({
  unitId: z.uuid(),
  commitments: z
    .array(z.object({ text: z.string().trim().min(3).max(1000), target: z.string().trim().max(300).default('') }))
    .min(1)
    .max(30),
});
export const registrationReportSchema = z.object({
  review: z.enum(['interim', 'final']),
  report: z.string().trim().min(3).max(movementLimits.longTextMax),
});
export const registrationDtoSchema = z.object({
  id: z.uuid(),
  phaseId: z.uuid(),
  unitId: z.uuid(),
  unitName: localizedTextSchema,
  commitments: z.array(z.object({ text: z.string(), target: z.string() })),
  interimReport: z.string().nullable(),
  finalReport: z.string().nullable(),
});
export const registrationListSchema = z.object({ registrations: z.array(registrationDtoSchema) });
export const phaseReportSchema = z.object({
  phase: z.object({
    id: z.uuid(),
    name: localizedTextSchema,
    review: z.enum(['interim', 'final']).nullable(),
    startsOn: z.string(),
    endsOn: z.string(),
  }),
  byField: z.array(z.object({ key: z.string(), count: z.number() })),
  /** `key` is the Vietnamese name (what the DOCX and XLSX print); `name` carries both languages for the page. */
  byUnit: z.array(z.object({ key: z.string(), name: localizedTextSchema, count: z.number() })),
  byState: z.array(z.object({ key: z.string(), count: z.number() })),
  top: z.array(
    z.object({ code: z.string(), title: z.string(), supportCount: z.number(), replicationCount: z.number(), scope: z.string().nullable() }),
  ),
  awards: z.array(z.object({ type: z.string(), name: localizedTextSchema, count: z.number() })),
  replications: z.number(),
  registrations: z.number(),
});
export type PhaseReport = z.infer<typeof phaseReportSchema>;
