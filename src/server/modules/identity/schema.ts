import { sql } from 'drizzle-orm';
import { bigint, boolean, check, foreignKey, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { roleNames, type RoleName } from '../../../shared/contracts/identity.js';
import { createdAt, idColumn, timestamps, editVersion } from '../../db/columns.js';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

/** The organisational tree: the city, its departments and agencies, its wards, communes and special zone. */
export const units = pgTable(
  'units',
  {
    id: idColumn(),
    version: editVersion(),
    code: text('code').notNull(),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en').notNull(),
    kind: text('kind', { enum: ['city', 'department', 'agency', 'ward', 'commune', 'special_zone'] }).notNull(),
    parentId: uuid('parent_id'),
    isActive: boolean('is_active').notNull().default(true),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('units_code_key').on(t.code),
    index('units_parent_id_idx').on(t.parentId),
    foreignKey({ columns: [t.parentId], foreignColumns: [t.id], name: 'units_parent_id_fk' }),
  ],
);

export const users = pgTable(
  'users',
  {
    id: idColumn(),
    version: editVersion(),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    /** Null for accounts that only sign in through single sign-on. */
    passwordHash: text('password_hash'),
    accountKind: text('account_kind', { enum: ['citizen', 'enterprise', 'staff'] })
      .notNull()
      .default('citizen'),
    organizationName: text('organization_name'),
    phone: text('phone'),
    locale: text('locale', { enum: ['vi', 'en'] })
      .notNull()
      .default('vi'),
    emailVerifiedAt: instant('email_verified_at'),
    /** Base32 TOTP secret once enrolment is confirmed; `totpPendingSecret` while it is not. */
    totpSecret: text('totp_secret'),
    totpPendingSecret: text('totp_pending_secret'),
    /** The 30-second step of the last TOTP code accepted: a code (or an older one) is never taken twice. */
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    isActive: boolean('is_active').notNull().default(true),
    /** Set when the owner erased the account: personal fields are then anonymised. */
    erasedAt: instant('erased_at'),
    ...timestamps(),
  },
  // E-mail addresses compare case-insensitively.
  (t) => [uniqueIndex('users_email_key').on(sql`lower(${t.email})`)],
);

export const roles = roleNames;
export type Role = RoleName;

/** A role held on a unit, optionally over its whole sub-tree. */
export const roleGrants = pgTable(
  'role_grants',
  {
    id: idColumn(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: roles }).notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    includesSubtree: boolean('includes_subtree').notNull().default(false),
    ...timestamps(),
  },
  (t) => [uniqueIndex('role_grants_user_role_unit_key').on(t.userId, t.role, t.unitId), index('role_grants_unit_id_idx').on(t.unitId)],
);

/** A signed-in browser. Only the SHA-256 of the cookie value is stored. */
export const sessions = pgTable(
  'sessions',
  {
    id: idColumn(),
    tokenHash: text('token_hash').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** False between password and second factor: such a session can only finish sign-in. */
    isComplete: boolean('is_complete').notNull(),
    hasSecondFactor: boolean('has_second_factor').notNull().default(false),
    csrfToken: text('csrf_token').notNull(),
    userAgent: text('user_agent'),
    ip: text('ip'),
    createdAt: createdAt(),
    lastSeenAt: instant('last_seen_at').notNull().defaultNow(),
    expiresAt: instant('expires_at').notNull(),
  },
  (t) => [uniqueIndex('sessions_token_hash_key').on(t.tokenHash), index('sessions_user_id_idx').on(t.userId)],
);

/** Bearer tokens for machine clients; scoped, revocable, stored hashed. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: idColumn(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    /** Shown so the owner can tell tokens apart; never enough to use one. */
    tokenPrefix: text('token_prefix').notNull(),
    scopes: text('scopes').array().notNull(),
    /**
     * Made by a programme manager or administrator in a session that passed the second factor: the
     * token stands in for that factor on staff routes, so it must expire.
     */
    isStaff: boolean('is_staff').notNull().default(false),
    createdAt: createdAt(),
    lastUsedAt: instant('last_used_at'),
    expiresAt: instant('expires_at'),
    revokedAt: instant('revoked_at'),
  },
  (t) => [
    uniqueIndex('api_tokens_token_hash_key').on(t.tokenHash),
    index('api_tokens_user_id_idx').on(t.userId),
    check('api_tokens_staff_expires_check', sql`not ${t.isStaff} or ${t.expiresAt} is not null`),
  ],
);

/** One-time codes that replace the authenticator app when it is lost. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: idColumn(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: instant('used_at'),
    createdAt: createdAt(),
  },
  (t) => [index('recovery_codes_user_id_idx').on(t.userId)],
);

/** Links sent by e-mail: address verification and password reset. Single use, short-lived. */
export const emailTokens = pgTable(
  'email_tokens',
  {
    id: idColumn(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: ['verify_email', 'reset_password'] }).notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: instant('expires_at').notNull(),
    usedAt: instant('used_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('email_tokens_token_hash_key').on(t.tokenHash), index('email_tokens_user_id_idx').on(t.userId)],
);

/** Consent under Decree 13/2023/NĐ-CP: what the person agreed to, which text version, when. */
export const consents = pgTable(
  'consents',
  {
    id: idColumn(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose').notNull(),
    policyVersion: text('policy_version').notNull(),
    givenAt: instant('given_at').notNull(),
    ip: text('ip'),
  },
  (t) => [index('consents_user_id_idx').on(t.userId)],
);

/** An account's identity at an OpenID Connect provider. */
export const externalIdentities = pgTable(
  'external_identities',
  {
    id: idColumn(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    issuer: text('issuer').notNull(),
    subject: text('subject').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('external_identities_issuer_subject_key').on(t.issuer, t.subject),
    index('external_identities_user_id_idx').on(t.userId),
  ],
);
