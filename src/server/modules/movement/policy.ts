import { hasRole, type Policy } from '../../lib/policy.js';

/** Who reads the movement's phase reports: programme managers and administrators (second factor) and leaders. */
export const movementReaders: Policy = {
  name: 'movement-readers',
  isPublic: false,
  allows: (actor) => hasRole(actor, 'leader') || ((hasRole(actor, 'programme_manager') || hasRole(actor, 'administrator')) && (actor?.hasSecondFactor ?? false)),
};
