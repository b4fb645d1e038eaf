import type { WorkItem } from '../../../shared/contracts/workspace.js';
import { reportPaths } from '../../../shared/web-paths.js';
import type { ServiceContext } from '../../lib/context.js';
import { hasRole } from '../../lib/policy.js';
import { reporterOf } from './access.js';
import { compiledInStates } from './compiled.js';
import { listUnitReports, todayOf } from './unit-reports.js';
import { addDays } from './periods.js';

const partsLimit = 50;
/** An officer is reminded of a report this many days before it is due. */
const dueWindowDays = 14;

/**
 * The reports module's part of a person's workspace: officers see their units' reports to write
 * (due within two weeks or overdue, or returned), leaders those waiting for their approval and the
 * city's drafts to approve or issue, managers the submitted reports to accept and the issued ones to publish.
 */
export async function reportsWorkItems(ctx: ServiceContext): Promise<WorkItem[]> {
  const reporter = await reporterOf(ctx);
  if (!reporter.isManager && reporter.officerUnitIds.size === 0 && reporter.leaderUnitIds.size === 0) return [];
  const today = todayOf(ctx);
  const reports = await listUnitReports(ctx);
  const label = (r: (typeof reports)[number]) => ({
    vi: `${r.unit.name.vi} · ${r.period.name.vi}`,
    en: `${r.unit.name.en} · ${r.period.name.en}`,
  });
  const part = (r: (typeof reports)[number]) => ({ label: label(r), count: 1, href: reportPaths.unitReport(r.id) });
  const items: WorkItem[] = [];
  if (reporter.officerUnitIds.size > 0) {
    const toWrite = reports.filter(
      (r) =>
        reporter.officerUnitIds.has(r.unit.id) &&
        (r.state === 'returned' || (r.state === 'draft' && r.period.dueOn <= addDays(today, dueWindowDays))),
    );
    items.push({
      id: 'reports.unit-reports-due',
      role: 'unit_officer',
      label: { vi: 'Báo cáo định kỳ của đơn vị cần viết', en: "Your unit's periodic reports to write" },
      count: toWrite.length,
      urgency: toWrite.some((r) => r.timeliness === 'missing') ? 'overdue' : 'due',
      href: reportPaths.mine,
      parts: toWrite.slice(0, partsLimit).map(part),
    });
  }
  if (reporter.leaderUnitIds.size > 0) {
    const toApprove = reports.filter((r) => reporter.leaderUnitIds.has(r.unit.id) && r.state === 'awaiting_approval');
    items.push({
      id: 'reports.unit-reports-to-approve',
      role: 'leader',
      label: { vi: 'Báo cáo của đơn vị chờ duyệt, gửi', en: 'Unit reports to approve and submit' },
      count: toApprove.length,
      urgency: toApprove.some((r) => r.timeliness === 'missing') ? 'overdue' : 'due',
      href: reportPaths.mine,
      parts: toApprove.slice(0, partsLimit).map(part),
    });
    const cityDrafts = (await compiledInStates(ctx, ['draft', 'approved'])).filter((c) =>
      reporter.leaderUnitIds.has(c.regime.issuerUnitId),
    );
    items.push({
      id: 'reports.compiled-to-approve',
      role: 'leader',
      label: { vi: 'Báo cáo tổng hợp chờ duyệt, ban hành', en: 'Compiled reports to approve and issue' },
      count: cityDrafts.length,
      urgency: 'due',
      href: cityDrafts[0] ? reportPaths.compiled(cityDrafts[0].compiled.id) : reportPaths.regimes,
      parts: cityDrafts.slice(0, partsLimit).map((c) => ({
        label: {
          vi: `${c.regime.nameVi} · ${c.period.nameVi} (lần ${c.compiled.revision})`,
          en: `${c.regime.nameEn} · ${c.period.nameEn} (revision ${c.compiled.revision})`,
        },
        count: 1,
        href: reportPaths.compiled(c.compiled.id),
      })),
    });
  }
  // Administrators may act as managers, but the managers' queues are the programme managers' jobs.
  if (reporter.isManager && hasRole(ctx.actor, 'programme_manager')) {
    const toAccept = reports.filter((r) => r.state === 'submitted');
    items.push({
      id: 'reports.unit-reports-to-accept',
      role: 'programme_manager',
      label: { vi: 'Báo cáo của đơn vị chờ tiếp nhận', en: 'Unit reports to accept' },
      count: toAccept.length,
      urgency: 'due',
      href: reportPaths.regimes,
      parts: toAccept.slice(0, partsLimit).map(part),
    });
    const toPublish = await compiledInStates(ctx, ['issued']);
    items.push({
      id: 'reports.compiled-to-publish',
      role: 'programme_manager',
      label: { vi: 'Báo cáo đã ban hành chờ công bố', en: 'Issued reports to publish' },
      count: toPublish.length,
      urgency: 'due',
      href: toPublish[0] ? reportPaths.compiled(toPublish[0].compiled.id) : reportPaths.regimes,
      parts: toPublish.slice(0, partsLimit).map((c) => ({
        label: { vi: `${c.regime.nameVi} · ${c.period.nameVi}`, en: `${c.regime.nameEn} · ${c.period.nameEn}` },
        count: 1,
        href: reportPaths.compiled(c.compiled.id),
      })),
    });
  }
  return items;
}
