import type { Db } from '../db/client.js';
import type { ServiceContext } from './context.js';

/**
 * Runs `work` in one transaction with a context bound to it. Inside, use only `ctx.db`: on the
 * embedded engine the outer handle would wait for the connection the transaction holds.
 */
export async function inTransaction<T>(ctx: ServiceContext, work: (tx: ServiceContext) => Promise<T>): Promise<T> {
  return (ctx.db as Db).transaction((tx) => work({ ...ctx, db: tx }));
}
