import { hasRole, type Actor, type Policy } from '../../lib/policy.js';

/** A programme manager (or administrator) who passed a second factor in this session. */
export const isProgrammeManager = (actor: Actor): boolean =>
  (hasRole(actor, 'programme_manager') || hasRole(actor, 'administrator')) && (actor?.hasSecondFactor ?? false);

/** An officer of some unit; which unit's indicators they may report on is checked in the service. */
export const isUnitOfficer = (actor: Actor): boolean => hasRole(actor, 'unit_officer');

/** Officers of a unit: they enter values for their unit's indicators. */
export const indicatorReporters: Policy = { name: 'indicator-reporters', isPublic: false, allows: isUnitOfficer };

/** Whoever works on indicators: unit officers (their unit's) and programme managers (all). */
export const indicatorStaff: Policy = {
  name: 'indicator-staff',
  isPublic: false,
  allows: (actor) => isUnitOfficer(actor) || isProgrammeManager(actor),
};
