import { asc, eq } from 'drizzle-orm';
import type { ServiceContext } from '../../lib/context.js';
import { initiativeAuthors, initiativeComments, initiatives, initiativeSupports } from './schema.js';

/** What the movement holds about a person (Decree 13/2023): initiatives they submitted or co-author, supports, comments. */
export async function exportMovementDataOf(ctx: ServiceContext, userId: string) {
  const submitted = await ctx.db
    .select({ code: initiatives.code, title: initiatives.title, state: initiatives.state, submittedAt: initiatives.submittedAt })
    .from(initiatives)
    .where(eq(initiatives.submitterId, userId))
    .orderBy(asc(initiatives.code));
  const authorships = await ctx.db
    .select({ code: initiatives.code, fullName: initiativeAuthors.fullName, birthDate: initiativeAuthors.birthDate, workplace: initiativeAuthors.workplace, contributionPercent: initiativeAuthors.contributionPercent, confirmedAt: initiativeAuthors.confirmedAt })
    .from(initiativeAuthors)
    .innerJoin(initiatives, eq(initiatives.id, initiativeAuthors.initiativeId))
    .where(eq(initiativeAuthors.userId, userId))
    .orderBy(asc(initiatives.code));
  const supports = await ctx.db
    .select({ code: initiatives.code, at: initiativeSupports.createdAt })
    .from(initiativeSupports)
    .innerJoin(initiatives, eq(initiatives.id, initiativeSupports.initiativeId))
    .where(eq(initiativeSupports.userId, userId))
    .orderBy(asc(initiatives.code));
  const comments = await ctx.db
    .select({ body: initiativeComments.body, status: initiativeComments.status, at: initiativeComments.createdAt })
    .from(initiativeComments)
    .where(eq(initiativeComments.authorId, userId))
    .orderBy(asc(initiativeComments.createdAt), asc(initiativeComments.id));
  return { submitted, authorships, supports, comments };
}

/**
 * On erasure the person’s comments are emptied (their words are personal data); supports stay, tied
 * only to the anonymised account, so public counts do not move. Initiatives and
 * authorships stay: recognition decisions are public acts.
 */
export async function eraseMovementDataOf(ctx: ServiceContext, userId: string): Promise<void> {
  await ctx.db.update(initiativeComments).set({ body: '—', status: 'hidden', moderationNote: 'erased' }).where(eq(initiativeComments.authorId, userId));
}
