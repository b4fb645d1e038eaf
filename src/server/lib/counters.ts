import { and, gt, inArray, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { rateCounters } from '../db/platform-schema.js';
import { sha256Hex } from './tokens.js';

/** A counter's key: what it counts, then a hash of whom — e-mail and IP addresses are personal data and stay out of the table. */
export const counterKey = (prefix: string, ...parts: string[]): string => `${prefix}:${sha256Hex(parts.join('|'))}`;

/** How often a key was hit in its current window, and when. */
export type Counter = { key: string; hits: number; lastHitAt: Date; windowEndsAt: Date };

const toCounter = (row: typeof rateCounters.$inferSelect): Counter => ({
  key: row.key,
  hits: row.hits,
  lastHitAt: new Date(row.lastHitAt),
  windowEndsAt: new Date(row.windowEndsAt),
});

/**
 * Counts one hit on `key` in one atomic upsert, so processes sharing the database count as one.
 * A hit after the window has ended starts a new window of `windowMs`.
 */
export async function countHit(db: DbOrTx, now: Date, key: string, windowMs: number): Promise<Counter> {
  const at = now.toISOString();
  const endsAt = new Date(now.getTime() + windowMs).toISOString();
  const isOver = sql`${rateCounters.windowEndsAt} <= ${at}::timestamptz`;
  const [row] = await db
    .insert(rateCounters)
    .values({ key, hits: 1, lastHitAt: at, windowEndsAt: endsAt })
    .onConflictDoUpdate({
      target: rateCounters.key,
      set: {
        hits: sql`case when ${isOver} then 1 else ${rateCounters.hits} + 1 end`,
        windowEndsAt: sql`case when ${isOver} then ${endsAt}::timestamptz else ${rateCounters.windowEndsAt} end`,
        lastHitAt: at,
      },
    })
    .returning();
  return toCounter(row!);
}

/** The counters of `keys` whose window is still open. */
export async function liveCounters(db: DbOrTx, now: Date, keys: string[]): Promise<Counter[]> {
  if (keys.length === 0) return [];
  const rows = await db
    .select()
    .from(rateCounters)
    .where(and(inArray(rateCounters.key, keys), gt(rateCounters.windowEndsAt, now.toISOString())));
  return rows.map(toCounter);
}

export async function clearCounters(db: DbOrTx, keys: string[]): Promise<void> {
  if (keys.length > 0) await db.delete(rateCounters).where(inArray(rateCounters.key, keys));
}

/** Deletes counters whose window has ended (the `system.delete-expired-counters` job); returns how many. */
export async function deleteExpiredCounters(db: DbOrTx, now: Date): Promise<number> {
  const deleted = await db
    .delete(rateCounters)
    .where(lte(rateCounters.windowEndsAt, now.toISOString()))
    .returning({ key: rateCounters.key });
  return deleted.length;
}
