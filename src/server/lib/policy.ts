import type { FastifyRequest } from 'fastify';
import type { Role } from '../modules/identity/schema.js';

/** Who is calling: a signed-in user with their role grants, or nobody. */
export type Actor = {
  userId: string;
  displayName: string;
  grants: ReadonlyArray<{ role: Role; unitId: string; includesSubtree: boolean }>;
  /** Whether this session passed a second factor; admin routes need it. */
  hasSecondFactor: boolean;
  /** The session a browser signed in with; absent for API tokens and tests. */
  sessionId?: string;
  /** Set when the caller used an API token: what the token allows. */
  tokenScopes?: readonly string[];
  /** Whether the account's e-mail address is confirmed; absent (not confirmed) for actors built outside a request. */
  isEmailVerified?: boolean;
} | null;

/** A named rule every route declares; default deny lives in the policy plugin. */
export type Policy = {
  name: string;
  /** Anonymous callers are refused with 401 before `allows` is asked, unless the policy is public. */
  isPublic: boolean;
  allows(actor: Actor, request: FastifyRequest): boolean | Promise<boolean>;
  /** Callers the rule allows must also have confirmed their e-mail address (403 EMAIL_NOT_VERIFIED otherwise). */
  requiresVerifiedEmail?: boolean;
};

export const publicAccess: Policy = { name: 'public', isPublic: true, allows: () => true };

export const signedIn: Policy = { name: 'signed-in', isPublic: false, allows: (actor) => actor !== null };

export const hasRole = (actor: Actor, role: Role): boolean => actor?.grants.some((grant) => grant.role === role) ?? false;

/** Administrators who passed a second factor in this session. */
export const administrators: Policy = {
  name: 'administrators',
  isPublic: false,
  allows: (actor) => hasRole(actor, 'administrator') && (actor?.hasSecondFactor ?? false),
};

/** Programme managers (with a second factor) and administrators. */
export const programmeManagers: Policy = {
  name: 'programme-managers',
  isPublic: false,
  allows: (actor) => (hasRole(actor, 'programme_manager') || hasRole(actor, 'administrator')) && (actor?.hasSecondFactor ?? false),
};

/** Signed in with a browser session (not an API token): account pages. */
export const signedInBrowser: Policy = {
  name: 'signed-in-browser',
  isPublic: false,
  allows: (actor) => actor !== null && actor.tokenScopes === undefined,
};

/**
 * The same rule, for what a person says in public under their name or files officially —
 * supporting, commenting, reporting, submitting: the account's e-mail address must be confirmed.
 * Drafting stays open to an account that has not confirmed it yet.
 */
export const withVerifiedEmail = (policy: Policy): Policy => ({
  ...policy,
  name: `${policy.name}+verified-email`,
  requiresVerifiedEmail: true,
});

/** Signed in with a confirmed e-mail address: supports, comments, content reports, submissions. */
export const verifiedMembers: Policy = withVerifiedEmail(signedIn);
