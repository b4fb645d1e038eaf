import { sql } from 'drizzle-orm';
import type { Role } from '../modules/identity/schema.js';
import type { ServiceContext } from './context.js';
import type { Actor } from './policy.js';

/**
 * The units on which the actor holds one of `roles`: each granted unit, plus its whole sub-tree when
 * the grant says so. The one way a module scopes data to "their unit" (a unit officer touches only
 * their unit's data), so every module answers the question the same way.
 */
export async function unitIdsWhereActorHas(ctx: ServiceContext, roles: readonly Role[]): Promise<Set<string>> {
  const grants = grantsOf(ctx.actor, roles);
  if (grants.length === 0) return new Set();
  const direct = grants.filter((grant) => !grant.includesSubtree).map((grant) => grant.unitId);
  const roots = grants.filter((grant) => grant.includesSubtree).map((grant) => grant.unitId);
  const ids = new Set(direct);
  for (const id of await subtreeOf(ctx, roots)) ids.add(id);
  return ids;
}

/** The units `rootIds` and every unit below them. */
export async function subtreeOf(ctx: ServiceContext, rootIds: readonly string[]): Promise<Set<string>> {
  if (rootIds.length === 0) return new Set();
  const rows = await ctx.db.execute<{ id: string }>(sql`
    with recursive tree(id) as (
      select id from units where id in (${sql.join(
        rootIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})
      union
      select u.id from units u join tree on u.parent_id = tree.id
    )
    select id from tree`);
  return new Set(rows.rows.map((row) => row.id));
}

/** Whether the actor holds one of `roles` on `unitId` (directly or through a sub-tree grant). */
export async function actorHasRoleOnUnit(ctx: ServiceContext, roles: readonly Role[], unitId: string): Promise<boolean> {
  return (await unitIdsWhereActorHas(ctx, roles)).has(unitId);
}

function grantsOf(actor: Actor, roles: readonly Role[]) {
  return actor?.grants.filter((grant) => roles.includes(grant.role)) ?? [];
}
