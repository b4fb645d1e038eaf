import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import pg from 'pg';
import type { DbOrTx } from '../db/client.js';

/** What a cache is computed from; a write to it invalidates every cache that lists it. */
export const cacheTopics = ['indicators'] as const;
export type CacheTopic = (typeof cacheTopics)[number];

const channel = 'doimoi_cache';
const generations = new Map<CacheTopic, number>();

/** Raised by each invalidation of `topic` in this process: a cache computed at an older generation is stale. */
export function cacheGeneration(...topics: CacheTopic[]): number {
  return topics.reduce((sum, topic) => sum + (generations.get(topic) ?? 0), 0);
}

function bump(topic: string): void {
  generations.set(topic as CacheTopic, (generations.get(topic as CacheTopic) ?? 0) + 1);
}

/**
 * Drops the caches computed from `topic`: in this process at once, in every other process sharing
 * the database through NOTIFY (sent at commit when `db` is a transaction). On the embedded engine
 * there is one process, and the notification has no listener.
 */
export async function invalidateCaches(db: DbOrTx, topic: CacheTopic): Promise<void> {
  bump(topic);
  await db.execute(sql`select pg_notify(${channel}, ${topic})`);
}

/**
 * Listens on a connection of its own for other processes' invalidations. A lost connection is
 * reopened, and every cache dropped, since notifications sent meanwhile were missed.
 */
export function listenForInvalidations(connectionString: string, logger: FastifyBaseLogger): { stop(): Promise<void> } {
  let client: pg.Client | null = null;
  let isStopped = false;
  let retry: NodeJS.Timeout | null = null;
  const connect = async () => {
    const next = new pg.Client({ connectionString, application_name: 'doimoi-cache-listener' });
    next.on('notification', (message) => {
      if (message.payload) bump(message.payload);
    });
    next.on('error', (error) => {
      logger.warn({ err: error }, 'cache invalidation listener lost its connection; reconnecting');
      void next.end().catch(() => undefined);
      schedule();
    });
    try {
      await next.connect();
      await next.query(`listen ${channel}`);
      if (isStopped) return void (await next.end());
      client = next;
      for (const topic of cacheTopics) bump(topic);
    } catch (error) {
      logger.warn({ err: error }, 'cache invalidation listener could not connect; retrying');
      void next.end().catch(() => undefined);
      schedule();
    }
  };
  const schedule = () => {
    if (isStopped || retry) return;
    client = null;
    retry = setTimeout(() => {
      retry = null;
      void connect();
    }, 1000);
    retry.unref();
  };
  void connect();
  return {
    async stop() {
      isStopped = true;
      if (retry) clearTimeout(retry);
      await client?.end().catch(() => undefined);
    },
  };
}
