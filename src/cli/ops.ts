import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { formatCheckpoint, parseCheckpoint, type AuditCheckpoint } from '../server/lib/audit.js';
import { sealAuditLog } from '../server/lib/audit-sealer.js';
import { verifyAuditLog } from '../server/lib/audit-verify.js';
import { checkBackupFile } from '../server/lib/backup.js';
import { systemClock } from '../server/lib/clock.js';
import { listJobs } from '../server/modules/system/service.js';
import { exitCodes, runCommand, UsageError, withDatabase } from './run.js';

export function registerOps(program: Command): void {
  program
    .command('jobs')
    .description('list recent background jobs / tác vụ nền')
    .option('--limit <n>', 'how many', '20')
    .action((options: { limit: string }) =>
      runCommand(() =>
        withDatabase(async (database) => {
          const rows = await listJobs(database.db, { limit: Math.max(1, Math.min(500, Number(options.limit) || 20)) });
          for (const job of rows) {
            process.stdout.write(
              `${job.id}\t${job.status}\t${job.name}\tattempts ${job.attempts}/${job.maxAttempts}\t${job.runAt}${job.lastError ? `\t${job.lastError}` : ''}\n`,
            );
          }
          if (rows.length === 0) process.stdout.write('no jobs\n');
        }),
      ),
    );
  const audit = program.command('audit').description('audit log / nhật ký');
  audit
    .command('verify')
    .description(
      'check every sealed audit row against its keyed seal, and the chain against a checkpoint kept elsewhere; exits 1 when rows were changed, added or removed',
    )
    .option(
      '--checkpoint <id:hash>',
      'a checkpoint from the log ("auditCheckpoint") or an earlier verify: the chain must still reach it unchanged',
    )
    .option('--backup <file>', 'take the checkpoint from a backup file (its audit head)')
    .action((options: { checkpoint?: string; backup?: string }) =>
      runCommand(async () => {
        if (options.checkpoint && options.backup) throw new UsageError('give --checkpoint or --backup, not both');
        const checkpoint =
          options.checkpoint !== undefined
            ? parseCheckpointOption(options.checkpoint)
            : options.backup
              ? await checkpointOfBackup(options.backup)
              : undefined;
        await withDatabase(async (database, config) => {
          const result = await verifyAuditLog(database.db, config.auditKey, { checkpoint });
          if (result.brokenAt === null) {
            const head = result.head ? `; head ${formatCheckpoint(result.head)} (batch ${result.head.batch})` : '';
            const against = checkpoint ? `; checkpoint ${checkpoint.lastEventId} matches` : '';
            process.stdout.write(
              `audit log intact: ${result.checked} sealed rows checked, ${result.pending} newer rows not sealed yet${head}${against}\n`,
            );
          } else {
            process.stdout.write(`audit log BROKEN at row ${result.brokenAt}: ${result.reason!.en} / ${result.reason!.vi}\n`);
            process.exitCode = exitCodes.failure;
          }
        });
      }),
    );
  audit
    .command('seal')
    .description("seal the audit rows that have committed now, as a running server does every moment; prints each batch's checkpoint")
    .action(() =>
      runCommand(() =>
        withDatabase(async (database, config) => {
          const batches = await sealAuditLog(database.db, config.auditKey, systemClock);
          for (const batch of batches)
            process.stdout.write(`sealed batch ${batch.number}: ${batch.rowCount} rows; checkpoint ${formatCheckpoint(batch)}\n`);
          if (batches.length === 0) process.stdout.write('nothing to seal\n');
        }),
      ),
    );
}

function parseCheckpointOption(text: string): AuditCheckpoint {
  const checkpoint = parseCheckpoint(text);
  if (!checkpoint)
    throw new UsageError(
      `--checkpoint expects <row id>:<64 hex digits>, as logged in "auditCheckpoint" (got ${JSON.stringify(text.slice(0, 80))})`,
    );
  return checkpoint;
}

async function checkpointOfBackup(file: string): Promise<AuditCheckpoint> {
  if (!existsSync(file)) throw new UsageError(`backup file ${file} does not exist`);
  const { header } = await checkBackupFile(file);
  if (!header.auditHead) throw new UsageError(`${file} carries no audit head: nothing was sealed when it was written`);
  return header.auditHead;
}
