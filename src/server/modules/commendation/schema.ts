import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
  commendationIssuers,
  commendationKinds,
  commendationSubjects,
  commendationTitleCodes,
  councilMemberRoles,
  nominationLevels,
  nominationStates,
  titleSubjects,
} from '../../../shared/contracts/commendation.js';
import type { z } from 'zod';
import type {
  collectiveFactsSchema,
  priorTitleSchema,
  ratingEntrySchema,
  scienceWorkSchema,
} from '../../../shared/contracts/commendation.js';
import { editVersion, idColumn, timestamps } from '../../db/columns.js';
import { units, users } from '../identity/schema.js';

/**
 * The emulation titles and forms of commendation (reference data the migration loads): who may give
 * each, and the vote each needs — the values the sources did not confirm are settings here, never
 * constants in code. What each title requires is in eligibility.ts, keyed by `code`.
 */
export const commendationTitles = pgTable(
  'commendation_titles',
  {
    id: idColumn(),
    version: editVersion(),
    code: text('code', { enum: commendationTitleCodes }).notNull(),
    position: integer('position').notNull(),
    kind: text('kind', { enum: commendationKinds }).notNull(),
    subject: text('subject', { enum: titleSubjects }).notNull(),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en').notNull(),
    issuers: jsonb('issuers').$type<Array<(typeof commendationIssuers)[number]>>().notNull(),
    voteThresholdPercent: integer('vote_threshold_percent').notNull(),
    isThresholdStrict: boolean('is_threshold_strict').notNull().default(false),
    quorumNumerator: integer('quorum_numerator').notNull().default(2),
    quorumDenominator: integer('quorum_denominator').notNull().default(3),
    requiresInitiative: boolean('requires_initiative').notNull().default(false),
    ...timestamps(),
  },
  (t) => [uniqueIndex('commendation_titles_code_key').on(t.code)],
);

/** An emulation and commendation council (Hội đồng Thi đua – Khen thưởng) of a unit: the city's, a department's, a ward's. */
export const commendationCouncils = pgTable(
  'commendation_councils',
  {
    id: idColumn(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
  },
  (t) => [index('commendation_councils_unit_id_idx').on(t.unitId), index('commendation_councils_created_by_idx').on(t.createdBy)],
);

export const commendationCouncilMembers = pgTable(
  'commendation_council_members',
  {
    id: idColumn(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => commendationCouncils.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role', { enum: councilMemberRoles }).notNull().default('member'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('commendation_council_members_council_user_key').on(t.councilId, t.userId),
    index('commendation_council_members_user_id_idx').on(t.userId),
  ],
);

/** A decision (quyết định khen thưởng) giving one title to the nominations it lists. */
export const commendationDecisions = pgTable(
  'commendation_decisions',
  {
    id: idColumn(),
    number: text('number').notNull(),
    titleId: uuid('title_id')
      .notNull()
      .references(() => commendationTitles.id),
    year: integer('year').notNull(),
    issuer: text('issuer', { enum: commendationIssuers }).notNull(),
    issuerUnitId: uuid('issuer_unit_id')
      .notNull()
      .references(() => units.id),
    signedOn: date('signed_on', { mode: 'string' }).notNull(),
    signerName: text('signer_name').notNull(),
    signerPosition: text('signer_position').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('commendation_decisions_issuer_number_key').on(t.issuerUnitId, t.number),
    index('commendation_decisions_title_id_idx').on(t.titleId),
    index('commendation_decisions_created_by_idx').on(t.createdBy),
    index('commendation_decisions_signed_on_idx').on(t.signedOn),
  ],
);

export type RatingEntry = z.infer<typeof ratingEntrySchema>;
export type PriorTitle = z.infer<typeof priorTitleSchema>;
export type ScienceWork = z.infer<typeof scienceWorkSchema>;
export type CollectiveFacts = z.infer<typeof collectiveFactsSchema>;

/** A nomination (đề nghị khen thưởng) of a person or a collective by a unit, with its dossier. */
export const nominations = pgTable(
  'nominations',
  {
    id: idColumn(),
    version: editVersion(),
    code: text('code').notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    titleId: uuid('title_id')
      .notNull()
      .references(() => commendationTitles.id),
    level: text('level', { enum: nominationLevels }).notNull(),
    year: integer('year').notNull(),
    subject: text('subject', { enum: commendationSubjects }).notNull(),
    nomineeName: text('nominee_name').notNull(),
    /** The name folded (no diacritics, lower case): how a person's titles and initiatives are found again. */
    nomineeKey: text('nominee_key').notNull(),
    nomineeJobTitle: text('nominee_job_title').notNull().default(''),
    nomineeUnitId: uuid('nominee_unit_id')
      .notNull()
      .references(() => units.id),
    achievementReport: text('achievement_report').notNull().default(''),
    ratings: jsonb('ratings').$type<RatingEntry[]>().notNull().default([]),
    priorTitles: jsonb('prior_titles').$type<PriorTitle[]>().notNull().default([]),
    scienceWorks: jsonb('science_works').$type<ScienceWork[]>().notNull().default([]),
    collective: jsonb('collective').$type<CollectiveFacts | null>(),
    isUnderReview: boolean('is_under_review').notNull().default(false),
    state: text('state', { enum: nominationStates }).notNull().default('draft'),
    councilId: uuid('council_id').references(() => commendationCouncils.id),
    decisionId: uuid('decision_id').references(() => commendationDecisions.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'string' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('nominations_code_key').on(t.code),
    index('nominations_unit_id_idx').on(t.unitId),
    index('nominations_title_id_idx').on(t.titleId),
    index('nominations_nominee_unit_id_idx').on(t.nomineeUnitId),
    index('nominations_state_idx').on(t.state),
    index('nominations_council_id_idx').on(t.councilId),
    index('nominations_decision_id_idx').on(t.decisionId),
    index('nominations_created_by_idx').on(t.createdBy),
    // A person's earlier titles are looked up by their folded name and year.
    index('nominations_nominee_key_idx').on(t.nomineeKey, t.year),
  ],
);

/** Every workflow step of a nomination, with who took it and why. */
export const nominationTransitions = pgTable(
  'nomination_transitions',
  {
    id: idColumn(),
    nominationId: uuid('nomination_id')
      .notNull()
      .references(() => nominations.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    fromState: text('from_state').notNull(),
    toState: text('to_state').notNull(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    actorRole: text('actor_role').notNull(),
    reason: text('reason').notNull().default(''),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'string' }).notNull(),
    seq: integer('seq').generatedAlwaysAsIdentity(),
  },
  (t) => [
    index('nomination_transitions_nomination_id_idx').on(t.nominationId, t.occurredAt),
    index('nomination_transitions_actor_id_idx').on(t.actorId),
  ],
);

export const nominationAttachments = pgTable(
  'nomination_attachments',
  {
    id: idColumn(),
    nominationId: uuid('nomination_id')
      .notNull()
      .references(() => nominations.id, { onDelete: 'cascade' }),
    attachmentId: uuid('attachment_id').notNull(),
    fileName: text('file_name').notNull(),
    ...timestamps(),
  },
  (t) => [
    index('nomination_attachments_nomination_id_idx').on(t.nominationId),
    uniqueIndex('nomination_attachments_attachment_id_key').on(t.attachmentId),
  ],
);

/**
 * A secret ballot's tally: counters only. No row says what a member chose, so nothing — no id,
 * timestamp or transaction id — links a ballot to the person who cast it. The threshold and quorum
 * are copied when the vote opens, so a change of the settings never moves an open vote.
 */
export const nominationVotes = pgTable(
  'nomination_votes',
  {
    nominationId: uuid('nomination_id')
      .primaryKey()
      .references(() => nominations.id, { onDelete: 'cascade' }),
    councilId: uuid('council_id')
      .notNull()
      .references(() => commendationCouncils.id),
    votesFor: integer('votes_for').notNull().default(0),
    votesAgainst: integer('votes_against').notNull().default(0),
    votesAbstain: integer('votes_abstain').notNull().default(0),
    thresholdPercent: integer('threshold_percent').notNull(),
    isThresholdStrict: boolean('is_threshold_strict').notNull(),
    quorumNumerator: integer('quorum_numerator').notNull(),
    quorumDenominator: integer('quorum_denominator').notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true, mode: 'string' }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [index('nomination_votes_council_id_idx').on(t.councilId)],
);

/**
 * The roll of a vote: the council's members when it opened, and when each voted (so each votes
 * once) — never what.
 */
export const nominationVoters = pgTable(
  'nomination_voters',
  {
    nominationId: uuid('nomination_id')
      .notNull()
      .references(() => nominations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    votedAt: timestamp('voted_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [
    primaryKey({ columns: [t.nominationId, t.userId], name: 'nomination_voters_pkey' }),
    index('nomination_voters_user_id_idx').on(t.userId),
  ],
);
