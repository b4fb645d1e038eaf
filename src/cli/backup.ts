import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { formatCheckpoint } from '../server/lib/audit.js';
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
          // The audit head, to keep apart from the backup: `doimoi audit verify --checkpoint` checks the chain still reaches it.
          const head = result.auditHead ? `; audit checkpoint ${formatCheckpoint(result.auditHead)}` : '';
          process.stdout.write(`backup written to ${file}: ${result.tables} tables, ${result.rows} rows${head}\n`);
        }),
      ),
    );
  program
    .command('restore')
    .description('restore FILE into an empty database (all or nothing) / phục hồi')
    .argument('<file>', 'a file written by doimoi backup')
    .option(
      '--skip-audit-check',
      'restore even when the audit log in FILE does not verify with this AUDIT_KEY (for instance, the key was lost)',
    )
    .action((file: string, options: { skipAuditCheck?: boolean }) =>
      runCommand(async () => {
        if (!existsSync(file)) throw new UsageError(`backup file ${file} does not exist`);
        await withDatabase(async (database, config) => {
          const bar = progressBar('restore');
          const result = await restoreDatabase(database.db, file, {
            auditKey: config.auditKey,
            skipAuditCheck: options.skipAuditCheck ?? false,
            onProgress: (done, total, table) => bar.update(done, total, table),
          });
          bar.stop();
          const audit = options.skipAuditCheck
            ? 'audit log not checked'
            : result.auditHead
              ? `audit log verified up to checkpoint ${formatCheckpoint(result.auditHead)}`
              : 'audit log verified';
          process.stdout.write(`restored ${result.rows} rows from ${file}; ${audit}\n`);
        });
      }),
    );
}
