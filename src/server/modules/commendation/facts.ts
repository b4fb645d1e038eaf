import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { commendationPaths, movementPaths } from '../../../shared/web-paths.js';
import { foldDiacritics } from '../../../shared/text.js';
import type { ServiceContext } from '../../lib/context.js';
import { subtreeOf } from '../../lib/unit-scope.js';
import { units } from '../identity/schema.js';
import { cityDate } from '../movement/decision-deadline.js';
import { initiativeAuthors, initiatives } from '../movement/schema.js';
import type { NominationRow } from './access.js';
import type { Facts, HeldTitle, RecognisedInitiative } from './eligibility.js';
import { issuerOf } from './rules.js';
import { commendationDecisions, commendationTitles, nominations } from './schema.js';

export type TitleRow = typeof commendationTitles.$inferSelect;

/** A person's name as titles and initiatives are matched on: composed, folded, single-spaced, lower case. */
export const nomineeKeyOf = (name: string): string => foldDiacritics(name.normalize('NFC')).replace(/\s+/g, ' ').trim();

/** Initiatives the movement recognised and keeps public (recognised, awarded, replicated). */
const recognisedStates = ['recognised', 'awarded', 'replicated'] as const;

/**
 * The titles the nominee holds: those the dossier declares with their decisions, and those the
 * platform's own councils approved or its decisions gave to the same name in the same unit.
 */
async function heldTitles(ctx: ServiceContext, row: NominationRow, titles: readonly TitleRow[]): Promise<HeldTitle[]> {
  const nameOf = (titleId: string) => titles.find((t) => t.id === titleId)?.nameVi ?? '';
  const codeOfName = (code: string) => titles.find((t) => t.code === code)?.nameVi ?? code;
  const declared: HeldTitle[] = row.priorTitles.map((p) => ({
    year: p.year,
    titleCode: p.titleCode,
    label: `${p.year}: ${codeOfName(p.titleCode)} — ${p.decisionRef}`,
    href: null,
    source: 'declared_title',
  }));
  const platform = await ctx.db
    .select({
      titleId: nominations.titleId,
      year: nominations.year,
      state: nominations.state,
      decisionId: nominations.decisionId,
      number: commendationDecisions.number,
    })
    .from(nominations)
    .leftJoin(commendationDecisions, eq(commendationDecisions.id, nominations.decisionId))
    .where(
      and(
        eq(nominations.nomineeKey, row.nomineeKey),
        eq(nominations.nomineeUnitId, row.nomineeUnitId),
        eq(nominations.subject, row.subject),
        inArray(nominations.state, ['approved', 'issued']),
        ne(nominations.id, row.id),
      ),
    );
  const given: HeldTitle[] = platform.map((p) => ({
    year: p.year,
    titleCode: titles.find((t) => t.id === p.titleId)!.code,
    label:
      p.state === 'issued'
        ? `${p.year}: ${nameOf(p.titleId)} — Quyết định số ${p.number}`
        : `${p.year}: ${nameOf(p.titleId)} — Hội đồng đã thông qua, chờ quyết định`,
    href: p.decisionId ? commendationPaths.decision(p.decisionId) : null,
    source: 'decision',
  }));
  return [...declared, ...given].sort((a, b) => a.year - b.year || a.label.localeCompare(b.label));
}

/**
 * The nominee's initiatives the movement recognised: those naming them among the authors, made in
 * the nominating unit or below it (a name alone is matched only there, where the officer knows the person).
 */
async function recognisedInitiatives(ctx: ServiceContext, row: NominationRow, unitTree: Set<string>): Promise<RecognisedInitiative[]> {
  if (row.subject !== 'individual' || unitTree.size === 0) return [];
  const found = await ctx.db
    .selectDistinct({
      id: initiatives.id,
      code: initiatives.code,
      title: initiatives.title,
      scope: initiatives.scope,
      decidedAt: initiatives.decidedAt,
    })
    .from(initiatives)
    .innerJoin(initiativeAuthors, eq(initiativeAuthors.initiativeId, initiatives.id))
    .where(
      and(
        inArray(initiatives.state, [...recognisedStates]),
        inArray(initiatives.unitId, [...unitTree]),
        sql`btrim(regexp_replace(f_unaccent(lower(${initiativeAuthors.fullName})), '\\s+', ' ', 'g')) = ${row.nomineeKey}`,
      ),
    )
    .orderBy(initiatives.code);
  return found
    .filter((i) => i.scope !== null && i.decidedAt !== null)
    .map((i) => ({
      id: i.id,
      code: i.code,
      title: i.title,
      scope: i.scope!,
      recognisedYear: Number(cityDate(new Date(i.decidedAt!)).slice(0, 4)),
      href: movementPaths.publicInitiative(i.id),
    }));
}

/** Everything `evaluateEligibility` reads about one nomination. */
export async function factsOf(ctx: ServiceContext, row: NominationRow): Promise<Facts> {
  const titles = await ctx.db.select().from(commendationTitles);
  const title = titles.find((t) => t.id === row.titleId)!;
  const [unit] = await ctx.db.select({ kind: units.kind }).from(units).where(eq(units.id, row.unitId));
  const unitTree = await subtreeOf(ctx, [row.unitId]);
  return {
    titleCode: title.code,
    titleName: { vi: title.nameVi, en: title.nameEn },
    titleSubject: title.subject,
    issuers: title.issuers,
    requiresInitiative: title.requiresInitiative,
    subject: row.subject,
    year: row.year,
    issuer: issuerOf(row.level, unit!.kind),
    isNomineeInUnit: unitTree.has(row.nomineeUnitId),
    isUnderReview: row.isUnderReview,
    ratings: row.ratings,
    scienceWorks: row.scienceWorks,
    collective: row.collective,
    heldTitles: await heldTitles(ctx, row, titles),
    initiatives: await recognisedInitiatives(ctx, row, unitTree),
  };
}
