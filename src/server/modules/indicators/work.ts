import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { periodExamples, type WorkList } from '../../../shared/contracts/indicators.js';
import type { ServiceContext } from '../../lib/context.js';
import { unitIdsWhereActorHas } from '../../lib/unit-scope.js';
import { units } from '../identity/schema.js';
import { cityToday } from './dates.js';
import { missingPeriods } from './missing.js';
import { listReviewQueue, sentPeriodsByIndicator } from './observations.js';
import { isProgrammeManager } from './policy.js';
import { indicatorObservations, indicators } from './schema.js';

/**
 * What the caller has to do: the indicators they report on (an officer: their unit's; a programme
 * manager: all) with overdue periods and values awaiting review, and the review queue.
 */
export async function getWorkList(ctx: ServiceContext): Promise<WorkList> {
  const officerUnits = await unitIdsWhereActorHas(ctx, ['unit_officer']);
  const isManager = isProgrammeManager(ctx.actor);
  if (!isManager && officerUnits.size === 0) return { items: [], reviewQueue: [] };
  const scope = isManager ? undefined : inArray(indicators.responsibleUnitId, [...officerUnits]);
  const rows = await ctx.db
    .select({ indicator: indicators, unitCode: units.code, unitVi: units.nameVi, unitEn: units.nameEn })
    .from(indicators)
    .leftJoin(units, eq(units.id, indicators.responsibleUnitId))
    .where(scope)
    .orderBy(asc(indicators.code), asc(indicators.id));
  const ids = rows.map((row) => row.indicator.id);
  const [sent, pending] = await Promise.all([
    sentPeriodsByIndicator(ctx, ids),
    ids.length
      ? ctx.db
          .select({ indicatorId: indicatorObservations.indicatorId, count: sql<number>`count(*)::int` })
          .from(indicatorObservations)
          .where(and(inArray(indicatorObservations.indicatorId, ids), eq(indicatorObservations.status, 'submitted')))
          .groupBy(indicatorObservations.indicatorId)
      : [],
  ]);
  const today = cityToday(ctx.clock);
  return {
    items: rows.map(({ indicator: i, unitCode, unitVi, unitEn }) => ({
      id: i.id,
      code: i.code,
      name: { vi: i.nameVi, en: i.nameEn },
      unit: { vi: i.unitVi, en: i.unitEn },
      frequency: i.frequency,
      periodExample: periodExamples[i.frequency],
      responsibleUnit: unitCode ? { code: unitCode, name: { vi: unitVi!, en: unitEn! } } : null,
      canEnter: i.responsibleUnitId !== null && officerUnits.has(i.responsibleUnitId),
      missingPeriods: missingPeriods(i, sent.get(i.id) ?? new Set(), today),
      pendingCount: pending.find((p) => p.indicatorId === i.id)?.count ?? 0,
    })),
    reviewQueue: await listReviewQueue(ctx),
  };
}
