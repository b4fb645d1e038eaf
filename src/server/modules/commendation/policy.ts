import { hasRole, type Policy } from '../../lib/policy.js';

/** Unit officers write their units' nominations (which unit: checked in the service). */
export const nominators: Policy = {
  name: 'commendation-nominators',
  isPublic: false,
  allows: (actor) => hasRole(actor, 'unit_officer'),
};

/** The workflow's steps: officers submit and withdraw, programme managers (second factor) return and put to the vote. */
export const commendationStaff: Policy = {
  name: 'commendation-staff',
  isPublic: false,
  allows: (actor) =>
    hasRole(actor, 'unit_officer') ||
    ((hasRole(actor, 'programme_manager') || hasRole(actor, 'administrator')) && (actor?.hasSecondFactor ?? false)),
};
