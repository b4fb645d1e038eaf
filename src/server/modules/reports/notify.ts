import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { ServiceContext } from '../../lib/context.js';
import type { Role } from '../identity/schema.js';
import { roleGrants, users } from '../identity/schema.js';

export { notifyPeople } from '../notifications/messages-to-people.js';

/**
 * Active accounts holding `role` directly on one of these units (null: on any unit). Notices of a
 * unit's report go to the people of that unit, not to everyone whose grant covers it from above.
 */
export async function holdersOf(ctx: ServiceContext, role: Role, unitIds: readonly string[] | null): Promise<string[]> {
  if (unitIds !== null && unitIds.length === 0) return [];
  const rows = await ctx.db
    .selectDistinct({ id: users.id })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(
      and(
        eq(roleGrants.role, role),
        eq(users.isActive, true),
        isNull(users.erasedAt),
        unitIds === null ? undefined : inArray(roleGrants.unitId, [...unitIds]),
      ),
    )
    .orderBy(users.id);
  return rows.map((r) => r.id);
}
