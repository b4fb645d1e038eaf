import type { Db } from '../db/client.js';
import type { ServiceContext } from './context.js';
import { claimVersion } from './versioning.js';

/**
 * Runs `work` in one transaction with a context bound to it. Inside, use only `ctx.db`: on the
 * embedded engine the outer handle would wait for the connection the transaction holds.
 * An edit's If-Match (`ctx.precondition`) is checked first, in the same transaction.
 */
export async function inTransaction<T>(ctx: ServiceContext, work: (tx: ServiceContext) => Promise<T>): Promise<T> {
  const { precondition } = ctx;
  return (ctx.db as Db).transaction(async (tx) => {
    if (precondition) await claimVersion(tx, precondition);
    return work({ ...ctx, db: tx, precondition: null });
  });
}
