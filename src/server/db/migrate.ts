import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type pg from 'pg';
import { migrationsDir } from '../lib/paths.js';
import type { Db } from './client.js';

const migrationsConfig = { migrationsFolder: migrationsDir };

/** Any constant both old and new builds agree on: the advisory lock processes take turns migrating through. */
const migrationLockKey = 0x646f696d; // "doim"

/**
 * Applies pending migrations in one transaction, so a failing one leaves the schema as it was.
 * Processes starting together take turns through a session advisory lock held on a connection of
 * its own: the first applies the migrations, the others then find none. The embedded engine has one
 * connection and one process (its directory is locked), so it takes no lock.
 */
export function runMigrations(db: Db): Promise<{ applied: number }> {
  // Callers in one process queue up too (the embedded engine's one connection cannot hold a lock apart).
  const run = queue.then(() => migrateUnderLock(db));
  queue = run.catch(() => undefined);
  return run;
}

let queue: Promise<unknown> = Promise.resolve();

async function migrateUnderLock(db: Db): Promise<{ applied: number }> {
  const pool = (db as Db & { $client: pg.Pool }).$client;
  const lock = pool.options.max === 1 ? null : await pool.connect();
  try {
    await lock?.query('select pg_advisory_lock($1)', [migrationLockKey]);
    const before = await appliedMigrationCount(db);
    await migrate(db, migrationsConfig);
    return { applied: (await appliedMigrationCount(db)) - before };
  } finally {
    if (lock) {
      // Released by hand, not by dropping the connection: the pool keeps it for later queries.
      await lock.query('select pg_advisory_unlock($1)', [migrationLockKey]).catch(() => undefined);
      lock.release();
    }
  }
}

/** Counts migrations recorded as applied; 0 on an empty database. */
export async function appliedMigrationCount(db: Db): Promise<number> {
  const exists = await db.execute<{ present: boolean }>(sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`);
  if (!exists.rows[0]?.present) return 0;
  const result = await db.execute<{ count: number }>(sql`select count(*)::int as count from drizzle.__drizzle_migrations`);
  return result.rows[0]?.count ?? 0;
}

/** The number of migrations this build ships. */
export function knownMigrationCount(): number {
  return readMigrationFiles(migrationsConfig).length;
}
