import type { Command } from 'commander';
import { loadConfig } from '../server/config.js';
import { runCommand } from './run.js';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('start the web server (applies migrations first) / chạy máy chủ')
    .option('--seed-demo', "load Ho Chi Minh City's demo data when the database is empty")
    .action((options: { seedDemo?: boolean }) =>
      runCommand(async () => {
        const config = loadConfig();
        const [{ closeOnSignals, startServer }, { refuseDemoInProduction }] = await Promise.all([
          import('../server/main.js'),
          import('../server/seed.js'),
        ]);
        if (options.seedDemo) refuseDemoInProduction(config, '--seed-demo');
        const server = await startServer(config, { seedDemo: options.seedDemo ?? false });
        closeOnSignals(server, config.shutdownTimeoutMs);
      }),
    );
}
