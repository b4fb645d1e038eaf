import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, timestamps, editVersion } from '../../db/columns.js';
import { commentStatuses, councilRoles, initiativeKinds, initiativeStates, recognitionScopes } from '../../../shared/contracts/movement.js';
import { units, users } from '../identity/schema.js';

export type CampaignField = { code: string; nameVi: string; nameEn: string };

/** An emulation movement (phong trào thi đua). */
export const campaigns = pgTable(
  'campaigns',
  {
    id: idColumn(),
    code: text('code').notNull(),
    titleVi: text('title_vi').notNull(),
    titleEn: text('title_en').notNull(),
    kind: text('kind', { enum: ['thematic', 'ongoing'] }).notNull(),
    launchingBodyVi: text('launching_body_vi').notNull(),
    launchingBodyEn: text('launching_body_en').notNull(),
    decision: text('decision'),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    descriptionVi: text('description_vi').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    fields: jsonb('fields').$type<CampaignField[]>().notNull().default([]),
    eligibleParticipants: jsonb('eligible_participants').$type<string[]>().notNull().default([]),
    version: editVersion(),
    ...timestamps(),
  },
  (t) => [uniqueIndex('campaigns_code_key').on(t.code)],
);

export const campaignPhases = pgTable(
  'campaign_phases',
  {
    id: idColumn(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    review: text('review', { enum: ['interim', 'final'] }),
    reviewOn: date('review_on', { mode: 'string' }),
    ...timestamps(),
  },
  (t) => [uniqueIndex('campaign_phases_campaign_position_key').on(t.campaignId, t.position), index('campaign_phases_campaign_id_idx').on(t.campaignId)],
);

// ---------------------------------------------------------------------------------------------
// Criteria, calls, registrations

/** An evaluation criterion of a campaign: its weight (points out of the criteria's total) and score scale. */
export const campaignCriteria = pgTable(
  'campaign_criteria',
  {
    id: idColumn(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    position: integer('position').notNull(),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en').notNull(),
    weight: integer('weight').notNull(),
    scaleMin: integer('scale_min').notNull().default(0),
    scaleMax: integer('scale_max').notNull().default(10),
    ...timestamps(),
  },
  (t) => [uniqueIndex('campaign_criteria_campaign_code_key').on(t.campaignId, t.code), index('campaign_criteria_campaign_id_idx').on(t.campaignId)],
);

/** A call for submissions (đợt tiếp nhận) with its opening and closing dates. */
export const campaignCalls = pgTable(
  'campaign_calls',
  {
    id: idColumn(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    phaseId: uuid('phase_id').references(() => campaignPhases.id, { onDelete: 'set null' }),
    titleVi: text('title_vi').notNull(),
    titleEn: text('title_en').notNull(),
    opensOn: date('opens_on', { mode: 'string' }).notNull(),
    closesOn: date('closes_on', { mode: 'string' }).notNull(),
    ...timestamps(),
  },
  (t) => [index('campaign_calls_campaign_id_idx').on(t.campaignId), index('campaign_calls_phase_id_idx').on(t.phaseId)],
);

export type Commitment = { text: string; target: string };

/** A unit's registration in a phase (đăng ký thi đua), with its reports at the interim and final reviews. */
export const unitRegistrations = pgTable(
  'unit_registrations',
  {
    id: idColumn(),
    version: editVersion(),
    phaseId: uuid('phase_id')
      .notNull()
      .references(() => campaignPhases.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    registeredBy: uuid('registered_by').references(() => users.id, { onDelete: 'set null' }),
    commitments: jsonb('commitments').$type<Commitment[]>().notNull().default([]),
    interimReport: text('interim_report'),
    interimReportedAt: timestamp('interim_reported_at', { withTimezone: true, mode: 'string' }),
    finalReport: text('final_report'),
    finalReportedAt: timestamp('final_reported_at', { withTimezone: true, mode: 'string' }),
    ...timestamps(),
  },
  (t) => [uniqueIndex('unit_registrations_phase_unit_key').on(t.phaseId, t.unitId), index('unit_registrations_unit_id_idx').on(t.unitId)],
);

// ---------------------------------------------------------------------------------------------
// Initiatives

export type AppliedByPerson = { fullName: string; birthDate: string | null; workplace: string; jobTitle: string; qualification: string; contribution: string };

/** An initiative (sáng kiến) following the application form of Decree 13/2012/NĐ-CP. */
export const initiatives = pgTable(
  'initiatives',
  {
    id: idColumn(),
    version: editVersion(),
    code: text('code').notNull(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    phaseId: uuid('phase_id').references(() => campaignPhases.id, { onDelete: 'set null' }),
    callId: uuid('call_id').references(() => campaignCalls.id, { onDelete: 'set null' }),
    submitterId: uuid('submitter_id').references(() => users.id, { onDelete: 'set null' }),
    /** The unit where the initiative was made and first applied (conflicts of interest are judged on it). */
    unitId: uuid('unit_id').references(() => units.id),
    title: text('title').notNull(),
    kind: text('kind', { enum: initiativeKinds }).notNull().default('technical'),
    fieldCode: text('field_code').notNull(),
    ownerName: text('owner_name').notNull().default(''),
    firstAppliedOn: date('first_applied_on', { mode: 'string' }),
    essence: text('essence').notNull().default(''),
    /** Never shown publicly. */
    confidentialInfo: text('confidential_info').notNull().default(''),
    conditions: text('conditions').notNull().default(''),
    benefits: text('benefits').notNull().default(''),
    appliedBy: jsonb('applied_by').$type<AppliedByPerson[]>().notNull().default([]),
    state: text('state', { enum: initiativeStates }).notNull().default('draft'),
    scope: text('scope', { enum: recognitionScopes }),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'string' }),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'string' }),
    /** Title and essence folded (no diacritics, lower case) for the gallery's search. */
    searchText: text('search_text').notNull().default(''),
    /** The folded syllables of `searchText`, which the gallery's search matches whole. */
    searchTokens: text('search_tokens').array().notNull().default(sql`'{}'::text[]`),
    supportCount: integer('support_count').notNull().default(0),
    replicationCount: integer('replication_count').notNull().default(0),
    /** When the unit must decide: set when the application is accepted (sent to the council), see decision-deadline.ts. */
    decisionDueOn: date('decision_due_on', { mode: 'string' }),
    /** The managers were told the decision is near its due date (sent once per acceptance). */
    decisionDueSoonNotifiedAt: timestamp('decision_due_soon_notified_at', { withTimezone: true, mode: 'string' }),
    /** The managers were told the decision is overdue (sent once per acceptance). */
    decisionOverdueNotifiedAt: timestamp('decision_overdue_notified_at', { withTimezone: true, mode: 'string' }),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('initiatives_code_key').on(t.code),
    // The daily deadline job reads only initiatives waiting for a decision.
    index('initiatives_decision_due_idx')
      .on(t.decisionDueOn)
      .where(sql`${t.state} = 'under_review'`),
    index('initiatives_campaign_id_idx').on(t.campaignId),
    index('initiatives_phase_id_idx').on(t.phaseId),
    index('initiatives_call_id_idx').on(t.callId),
    index('initiatives_submitter_id_idx').on(t.submitterId),
    index('initiatives_unit_id_idx').on(t.unitId),
    index('initiatives_state_idx').on(t.state, t.fieldCode),
    // Similar initiatives: substring and similarity over folded text.
    index('initiatives_search_text_trgm_idx').using('gin', t.searchText.op('gin_trgm_ops')),
    // The gallery's search over public initiatives only: a broad word then reads only rows it may show.
    index('initiatives_gallery_tokens_idx')
      .using('gin', t.searchTokens)
      .where(sql`${t.state} in ('recognised', 'awarded', 'replicated')`),
    // The gallery's default order over public initiatives only, so a page is read from the index, not sorted.
    index('initiatives_gallery_supports_idx')
      .on(t.supportCount.desc(), t.id)
      .where(sql`${t.state} in ('recognised', 'awarded', 'replicated')`),
    index('initiatives_gallery_decided_idx')
      .on(t.decidedAt.desc(), t.id)
      .where(sql`${t.state} in ('recognised', 'awarded', 'replicated')`),
  ],
);

/** An author with their contribution (shares sum to 100); co-authors named by e-mail confirm their part. */
export const initiativeAuthors = pgTable(
  'initiative_authors',
  {
    id: idColumn(),
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    email: text('email'),
    fullName: text('full_name').notNull(),
    birthDate: date('birth_date', { mode: 'string' }),
    workplace: text('workplace').notNull().default(''),
    jobTitle: text('job_title').notNull().default(''),
    qualification: text('qualification').notNull().default(''),
    contributionPercent: integer('contribution_percent').notNull(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true, mode: 'string' }),
    ...timestamps(),
  },
  (t) => [
    index('initiative_authors_initiative_id_idx').on(t.initiativeId),
    index('initiative_authors_user_id_idx').on(t.userId),
    // Co-authors invited by e-mail, found by address when they come with an account of their own.
    index('initiative_authors_invited_email_idx')
      .on(sql`lower(${t.email})`)
      .where(sql`${t.userId} is null`),
  ],
);

export const initiativeAttachments = pgTable(
  'initiative_attachments',
  {
    id: idColumn(),
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    attachmentId: uuid('attachment_id').notNull(),
    fileName: text('file_name').notNull(),
    /** Never listed or served on the public side; only those who read the whole dossier (authors, managers, its council) see it. */
    isConfidential: boolean('is_confidential').notNull().default(false),
    ...timestamps(),
  },
  (t) => [index('initiative_attachments_initiative_id_idx').on(t.initiativeId), uniqueIndex('initiative_attachments_attachment_id_key').on(t.attachmentId)],
);

/** Every workflow step, with who took it and why. */
export const initiativeTransitions = pgTable(
  'initiative_transitions',
  {
    id: idColumn(),
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    fromState: text('from_state').notNull(),
    toState: text('to_state').notNull(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    actorRole: text('actor_role').notNull(),
    reason: text('reason').notNull().default(''),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'string' }).notNull(),
    /** Orders steps taken in the same instant (one request may take two). */
    seq: integer('seq').generatedAlwaysAsIdentity(),
  },
  (t) => [index('initiative_transitions_initiative_id_idx').on(t.initiativeId, t.occurredAt)],
);

// ---------------------------------------------------------------------------------------------
// Councils and scoring

/** An initiative council (Hội đồng sáng kiến) for a campaign. */
export const reviewCouncils = pgTable(
  'review_councils',
  {
    id: idColumn(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    phaseId: uuid('phase_id').references(() => campaignPhases.id, { onDelete: 'set null' }),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en').notNull(),
    /** Share of members who must agree to recognise (Decree 13/2012: 2/3; configurable). */
    approvalThresholdPercent: integer('approval_threshold_percent').notNull().default(67),
    version: editVersion(),
    ...timestamps(),
  },
  (t) => [index('review_councils_campaign_id_idx').on(t.campaignId)],
);

export const councilMembers = pgTable(
  'council_members',
  {
    id: idColumn(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => reviewCouncils.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** The member's own unit: they never review initiatives of it. */
    unitId: uuid('unit_id').references(() => units.id),
    role: text('role', { enum: councilRoles }).notNull().default('member'),
    ...timestamps(),
  },
  (t) => [uniqueIndex('council_members_council_user_key').on(t.councilId, t.userId), index('council_members_user_id_idx').on(t.userId)],
);

/** A reviewer's declared conflict of interest with one initiative. */
export const conflictDeclarations = pgTable(
  'conflict_declarations',
  {
    id: idColumn(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull(),
    ...timestamps(),
  },
  (t) => [uniqueIndex('conflict_declarations_user_initiative_key').on(t.userId, t.initiativeId), index('conflict_declarations_initiative_id_idx').on(t.initiativeId)],
);

export const reviewAssignments = pgTable(
  'review_assignments',
  {
    id: idColumn(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => reviewCouncils.id, { onDelete: 'cascade' }),
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    reviewerId: uuid('reviewer_id')
      .notNull()
      .references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'string' }),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('review_assignments_initiative_reviewer_key').on(t.initiativeId, t.reviewerId),
    index('review_assignments_reviewer_id_idx').on(t.reviewerId),
    index('review_assignments_council_id_idx').on(t.councilId),
  ],
);

export const reviewScores = pgTable(
  'review_scores',
  {
    id: idColumn(),
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => reviewAssignments.id, { onDelete: 'cascade' }),
    criterionId: uuid('criterion_id')
      .notNull()
      .references(() => campaignCriteria.id),
    score: integer('score').notNull(),
    comment: text('comment').notNull().default(''),
    ...timestamps(),
  },
  (t) => [uniqueIndex('review_scores_assignment_criterion_key').on(t.assignmentId, t.criterionId), index('review_scores_criterion_id_idx').on(t.criterionId)],
);

/** The council's decision on one initiative, with its vote tally and the aggregate at the time. */
export const councilDecisions = pgTable(
  'council_decisions',
  {
    id: idColumn(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => reviewCouncils.id),
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    outcome: text('outcome', { enum: ['recognised', 'not_recognised'] }).notNull(),
    scope: text('scope', { enum: recognitionScopes }),
    votesFor: integer('votes_for').notNull(),
    votesAgainst: integer('votes_against').notNull(),
    votesAbstain: integer('votes_abstain').notNull(),
    aggregateScore: integer('aggregate_score_x100'),
    reason: text('reason').notNull().default(''),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'string' }).notNull(),
    ...timestamps(),
  },
  (t) => [uniqueIndex('council_decisions_initiative_key').on(t.initiativeId), index('council_decisions_council_id_idx').on(t.councilId)],
);

// ---------------------------------------------------------------------------------------------
// Commendation and replication

export const awardTypes = pgTable(
  'award_types',
  {
    id: idColumn(),
    code: text('code').notNull(),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en').notNull(),
    issuerVi: text('issuer_vi').notNull(),
    issuerEn: text('issuer_en').notNull(),
    ...timestamps(),
  },
  (t) => [uniqueIndex('award_types_code_key').on(t.code)],
);

export const awards = pgTable(
  'awards',
  {
    id: idColumn(),
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    phaseId: uuid('phase_id').references(() => campaignPhases.id, { onDelete: 'set null' }),
    awardTypeId: uuid('award_type_id')
      .notNull()
      .references(() => awardTypes.id),
    decisionRef: text('decision_ref').notNull(),
    awardedOn: date('awarded_on', { mode: 'string' }).notNull(),
    recipients: text('recipients').notNull(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('awards_initiative_type_key').on(t.initiativeId, t.awardTypeId),
    index('awards_phase_id_idx').on(t.phaseId),
    index('awards_award_type_id_idx').on(t.awardTypeId),
  ],
);

/** A unit that adopted an initiative (nhân rộng), when, and with what results. */
export const replications = pgTable(
  'replications',
  {
    id: idColumn(),
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    adoptedOn: date('adopted_on', { mode: 'string' }).notNull(),
    results: text('results').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
  },
  (t) => [uniqueIndex('replications_initiative_unit_key').on(t.initiativeId, t.unitId), index('replications_unit_id_idx').on(t.unitId)],
);

// ---------------------------------------------------------------------------------------------
// Public participation

/** One support per account per initiative: the unique key is what makes the count exact. */
export const initiativeSupports = pgTable(
  'initiative_supports',
  {
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.initiativeId, t.userId], name: 'initiative_supports_pkey' }), index('initiative_supports_user_id_idx').on(t.userId)],
);

export const initiativeComments = pgTable(
  'initiative_comments',
  {
    id: idColumn(),
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    status: text('status', { enum: commentStatuses }).notNull().default('visible'),
    /** Why the filter held it or a moderator hid it. */
    moderationNote: text('moderation_note').notNull().default(''),
    reportCount: integer('report_count').notNull().default(0),
    ...timestamps(),
  },
  (t) => [index('initiative_comments_initiative_id_idx').on(t.initiativeId, t.createdAt), index('initiative_comments_author_id_idx').on(t.authorId)],
);

export const commentReports = pgTable(
  'comment_reports',
  {
    commentId: uuid('comment_id')
      .notNull()
      .references(() => initiativeComments.id, { onDelete: 'cascade' }),
    reporterId: uuid('reporter_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.commentId, t.reporterId], name: 'comment_reports_pkey' }), index('comment_reports_reporter_id_idx').on(t.reporterId)],
);
