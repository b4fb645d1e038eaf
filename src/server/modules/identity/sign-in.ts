import { and, eq, isNull } from 'drizzle-orm';
import { rolesRequiringSecondFactor } from '../../../shared/contracts/identity.js';
import { recordAudit } from '../../lib/audit.js';
import { actingAs, type ServiceContext } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { hashPassword, verifyPassword } from '../../lib/passwords.js';
import { inTransaction } from '../../lib/tx.js';
import { findUserByEmail } from './accounts.js';
import { acceptTotpCode, recoveryCodeHash } from './totp.js';
import { createSession, endSession, findSession, type NewSession } from './sessions.js';
import { recoveryCodes, roleGrants, sessions, users } from './schema.js';
import { alertAdministratorsAtCeiling } from './sign-in-alerts.js';
import {
  accountAtAddress,
  assertNotThrottled,
  clearFailures,
  recordFailure,
  secondFactorKeys,
  signInKeys,
  slowDownPastCeiling,
} from './throttle.js';

type Client = { userAgent: string | null };

const invalidCredentials = () =>
  new AppError('INVALID_CREDENTIALS', { vi: 'E-mail hoặc mật khẩu không đúng', en: 'Wrong e-mail or password' });

// Compared against when the address is unknown, so both cases take the time of one argon2 verify.
const decoyHash = hashPassword('decoy password that matches nothing');

/**
 * Checks e-mail and password with growing delays after failures of this account from this
 * address, or of this address; failures from everywhere only slow the account down (see
 * throttle.ts). Accounts with TOTP get an incomplete session that only the second factor can finish.
 */
export async function signInWithPassword(
  ctx: ServiceContext,
  input: { email: string; password: string },
  client: Client & { baseUrl: string },
) {
  const keys = signInKeys(ctx.ip, input.email);
  await assertNotThrottled(ctx.db, ctx.clock, keys);
  await slowDownPastCeiling(ctx.db, ctx.clock, input.email);
  const user = await findUserByEmail(ctx.db, input.email);
  const isMatch = await verifyPassword(user?.passwordHash ?? (await decoyHash), input.password);
  if (!user || !user.passwordHash || !isMatch || !user.isActive) {
    const accountFailures = await recordFailure(ctx.db, ctx.clock, keys, input.email);
    if (user) await alertAdministratorsAtCeiling(ctx, { userId: user.id, email: user.email, failures: accountFailures! }, client.baseUrl);
    throw invalidCredentials();
  }
  await clearFailures(
    ctx.db,
    keys.filter((k) => k.rule === accountAtAddress),
  );
  const needsSecondFactor = user.totpSecret !== null;
  return inTransaction(ctx, async (tx) => {
    const session = await createSession(tx.db, tx.clock, { userId: user.id, isComplete: !needsSecondFactor, hasSecondFactor: false, userAgent: client.userAgent, ip: tx.ip });
    await recordAudit(
      actingAs(tx, user.id),
      { action: needsSecondFactor ? 'sessions.password_accepted' : 'sessions.sign_in', entityType: 'session', entityId: session.id },
    );
    return { session, status: needsSecondFactor ? ('second_factor_required' as const) : ('signed_in' as const) };
  });
}

const invalidCode = () => new AppError('INVALID_CODE', { vi: 'Mã xác thực không đúng', en: 'Wrong verification code' });

/**
 * Finishes a sign-in with a TOTP code or a one-time recovery code. The pending session is
 * replaced by a new one (new cookie), so a token seen before the second factor is worthless after it.
 */
export async function completeSecondFactor(ctx: ServiceContext, pendingToken: string | undefined, code: string, client: Client): Promise<NewSession> {
  const pending = pendingToken ? await findSession(ctx.db, ctx.clock, pendingToken) : null;
  if (!pending || pending.isComplete) {
    throw new AppError('UNAUTHENTICATED', { vi: 'Hãy nhập e-mail và mật khẩu trước', en: 'Enter your e-mail and password first' });
  }
  const [user] = await ctx.db.select().from(users).where(eq(users.id, pending.userId));
  const keys = secondFactorKeys(pending.userId);
  await assertNotThrottled(ctx.db, ctx.clock, keys);
  const isTotp = /^\d{6}$/.test(code.trim());
  const accepted = await inTransaction(ctx, async (tx) => {
    if (isTotp) return user?.totpSecret ? acceptTotpCode(tx.db, user.id, user.totpSecret, code, tx.clock.now()) : false;
    const [used] = await tx.db
      .update(recoveryCodes)
      .set({ usedAt: tx.clock.now().toISOString() })
      .where(and(eq(recoveryCodes.userId, pending.userId), eq(recoveryCodes.codeHash, recoveryCodeHash(code)), isNull(recoveryCodes.usedAt)))
      .returning({ id: recoveryCodes.id });
    return used !== undefined;
  });
  if (!accepted) {
    await recordFailure(ctx.db, ctx.clock, keys);
    throw invalidCode();
  }
  await clearFailures(ctx.db, keys);
  return inTransaction(ctx, async (tx) => {
    await endSession(tx.db, pending.id);
    const session = await createSession(tx.db, tx.clock, { userId: pending.userId, isComplete: true, hasSecondFactor: true, userAgent: client.userAgent, ip: tx.ip });
    await recordAudit(
      actingAs(tx, pending.userId, true),
      { action: 'sessions.sign_in', entityType: 'session', entityId: session.id, after: { secondFactor: isTotp ? 'totp' : 'recovery_code' } },
    );
    return session;
  });
}

export async function signOut(ctx: ServiceContext, token: string | undefined): Promise<void> {
  const session = token ? await findSession(ctx.db, ctx.clock, token) : null;
  if (!session) return;
  await inTransaction(ctx, async (tx) => {
    await tx.db.delete(sessions).where(eq(sessions.id, session.id));
    await recordAudit(
      actingAs(tx, session.userId, session.hasSecondFactor),
      { action: 'sessions.sign_out', entityType: 'session', entityId: session.id },
    );
  });
}

/** Whether the user holds a role that must use a second factor. */
export async function requiresSecondFactor(ctx: ServiceContext, userId: string): Promise<boolean> {
  const grants = await ctx.db.select({ role: roleGrants.role }).from(roleGrants).where(eq(roleGrants.userId, userId));
  return grants.some((g) => rolesRequiringSecondFactor.includes(g.role));
}
