import { inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { Clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { signInThrottles } from './schema.js';

/** Failures allowed before delays start; each further failure doubles the delay, up to 15 minutes. */
export const freeFailures = 5;
export const maxDelayMs = 15 * 60 * 1000;

export const delayAfter = (failures: number): number => (failures < freeFailures ? 0 : Math.min(1000 * 2 ** (failures - freeFailures), maxDelayMs));

export const throttleKeys = (ip: string | null, email: string): string[] => [`account:${email.toLowerCase()}`, ...(ip ? [`ip:${ip}`] : [])];

/** Refuses with 429 while any key is in its back-off; says when to try again. */
export async function assertNotThrottled(db: DbOrTx, clock: Clock, keys: string[]): Promise<void> {
  const rows = await db.select().from(signInThrottles).where(inArray(signInThrottles.key, keys));
  const until = Math.max(0, ...rows.map((r) => Date.parse(r.blockedUntil)));
  const waitMs = until - clock.now().getTime();
  if (waitMs > 0) {
    const seconds = Math.ceil(waitMs / 1000);
    throw new AppError(
      'RATE_LIMITED',
      { vi: `Đăng nhập sai quá nhiều lần; hãy thử lại sau ${seconds} giây`, en: `Too many failed sign-ins; try again in ${seconds} seconds` },
      { retryAfterSeconds: seconds },
    );
  }
}

/** Counts one failure against every key (outside the request's transaction: it must stick). */
export async function recordFailure(db: DbOrTx, clock: Clock, keys: string[]): Promise<void> {
  const now = clock.now();
  for (const key of keys) {
    await db
      .insert(signInThrottles)
      .values({ key, failures: 1, blockedUntil: new Date(now.getTime() + delayAfter(1)).toISOString(), updatedAt: now.toISOString() })
      .onConflictDoUpdate({
        target: signInThrottles.key,
        set: {
          failures: sql`${signInThrottles.failures} + 1`,
          blockedUntil: sql`${now.toISOString()}::timestamptz + make_interval(secs => least(${maxDelayMs / 1000}, case when ${signInThrottles.failures} + 1 < ${freeFailures} then 0 else power(2, ${signInThrottles.failures} + 1 - ${freeFailures}) end))`,
          updatedAt: now.toISOString(),
        },
      });
  }
}

/** A success clears the account's count (the owner starts fresh); the address keeps its own. */
export const clearFailures = (db: DbOrTx, keys: string[]) => db.delete(signInThrottles).where(inArray(signInThrottles.key, keys));
