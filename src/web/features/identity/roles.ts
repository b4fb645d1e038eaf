import type { Me } from '../../../shared/contracts/identity.js';

/** Whether the person administers the platform (the server still checks the second factor). */
export const isAdministrator = (user: Me | null): boolean => user?.grants.some((grant) => grant.role === 'administrator') ?? false;
