import { gte, inArray } from 'drizzle-orm';
import { ecosystemFieldNames, ecosystemPaths, type Match } from '../../../shared/contracts/ecosystem.js';
import type { ServiceContext } from '../../lib/context.js';
import { conflict } from '../../lib/errors.js';
import { loadOrganisation } from './access.js';
import { listedExperts } from './experts.js';
import { rankMatches, type MatchCandidate } from './matching.js';
import { organisationUrl, programmeUrl } from './presenter.js';
import { ecoOrganisations, ecoProgrammes, type OrganisationRow } from './schema.js';

const describe = (text: string[], fields: readonly (keyof typeof ecosystemFieldNames)[]) =>
  [...text, ...fields.flatMap((f) => [ecosystemFieldNames[f].vi, ecosystemFieldNames[f].en])].join(' ');

/** Public: what fits a startup of the directory — funds, incubators, open programmes and listed experts — best first, with reasons. */
export async function matchesFor(ctx: ServiceContext, organisationId: string, limit: number): Promise<{ items: Match[] }> {
  const startup = await loadOrganisation(ctx, organisationId);
  if (startup.kind !== 'startup') {
    throw conflict(
      { vi: 'Gợi ý kết nối chỉ dành cho doanh nghiệp khởi nghiệp', en: 'Matching is for startups only' },
      { reason: 'NOT_A_STARTUP' },
    );
  }
  const today = ctx.clock.now().toISOString().slice(0, 10);
  const orgs = await ctx.db
    .select()
    .from(ecoOrganisations)
    .where(inArray(ecoOrganisations.kind, ['investor', 'incubator', 'innovation_centre']));
  const programmes = await ctx.db.select().from(ecoProgrammes).where(gte(ecoProgrammes.closesOn, today));
  const experts = await listedExperts(ctx);
  const fromOrg = (o: OrganisationRow): MatchCandidate => ({
    kind: o.kind === 'investor' ? 'investor' : 'incubator',
    id: o.id,
    name: { vi: o.nameVi, en: o.nameEn || o.nameVi },
    url: organisationUrl(o.slug),
    text: describe([o.nameVi, o.descriptionVi, o.descriptionEn], o.fields),
    fields: o.fields,
    stages: o.servesStages,
    isVerified: o.verifiedAt !== null,
  });
  const candidates: MatchCandidate[] = [
    ...orgs.filter((o) => o.id !== startup.id).map(fromOrg),
    ...programmes.map((p) => ({
      kind: 'programme' as const,
      id: p.id,
      name: { vi: p.titleVi, en: p.titleEn || p.titleVi },
      url: programmeUrl(p.slug),
      text: describe([p.titleVi, p.eligibilityVi, p.benefitsVi, p.eligibilityEn, p.benefitsEn], p.fields),
      fields: p.fields,
      stages: p.stages,
      isVerified: true,
    })),
    ...experts.map((e) => ({
      kind: 'expert' as const,
      id: e.id,
      name: { vi: e.displayName, en: e.displayName },
      url: ecosystemPaths.experts,
      text: describe([e.offersVi, e.offersEn, e.affiliation], e.fields),
      fields: e.fields,
      stages: [],
      isVerified: false,
    })),
  ];
  const seeker = {
    text: describe([startup.nameVi, startup.descriptionVi, startup.descriptionEn], startup.fields),
    fields: startup.fields,
    stage: startup.stage,
  };
  const ranked = rankMatches(seeker, candidates, limit);
  return {
    items: ranked.map((r) => ({
      kind: r.candidate.kind,
      id: r.candidate.id,
      name: r.candidate.name,
      url: r.candidate.url,
      score: r.score,
      reasons: r.reasons,
    })),
  };
}
