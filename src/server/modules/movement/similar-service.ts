import { and, inArray, ne, notInArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { publicStates, type similarQuerySchema } from '../../../shared/contracts/movement.js';
import type { ServiceContext } from '../../lib/context.js';
import { isProgrammeManager, requireUserId } from './access.js';
import { councilMembers, initiatives } from './schema.js';
import { rankSimilar, syllables } from '../../lib/text-similarity.js';

/** How many candidates the database pre-selects (by shared syllables, through the trigram index) before ranking. */
const candidateLimit = 400;

/**
 * The initiatives most similar to a text: for a submitter while typing (public ones: they must not
 * learn of others' dossiers), for managers and council members all submitted ones.
 */
export async function findSimilar(ctx: ServiceContext, query: z.output<typeof similarQuerySchema>) {
  const userId = requireUserId(ctx);
  const [membership] = await ctx.db.select({ id: councilMembers.id }).from(councilMembers).where(sql`${councilMembers.userId} = ${userId}`).limit(1);
  const seesAll = isProgrammeManager(ctx) || membership !== undefined;
  const words = [...new Set(syllables(query.text))].sort((a, b) => b.length - a.length).slice(0, 12);
  if (words.length === 0) return { items: [] };
  const hits = sql.join(
    words.map((w) => sql`(${initiatives.searchText} like ${`%${w}%`})::int`),
    sql` + `,
  );
  const visible = seesAll ? notInArray(initiatives.state, ['draft', 'withdrawn']) : inArray(initiatives.state, [...publicStates]);
  const rows = await ctx.db
    .select({ id: initiatives.id, code: initiatives.code, title: initiatives.title, state: initiatives.state, text: initiatives.searchText })
    .from(initiatives)
    .where(and(visible, query.excludeId ? ne(initiatives.id, query.excludeId) : undefined, sql`(${sql.join(words.map((w) => sql`${initiatives.searchText} like ${`%${w}%`}`), sql` or `)})`))
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
