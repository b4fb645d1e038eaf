import { createHash } from 'node:crypto';
import type { Dashboard } from '../../../shared/contracts/indicators.js';
import type { Clock } from '../../lib/clock.js';

// Approvals anywhere in this process bump the generation, so the next read recomputes at once.
let generation = 0;

/** Drops every cached dashboard of this process; other processes catch up within the time to live. */
export function invalidateDashboard(): void {
  generation++;
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
    if (cached && cachedGeneration === generation && clock.now().getTime() < expiresAt) return Promise.resolve(cached);
    const startedGeneration = generation;
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
