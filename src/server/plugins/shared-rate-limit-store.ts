import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { DbOrTx } from '../db/client.js';
import type { Clock } from '../lib/clock.js';
import { counterKey, countHit } from '../lib/counters.js';

/** What @fastify/rate-limit hands a store's `child`: the route's merged limit settings. */
type ChildOptions = { groupId?: string; routeInfo?: { method?: string | string[]; url?: string } };

/**
 * A @fastify/rate-limit store over the shared counters table, so N processes enforce one limit.
 * A route's own limit counts per route; limits that name a `groupId` share one budget across
 * every route that names it (the default write limit does).
 */
export function sharedRateLimitStore(db: DbOrTx, clock: Clock): FastifyRateLimitStoreCtor {
  return class SharedRateLimitStore implements FastifyRateLimitStore {
    private readonly scope: string;
    private readonly groupId: string | undefined;

    constructor(options: ChildOptions = {}) {
      this.groupId = options.groupId;
      this.scope = options.groupId ?? `${[options.routeInfo?.method ?? '*'].flat().join(',')} ${options.routeInfo?.url ?? '*'}`;
    }

    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number): void {
      const now = clock.now();
      // The plugin appends the group id to the key; the scope already says it.
      const bare = this.groupId && key.endsWith(this.groupId) ? key.slice(0, -this.groupId.length) : key;
      countHit(db, now, counterKey(`limit:${this.scope}`, bare), timeWindow).then(
        (counter) => callback(null, { current: counter.hits, ttl: counter.windowEndsAt.getTime() - now.getTime() }),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    }

    child(options: unknown): FastifyRateLimitStore {
      return new SharedRateLimitStore(options as ChildOptions);
    }
  };
}
