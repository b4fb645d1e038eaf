import type { CompiledAction, CompiledState, UnitReportAction, UnitReportState } from '../../../shared/contracts/reports.js';

/** Who acts on a unit's report: its officer, its leader, the programme manager. */
export type UnitReportRole = 'officer' | 'leader' | 'manager';

type Rule<S, A, R> = { action: A; from: S; to: S; by: R };

/**
 * The unit report's allowed transitions, in one table: the officer sends the draft (or the
 * returned report) to the leader; the leader submits it or returns it; the manager accepts a
 * submitted report or returns it with a reason.
 */
export const unitReportRules: ReadonlyArray<Rule<UnitReportState, UnitReportAction, UnitReportRole>> = [
  { action: 'send', from: 'draft', to: 'awaiting_approval', by: 'officer' },
  { action: 'send', from: 'returned', to: 'awaiting_approval', by: 'officer' },
  { action: 'submit', from: 'awaiting_approval', to: 'submitted', by: 'leader' },
  { action: 'return', from: 'awaiting_approval', to: 'returned', by: 'leader' },
  { action: 'return', from: 'submitted', to: 'returned', by: 'manager' },
  { action: 'accept', from: 'submitted', to: 'accepted', by: 'manager' },
];

/** The state `action` leads to from `state` for someone holding `roles`, or null when the table allows none. */
export function nextUnitReportState(
  state: UnitReportState,
  action: UnitReportAction,
  roles: readonly UnitReportRole[],
): UnitReportState | null {
  return unitReportRules.find((r) => r.action === action && r.from === state && roles.includes(r.by))?.to ?? null;
}

/** The actions open to someone holding `roles` on a report in `state`. */
export const unitReportActionsFor = (state: UnitReportState, roles: readonly UnitReportRole[]): UnitReportAction[] => [
  ...new Set(unitReportRules.filter((r) => r.from === state && roles.includes(r.by)).map((r) => r.action)),
];

/** The officer writes the report while it is a draft or after it was returned. */
export const isUnitReportEditable = (state: UnitReportState): boolean => state === 'draft' || state === 'returned';

/** Who acts on the city's compiled report: the programme manager drafts and publishes it, a leader approves and issues it. */
export type CompiledRole = 'manager' | 'leader';

/**
 * The compiled report's transitions: a leader approves the draft (or sends it back to draft),
 * then issues it with its number and date; the manager may reopen an approved draft and publishes
 * an issued report on the portal. Issued and published reports are frozen.
 */
export const compiledRules: ReadonlyArray<Rule<CompiledState, CompiledAction, CompiledRole>> = [
  { action: 'approve', from: 'draft', to: 'approved', by: 'leader' },
  { action: 'reopen', from: 'approved', to: 'draft', by: 'leader' },
  { action: 'reopen', from: 'approved', to: 'draft', by: 'manager' },
  { action: 'issue', from: 'approved', to: 'issued', by: 'leader' },
  { action: 'publish', from: 'issued', to: 'published', by: 'manager' },
];

export function nextCompiledState(state: CompiledState, action: CompiledAction, roles: readonly CompiledRole[]): CompiledState | null {
  return compiledRules.find((r) => r.action === action && r.from === state && roles.includes(r.by))?.to ?? null;
}

export const compiledActionsFor = (state: CompiledState, roles: readonly CompiledRole[]): CompiledAction[] => [
  ...new Set(compiledRules.filter((r) => r.from === state && roles.includes(r.by)).map((r) => r.action)),
];

/** Only a draft is edited; an issued report is changed by a new revision. */
export const isCompiledEditable = (state: CompiledState): boolean => state === 'draft';

/** Issued and published reports are the ones a new revision may follow. */
export const isFrozen = (state: CompiledState): boolean => state === 'issued' || state === 'published';
