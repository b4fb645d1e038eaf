import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { eq } from 'drizzle-orm';
import { systemClock } from '../server/lib/clock.js';
import { systemContext } from '../server/lib/context.js';
import { plans } from '../server/modules/plans/schema.js';
import { importMaxBytes, importPlanTasksAsOperator } from '../server/modules/plans/xlsx-service.js';
import { exitCodes, progressBar, runCommand, UsageError, withDatabase } from './run.js';

export function registerImport(program: Command): void {
  const command = program.command('import').description('import data from files / nhập dữ liệu');
  command
    .command('plans')
    .description("import a plan's tasks from an XLSX file made from the template: all or nothing / nhập nhiệm vụ của kế hoạch")
    .argument('<file>', 'the XLSX file (GET /api/plans/import-template.xlsx gives the template)')
    .requiredOption('--plan <code>', 'code of the plan to import into, e.g. 4354/KH-UBND')
    .action((file: string, options: { plan: string }) =>
      runCommand(async () => {
        const bytes = await readFile(file).catch(() => {
          throw new UsageError(`cannot read ${file}`);
        });
        if (bytes.length > importMaxBytes) throw new UsageError(`${file} is larger than ${importMaxBytes} bytes`);
        await withDatabase(async (database) => {
          const [plan] = await database.db.select({ id: plans.id }).from(plans).where(eq(plans.code, options.plan));
          if (!plan) throw new UsageError(`no plan with code ${options.plan}`);
          const bar = progressBar('checking rows');
          // The operator's own command: it acts as the system, recorded as such in the audit log.
          const result = await importPlanTasksAsOperator(
            systemContext(database.db, systemClock, 'cli-import'),
            plan.id,
            bytes,
            (done, total) => bar.update(done, total, ''),
          );
          bar.stop();
          if (result.errors.length > 0) {
            for (const error of result.errors)
              process.stderr.write(
                `row ${error.row}${error.column ? ` (${error.column})` : ''}: ${error.message.en} / ${error.message.vi}\n`,
              );
            process.stderr.write(`doimoi: nothing imported: ${result.errors.length} bad rows\n`);
            process.exitCode = exitCodes.failure;
            return;
          }
          process.stdout.write(`imported ${result.imported} tasks into ${options.plan}\n`);
        });
      }),
    );
}
