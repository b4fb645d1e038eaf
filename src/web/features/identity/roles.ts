import type { Me } from '../../../shared/contracts/identity.js';

/** Whether the person administers the platform (the server still checks the second factor). */
export const isAdministrator = (user: Me | null): boolean => user?.grants.some((grant) => grant.role === 'administrator') ?? false;

const holds = (user: Me, roles: readonly string[]): boolean => user.grants.some((grant) => roles.includes(grant.role));

/** Runs the programme (the managers' queues, campaigns, councils, assignments); administrators may too. */
export const isProgrammeManager = (user: Me): boolean => holds(user, ['programme_manager', 'administrator']);
