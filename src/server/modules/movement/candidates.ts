import { and, asc, eq, ilike, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { councilCandidateQuerySchema } from '../../../shared/contracts/movement.js';
import type { ServiceContext } from '../../lib/context.js';
import { forbidden } from '../../lib/errors.js';
import { roleGrants, users } from '../identity/schema.js';
import { isProgrammeManager } from './access.js';

const candidateLimit = 20;

/**
 * Accounts a manager may put on a review council: active staff accounts and anyone holding a staff role (not
 * merely `registered_user`),
 * matched by name or e-mail. The unit of their first grant (by unit id) is what the assignment's
 * "same unit" conflict check compares with, so the council form sends it with the member.
 */
export async function listCouncilCandidates(ctx: ServiceContext, query: z.output<typeof councilCandidateQuerySchema>) {
  if (!isProgrammeManager(ctx)) throw forbidden();
  const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const hasGrant = sql`exists (select 1 from ${roleGrants} where ${roleGrants.userId} = ${users.id} and ${roleGrants.role} <> 'registered_user')`;
  const rows = await ctx.db
    .select({ id: users.id, displayName: users.displayName, email: users.email })
    .from(users)
    .where(
      and(
        eq(users.isActive, true),
        isNull(users.erasedAt),
        or(eq(users.accountKind, 'staff'), hasGrant),
        query.q ? or(ilike(users.displayName, pattern), ilike(users.email, pattern)) : undefined,
      ),
    )
    .orderBy(asc(users.displayName), asc(users.id))
    .limit(candidateLimit);
  const grants =
    rows.length === 0
      ? []
      : await ctx.db
          .select({ userId: roleGrants.userId, unitId: roleGrants.unitId })
          .from(roleGrants)
          .where(and(inArray(roleGrants.userId, rows.map((r) => r.id)), ne(roleGrants.role, 'registered_user')))
          .orderBy(asc(roleGrants.userId), asc(roleGrants.unitId));
  return { items: rows.map((r) => ({ ...r, unitId: grants.find((g) => g.userId === r.id)?.unitId ?? null })) };
}
