import type { Locale } from '../../shared/contracts/common.js';
import type { DbOrTx } from '../db/client.js';
import type { Clock } from './clock.js';
import type { Actor } from './policy.js';
import type { Precondition } from './versioning.js';

/** What every service function receives: who acts, on which database handle, at what time. */
export type ServiceContext = {
  db: DbOrTx;
  clock: Clock;
  actor: Actor;
  requestId: string;
  ip: string | null;
  locale: Locale;
  /** The version an edit starts from (If-Match); the first transaction of the request checks and raises it. */
  precondition?: Precondition | null;
};

/** A context for work done by the system itself (CLI, seeds, jobs). */
export function systemContext(db: DbOrTx, clock: Clock, requestId = 'system'): ServiceContext {
  return { db, clock, actor: null, requestId, ip: null, locale: 'vi' };
}

/** The context of a person known only by id (signing in, signing up): audit rows name them by id. */
export function actingAs(ctx: ServiceContext, userId: string, hasSecondFactor = false): ServiceContext {
  return { ...ctx, actor: { userId, displayName: '', grants: [], hasSecondFactor } };
}
