import type { ServiceContext } from '../../lib/context.js';
import { unitIdsWhereActorHas } from '../../lib/unit-scope.js';
import { isLeader, isProgrammeManager, isUnitOfficer } from './policy.js';
import type { CompiledRole, UnitReportRole } from './workflow.js';

/** What the caller is, for reports: a manager (every unit), and the units they are an officer or a leader of. */
export type Reporter = { isManager: boolean; isLeader: boolean; officerUnitIds: ReadonlySet<string>; leaderUnitIds: ReadonlySet<string> };

/** The caller as the reports module sees them (grants over a sub-tree cover its units). */
export async function reporterOf(ctx: ServiceContext): Promise<Reporter> {
  const [officerUnitIds, leaderUnitIds] = await Promise.all([
    isUnitOfficer(ctx.actor) ? unitIdsWhereActorHas(ctx, ['unit_officer']) : new Set<string>(),
    isLeader(ctx.actor) ? unitIdsWhereActorHas(ctx, ['leader']) : new Set<string>(),
  ]);
  return { isManager: isProgrammeManager(ctx.actor), isLeader: isLeader(ctx.actor), officerUnitIds, leaderUnitIds };
}

/** The roles the caller holds on one unit's report. */
export function rolesOnUnitReport(reporter: Reporter, unitId: string): UnitReportRole[] {
  return [
    ...(reporter.officerUnitIds.has(unitId) ? (['officer'] as const) : []),
    ...(reporter.leaderUnitIds.has(unitId) ? (['leader'] as const) : []),
    ...(reporter.isManager ? (['manager'] as const) : []),
  ];
}

/** A unit's report is read by its officers and leaders and by managers; to anyone else it does not exist. */
export const canReadUnitReport = (reporter: Reporter, unitId: string): boolean => rolesOnUnitReport(reporter, unitId).length > 0;

/** The roles the caller holds on the city's report: managers draft it, leaders of the issuing body approve and issue it. */
export function rolesOnCompiled(reporter: Reporter, issuerUnitId: string): CompiledRole[] {
  return [
    ...(reporter.isManager ? (['manager'] as const) : []),
    ...(reporter.leaderUnitIds.has(issuerUnitId) ? (['leader'] as const) : []),
  ];
}

/** The city's drafts are read by managers and the steering committee's leaders. */
export const canReadCompiled = (reporter: Reporter): boolean => reporter.isManager || reporter.isLeader;
