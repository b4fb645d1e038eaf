import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { Clock } from '../../lib/clock.js';
import type { Actor } from '../../lib/policy.js';
import { newSecret, sha256Hex } from '../../lib/tokens.js';
import { apiTokens, sessions, users } from './schema.js';

type Grant = NonNullable<Actor>['grants'][number];

export const sessionCookieName = 'doimoi_session';
/** Idle sessions end after 7 days; activity extends them. */
export const sessionLifetimeMs = 7 * 24 * 3600 * 1000;
// lastSeenAt is refreshed at most this often, so reads do not turn into writes on every request.
const touchEveryMs = 5 * 60 * 1000;

export type NewSession = { token: string; csrfToken: string; id: string };

/** Starts a session; `isComplete` is false while a second factor is still owed. */
export async function createSession(
  db: DbOrTx,
  clock: Clock,
  input: { userId: string; isComplete: boolean; hasSecondFactor: boolean; userAgent: string | null; ip: string | null },
): Promise<NewSession> {
  const token = newSecret();
  const csrfToken = newSecret(24);
  const [row] = await db
    .insert(sessions)
    .values({
      tokenHash: sha256Hex(token),
      userId: input.userId,
      isComplete: input.isComplete,
      hasSecondFactor: input.hasSecondFactor,
      csrfToken,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
      ip: input.ip,
      createdAt: clock.now().toISOString(),
      lastSeenAt: clock.now().toISOString(),
      expiresAt: new Date(clock.now().getTime() + sessionLifetimeMs).toISOString(),
    })
    .returning({ id: sessions.id });
  return { token, csrfToken, id: row!.id };
}

/** The live session a cookie value names, or null. */
export async function findSession(db: DbOrTx, clock: Clock, token: string) {
  const [row] = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.tokenHash, sha256Hex(token)), gt(sessions.expiresAt, clock.now().toISOString())));
  if (!row) return null;
  if (clock.now().getTime() - Date.parse(row.lastSeenAt) > touchEveryMs) {
    const now = clock.now();
    await db
      .update(sessions)
      .set({ lastSeenAt: now.toISOString(), expiresAt: new Date(now.getTime() + sessionLifetimeMs).toISOString() })
      .where(eq(sessions.id, row.id));
  }
  return row;
}

export const endSession = (db: DbOrTx, sessionId: string) => db.delete(sessions).where(eq(sessions.id, sessionId));

/** An active, not erased user with their grants, as the policy layer sees them. */
export async function loadActor(
  db: DbOrTx,
  userId: string,
  extra: { hasSecondFactor: boolean; sessionId?: string; tokenScopes?: string[] },
): Promise<Actor> {
  // The grants come with the user in one round trip: every signed-in request pays for this lookup.
  const [user] = await db
    .select({
      id: users.id,
      displayName: users.displayName,
      emailVerifiedAt: users.emailVerifiedAt,
      grants: sql<Grant[]>`coalesce((
        select json_agg(json_build_object('role', g.role, 'unitId', g.unit_id, 'includesSubtree', g.includes_subtree))
        from role_grants g inner join units u on u.id = g.unit_id
        where g.user_id = users.id and u.is_active
      ), '[]'::json)`,
    })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.isActive, true), isNull(users.erasedAt)));
  if (!user) return null;
  return { userId: user.id, displayName: user.displayName, grants: user.grants, isEmailVerified: user.emailVerifiedAt !== null, ...extra };
}

/**
 * The actor behind an API token (`Authorization: Bearer dm_…`), or null when unknown, expired or revoked.
 * A staff token counts as the second factor while the account still has one; its roles are read now,
 * so a grant withdrawn after the token was made no longer reaches through it.
 */
export async function actorFromApiToken(db: DbOrTx, clock: Clock, token: string): Promise<Actor> {
  const now = clock.now().toISOString();
  const [row] = await db
    .select({
      id: apiTokens.id,
      userId: apiTokens.userId,
      scopes: apiTokens.scopes,
      isStaff: apiTokens.isStaff,
      totpSecret: users.totpSecret,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.tokenHash, sha256Hex(token)),
        isNull(apiTokens.revokedAt),
        sql`(${apiTokens.expiresAt} is null or ${apiTokens.expiresAt} > ${now})`,
      ),
    );
  if (!row) return null;
  await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.id));
  return loadActor(db, row.userId, { hasSecondFactor: row.isStaff && row.totpSecret !== null, tokenScopes: row.scopes });
}
