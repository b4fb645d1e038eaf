import { hasRole, type Actor, type Policy } from '../../lib/policy.js';

/** A programme manager (or administrator) who passed a second factor: they publish datasets. */
export const isProgrammeManager = (actor: Actor): boolean =>
  (hasRole(actor, 'programme_manager') || hasRole(actor, 'administrator')) && (actor?.hasSecondFactor ?? false);

/** An officer of some unit; which unit's datasets they may draft is checked in the service. */
export const isUnitOfficer = (actor: Actor): boolean => hasRole(actor, 'unit_officer');

/** Staff of a unit: anyone who holds a role on a unit other than a plain registered account. */
export const isStaff = (actor: Actor): boolean => actor?.grants.some((grant) => grant.role !== 'registered_user') ?? false;

/** Officers draft and propose their unit's datasets; managers edit and publish any. */
export const datasetEditors: Policy = {
  name: 'opendata-editors',
  isPublic: false,
  allows: (actor) => isUnitOfficer(actor) || isProgrammeManager(actor),
};
