import { createHash } from 'node:crypto';
import { cacheGeneration, type CacheTopic } from './cache-bus.js';
import type { Clock } from './clock.js';

export type CachedJson = { body: string; etag: string };

/**
 * Keeps one computed JSON body for `ttlMs`, shared by concurrent callers (one computation at a time),
 * or until a write to one of `topics` anywhere invalidates it (lib/cache-bus.ts).
 * For public read models where a few seconds of staleness is acceptable and each process may cache.
 */
export function cachedJson<T>(ttlMs: number, clock: Clock, compute: () => Promise<T>, topics: CacheTopic[] = []): () => Promise<CachedJson> {
  let value: CachedJson | null = null;
  let expiresAt = 0;
  let computedAt = -1;
  let pending: Promise<CachedJson> | null = null;
  return () => {
    if (value && computedAt === cacheGeneration(...topics) && clock.now().getTime() < expiresAt) return Promise.resolve(value);
    const startedAt = cacheGeneration(...topics);
    pending ??= compute()
      .then((result) => {
        const body = JSON.stringify(result);
        value = { body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
        expiresAt = clock.now().getTime() + ttlMs;
        computedAt = startedAt;
        return value;
      })
      .finally(() => {
        pending = null;
      });
    return pending;
  };
}
