import { eq } from 'drizzle-orm';
import { recordAudit } from '../../lib/audit.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, forbidden } from '../../lib/errors.js';
import { inTransaction } from '../../lib/tx.js';
import { queueEmail } from '../notifications/service.js';
import { requiresSecondFactor } from './sign-in.js';
import { acceptTotpCode, newRecoveryCodes, newTotpSecret, recoveryCodeHash, totpEnrolment } from './totp.js';
import { recoveryCodes, sessions, users } from './schema.js';

const wrongCode = () => new AppError('INVALID_CODE', { vi: 'Mã xác thực không đúng', en: 'Wrong verification code' });

async function currentUser(ctx: ServiceContext) {
  const [user] = await ctx.db.select().from(users).where(eq(users.id, ctx.actor!.userId));
  return user!;
}

/** Starts TOTP enrolment: a new secret, kept pending until a code from the app confirms it. */
export async function startTotpEnrolment(ctx: ServiceContext) {
  const user = await currentUser(ctx);
  if (user.totpSecret) throw new AppError('CONFLICT', { vi: 'Xác thực hai lớp đã được bật', en: 'Two-factor sign-in is already on' });
  const secret = newTotpSecret();
  await inTransaction(ctx, async (tx) => {
    await tx.db.update(users).set({ totpPendingSecret: secret }).where(eq(users.id, user.id));
    await recordAudit(tx, { action: 'users.totp_enrolment_started', entityType: 'user', entityId: user.id });
  });
  return totpEnrolment(secret, user.email);
}

async function replaceRecoveryCodes(ctx: ServiceContext, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await ctx.db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await ctx.db.insert(recoveryCodes).values(codes.map((code) => ({ userId, codeHash: recoveryCodeHash(code), createdAt: ctx.clock.now().toISOString() })));
  return codes;
}

/**
 * Confirms enrolment with a code from the app; returns the recovery codes (shown once). The
 * current session counts as having passed the second factor from now on.
 */
export async function confirmTotpEnrolment(ctx: ServiceContext, code: string): Promise<string[]> {
  const user = await currentUser(ctx);
  return inTransaction(ctx, async (tx) => {
    if (!user.totpPendingSecret || !(await acceptTotpCode(tx.db, user.id, user.totpPendingSecret, code, tx.clock.now()))) throw wrongCode();
    await tx.db.update(users).set({ totpSecret: user.totpPendingSecret, totpPendingSecret: null }).where(eq(users.id, user.id));
    if (ctx.actor?.sessionId) await tx.db.update(sessions).set({ hasSecondFactor: true }).where(eq(sessions.id, ctx.actor.sessionId));
    const codes = await replaceRecoveryCodes(tx, user.id);
    await queueEmail(tx, { userId: user.id, to: user.email, locale: user.locale, template: 'second_factor_enabled', params: { displayName: user.displayName } });
    await recordAudit(tx, { action: 'users.totp_enabled', entityType: 'user', entityId: user.id });
    return codes;
  });
}

async function assertCurrentCode(ctx: ServiceContext, code: string) {
  const user = await currentUser(ctx);
  if (!user.totpSecret || !(await acceptTotpCode(ctx.db, user.id, user.totpSecret, code, ctx.clock.now()))) throw wrongCode();
  return user;
}

/** Turns TOTP off; refused to roles that must keep it. */
export async function disableTotp(ctx: ServiceContext, code: string): Promise<void> {
  if (await requiresSecondFactor(ctx, ctx.actor!.userId)) throw forbidden({ reason: 'second-factor-required-for-role' });
  const user = await assertCurrentCode(ctx, code);
  await inTransaction(ctx, async (tx) => {
    await tx.db.update(users).set({ totpSecret: null, totpPendingSecret: null }).where(eq(users.id, user.id));
    await tx.db.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    await recordAudit(tx, { action: 'users.totp_disabled', entityType: 'user', entityId: user.id });
  });
}

export async function regenerateRecoveryCodes(ctx: ServiceContext, code: string): Promise<string[]> {
  const user = await assertCurrentCode(ctx, code);
  return inTransaction(ctx, async (tx) => {
    const codes = await replaceRecoveryCodes(tx, user.id);
    await recordAudit(tx, { action: 'users.recovery_codes_replaced', entityType: 'user', entityId: user.id });
    return codes;
  });
}
