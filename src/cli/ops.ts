import type { Command } from 'commander';
import { verifyAuditChain } from '../server/lib/audit.js';
import { listJobs } from '../server/modules/system/service.js';
import { exitCodes, runCommand, withDatabase } from './run.js';

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
            process.stdout.write(`${job.id}\t${job.status}\t${job.name}\tattempts ${job.attempts}/${job.maxAttempts}\t${job.runAt}${job.lastError ? `\t${job.lastError}` : ''}\n`);
          }
          if (rows.length === 0) process.stdout.write('no jobs\n');
        }),
      ),
    );
  const audit = program.command('audit').description('audit log / nhật ký');
  audit
    .command('verify')
    .description('check the hash chain of the audit log; exits 1 when a row was edited or removed')
    .action(() =>
      runCommand(() =>
        withDatabase(async (database) => {
          const result = await verifyAuditChain(database.db);
          if (result.brokenAt === null) {
            process.stdout.write(`audit log intact: ${result.checked} rows checked\n`);
          } else {
            process.stdout.write(`audit log BROKEN at row ${result.brokenAt}: ${result.reason}\n`);
            process.exitCode = exitCodes.failure;
          }
        }),
      ),
    );
}
