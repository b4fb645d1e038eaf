import { hasRole, type Actor, type Policy } from '../../lib/policy.js';

/**
 * Staff of the Startup and Innovation Centre and the Department of S&T who verify profiles and run
 * the city's programmes. They hold the programme-manager role (on their own unit) with a second
 * factor, so no grant of its own is needed; administrators may act too (see ADR 0008).
 */
export const isEcosystemStaff = (actor: Actor): boolean =>
  (hasRole(actor, 'programme_manager') || hasRole(actor, 'administrator')) && (actor?.hasSecondFactor ?? false);

export const ecosystemStaff: Policy = { name: 'ecosystem-staff', isPublic: false, allows: isEcosystemStaff };
