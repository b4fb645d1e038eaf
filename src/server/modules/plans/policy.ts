import { hasRole, type Actor, type Policy } from '../../lib/policy.js';

/** Whether the actor runs plans: a programme manager or administrator who passed a second factor (as the `programme-managers` policy). */
export const isPlanManager = (actor: Actor): boolean =>
  (hasRole(actor, 'programme_manager') || hasRole(actor, 'administrator')) && (actor?.hasSecondFactor ?? false);

/** Leaders and plan managers read every unit's tasks and figures. */
export const isCityReader = (actor: Actor): boolean => hasRole(actor, 'leader') || isPlanManager(actor);

/** Staff of some unit: officers, leaders, programme managers, administrators (the unit itself is checked by the service). */
export const isUnitStaff = (actor: Actor): boolean =>
  hasRole(actor, 'unit_officer') || hasRole(actor, 'leader') || hasRole(actor, 'programme_manager') || hasRole(actor, 'administrator');

/** Routes for unit staff: reports, extension requests, "my unit's tasks", calendar feeds. */
export const unitStaff: Policy = { name: 'plans-unit-staff', isPublic: false, allows: isUnitStaff };
