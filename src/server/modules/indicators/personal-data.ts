import { asc, eq, or } from 'drizzle-orm';
import type { ServiceContext } from '../../lib/context.js';
import { toIso } from '../../lib/time.js';
import { indicatorObservations, indicators } from './schema.js';

/**
 * The values a person entered or reviewed, for "download my data". They are official records, so an
 * erased account keeps them, linked to the anonymised account.
 */
export async function exportIndicatorDataOf(ctx: ServiceContext, userId: string) {
  const rows = await ctx.db
    .select({ observation: indicatorObservations, code: indicators.code })
    .from(indicatorObservations)
    .innerJoin(indicators, eq(indicators.id, indicatorObservations.indicatorId))
    .where(or(eq(indicatorObservations.enteredBy, userId), eq(indicatorObservations.reviewedBy, userId)))
    .orderBy(asc(indicatorObservations.enteredAt), asc(indicators.code), asc(indicatorObservations.period), asc(indicatorObservations.revision));
  return {
    indicatorValues: rows.map(({ observation: o, code }) => ({
      indicatorCode: code,
      period: o.period,
      revision: o.revision,
      value: o.value,
      status: o.status,
      enteredByMe: o.enteredBy === userId,
      reviewedByMe: o.reviewedBy === userId,
      enteredAt: toIso(o.enteredAt),
      reviewedAt: toIso(o.reviewedAt),
      reviewNote: o.reviewNote,
    })),
  };
}
