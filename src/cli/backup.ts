import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { backupDatabase, restoreDatabase } from '../server/lib/backup.js';
import { progressBar, runCommand, UsageError, withDatabase } from './run.js';

export function registerBackup(program: Command): void {
  program
    .command('backup')
    .description('write a consistent copy of the whole database to FILE (gzipped JSON lines) / sao lưu')
    .argument('<file>', 'where to write the backup, e.g. doimoi-2026-11-22.jsonl.gz')
    .action((file: string) =>
      runCommand(() =>
        withDatabase(async (database) => {
          const bar = progressBar('backup');
          const result = await backupDatabase(database.db, file, (done, total, table) => bar.update(done, total, table));
          bar.stop();
          process.stdout.write(`backup written to ${file}: ${result.tables} tables, ${result.rows} rows\n`);
        }),
      ),
    );
  program
    .command('restore')
    .description('restore FILE into an empty database (all or nothing) / phục hồi')
    .argument('<file>', 'a file written by doimoi backup')
    .action((file: string) =>
      runCommand(async () => {
        if (!existsSync(file)) throw new UsageError(`backup file ${file} does not exist`);
        await withDatabase(async (database) => {
          const bar = progressBar('restore');
          const result = await restoreDatabase(database.db, file, (done, total, table) => bar.update(done, total, table));
          bar.stop();
          process.stdout.write(`restored ${result.rows} rows from ${file}\n`);
        });
      }),
    );
}
