import { absoluteUrl, paths } from '../../../shared/web-paths.js';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { privacyPolicyVersion, type SignUpBody } from '../../../shared/contracts/identity.js';
import type { DbOrTx } from '../../db/client.js';
import { recordAudit } from '../../lib/audit.js';
import type { Clock } from '../../lib/clock.js';
import { actingAs, type ServiceContext } from '../../lib/context.js';
import { AppError, conflict } from '../../lib/errors.js';
import { hashPassword, verifyPassword } from '../../lib/passwords.js';
import { newSecret, sha256Hex } from '../../lib/tokens.js';
import { inTransaction } from '../../lib/tx.js';
import { notifyUser, queueEmail } from '../notifications/service.js';
import { revokeCredentials, type Revoked } from './revocation.js';
import { consents, emailTokens, roleGrants, units, users } from './schema.js';

const verifyLinkLifetimeMs = 7 * 24 * 3600 * 1000;
const resetLinkLifetimeMs = 60 * 60 * 1000;
const accountPagePath = paths.account;

type EmailPurpose = 'verify_email' | 'reset_password';

async function issueEmailToken(db: DbOrTx, clock: Clock, userId: string, purpose: EmailPurpose, lifetimeMs: number): Promise<string> {
  const token = newSecret();
  await db.insert(emailTokens).values({
    userId,
    purpose,
    tokenHash: sha256Hex(token),
    expiresAt: new Date(clock.now().getTime() + lifetimeMs).toISOString(),
    createdAt: clock.now().toISOString(),
  });
  return token;
}

/** Uses a link token once; returns its user, or throws GONE when unknown, used or expired. */
async function consumeEmailToken(db: DbOrTx, clock: Clock, token: string, purpose: EmailPurpose): Promise<string> {
  const now = clock.now().toISOString();
  const [row] = await db
    .update(emailTokens)
    .set({ usedAt: now })
    .where(and(eq(emailTokens.tokenHash, sha256Hex(token)), eq(emailTokens.purpose, purpose), isNull(emailTokens.usedAt), gt(emailTokens.expiresAt, now)))
    .returning({ userId: emailTokens.userId });
  if (!row) {
    throw new AppError('GONE', {
      vi: 'Liên kết không còn hiệu lực (đã dùng hoặc đã hết hạn); hãy yêu cầu liên kết mới',
      en: 'This link is no longer valid (already used or expired); ask for a new one',
    });
  }
  return row.userId;
}

export const findUserByEmail = async (db: DbOrTx, email: string) =>
  (await db.select().from(users).where(and(sql`lower(${users.email}) = lower(${email})`, isNull(users.erasedAt))))[0] ?? null;

export async function cityUnitId(db: DbOrTx): Promise<string> {
  const [city] = await db.select({ id: units.id }).from(units).where(and(eq(units.kind, 'city'), isNull(units.parentId)));
  if (!city) throw new AppError('SERVICE_UNAVAILABLE', { vi: 'Chưa có cây đơn vị; hãy nạp dữ liệu đơn vị', en: 'No unit tree yet; load the units first' });
  return city.id;
}

/**
 * Registers a citizen or enterprise, records consent and sends the verification link. An address
 * already in use gets a notice instead, and the answer is the same, so addresses cannot be probed.
 */
export async function signUp(ctx: ServiceContext, input: SignUpBody, baseUrl: string): Promise<void> {
  const passwordHash = await hashPassword(input.password);
  await inTransaction(ctx, async (tx) => {
    const existing = await findUserByEmail(tx.db, input.email);
    if (existing) {
      await queueEmail(tx, {
        userId: existing.id,
        to: existing.email,
        locale: existing.locale,
        template: 'message',
        params: {
          title: existing.locale === 'vi' ? 'Có người đăng ký bằng địa chỉ của bạn' : 'Someone tried to sign up with your address',
          body:
            existing.locale === 'vi'
              ? 'Địa chỉ e-mail này đã có tài khoản. Nếu bạn quên mật khẩu, hãy dùng chức năng đặt lại mật khẩu.'
              : 'This address already has an account. If you forgot your password, use password reset.',
          link: absoluteUrl(baseUrl, paths.forgotPassword),
        },
      });
      return;
    }
    const now = tx.clock.now().toISOString();
    const [user] = await tx.db
      .insert(users)
      .values({
        email: input.email,
        displayName: input.displayName,
        passwordHash,
        accountKind: input.accountKind,
        organizationName: input.accountKind === 'enterprise' ? (input.organizationName ?? null) : null,
        locale: input.locale,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await tx.db.insert(roleGrants).values({ userId: user!.id, role: 'registered_user', unitId: await cityUnitId(tx.db) });
    await tx.db
      .insert(consents)
      .values({ userId: user!.id, purpose: 'account', policyVersion: privacyPolicyVersion, givenAt: now, ip: tx.ip });
    await sendVerificationLink(tx, user!, baseUrl);
    // The audit row names the account by id only: personal fields stay out of the permanent log.
    await recordAudit(actingAs(tx, user!.id), {
      action: 'users.sign_up',
      entityType: 'user',
      entityId: user!.id,
      after: { accountKind: input.accountKind, consent: privacyPolicyVersion },
    });
  });
}

async function sendVerificationLink(
  ctx: ServiceContext,
  user: { id: string; email: string; locale: 'vi' | 'en'; displayName: string },
  baseUrl: string,
): Promise<void> {
  const token = await issueEmailToken(ctx.db, ctx.clock, user.id, 'verify_email', verifyLinkLifetimeMs);
  await queueEmail(ctx, {
    userId: user.id,
    to: user.email,
    locale: user.locale,
    template: 'verify_email',
    params: { displayName: user.displayName, link: absoluteUrl(baseUrl, `${paths.verifyEmail}?token=${token}`) },
  });
}

/** Sends the signed-in person a new link to confirm their address (the first may have expired or been lost). */
export async function resendVerificationLink(ctx: ServiceContext, baseUrl: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const [user] = await tx.db.select().from(users).where(eq(users.id, tx.actor!.userId));
    if (user!.emailVerifiedAt !== null) {
      throw conflict({ vi: 'Địa chỉ e-mail của bạn đã được xác minh', en: 'Your e-mail address is already verified' });
    }
    await sendVerificationLink(tx, user!, baseUrl);
    await recordAudit(tx, { action: 'users.resend_verification', entityType: 'user', entityId: user!.id });
  });
}

export async function verifyEmail(ctx: ServiceContext, token: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const userId = await consumeEmailToken(tx.db, tx.clock, token, 'verify_email');
    await tx.db.update(users).set({ emailVerifiedAt: tx.clock.now().toISOString(), updatedAt: tx.clock.now().toISOString() }).where(eq(users.id, userId));
    await recordAudit(tx, { action: 'users.verify_email', entityType: 'user', entityId: userId });
  });
}

/** Sends a reset link when the address has an account; answers the same either way. */
export async function requestPasswordReset(ctx: ServiceContext, email: string, baseUrl: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const user = await findUserByEmail(tx.db, email);
    if (!user || !user.isActive) return;
    const token = await issueEmailToken(tx.db, tx.clock, user.id, 'reset_password', resetLinkLifetimeMs);
    await queueEmail(tx, {
      userId: user.id,
      to: user.email,
      locale: user.locale,
      template: 'reset_password',
      params: { displayName: user.displayName, link: absoluteUrl(baseUrl, `${paths.resetPassword}?token=${token}`) },
    });
    await recordAudit(tx, { action: 'users.request_password_reset', entityType: 'user', entityId: user.id });
  });
}

/** The person learns, in the app and by e-mail, that the password changed and what ended with it. */
async function tellPasswordChanged(
  ctx: ServiceContext,
  user: { id: string; displayName: string },
  revoked: Revoked,
  baseUrl: string,
): Promise<void> {
  await notifyUser(ctx, {
    userId: user.id,
    template: 'password_changed',
    params: { displayName: user.displayName, revokedTokens: revoked.apiTokens, link: absoluteUrl(baseUrl, accountPagePath) },
    url: accountPagePath,
    alsoEmail: true,
  });
}

/**
 * Sets a new password from a reset link: every session, every other reset link and every API
 * token of the account end (whoever knew the old password is out), and the person is told.
 */
export async function confirmPasswordReset(ctx: ServiceContext, token: string, password: string, baseUrl: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await inTransaction(ctx, async (tx) => {
    const userId = await consumeEmailToken(tx.db, tx.clock, token, 'reset_password');
    // Following the link proves the address too.
    const now = tx.clock.now().toISOString();
    const [user] = await tx.db
      .update(users)
      .set({ passwordHash, emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, ${now}::timestamptz)`, updatedAt: now })
      .where(eq(users.id, userId))
      .returning();
    const revoked = await revokeCredentials(tx, userId);
    await tellPasswordChanged(tx, user!, revoked, baseUrl);
    await recordAudit(tx, { action: 'users.reset_password', entityType: 'user', entityId: userId, after: { revoked } });
  });
}

export const wrongPassword = () =>
  new AppError('INVALID_CREDENTIALS', { vi: 'Mật khẩu hiện tại không đúng', en: 'The current password is wrong' });

/**
 * Changes the password after checking the current one: this session stays, every other one, every
 * reset link and every API token of the account end, and the person is told.
 */
export async function changePassword(
  ctx: ServiceContext,
  input: { currentPassword: string; newPassword: string },
  baseUrl: string,
): Promise<void> {
  const userId = ctx.actor!.userId;
  const [user] = await ctx.db.select().from(users).where(eq(users.id, userId));
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) throw wrongPassword();
  const passwordHash = await hashPassword(input.newPassword);
  await inTransaction(ctx, async (tx) => {
    await tx.db.update(users).set({ passwordHash, updatedAt: tx.clock.now().toISOString() }).where(eq(users.id, userId));
    const revoked = await revokeCredentials(tx, userId, ctx.actor!.sessionId);
    await tellPasswordChanged(tx, user, revoked, baseUrl);
    await recordAudit(tx, { action: 'users.change_password', entityType: 'user', entityId: userId, after: { revoked } });
  });
}

export async function updateProfile(
  ctx: ServiceContext,
  input: { displayName?: string | undefined; locale?: 'vi' | 'en' | undefined; phone?: string | null | undefined; organizationName?: string | null | undefined },
): Promise<void> {
  const userId = ctx.actor!.userId;
  const changes = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  if (Object.keys(changes).length === 0) return;
  await inTransaction(ctx, async (tx) => {
    await tx.db.update(users).set({ ...changes, updatedAt: tx.clock.now().toISOString() }).where(eq(users.id, userId));
    // Which fields changed, not their values: the audit log keeps no personal data.
    await recordAudit(tx, { action: 'users.update_profile', entityType: 'user', entityId: userId, after: { fields: Object.keys(changes).sort() } });
  });
}
