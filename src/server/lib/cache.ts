import { createHash } from 'node:crypto';
import type { Clock } from './clock.js';

export type CachedJson = { body: string; etag: string };

/**
 * Keeps one computed JSON body for `ttlMs`, shared by concurrent callers (one computation at a time).
 * For public read models where a few seconds of staleness is acceptable and each process may cache.
 */
export function cachedJson<T>(ttlMs: number, clock: Clock, compute: () => Promise<T>): () => Promise<CachedJson> {
  let value: CachedJson | null = null;
  let expiresAt = 0;
  let pending: Promise<CachedJson> | null = null;
  return () => {
    if (value && clock.now().getTime() < expiresAt) return Promise.resolve(value);
    pending ??= compute()
      .then((result) => {
        const body = JSON.stringify(result);
        value = { body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
        expiresAt = clock.now().getTime() + ttlMs;
        return value;
      })
      .finally(() => {
        pending = null;
      });
    return pending;
  };
}
