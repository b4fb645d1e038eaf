import { inArray } from 'drizzle-orm';
import type { IndicatorCount, OrganisationKind } from '../../../shared/contracts/ecosystem.js';
import { organisationKindNames } from '../../../shared/contracts/ecosystem.js';
import { recordAudit } from '../../lib/audit.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, notFound } from '../../lib/errors.js';
import { inTransaction } from '../../lib/tx.js';
import { approvedSeries } from '../indicators/dashboard.js';
import { invalidateDashboard } from '../indicators/dashboard-cache.js';
import { cityToday } from '../indicators/dates.js';
import { checkObservation, insertObservation } from '../indicators/observations.js';
import { indicators } from '../indicators/schema.js';
import { directoryCount } from './organisations.js';

/**
 * The indicators the directory can count, by the measure each indicator states (its `measureKey`,
 * one indicator per measure): the city's figures of research groups, S&T enterprises, startup
 * support centres, incubators and innovation spaces. Only verified profiles count (ADR 0008).
 */
export const countedMeasures: Readonly<Record<string, OrganisationKind>> = {
  strong_research_groups: 'research_group',
  st_enterprises: 'st_enterprise',
  startup_support_centres: 'innovation_centre',
  incubators: 'incubator',
  innovation_spaces: 'innovation_space',
};

type IndicatorRow = typeof indicators.$inferSelect;

async function countedIndicators(ctx: ServiceContext, where?: { code: string }): Promise<IndicatorRow[]> {
  const rows = await ctx.db
    .select()
    .from(indicators)
    .where(inArray(indicators.measureKey, Object.keys(countedMeasures)));
  return rows.filter((r) => r.isPublic && (!where || r.code === where.code)).sort((a, b) => a.code.localeCompare(b.code));
}

async function present(ctx: ServiceContext, indicator: IndicatorRow): Promise<IndicatorCount> {
  const kind = countedMeasures[indicator.measureKey]!;
  const latest = (await approvedSeries(ctx, [indicator.id])).sort((a, b) => b.periodEnd.localeCompare(a.periodEnd))[0];
  return {
    indicatorId: indicator.id,
    code: indicator.code,
    kind,
    verified: await directoryCount(ctx, kind, true),
    all: await directoryCount(ctx, kind, false),
    countedOn: cityToday(ctx.clock),
    lastOfficial: latest ? { period: latest.period, value: latest.value } : null,
  };
}

/** Every public indicator the directory counts: the count of verified profiles now, beside the last approved figure. */
export async function listIndicatorCounts(ctx: ServiceContext): Promise<{ items: IndicatorCount[] }> {
  const rows = await countedIndicators(ctx);
  const items: IndicatorCount[] = [];
  for (const row of rows) items.push(await present(ctx, row));
  return { items };
}

/**
 * A programme manager reports the directory's count of verified profiles as the indicator's value
 * for a period: it becomes a submitted value like any other, which another programme manager
 * approves or returns.
 */
export async function reportIndicatorCount(ctx: ServiceContext, code: string, period: string) {
  const [indicator] = await countedIndicators(ctx, { code });
  if (!indicator) throw notFound({ vi: 'Chỉ tiêu đếm từ danh bạ', en: 'Indicator counted from the directory' }, code);
  const checked = checkObservation(indicator, { period }, cityToday(ctx.clock));
  if (!checked.ok) throw new AppError('VALIDATION', checked.message, [{ path: 'body.period', code: 'rule', message: checked.message }]);
  const kind = countedMeasures[indicator.measureKey]!;
  const row = await inTransaction(ctx, async (tx) => {
    const value = await directoryCount(tx, kind, true);
    const today = cityToday(tx.clock);
    const created = await insertObservation(tx, indicator, {
      period,
      periodEnd: checked.periodEnd,
      value,
      sourceNote: `Đếm từ danh bạ hệ sinh thái ngày ${today}: ${value} hồ sơ “${organisationKindNames[kind].vi}” đã xác minh / Counted from the ecosystem directory on ${today}: ${value} verified profiles of “${organisationKindNames[kind].en}”`,
    });
    await recordAudit(tx, {
      action: 'ecosystem.indicator-count.report',
      entityType: 'indicator_observation',
      entityId: created.id,
      after: { indicator: indicator.code, period, kind, value },
    });
    return created;
  });
  await invalidateDashboard(ctx.db);
  return { observationId: row.id, period: row.period, value: row.value, status: row.status };
}
