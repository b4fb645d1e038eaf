import type { Command } from 'commander';
import { loadConfig } from '../server/config.js';
import type { StartStep } from '../server/main.js';
import { runCommand } from './run.js';

/** One short line per step, for someone who ran `npm start` and watches the terminal. */
function describeStep(step: StartStep): string {
  switch (step.step) {
    case 'migrate':
      return `✓ database (${step.engine}): ${step.applied === 0 ? 'up to date' : `${step.applied} migration(s) applied`}`;
    case 'seed':
      return `✓ demo data: ${step.seeded ? "Ho Chi Minh City's demo data loaded" : 'already loaded'}`;
    case 'ready':
      return `✓ ready — open ${step.url}  (Ctrl+C stops; --verbose or LOG_LEVEL=info shows each request)`;
  }
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('start the web server (applies migrations first) / chạy máy chủ')
    .option('--seed-demo', "load Ho Chi Minh City's demo data when the database is empty")
    .option('--verbose', 'log every request to the terminal (JSON lines), as in production')
    .action((options: { seedDemo?: boolean; verbose?: boolean }) =>
      runCommand(async () => {
        const loaded = loadConfig();
        const [{ closeOnSignals, startServer }, { refuseDemoInProduction }] = await Promise.all([
          import('../server/main.js'),
          import('../server/seed.js'),
        ]);
        if (options.seedDemo) refuseDemoInProduction(loaded, '--seed-demo');
        // Outside production, unless a log level is asked for, a person reads the terminal: short
        // lines per step, and the JSON log keeps only warnings and errors.
        const isForPeople = loaded.nodeEnv !== 'production' && process.env.LOG_LEVEL === undefined && !options.verbose;
        const config = isForPeople ? { ...loaded, logLevel: 'warn' as const } : loaded;
        const server = await startServer(config, {
          seedDemo: options.seedDemo ?? false,
          ...(isForPeople ? { onStep: (step: StartStep) => console.log(describeStep(step)) } : {}),
        });
        closeOnSignals(server, config.shutdownTimeoutMs);
      }),
    );
}
