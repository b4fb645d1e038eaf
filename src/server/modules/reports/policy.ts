import { hasRole, type Actor, type Policy } from '../../lib/policy.js';

/** A programme manager (or administrator) who passed a second factor: defines regimes, accepts reports, compiles the city's. */
export const isProgrammeManager = (actor: Actor): boolean =>
  (hasRole(actor, 'programme_manager') || hasRole(actor, 'administrator')) && (actor?.hasSecondFactor ?? false);

export const isLeader = (actor: Actor): boolean => hasRole(actor, 'leader');
export const isUnitOfficer = (actor: Actor): boolean => hasRole(actor, 'unit_officer');

/** Officers write their unit's report, leaders approve it, managers run the regime; which report each may touch is checked in the service. */
export const reportsStaff: Policy = {
  name: 'reports-staff',
  isPublic: false,
  allows: (actor) => isUnitOfficer(actor) || isLeader(actor) || isProgrammeManager(actor),
};
