import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { migrationsDir } from '../lib/paths.js';
import type { Db } from './client.js';

const migrationsConfig = { migrationsFolder: migrationsDir };

/** Applies pending migrations in one transaction, so a failing one leaves the schema as it was. */
export async function runMigrations(db: Db): Promise<{ applied: number }> {
  const before = await appliedMigrationCount(db);
  await migrate(db, migrationsConfig);
  return { applied: (await appliedMigrationCount(db)) - before };
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
