import { sql } from 'drizzle-orm';
import { boolean, customType, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, timestamps, editVersion } from '../../db/columns.js';
import { attachments } from '../../db/platform-schema.js';
import {
  applicationStatuses,
  claimMethods,
  claimStatuses,
  organisationKinds,
  programmeKinds,
  relationKinds,
  sizeBands,
  startupStages,
  type EcosystemField,
  type StartupStage,
} from '../../../shared/contracts/ecosystem.js';
import { units, users } from '../identity/schema.js';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** One actor of the ecosystem directory, kept by its owner once claimed, verified by the Startup Centre's staff. */
export const ecoOrganisations = pgTable(
  'eco_organisations',
  {
    id: idColumn(),
    slug: text('slug').notNull(),
    kind: text('kind', { enum: organisationKinds }).notNull(),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en').notNull().default(''),
    fields: jsonb('fields').$type<EcosystemField[]>().notNull().default([]),
    stage: text('stage', { enum: startupStages }),
    servesStages: jsonb('serves_stages').$type<StartupStage[]>().notNull().default([]),
    certificateNumber: text('certificate_number'),
    certificateDate: date('certificate_date', { mode: 'string' }),
    address: text('address').notNull().default(''),
    wardUnitId: uuid('ward_unit_id').references(() => units.id),
    foundedYear: integer('founded_year'),
    sizeBand: text('size_band', { enum: sizeBands }),
    website: text('website'),
    contactEmail: text('contact_email'),
    contactPhone: text('contact_phone'),
    descriptionVi: text('description_vi').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    logoAttachmentId: uuid('logo_attachment_id').references(() => attachments.id, { onDelete: 'set null' }),
    ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'set null' }),
    verifiedAt: at('verified_at'),
    verifiedBy: uuid('verified_by').references(() => users.id, { onDelete: 'set null' }),
    /** When the owner (or staff, on verifying) last said the organisation is still active. */
    lastConfirmedAt: at('last_confirmed_at').notNull().defaultNow(),
    activeCheckSentAt: at('active_check_sent_at'),
    /** Demo data invented for illustration, never a real organisation. */
    isIllustrative: boolean('is_illustrative').notNull().default(false),
    version: editVersion(),
    /**
     * The directory's text search, folded (no diacritics) and stored with the row, so a query with
     * facets is one bitmap of this table's indexes, never a to_tsvector per candidate row.
     */
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      sql`to_tsvector('simple'::regconfig, f_unaccent(lower(name_vi || ' ' || name_en || ' ' || description_vi || ' ' || description_en || ' ' || address)))`,
    ),
    /** Both names folded, for the fuzzy (trigram) match that forgives a typo in a name. */
    searchName: text('search_name').generatedAlwaysAs(sql`f_unaccent(lower(name_vi || ' ' || name_en))`),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('eco_organisations_slug_key').on(t.slug),
    index('eco_organisations_search_vector_idx').using('gin', t.searchVector),
    index('eco_organisations_search_name_trgm_idx').using('gin', sql`${t.searchName} gin_trgm_ops`),
    index('eco_organisations_kind_name_idx').on(t.kind, t.nameVi),
    index('eco_organisations_ward_idx').on(t.wardUnitId),
    index('eco_organisations_owner_idx').on(t.ownerId),
    index('eco_organisations_fields_idx').using('gin', t.fields),
    // Verified profiles are the minority the "verified" facet and counts ask for.
    index('eco_organisations_verified_idx')
      .on(t.kind)
      .where(sql`${t.verifiedAt} is not null`),
  ],
);

/** A directed relation: "<from> incubated by <to>"; the target's page shows the inverse. */
export const ecoRelations = pgTable(
  'eco_relations',
  {
    id: idColumn(),
    fromId: uuid('from_id')
      .notNull()
      .references(() => ecoOrganisations.id, { onDelete: 'cascade' }),
    toId: uuid('to_id')
      .notNull()
      .references(() => ecoOrganisations.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: relationKinds }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('eco_relations_from_to_kind_key').on(t.fromId, t.toId, t.kind), index('eco_relations_to_idx').on(t.toId)],
);

/** Files of an organisation: its logo, and evidence (certificates) the verifying staff read. */
export const ecoOrganisationFiles = pgTable(
  'eco_organisation_files',
  {
    id: idColumn(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => ecoOrganisations.id, { onDelete: 'cascade' }),
    attachmentId: uuid('attachment_id')
      .notNull()
      .references(() => attachments.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: ['logo', 'evidence'] }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('eco_organisation_files_org_idx').on(t.organisationId),
    uniqueIndex('eco_organisation_files_attachment_key').on(t.attachmentId),
  ],
);

/** A person's claim to keep an existing profile: proved by a link sent to an address at the organisation's domain, or by a document staff read. */
export const ecoClaims = pgTable(
  'eco_claims',
  {
    id: idColumn(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => ecoOrganisations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    method: text('method', { enum: claimMethods }).notNull(),
    email: text('email'),
    tokenHash: text('token_hash'),
    tokenExpiresAt: at('token_expires_at'),
    status: text('status', { enum: claimStatuses }).notNull().default('pending'),
    note: text('note').notNull().default(''),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: at('decided_at'),
    ...timestamps(),
  },
  (t) => [
    index('eco_claims_organisation_idx').on(t.organisationId),
    index('eco_claims_user_idx').on(t.userId),
    index('eco_claims_pending_idx')
      .on(t.createdAt)
      .where(sql`${t.status} = 'pending'`),
  ],
);

/** A person who chose to be listed as an expert or mentor; `withdrawnAt` ends the listing. */
export const ecoExperts = pgTable(
  'eco_experts',
  {
    id: idColumn(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    displayName: text('display_name').notNull(),
    fields: jsonb('fields').$type<EcosystemField[]>().notNull().default([]),
    offersVi: text('offers_vi').notNull(),
    offersEn: text('offers_en').notNull().default(''),
    affiliation: text('affiliation').notNull().default(''),
    publicEmail: text('public_email'),
    consentedAt: at('consented_at').notNull(),
    consentText: text('consent_text').notNull(),
    withdrawnAt: at('withdrawn_at'),
    ...timestamps(),
  },
  (t) => [uniqueIndex('eco_experts_user_key').on(t.userId)],
);

/** A support programme or call run by an organisation of the directory or by a unit. */
export const ecoProgrammes = pgTable(
  'eco_programmes',
  {
    id: idColumn(),
    slug: text('slug').notNull(),
    kind: text('kind', { enum: programmeKinds }).notNull(),
    titleVi: text('title_vi').notNull(),
    titleEn: text('title_en').notNull().default(''),
    organisationId: uuid('organisation_id').references(() => ecoOrganisations.id, { onDelete: 'set null' }),
    unitId: uuid('unit_id').references(() => units.id),
    eligibilityVi: text('eligibility_vi').notNull(),
    eligibilityEn: text('eligibility_en').notNull().default(''),
    benefitsVi: text('benefits_vi').notNull(),
    benefitsEn: text('benefits_en').notNull().default(''),
    fields: jsonb('fields').$type<EcosystemField[]>().notNull().default([]),
    stages: jsonb('stages').$type<StartupStage[]>().notNull().default([]),
    opensOn: date('opens_on', { mode: 'string' }).notNull(),
    closesOn: date('closes_on', { mode: 'string' }).notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('eco_programmes_slug_key').on(t.slug),
    index('eco_programmes_organisation_idx').on(t.organisationId),
    index('eco_programmes_unit_idx').on(t.unitId),
  ],
);

/** An organisation's application to a programme, moved by the programme's staff. */
export const ecoApplications = pgTable(
  'eco_applications',
  {
    id: idColumn(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => ecoProgrammes.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => ecoOrganisations.id, { onDelete: 'cascade' }),
    applicantId: uuid('applicant_id').references(() => users.id, { onDelete: 'set null' }),
    pitch: text('pitch').notNull(),
    teamSize: integer('team_size').notNull(),
    request: text('request').notNull().default(''),
    status: text('status', { enum: applicationStatuses }).notNull().default('received'),
    note: text('note').notNull().default(''),
    decidedAt: at('decided_at'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('eco_applications_programme_organisation_key').on(t.programmeId, t.organisationId),
    index('eco_applications_organisation_idx').on(t.organisationId),
    index('eco_applications_applicant_idx').on(t.applicantId),
  ],
);

export type OrganisationRow = typeof ecoOrganisations.$inferSelect;
export type ProgrammeRow = typeof ecoProgrammes.$inferSelect;
