import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { eq } from 'drizzle-orm';
import type { ImportRowError } from '../shared/contracts/indicators.js';
import { systemClock } from '../server/lib/clock.js';
import { systemContext } from '../server/lib/context.js';
import { AppError } from '../server/lib/errors.js';
import { detectMediaType, xlsxMediaType } from '../server/lib/media-types.js';
import { importOrganisations, organisationImportMaxBytes } from '../server/modules/ecosystem/import-organisations.js';
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
  command
    .command('organisations')
    .description(
      'add organisations to the ecosystem directory from a CSV or XLSX file: all or nothing / nhập tổ chức vào danh bạ hệ sinh thái',
    )
    .argument(
      '<file>',
      'CSV or XLSX with a header row: kind, name_vi and any of the columns the directory export has (see docs/ecosystem.md)',
    )
    .action((file: string) =>
      runCommand(async () => {
        const bytes = await readFile(file).catch(() => {
          throw new UsageError(`cannot read ${file}`);
        });
        if (bytes.length > organisationImportMaxBytes) throw new UsageError(`${file} is larger than ${organisationImportMaxBytes} bytes`);
        const mediaType = await detectMediaType(bytes, true);
        if (mediaType !== xlsxMediaType && mediaType !== 'text/csv' && mediaType !== 'text/plain')
          throw new UsageError(`${file} is neither CSV nor XLSX (its content reads as ${mediaType ?? 'unknown'})`);
        await withDatabase(async (database) => {
          const bar = progressBar('adding organisations');
          try {
            // The operator's own command: it acts as the system, recorded as such in the audit log.
            const result = await importOrganisations(
              systemContext(database.db, systemClock, 'cli-import'),
              { mediaType, bytes },
              (done, total) => bar.update(done, total, ''),
            );
            bar.stop();
            process.stdout.write(`imported ${result.imported} organisations\n`);
          } catch (error) {
            bar.stop();
            const rows = error instanceof AppError ? (error.details as { rows?: ImportRowError[] } | undefined)?.rows : undefined;
            if (!rows) throw error;
            for (const row of rows) process.stderr.write(`${row.message.en} / ${row.message.vi}\n`);
            process.stderr.write(`doimoi: nothing imported: ${new Set(rows.map((r) => r.row)).size} bad rows\n`);
            process.exitCode = exitCodes.failure;
          }
        });
      }),
    );
}
