import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { PortalSummary } from '../../../shared/contracts/portal.js';
import { unitKinds } from '../../../shared/contracts/portal.js';
import type { ServiceContext } from '../../lib/context.js';
import { units } from '../identity/schema.js';
import { indicators, indicatorTargets } from '../indicators/schema.js';
import { campaignPhases, campaigns } from '../movement/schema.js';
import { plans, taskGroups } from '../plans/schema.js';

/** Everything the public home page shows, public data only, in six queries. */
export async function getPortalSummary(ctx: ServiceContext): Promise<PortalSummary> {
  const [unitCountRows, [city], planRows, headlineRows, campaignRows] = await Promise.all([
    ctx.db.select({ kind: units.kind, count: sql<number>`count(*)::int` }).from(units).where(eq(units.isActive, true)).groupBy(units.kind),
    ctx.db.select().from(units).where(eq(units.kind, 'city')).limit(1),
    ctx.db.select().from(plans).where(eq(plans.isPublic, true)).orderBy(asc(plans.code)),
    ctx.db
      .select({ indicator: indicators, target: indicatorTargets })
      .from(indicators)
      // The latest target year of each indicator.
      .innerJoin(indicatorTargets, sql`${indicatorTargets.indicatorId} = ${indicators.id} and ${indicatorTargets.year} = (select max(t.year) from indicator_targets t where t.indicator_id = ${indicators.id})`)
      .where(sql`${indicators.isHeadline} and ${indicators.isPublic}`)
      .orderBy(asc(indicators.code)),
    ctx.db.select().from(campaigns).orderBy(asc(campaigns.periodStart)),
  ]);
  const planIds = planRows.map((p) => p.id);
  const campaignIds = campaignRows.map((c) => c.id);
  const [groupRows, phaseRows] = await Promise.all([
    planIds.length ? ctx.db.select().from(taskGroups).where(inArray(taskGroups.planId, planIds)).orderBy(asc(taskGroups.position)) : [],
    campaignIds.length ? ctx.db.select().from(campaignPhases).where(inArray(campaignPhases.campaignId, campaignIds)).orderBy(asc(campaignPhases.position)) : [],
  ]);
  const unitCounts = Object.fromEntries(unitKinds.map((kind) => [kind, unitCountRows.find((u) => u.kind === kind)?.count ?? 0])) as PortalSummary['unitCounts'];
  return {
    city: { code: city?.code ?? '', name: { vi: city?.nameVi ?? '', en: city?.nameEn ?? '' } },
    unitCounts,
    plans: planRows.map((p) => ({
      id: p.id,
      code: p.code,
      title: { vi: p.titleVi, en: p.titleEn },
      issuingBody: { vi: p.issuingBodyVi, en: p.issuingBodyEn },
      issuedOn: p.issuedOn,
      periodStart: p.periodStart,
      periodEnd: p.periodEnd,
      taskGroups: groupRows.filter((g) => g.planId === p.id).map((g) => ({ order: g.position, title: { vi: g.titleVi, en: g.titleEn } })),
    })),
    headlineTargets: headlineRows.map(({ indicator: i, target: t }) => ({
      code: i.code,
      name: { vi: i.nameVi, en: i.nameEn },
      unit: { vi: i.unitVi, en: i.unitEn },
      direction: i.direction,
      targetYear: t.year,
      targetMin: t.minValue,
      targetMax: t.maxValue,
      baselineValue: i.baselineValue,
      baselineYear: i.baselineYear,
      isIllustrative: t.isIllustrative || i.isBaselineIllustrative,
    })),
    campaigns: campaignRows.map((c) => ({
      code: c.code,
      title: { vi: c.titleVi, en: c.titleEn },
      periodStart: c.periodStart,
      periodEnd: c.periodEnd,
      phases: phaseRows
        .filter((p) => p.campaignId === c.id)
        .map((p) => ({ order: p.position, name: { vi: p.nameVi, en: p.nameEn }, startsOn: p.startsOn, endsOn: p.endsOn, review: p.review, reviewOn: p.reviewOn })),
    })),
  };
}
