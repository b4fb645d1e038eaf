import { desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { appliedMigrationCount, knownMigrationCount } from '../../db/migrate.js';
import { jobs } from '../../db/platform-schema.js';
import { toIso } from '../../lib/time.js';

export type Readiness = { isReady: boolean; database: 'ok' | 'unreachable'; migrations: { applied: number; expected: number } };

/** Ready means the database answers and every migration this build ships is applied. */
export async function checkReadiness(db: DbOrTx, timeoutMs = 2000): Promise<Readiness> {
  const expected = knownMigrationCount();
  try {
    const applied = await Promise.race([
      appliedMigrationCount(db as Parameters<typeof appliedMigrationCount>[0]),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('database timeout')), timeoutMs).unref()),
    ]);
    return { isReady: applied >= expected, database: 'ok', migrations: { applied, expected } };
  } catch {
    return { isReady: false, database: 'unreachable', migrations: { applied: 0, expected } };
  }
}

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'dead';

/** Recent jobs for administrators, newest first. */
export async function listJobs(db: DbOrTx, options: { status?: JobStatus | undefined; limit: number }) {
  const rows = await db
    .select()
    .from(jobs)
    .where(options.status ? eq(jobs.status, options.status) : sql`true`)
    .orderBy(desc(jobs.id))
    .limit(options.limit);
  return rows.map((job) => ({
    id: job.id,
    name: job.name,
    status: job.status,
    attempts: job.attempts,
    maxAttempts: job.maxAttempts,
    runAt: toIso(job.runAt),
    finishedAt: toIso(job.finishedAt),
    lastError: job.lastError,
  }));
}
