import { and, asc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { OrganisationDto } from '../../../shared/contracts/ecosystem.js';
import { movementPaths } from '../../../shared/web-paths.js';
import type { ServiceContext } from '../../lib/context.js';
import { isPublic as isPublicInitiative } from '../movement/gallery.js';
import { awards, awardTypes, initiativeAuthors, initiatives } from '../movement/schema.js';
import { foldName } from './directory-table.js';
import type { OrganisationRow } from './schema.js';

/** More than this many linked initiatives are left to the gallery's own search. */
const linkedInitiativesMax = 50;

/** The same folding as foldName, in SQL: lower case, no diacritics, spaces collapsed. */
const folded = (column: SQL | typeof initiatives.ownerName) => sql`regexp_replace(f_unaccent(lower(btrim(${column}))), '\\s+', ' ', 'g')`;

/**
 * The organisation's initiatives elsewhere on the platform and the awards they won. An initiative
 * is the organisation's when the application names it as the initiative's owner (chủ đầu tư) or as
 * the workplace of one of its authors, by the same name as the profile's (Vietnamese or English,
 * case and diacritics aside). Only public initiatives (recognised, awarded, replicated) are linked.
 * Tasks are not: a task is assigned to government units, and the data model names no organisation.
 */
export async function platformLinksOf(
  ctx: ServiceContext,
  row: Pick<OrganisationRow, 'nameVi' | 'nameEn'>,
): Promise<OrganisationDto['platformLinks']> {
  const names = [...new Set([row.nameVi, row.nameEn].filter((n) => n.trim().length > 0).map(foldName))];
  const byAuthor = ctx.db
    .select({ id: initiativeAuthors.initiativeId })
    .from(initiativeAuthors)
    .where(inArray(folded(sql`${initiativeAuthors.workplace}`), names));
  const found = await ctx.db
    .select({ id: initiatives.id, code: initiatives.code, title: initiatives.title, state: initiatives.state })
    .from(initiatives)
    .where(and(isPublicInitiative, or(inArray(folded(initiatives.ownerName), names), inArray(initiatives.id, byAuthor))))
    .orderBy(asc(initiatives.code))
    .limit(linkedInitiativesMax);
  const won = found.length
    ? await ctx.db
        .select({
          initiativeId: awards.initiativeId,
          nameVi: awardTypes.nameVi,
          nameEn: awardTypes.nameEn,
          awardedOn: awards.awardedOn,
          decisionRef: awards.decisionRef,
        })
        .from(awards)
        .innerJoin(awardTypes, eq(awardTypes.id, awards.awardTypeId))
        .where(
          inArray(
            awards.initiativeId,
            found.map((i) => i.id),
          ),
        )
        .orderBy(asc(awards.awardedOn), asc(awards.id))
    : [];
  return {
    initiatives: found.map((i) => ({
      code: i.code,
      title: i.title,
      state: i.state,
      url: movementPaths.publicInitiative(i.id),
      awards: won
        .filter((a) => a.initiativeId === i.id)
        .map((a) => ({ name: { vi: a.nameVi, en: a.nameEn }, awardedOn: a.awardedOn, decisionRef: a.decisionRef })),
    })),
  };
}
