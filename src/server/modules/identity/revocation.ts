import { and, eq, isNull, ne } from 'drizzle-orm';
import type { ServiceContext } from '../../lib/context.js';
import { apiTokens, emailTokens, sessions } from './schema.js';

export type Revoked = { sessions: number; resetLinks: number; apiTokens: number };

/**
 * After a password change or reset, whoever held the old password may hold more: every session
 * (but the one making a change), every reset link not yet used and every API token of the account
 * end, in the caller's transaction.
 */
export async function revokeCredentials(ctx: ServiceContext, userId: string, keepSessionId?: string): Promise<Revoked> {
  const now = ctx.clock.now().toISOString();
  const endedSessions = await ctx.db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), keepSessionId ? ne(sessions.id, keepSessionId) : undefined))
    .returning({ id: sessions.id });
  const usedUpLinks = await ctx.db
    .update(emailTokens)
    .set({ usedAt: now })
    .where(and(eq(emailTokens.userId, userId), eq(emailTokens.purpose, 'reset_password'), isNull(emailTokens.usedAt)))
    .returning({ id: emailTokens.id });
  const revokedTokens = await ctx.db
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return { sessions: endedSessions.length, resetLinks: usedUpLinks.length, apiTokens: revokedTokens.length };
}
