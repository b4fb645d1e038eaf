import { and, eq } from 'drizzle-orm';
import type { NominationRole } from '../../../shared/contracts/commendation.js';
import type { ServiceContext } from '../../lib/context.js';
import { notFound, unauthenticated } from '../../lib/errors.js';
import { hasRole } from '../../lib/policy.js';
import { unitIdsWhereActorHas } from '../../lib/unit-scope.js';
import { commendationCouncilMembers, nominations } from './schema.js';

export type NominationRow = typeof nominations.$inferSelect;
export const nominationWord = { vi: 'Đề nghị khen thưởng', en: 'Nomination' };
export const councilWord = { vi: 'Hội đồng thi đua, khen thưởng', en: 'Emulation and commendation council' };

/** Programme managers and administrators who passed a second factor: they run councils, votes and decisions. */
export const isProgrammeManager = (ctx: ServiceContext): boolean =>
  (hasRole(ctx.actor, 'programme_manager') || hasRole(ctx.actor, 'administrator')) && (ctx.actor?.hasSecondFactor ?? false);

export function requireUserId(ctx: ServiceContext): string {
  if (!ctx.actor) throw unauthenticated();
  return ctx.actor.userId;
}

/** The units whose nominations the actor writes: those they are an officer of, sub-trees included. */
export const officerUnitIds = (ctx: ServiceContext): Promise<Set<string>> => unitIdsWhereActorHas(ctx, ['unit_officer']);

export async function loadNomination(ctx: ServiceContext, id: string, forUpdate = false): Promise<NominationRow> {
  const query = ctx.db.select().from(nominations).where(eq(nominations.id, id));
  const [row] = forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound(nominationWord, id);
  return row;
}

/** The actor's role on a council, or null. */
export async function councilRoleOf(ctx: ServiceContext, councilId: string | null) {
  const userId = ctx.actor?.userId;
  if (!userId || councilId === null) return null;
  const [member] = await ctx.db
    .select({ role: commendationCouncilMembers.role })
    .from(commendationCouncilMembers)
    .where(and(eq(commendationCouncilMembers.councilId, councilId), eq(commendationCouncilMembers.userId, userId)));
  return member?.role ?? null;
}

/** The parts the actor plays for one nomination; the workflow table decides what each may do. */
export async function nominationRolesFor(ctx: ServiceContext, row: NominationRow): Promise<NominationRole[]> {
  const roles: NominationRole[] = [];
  if ((await officerUnitIds(ctx)).has(row.unitId)) roles.push('unit_officer');
  if (isProgrammeManager(ctx)) roles.push('programme_manager');
  if ((await councilRoleOf(ctx, row.councilId)) === 'chair') roles.push('council_chair');
  return roles;
}

/**
 * Who reads a whole dossier: its unit's officers, the programme managers, and the members of the
 * council it went to once it is before them. Anyone else is told it does not exist.
 */
export async function requireReader(ctx: ServiceContext, row: NominationRow): Promise<NominationRole[]> {
  requireUserId(ctx);
  const roles = await nominationRolesFor(ctx, row);
  if (roles.length > 0) return roles;
  if (row.councilId !== null && (await councilRoleOf(ctx, row.councilId)) !== null) return roles;
  throw notFound(nominationWord, row.id);
}
