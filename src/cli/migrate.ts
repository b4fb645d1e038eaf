import type { Command } from 'commander';
import { runMigrations } from '../server/db/migrate.js';
import { runCommand, withDatabase } from './run.js';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('apply pending database migrations (all or none) / cập nhật cấu trúc CSDL')
    .action(() =>
      runCommand(() =>
        withDatabase(async (database) => {
          const { applied } = await runMigrations(database.db);
          process.stdout.write(`migrations applied: ${applied} (${database.engine})\n`);
        }),
      ),
    );
}
