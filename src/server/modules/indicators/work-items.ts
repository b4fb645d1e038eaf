import { and, asc, eq, inArray } from 'drizzle-orm';
import type { WorkItem } from '../../../shared/contracts/workspace.js';
import { indicatorPaths } from '../../../shared/web-paths.js';
import type { ServiceContext } from '../../lib/context.js';
import { hasRole } from '../../lib/policy.js';
import { getDashboard } from './dashboard.js';
import { isProgrammeManager } from './policy.js';
import { indicatorObservations, indicators } from './schema.js';
import { getWorkList } from './work.js';

const partsLimit = 50;
const nameOf = (indicator: { code: string; name: { vi: string; en: string } }) => ({
  vi: `${indicator.code} — ${indicator.name.vi}`,
  en: `${indicator.code} — ${indicator.name.en}`,
});

/**
 * What the indicators module asks of a person: an officer enters their units' overdue values and
 * re-enters those returned; a programme manager approves submitted values; a leader watches the
 * indicators off track. The counts come from the same lists the management page shows.
 */
export async function indicatorWorkItems(ctx: ServiceContext): Promise<WorkItem[]> {
  const out: WorkItem[] = [];
  const work = await getWorkList(ctx);
  const reportable = work.items.filter((item) => item.canEnter);
  if (reportable.length > 0) {
    const returned = await ctx.db
      .select({ indicatorId: indicatorObservations.indicatorId, period: indicatorObservations.period })
      .from(indicatorObservations)
      .innerJoin(indicators, eq(indicators.id, indicatorObservations.indicatorId))
      .where(
        and(
          inArray(
            indicatorObservations.indicatorId,
            reportable.map((item) => item.id),
          ),
          eq(indicatorObservations.status, 'returned'),
        ),
      )
      .orderBy(asc(indicators.code), asc(indicatorObservations.period));
    // A returned period stays to do until a new value is sent for it; it then counts among the missing, not twice.
    const isReturned = (id: string, period: string) => returned.some((r) => r.indicatorId === id && r.period === period);
    const stillReturned = returned.filter(
      (r) => reportable.find((item) => item.id === r.indicatorId)?.missingPeriods.includes(r.period) ?? false,
    );
    const toEnter = reportable
      .map((item) => ({ item, periods: item.missingPeriods.filter((period) => !isReturned(item.id, period)) }))
      .filter(({ periods }) => periods.length > 0);
    out.push(
      {
        id: 'indicators.values-to-enter',
        role: 'unit_officer',
        label: { vi: 'Số liệu chỉ tiêu cần nhập', en: 'Indicator values to enter' },
        count: toEnter.reduce((sum, { periods }) => sum + periods.length, 0),
        urgency: 'overdue',
        href: indicatorPaths.manage,
        parts: toEnter
          .slice(0, partsLimit)
          .map(({ item, periods }) => ({ label: nameOf(item), count: periods.length, href: indicatorPaths.manage })),
      },
      {
        id: 'indicators.values-returned',
        role: 'unit_officer',
        label: { vi: 'Số liệu bị trả lại cần nhập lại', en: 'Returned values to enter again' },
        count: stillReturned.length,
        urgency: 'due',
        href: indicatorPaths.manage,
      },
    );
  }
  if (isProgrammeManager(ctx.actor) && hasRole(ctx.actor, 'programme_manager'))
    out.push({
      id: 'indicators.values-to-approve',
      role: 'programme_manager',
      label: { vi: 'Số liệu chỉ tiêu chờ duyệt', en: 'Indicator values to approve' },
      count: work.reviewQueue.length,
      urgency: 'due',
      href: indicatorPaths.manage,
    });
  if (hasRole(ctx.actor, 'leader')) {
    const offTrack = (await getDashboard(ctx)).indicators.filter((item) => item.assessment.status === 'off_track');
    out.push({
      id: 'indicators.off-track',
      role: 'leader',
      label: { vi: 'Chỉ tiêu chệch hướng', en: 'Indicators off track' },
      count: offTrack.length,
      urgency: 'due',
      href: indicatorPaths.dashboard,
      parts: offTrack.slice(0, partsLimit).map((item) => ({ label: nameOf(item), count: 1, href: indicatorPaths.indicator(item.code) })),
    });
  }
  return out;
}
