import { z } from 'zod';
import { localizedTextSchema } from './common.js';
import { isoDateSchema } from './dates.js';
import { updateSchemaOf } from './update-schema.js';

/** Roles, granted on a unit (and optionally its sub-tree). */
export const roleNames = ['administrator', 'programme_manager', 'leader', 'unit_officer', 'reviewer', 'registered_user'] as const;
export type RoleName = (typeof roleNames)[number];
/** Roles that must sign in with a second factor. */
export const rolesRequiringSecondFactor: readonly RoleName[] = ['administrator', 'programme_manager'];

export const unitKinds = ['city', 'department', 'agency', 'ward', 'commune', 'special_zone'] as const;
export type UnitKind = (typeof unitKinds)[number];

/** The version of the personal-data notice a person agrees to; bump it when the text changes. */
export const privacyPolicyVersion = '2026-01';

export const passwordMinLength = 12;
export const emailSchema = z.email().max(254).trim();
export const passwordSchema = z.string().min(passwordMinLength).max(200);
const displayNameSchema = z.string().trim().min(2).max(120);
const otpCodeSchema = z
  .string()
  .trim()
  .regex(/^(\d{6}|[a-z0-9]{4}-?[a-z0-9]{4})$/i);

export const signUpBodySchema = z.object({
  email: emailSchema,
  password: passwordSchema,
  displayName: displayNameSchema,
  accountKind: z.enum(['citizen', 'enterprise']),
  organizationName: z.string().trim().min(2).max(200).optional(),
  locale: z.enum(['vi', 'en']).default('vi'),
  /** Consent to the personal-data notice (Decree 13/2023/NĐ-CP); must be true. */
  consent: z.literal(true),
});
export type SignUpBody = z.infer<typeof signUpBodySchema>;

export const signInBodySchema = z.object({ email: emailSchema, password: z.string().min(1).max(200) });
export const secondFactorBodySchema = z.object({ code: otpCodeSchema });
export const tokenBodySchema = z.object({ token: z.string().min(20).max(200) });
export const passwordResetRequestBodySchema = z.object({ email: emailSchema });
export const passwordResetConfirmBodySchema = z.object({ token: z.string().min(20).max(200), password: passwordSchema });
export const passwordChangeBodySchema = z.object({ currentPassword: z.string().min(1).max(200), newPassword: passwordSchema });

export const grantSchema = z.object({
  id: z.uuid(),
  role: z.enum(roleNames),
  unitId: z.uuid(),
  unitCode: z.string(),
  unitName: localizedTextSchema,
  includesSubtree: z.boolean(),
});

/** The signed-in user as the web app sees them. */
export const meSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  accountKind: z.enum(['citizen', 'enterprise', 'staff']),
  organizationName: z.string().nullable(),
  phone: z.string().nullable(),
  locale: z.enum(['vi', 'en']),
  isEmailVerified: z.boolean(),
  hasTotp: z.boolean(),
  hasPassword: z.boolean(),
  /** This session passed a second factor. */
  hasSecondFactor: z.boolean(),
  /** An administrator or programme manager who has not enrolled TOTP yet: send them to enrolment. */
  mustEnrolSecondFactor: z.boolean(),
  grants: z.array(grantSchema),
});
export type Me = z.infer<typeof meSchema>;

/** GET /api/auth/session: who is signed in, and the token to send as `x-csrf-token` on writes. */
export const sessionStateSchema = z.object({
  user: meSchema.nullable(),
  /** Password accepted, second factor still to give. */
  isSecondFactorPending: z.boolean(),
  csrfToken: z.string().nullable(),
  isSsoEnabled: z.boolean(),
});
export type SessionState = z.infer<typeof sessionStateSchema>;

export const signInResultSchema = z.object({
  status: z.enum(['signed_in', 'second_factor_required']),
  csrfToken: z.string(),
});

/** What a person may change about themselves. */
export const accountProfileSchema = z.object({
  displayName: displayNameSchema,
  locale: z.enum(['vi', 'en']),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 .-]{8,20}$/)
    .nullable(),
  organizationName: z.string().trim().min(2).max(200).nullable(),
});
/** Body of PATCH /api/account: only the fields sent change. */
export const accountUpdateBodySchema = updateSchemaOf(accountProfileSchema);

export const totpEnrolmentSchema = z.object({ secret: z.string(), otpauthUrl: z.string(), qrSvg: z.string() });
export const recoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()) });
export const eraseAccountBodySchema = z.object({ confirmEmail: emailSchema, password: z.string().max(200).optional() });

export const apiTokenScopes = ['read', 'write'] as const;
export const apiTokenCreateBodySchema = z.object({
  name: z.string().trim().min(1).max(80),
  scopes: z.array(z.enum(apiTokenScopes)).min(1),
  expiresInDays: z.number().int().min(1).max(366).optional(),
});

/** A staff token stands in for the second factor, so it lives at most a quarter: renewing it asks for the factor again. */
export const staffTokenMaxDays = 90;
/** What a staff member's form sends: the same body with an expiry that is required and bounded. */
export const staffApiTokenCreateBodySchema = apiTokenCreateBodySchema.extend({
  expiresInDays: z.number().int().min(1).max(staffTokenMaxDays),
});

/**
 * Whether a token made now is a staff token: the maker holds a role that needs the second factor and
 * this session passed it. Both the server (deciding) and the web form (asking for an expiry) use it.
 */
export const makesStaffTokens = (session: { hasSecondFactor: boolean; grants: ReadonlyArray<{ role: RoleName }> }): boolean =>
  session.hasSecondFactor && session.grants.some((grant) => rolesRequiringSecondFactor.includes(grant.role));

export const apiTokenSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  tokenPrefix: z.string(),
  scopes: z.array(z.string()),
  /** May call staff routes with the maker's roles of the moment; always expires. */
  isStaff: z.boolean(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
/** Only the creation answer carries the token itself; it is never shown again. */
export const apiTokenCreatedSchema = apiTokenSchema.extend({ token: z.string() });

export const unitSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: localizedTextSchema,
  kind: z.enum(unitKinds),
  parentId: z.uuid().nullable(),
  isActive: z.boolean(),
});
export type Unit = z.infer<typeof unitSchema>;
export const unitCreateBodySchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,32}$/),
  nameVi: z.string().trim().min(2).max(200),
  nameEn: z.string().trim().min(2).max(200),
  kind: z.enum(unitKinds).exclude(['city']),
  parentId: z.uuid(),
});
/** Body of PATCH /api/admin/units/:id: only the fields sent change; the code stays. */
export const unitUpdateBodySchema = updateSchemaOf(unitCreateBodySchema.omit({ code: true }).extend({ isActive: z.boolean() }));

export const grantCreateBodySchema = z.object({ role: z.enum(roleNames), unitId: z.uuid(), includesSubtree: z.boolean().default(false) });

export const auditEventSchema = z.object({
  id: z.number().int(),
  occurredAt: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
});
export const auditVerificationSchema = z.object({
  checked: z.number().int(),
  pending: z.number().int(),
  head: z.object({ batch: z.number().int(), lastEventId: z.number().int(), root: z.string() }).nullable(),
  brokenAt: z.number().int().nullable(),
  reason: localizedTextSchema.nullable(),
});
export const auditQuerySchema = z.object({
  action: z.string().max(80).optional(),
  entityType: z.string().max(80).optional(),
  entityId: z.string().max(80).optional(),
  actorId: z.string().max(80).optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  /** Rows with ids below this one: the next page. */
  before: z.coerce.number().int().positive().optional(),
});

export const notificationSchema = z.object({
  id: z.uuid(),
  template: z.string(),
  title: localizedTextSchema,
  body: localizedTextSchema,
  url: z.string().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});

/** Why single sign-on sent the person back to the sign-in page (`/dang-nhap?sso_error=…`). */
export const ssoErrorReasons = [
  'invalid_state',
  'provider_error',
  'email_not_verified',
  'account_unconfirmed',
  'account_disabled',
  'failed',
] as const;
export type SsoErrorReason = (typeof ssoErrorReasons)[number];
