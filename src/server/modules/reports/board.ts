import { asc, eq } from 'drizzle-orm';
import { timelinessValues, type Board, type Timeliness } from '../../../shared/contracts/reports.js';
import type { ServiceContext } from '../../lib/context.js';
import { notFound } from '../../lib/errors.js';
import { canReadUnitReport, reporterOf } from './access.js';
import { daysLateOf, timelinessOf } from './periods.js';
import { presentPeriod, unitOf } from './presenter.js';
import { loadPeriod } from './regimes.js';
import { compiledReports } from './schema.js';
import { firstSubmittedOn, reportsOfPeriod, todayOf } from './unit-reports.js';

/**
 * Who has reported for a period, on time or late, and who has not: managers and leaders see every
 * unit, an officer their own units (a period none of whose reports they may read does not exist for them).
 */
export async function boardOf(ctx: ServiceContext, periodId: string): Promise<Board> {
  const reporter = await reporterOf(ctx);
  const { period, regime } = await loadPeriod(ctx, periodId);
  const seesAll = reporter.isManager || reporter.isLeader;
  const rows = (await reportsOfPeriod(ctx, periodId)).filter((row) => seesAll || canReadUnitReport(reporter, row.report.unitId));
  if (!seesAll && rows.length === 0) throw notFound({ vi: 'Kỳ báo cáo', en: 'Reporting period' }, periodId);
  const today = todayOf(ctx);
  const presented = presentPeriod(period, regime);
  const board = rows.map(({ report, unit }) => {
    const submittedOn = firstSubmittedOn(report);
    return {
      id: report.id,
      period: presented,
      unit: unitOf(unit),
      state: report.state,
      timeliness: timelinessOf(submittedOn, period.dueOn, today),
      submittedAt: report.submittedAt ? new Date(report.submittedAt).toISOString() : null,
      daysLate: daysLateOf(submittedOn, period.dueOn, today),
    };
  });
  const counts = Object.fromEntries(timelinessValues.map((t) => [t, board.filter((row) => row.timeliness === t).length])) as Record<
    Timeliness,
    number
  >;
  const compiled = seesAll
    ? await ctx.db
        .select({ id: compiledReports.id, revision: compiledReports.revision, state: compiledReports.state })
        .from(compiledReports)
        .where(eq(compiledReports.periodId, periodId))
        .orderBy(asc(compiledReports.revision))
    : [];
  return { period: presented, today, counts, rows: board, compiled };
}
