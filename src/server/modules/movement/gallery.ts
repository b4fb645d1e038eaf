import { and, type AnyColumn, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { publicStates, type galleryQuerySchema } from '../../../shared/contracts/movement.js';
import type { ServiceContext } from '../../lib/context.js';
import { units } from '../identity/schema.js';
import { searchTextOf } from './initiatives.js';
import { presentGalleryItem } from './presenter.js';
import { initiatives } from './schema.js';

type GalleryQuery = z.output<typeof galleryQuerySchema>;

/** The distinct words of a folded query, in the order typed: the last one may be unfinished. */
function searchTokensInOrder(searchText: string): string[] {
  return [...new Set(searchText.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0))];
}
type Sortable = Record<'supportCount' | 'decidedAt' | 'replicationCount' | 'id', AnyColumn>;

export const isPublic = inArray(initiatives.state, [...publicStates]);

/** The gallery counts matches up to this many. */
export const totalCap = 1000;

/** How many initiatives, in the page's order, a search reads before it asks the word index instead. */
export const galleryWalkBudget = 1000;

function orderOf(sort: GalleryQuery['sort'], t: Sortable): SQL[] {
  if (sort === 'newest') return [sql`${t.decidedAt} desc nulls last`, asc(t.id)];
  if (sort === 'replications') return [desc(t.replicationCount), desc(t.supportCount), asc(t.id)];
  // Spelled as the partial indexes are built (nulls last), so the planner reads pages from them.
  return [sql`${t.supportCount} desc nulls last`, asc(t.id)];
}

/**
 * The public gallery of recognised initiatives: filters, diacritics-insensitive search, paging.
 * Search matches whole folded syllables ("chuyen doi so" finds "Chuyển đổi số"), every word required,
 * except the last, which may still be being typed: "xe bu" finds "xe buýt". The capped count runs
 * beside the page on a second connection.
 */
export async function galleryPage(ctx: ServiceContext, query: GalleryQuery, walkBudget = galleryWalkBudget) {
  // The words fold exactly as the initiatives' own syllables were folded when saved.
  const terms = searchTokensInOrder(searchTextOf(query.q, '')).slice(0, 8);
  const whole = terms.slice(0, -1);
  const typing = terms.at(-1);
  // The filters and the words, on the table or on the walked prefix of it.
  const conditionsOn = (t: Filterable): SQL[] => [
    ...(query.field ? [eq(t.fieldCode, query.field)] : []),
    ...(query.scope ? [eq(t.scope, query.scope)] : []),
    ...(query.unitId ? [eq(t.unitId, query.unitId)] : []),
    ...(whole.length > 0
      ? [
          sql`${t.searchTokens} @> array[${sql.join(
            whole.map((w) => sql`${w}`),
            sql`, `,
          )}]::text[]`,
        ]
      : []),
    // The last word begins one of the syllables; the folded text's trigram index narrows the rows first.
    // Words hold only letters and digits, so they never carry a LIKE wildcard.
    ...(typing
      ? [
          sql`${t.searchText} like ${`%${typing}%`}`,
          sql`exists (select 1 from unnest(${t.searchTokens}) as syllable where syllable like ${`${typing}%`})`,
        ]
      : []),
  ];
  const where = and(isPublic, ...conditionsOn(initiatives));
  // Counting stops at a cap: an exact count of tens of thousands of matches costs more than the page itself.
  const capped = ctx.db
    .select({ one: sql`1` })
    .from(initiatives)
    .where(where)
    .limit(totalCap + 1)
    .as('capped');
  const [rows, [count]] = await Promise.all([
    (async () => widen(ctx, await choosePage(ctx, query, { where, conditionsOn, isSearch: terms.length > 0, walkBudget })))(),
    ctx.db.select({ n: sql<number>`count(*)::int` }).from(capped),
  ]);
  const total = count?.n ?? 0;
  return { items: rows, total: Math.min(total, totalCap), isTotalCapped: total > totalCap, page: query.page, pageSize: query.pageSize };
}

type Filterable = Record<'fieldCode' | 'scope' | 'unitId' | 'searchText' | 'searchTokens', AnyColumn>;
type PageChoice = { where: SQL | undefined; conditionsOn: (t: Filterable) => SQL[]; isSearch: boolean; walkBudget: number };

/**
 * The ids of one page, in order. A broad word matches thousands of initiatives, and sorting them
 * all costs tens of milliseconds, while the best of them are met early when reading the public
 * initiatives in the gallery's own order (its partial index). So a search first reads a bounded
 * prefix of that order — whatever the filters, so the cost stays bounded — and keeps its matches:
 * if the page is full, it is exactly the page a full sort would give, since every better match lies
 * in the prefix. Otherwise — a rare word — the word index finds the few matches and they are sorted.
 */
async function choosePage(
  ctx: ServiceContext,
  query: GalleryQuery,
  { where, conditionsOn, isSearch, walkBudget }: PageChoice,
): Promise<string[]> {
  const offset = (query.page - 1) * query.pageSize;
  if (isSearch && query.sort !== 'replications' && walkBudget > 0) {
    const walked = ctx.db
      .select({
        id: initiatives.id,
        supportCount: initiatives.supportCount,
        decidedAt: initiatives.decidedAt,
        replicationCount: initiatives.replicationCount,
        fieldCode: initiatives.fieldCode,
        scope: initiatives.scope,
        unitId: initiatives.unitId,
        searchText: initiatives.searchText,
        searchTokens: initiatives.searchTokens,
      })
      .from(initiatives)
      .where(isPublic)
      .orderBy(...orderOf(query.sort, initiatives))
      .limit(walkBudget)
      .as('walked');
    const hits = await ctx.db
      .select({ id: walked.id })
      .from(walked)
      .where(and(...conditionsOn(walked)))
      .orderBy(...orderOf(query.sort, walked))
      .limit(query.pageSize)
      .offset(offset);
    if (hits.length === query.pageSize) return hits.map((h) => h.id);
  }
  const chosen = await ctx.db
    .select({ id: initiatives.id })
    .from(initiatives)
    .where(where)
    .orderBy(...orderOf(query.sort, initiatives))
    .limit(query.pageSize)
    .offset(offset);
  return chosen.map((c) => c.id);
}

/** Only the page's rows are read whole, with their units. */
async function widen(ctx: ServiceContext, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await ctx.db
    .select({
      id: initiatives.id,
      code: initiatives.code,
      title: initiatives.title,
      fieldCode: initiatives.fieldCode,
      state: initiatives.state,
      scope: initiatives.scope,
      essence: sql<string>`left(${initiatives.essence}, 240)`,
      supportCount: initiatives.supportCount,
      replicationCount: initiatives.replicationCount,
      nameVi: units.nameVi,
      nameEn: units.nameEn,
    })
    .from(initiatives)
    .leftJoin(units, eq(units.id, initiatives.unitId))
    .where(inArray(initiatives.id, ids));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids
    .map((id) => byId.get(id)!)
    .map((r) => presentGalleryItem(r, r.nameVi === null ? null : { nameVi: r.nameVi, nameEn: r.nameEn! }));
}
