import { asc, eq } from 'drizzle-orm';
import type { ServiceContext } from '../../lib/context.js';
import {
  commendationCouncilMembers,
  commendationCouncils,
  commendationDecisions,
  nominations,
  nominationTransitions,
  nominationVoters,
} from './schema.js';

/**
 * What the module holds about an account (Decree 13/2023/NĐ-CP): the nominations it drafted, the
 * councils it sits on, and the votes it took part in — that it voted, never how (no one knows).
 */
export async function exportCommendationDataOf(ctx: ServiceContext, userId: string) {
  const drafted = await ctx.db
    .select({
      code: nominations.code,
      nominee: nominations.nomineeName,
      year: nominations.year,
      state: nominations.state,
      createdAt: nominations.createdAt,
    })
    .from(nominations)
    .where(eq(nominations.createdBy, userId))
    .orderBy(asc(nominations.code));
  const councils = await ctx.db
    .select({ council: commendationCouncils.nameVi, role: commendationCouncilMembers.role })
    .from(commendationCouncilMembers)
    .innerJoin(commendationCouncils, eq(commendationCouncils.id, commendationCouncilMembers.councilId))
    .where(eq(commendationCouncilMembers.userId, userId))
    .orderBy(asc(commendationCouncils.nameVi));
  const votes = await ctx.db
    .select({ code: nominations.code, votedAt: nominationVoters.votedAt })
    .from(nominationVoters)
    .innerJoin(nominations, eq(nominations.id, nominationVoters.nominationId))
    .where(eq(nominationVoters.userId, userId))
    .orderBy(asc(nominations.code));
  return { drafted, councils, votes };
}

/**
 * On erasure the account leaves its councils and is no longer named as the author of drafts,
 * councils, decisions or workflow steps. The nominations and decisions themselves are official
 * records and stay; the roll of a vote keeps that a member voted, so each vote still adds up.
 */
export async function eraseCommendationDataOf(ctx: ServiceContext, userId: string) {
  await ctx.db.delete(commendationCouncilMembers).where(eq(commendationCouncilMembers.userId, userId));
  await ctx.db.update(nominations).set({ createdBy: null }).where(eq(nominations.createdBy, userId));
  await ctx.db.update(commendationCouncils).set({ createdBy: null }).where(eq(commendationCouncils.createdBy, userId));
  await ctx.db.update(commendationDecisions).set({ createdBy: null }).where(eq(commendationDecisions.createdBy, userId));
  await ctx.db.update(nominationTransitions).set({ actorId: null }).where(eq(nominationTransitions.actorId, userId));
}
