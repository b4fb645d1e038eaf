import { createHash } from 'node:crypto';
import type { Dashboard } from '../../../shared/contracts/indicators.js';
import type { DbOrTx } from '../../db/client.js';
import { cacheGeneration, invalidateCaches } from '../../lib/cache-bus.js';
import type { Clock } from '../../lib/clock.js';

/** Drops every cached dashboard, in this process at once and in the others sharing the database. */
export function invalidateDashboard(db: DbOrTx): Promise<void> {
  return invalidateCaches(db, 'indicators');
}

export type CachedDashboard = { value: Dashboard; body: string; etag: string };

/**
 * Keeps one computed dashboard for `ttlMs` (or until an approval), shared by concurrent callers, with
 * its JSON body and ETag ready: the public dashboard is read far more often than values are approved.
 */
export function dashboardCache(ttlMs: number, clock: Clock, compute: () => Promise<Dashboard>): () => Promise<CachedDashboard> {
  let cached: CachedDashboard | null = null;
  let expiresAt = 0;
  let cachedGeneration = -1;
  let pending: Promise<CachedDashboard> | null = null;
  return () => {
    if (cached && cachedGeneration === cacheGeneration('indicators') && clock.now().getTime() < expiresAt) return Promise.resolve(cached);
    const startedGeneration = cacheGeneration('indicators');
    pending ??= compute()
      .then((value) => {
        const body = JSON.stringify(value);
        cached = { value, body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
        expiresAt = clock.now().getTime() + ttlMs;
        cachedGeneration = startedGeneration;
        return cached;
      })
      .finally(() => {
        pending = null;
      });
    return pending;
  };
}
