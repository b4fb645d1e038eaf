import { sql } from 'drizzle-orm';
import { ConfigError, type AppConfig } from './config.js';
import type { Db } from './db/client.js';
import type { Clock } from './lib/clock.js';
import type { StorageDriver } from './lib/storage.js';
import { systemContext } from './lib/context.js';
import { inTransaction } from './lib/tx.js';
import { modules } from './modules/index.js';
import { units } from './db/schema.js';

export type SeedProgress = (done: number, total: number, moduleName: string) => void;

/** The demo accounts share a password printed in the README: never in a production database. */
export function refuseDemoInProduction(config: AppConfig, option: string): void {
  if (config.nodeEnv === 'production') {
    throw new ConfigError(
      `${option} refused with NODE_ENV=production: the demo accounts share a published password; load real data instead`,
    );
  }
}

/** Loads Ho Chi Minh City's demo data in one transaction; does nothing when units already exist. */
export async function seedDemoData(db: Db, clock: Clock, storage: StorageDriver, onProgress?: SeedProgress): Promise<{ seeded: boolean }> {
  const [existing] = await db.select({ count: sql<number>`count(*)::int` }).from(units);
  if ((existing?.count ?? 0) > 0) return { seeded: false };
  const seeders = modules.filter((m) => m.seedDemo);
  await inTransaction(systemContext(db, clock, 'seed-demo'), async (ctx) => {
    for (const [index, module] of seeders.entries()) {
      await module.seedDemo!(ctx, storage);
      onProgress?.(index + 1, seeders.length, module.name);
    }
  });
  return { seeded: true };
}
