import { asc, eq, inArray, sql } from 'drizzle-orm';
import { parsePeriod, periodEndAt, type Dashboard, type PublicIndicator } from '../../../shared/contracts/indicators.js';
import type { ServiceContext } from '../../lib/context.js';
import { units } from '../identity/schema.js';
import { cityToday } from './dates.js';
import { missingPeriods } from './missing.js';
import { sentPeriodsByIndicator } from './observations.js';
import { indicatorFrameworks, indicatorObservations, indicators, indicatorTargets } from './schema.js';
import { assessIndicator } from './status.js';

const localized = (vi: string | null, en: string | null) => (vi === null ? null : { vi, en: en ?? vi });

/** Approved values of these indicators: per period, its latest approved revision. */
export async function approvedSeries(ctx: ServiceContext, indicatorIds: string[]) {
  if (indicatorIds.length === 0) return [];
  return ctx.db
    .selectDistinctOn([indicatorObservations.indicatorId, indicatorObservations.period])
    .from(indicatorObservations)
    .where(sql`${inArray(indicatorObservations.indicatorId, indicatorIds)} and ${indicatorObservations.status} = 'approved'`)
    .orderBy(asc(indicatorObservations.indicatorId), asc(indicatorObservations.period), sql`${indicatorObservations.revision} desc`);
}

/** Every public indicator with its targets, approved values, status and overdue periods, in five queries. */
export async function getDashboard(ctx: ServiceContext): Promise<Dashboard> {
  const [frameworkRows, indicatorRows] = await Promise.all([
    ctx.db.select().from(indicatorFrameworks).orderBy(asc(indicatorFrameworks.code)),
    ctx.db
      .select({
        indicator: indicators,
        frameworkCode: indicatorFrameworks.code,
        unitCode: units.code,
        unitVi: units.nameVi,
        unitEn: units.nameEn,
      })
      .from(indicators)
      .innerJoin(indicatorFrameworks, eq(indicatorFrameworks.id, indicators.frameworkId))
      .leftJoin(units, eq(units.id, indicators.responsibleUnitId))
      .where(eq(indicators.isPublic, true))
      .orderBy(asc(indicatorFrameworks.code), sql`${indicators.isHeadline} desc`, asc(indicators.code)),
  ]);
  const ids = indicatorRows.map((row) => row.indicator.id);
  const [targetRows, seriesRows, sent] = await Promise.all([
    ids.length
      ? ctx.db.select().from(indicatorTargets).where(inArray(indicatorTargets.indicatorId, ids)).orderBy(asc(indicatorTargets.year))
      : [],
    approvedSeries(ctx, ids),
    sentPeriodsByIndicator(ctx, ids),
  ]);
  const today = cityToday(ctx.clock);
  const usedFrameworks = new Set(indicatorRows.map((row) => row.frameworkCode));

  const items = indicatorRows.map(({ indicator: i, frameworkCode, unitCode, unitVi, unitEn }): PublicIndicator => {
    const targets = targetRows
      .filter((t) => t.indicatorId === i.id)
      .map((t) => ({ year: t.year, min: t.minValue, max: t.maxValue, qualifier: t.qualifier, isIllustrative: t.isIllustrative }));
    const series = seriesRows
      .filter((o) => o.indicatorId === i.id)
      .map((o) => ({
        period: o.period,
        periodEnd: o.periodEnd,
        at: periodEndAt(parsePeriod(o.period, i.frequency)!),
        value: o.value,
        isIllustrative: o.isIllustrative,
        sourceNote: o.sourceNote,
      }))
      .sort((a, b) => a.at - b.at);
    const baseline =
      i.baselineValue !== null && i.baselineYear !== null
        ? { value: i.baselineValue, year: i.baselineYear, qualifier: i.baselineQualifier, isIllustrative: i.isBaselineIllustrative }
        : null;
    const assessment = assessIndicator({ direction: i.direction, baseline, targets, observations: series, method: i.projectionMethod });
    return {
      id: i.id,
      code: i.code,
      frameworkCode,
      name: { vi: i.nameVi, en: i.nameEn },
      unit: { vi: i.unitVi, en: i.unitEn },
      method: localized(i.methodVi, i.methodEn),
      dataSource: localized(i.dataSourceVi, i.dataSourceEn),
      direction: i.direction,
      frequency: i.frequency,
      measureKey: i.measureKey,
      projectionMethod: i.projectionMethod,
      baseline,
      targets,
      responsibleUnit: unitCode ? { code: unitCode, name: { vi: unitVi!, en: unitEn! } } : null,
      sourceNote: i.sourceNote,
      planTaskCodes: i.planTaskCodes,
      series,
      assessment: {
        status: assessment.status,
        threshold: assessment.threshold,
        expected: assessment.expected,
        projected: assessment.projected,
        isProjectedToMeet: assessment.isProjectedToMeet,
        targetYear: assessment.target?.year ?? null,
        method: i.projectionMethod,
      },
      missingPeriods: missingPeriods(i, sent.get(i.id) ?? new Set(), today),
    };
  });
  return {
    asOf: ctx.clock.now().toISOString(),
    frameworks: frameworkRows
      .filter((f) => usedFrameworks.has(f.code))
      .map((f) => ({ code: f.code, name: { vi: f.nameVi, en: f.nameEn }, sourceDocument: f.sourceDocument })),
    indicators: items,
  };
}
