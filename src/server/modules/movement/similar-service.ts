import { and, inArray, ne, notInArray, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { publicStates, type similarQuerySchema } from '../../../shared/contracts/movement.js';
import type { ServiceContext } from '../../lib/context.js';
import { isProgrammeManager, requireUserId } from './access.js';
import { councilMembers, initiatives, reviewAssignments } from './schema.js';
import { rankSimilar, syllables } from '../../lib/text-similarity.js';

/** How many candidates the database pre-selects (by shared syllables, through the trigram index) before ranking. */
const candidateLimit = 400;

/**
 * The initiatives most similar to a text: for a submitter while typing the public ones (they must not
 * learn of others' dossiers); for a council member also those assigned to their councils; for
 * managers every submitted one.
 */
export async function findSimilar(ctx: ServiceContext, query: z.output<typeof similarQuerySchema>) {
  const userId = requireUserId(ctx);
  const words = [...new Set(syllables(query.text))].sort((a, b) => b.length - a.length).slice(0, 12);
  if (words.length === 0) return { items: [] };
  const hits = sql.join(
    words.map((w) => sql`(${initiatives.searchText} like ${`%${w}%`})::int`),
    sql` + `,
  );
  const assignedToMyCouncil = sql`exists (select 1 from ${reviewAssignments} ra join ${councilMembers} cm on cm.council_id = ra.council_id
    where ra.initiative_id = ${initiatives.id} and cm.user_id = ${userId})`;
  const visible = isProgrammeManager(ctx)
    ? notInArray(initiatives.state, ['draft', 'withdrawn'])
    : or(inArray(initiatives.state, [...publicStates]), assignedToMyCouncil);
  const rows = await ctx.db
    .select({
      id: initiatives.id,
      code: initiatives.code,
      title: initiatives.title,
      state: initiatives.state,
      text: initiatives.searchText,
    })
    .from(initiatives)
    .where(
      and(
        visible,
        query.excludeId ? ne(initiatives.id, query.excludeId) : undefined,
        sql`(${sql.join(
          words.map((w) => sql`${initiatives.searchText} like ${`%${w}%`}`),
          sql` or `,
        )})`,
      ),
    )
    .orderBy(sql`${hits} desc`, initiatives.id)
    .limit(candidateLimit);
  const ranked = rankSimilar(query.text, rows, query.limit);
  return {
    items: ranked.map((r) => {
      const row = rows.find((x) => x.id === r.id)!;
      return { id: row.id, code: row.code, title: row.title, state: row.state, score: r.score };
    }),
  };
}
