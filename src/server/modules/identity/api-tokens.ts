import { and, desc, eq, isNull } from 'drizzle-orm';
import { makesStaffTokens, staffTokenMaxDays } from '../../../shared/contracts/identity.js';
import { recordAudit } from '../../lib/audit.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, notFound } from '../../lib/errors.js';
import { toIso } from '../../lib/time.js';
import { newSecret, sha256Hex } from '../../lib/tokens.js';
import { inTransaction } from '../../lib/tx.js';
import { apiTokens } from './schema.js';

type ApiTokenRow = typeof apiTokens.$inferSelect;

const present = (row: ApiTokenRow) => ({
  id: row.id,
  name: row.name,
  tokenPrefix: row.tokenPrefix,
  scopes: row.scopes,
  isStaff: row.isStaff,
  createdAt: toIso(row.createdAt),
  lastUsedAt: row.lastUsedAt ? toIso(row.lastUsedAt) : null,
  expiresAt: row.expiresAt ? toIso(row.expiresAt) : null,
  revokedAt: row.revokedAt ? toIso(row.revokedAt) : null,
});

/** What the audit log keeps of a token: never its hash or prefix. */
const audited = (row: ApiTokenRow) => ({ staff: row.isStaff, scopes: row.scopes, expiresAt: row.expiresAt ? toIso(row.expiresAt) : null });

const staffExpiryRequired = () =>
  new AppError(
    'VALIDATION',
    {
      vi: `Mã truy cập dành cho cán bộ phải có thời hạn, tối đa ${staffTokenMaxDays} ngày`,
      en: `A staff token must expire, after at most ${staffTokenMaxDays} days`,
    },
    { field: 'expiresInDays' },
  );

export async function listApiTokens(ctx: ServiceContext) {
  const rows = await ctx.db.select().from(apiTokens).where(eq(apiTokens.userId, ctx.actor!.userId)).orderBy(desc(apiTokens.createdAt));
  return rows.map(present);
}

/**
 * Creates a token for a machine client; the token itself is returned this once only. Made by a
 * programme manager or administrator in a session that passed the second factor, it is a staff token.
 */
export async function createApiToken(ctx: ServiceContext, input: { name: string; scopes: string[]; expiresInDays?: number | undefined }) {
  const isStaff = makesStaffTokens(ctx.actor!);
  if (isStaff && (input.expiresInDays === undefined || input.expiresInDays > staffTokenMaxDays)) throw staffExpiryRequired();
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
        isStaff,
        createdAt: now.toISOString(),
        expiresAt: input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000).toISOString() : null,
      })
      .returning();
    await recordAudit(tx, { action: 'api_tokens.create', entityType: 'api_token', entityId: row!.id, after: audited(row!) });
    return { ...present(row!), token };
  });
}

export async function revokeApiToken(ctx: ServiceContext, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .update(apiTokens)
      .set({ revokedAt: tx.clock.now().toISOString() })
      .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, tx.actor!.userId), isNull(apiTokens.revokedAt)))
      .returning();
    if (!row) throw notFound({ vi: 'Mã truy cập API', en: 'API token' }, id);
    await recordAudit(tx, { action: 'api_tokens.revoke', entityType: 'api_token', entityId: id, after: audited(row) });
  });
}
