import { and, desc, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../../lib/audit.js';
import type { ServiceContext } from '../../lib/context.js';
import { notFound } from '../../lib/errors.js';
import { toIso } from '../../lib/time.js';
import { newSecret, sha256Hex } from '../../lib/tokens.js';
import { inTransaction } from '../../lib/tx.js';
import { apiTokens } from './schema.js';

const present = (row: typeof apiTokens.$inferSelect) => ({
  id: row.id,
  name: row.name,
  tokenPrefix: row.tokenPrefix,
  scopes: row.scopes,
  createdAt: toIso(row.createdAt),
  lastUsedAt: row.lastUsedAt ? toIso(row.lastUsedAt) : null,
  expiresAt: row.expiresAt ? toIso(row.expiresAt) : null,
  revokedAt: row.revokedAt ? toIso(row.revokedAt) : null,
});

export async function listApiTokens(ctx: ServiceContext) {
  const rows = await ctx.db.select().from(apiTokens).where(eq(apiTokens.userId, ctx.actor!.userId)).orderBy(desc(apiTokens.createdAt));
  return rows.map(present);
}

/** Creates a token for a machine client; the token itself is returned this once only. */
export async function createApiToken(ctx: ServiceContext, input: { name: string; scopes: string[]; expiresInDays?: number | undefined }) {
  const token = `dm_${newSecret()}`;
  return inTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    const [row] = await tx.db
      .insert(apiTokens)
      .values({
        userId: tx.actor!.userId,
        name: input.name,
        tokenHash: sha256Hex(token),
        tokenPrefix: token.slice(0, 7),
        scopes: [...new Set(input.scopes)].sort(),
        createdAt: now.toISOString(),
        expiresAt: input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000).toISOString() : null,
      })
      .returning();
    await recordAudit(tx, { action: 'api_tokens.create', entityType: 'api_token', entityId: row!.id, after: { scopes: row!.scopes } });
    return { ...present(row!), token };
  });
}

export async function revokeApiToken(ctx: ServiceContext, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .update(apiTokens)
      .set({ revokedAt: tx.clock.now().toISOString() })
      .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, tx.actor!.userId), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id });
    if (!row) throw notFound({ vi: 'Mã truy cập API', en: 'API token' }, id);
    await recordAudit(tx, { action: 'api_tokens.revoke', entityType: 'api_token', entityId: id });
  });
}
