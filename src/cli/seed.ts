import type { Command } from 'commander';
import { runMigrations } from '../server/db/migrate.js';
import { systemClock } from '../server/lib/clock.js';
import { configuredStorage } from '../server/lib/configured-storage.js';
import { loadConfig } from '../server/config.js';
import { progressBar, runCommand, UsageError, withDatabase } from './run.js';

export function registerSeed(program: Command): void {
  program
    .command('seed')
    .description('load seed data / nạp dữ liệu mẫu')
    .option('--demo', "Ho Chi Minh City's demo data (units, Plan 4354/KH-UBND, 2030 targets, the 2026–2030 movement)")
    .action((options: { demo?: boolean }) =>
      runCommand(async () => {
        if (!options.demo) throw new UsageError('say which data to load: doimoi seed --demo');
        const { refuseDemoInProduction, seedDemoData } = await import('../server/seed.js');
        refuseDemoInProduction(loadConfig(), 'seed --demo');
        await withDatabase(async (database, config) => {
          await runMigrations(database.db);
          const bar = progressBar('seed');
          const { seeded } = await seedDemoData(database.db, systemClock, configuredStorage(config), (done, total, name) =>
            bar.update(done, total, name),
          );
          bar.stop();
          process.stdout.write(seeded ? 'demo data loaded\n' : 'the database already has units; demo data not loaded\n');
        });
      }),
    );
}
