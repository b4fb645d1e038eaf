import { desc, eq } from 'drizzle-orm';
import { auditEvents } from '../../db/platform-schema.js';
import { recordAudit } from '../../lib/audit.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { verifyPassword } from '../../lib/passwords.js';
import { inTransaction } from '../../lib/tx.js';
import type { ModuleManifest } from '../manifest.js';
import { presentMe } from './presenter.js';
import { apiTokens, consents, emailTokens, externalIdentities, recoveryCodes, sessions, users } from './schema.js';

/** Everything the platform holds about the signed-in person, as one JSON document (Decree 13/2023/NĐ-CP). */
export async function exportPersonalData(ctx: ServiceContext, modules: readonly ModuleManifest[]) {
  const userId = ctx.actor!.userId;
  const [user] = await ctx.db.select().from(users).where(eq(users.id, userId));
  const byModule: Record<string, unknown> = {};
  for (const module of modules) {
    if (module.exportPersonalData) byModule[module.name] = await module.exportPersonalData(ctx, userId);
  }
  return {
    exportedAt: ctx.clock.now().toISOString(),
    account: { ...(await presentMe(ctx.db, userId, ctx.actor!.hasSecondFactor)), createdAt: user!.createdAt, emailVerifiedAt: user!.emailVerifiedAt },
    consents: await ctx.db.select({ purpose: consents.purpose, policyVersion: consents.policyVersion, givenAt: consents.givenAt, ip: consents.ip }).from(consents).where(eq(consents.userId, userId)),
    sessions: await ctx.db
      .select({ createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, userAgent: sessions.userAgent, ip: sessions.ip })
      .from(sessions)
      .where(eq(sessions.userId, userId)),
    apiTokens: await ctx.db
      .select({ name: apiTokens.name, scopes: apiTokens.scopes, createdAt: apiTokens.createdAt, revokedAt: apiTokens.revokedAt })
      .from(apiTokens)
      .where(eq(apiTokens.userId, userId)),
    singleSignOn: await ctx.db.select({ issuer: externalIdentities.issuer, createdAt: externalIdentities.createdAt }).from(externalIdentities).where(eq(externalIdentities.userId, userId)),
    activity: await ctx.db
      .select({ occurredAt: auditEvents.occurredAt, action: auditEvents.action, entityType: auditEvents.entityType, entityId: auditEvents.entityId, ip: auditEvents.ip })
      .from(auditEvents)
      .where(eq(auditEvents.actorId, userId))
      .orderBy(desc(auditEvents.id)),
    ...byModule,
  };
}

export const deletedUserName = 'Người dùng đã xóa / Deleted user';

/**
 * Erases the account: personal fields are anonymised, secrets and sessions deleted, each module
 * removes what it holds; public contributions stay, credited to "deleted user". The user id stays
 * as the pseudonym the audit log refers to.
 */
export async function eraseAccount(ctx: ServiceContext, modules: readonly ModuleManifest[], input: { confirmEmail: string; password?: string | undefined }) {
  const userId = ctx.actor!.userId;
  const [user] = await ctx.db.select().from(users).where(eq(users.id, userId));
  const sameAddress = user!.email.toLowerCase() === input.confirmEmail.toLowerCase();
  const passwordOk = !user!.passwordHash || (input.password !== undefined && (await verifyPassword(user!.passwordHash, input.password)));
  if (!sameAddress || !passwordOk) {
    throw new AppError('VALIDATION', {
      vi: 'Hãy nhập đúng địa chỉ e-mail và mật khẩu của tài khoản để xác nhận xóa',
      en: "Enter the account's e-mail address and password to confirm erasing it",
    });
  }
  await inTransaction(ctx, async (tx) => {
    for (const module of modules) await module.erasePersonalData?.(tx, userId);
    for (const table of [sessions, apiTokens, recoveryCodes, emailTokens, externalIdentities, consents]) {
      await tx.db.delete(table).where(eq(table.userId, userId));
    }
    const now = tx.clock.now().toISOString();
    await tx.db
      .update(users)
      .set({
        email: `deleted-${userId}@invalid`,
        displayName: deletedUserName,
        passwordHash: null,
        phone: null,
        organizationName: null,
        totpSecret: null,
        totpPendingSecret: null,
        isActive: false,
        erasedAt: now,
        updatedAt: now,
      })
      .where(eq(users.id, userId));
    await recordAudit(tx, { action: 'users.erase', entityType: 'user', entityId: userId });
  });
}
