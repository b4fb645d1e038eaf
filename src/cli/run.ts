import cliProgress from 'cli-progress';
import { ConfigError, loadConfig, type AppConfig } from '../server/config.js';
import { DatabaseUnavailableError, openDatabase, type Database } from '../server/db/client.js';
import { RestoreError } from '../server/lib/backup.js';
import { AppError } from '../server/lib/errors.js';

/** Exit codes, documented in the README. */
export const exitCodes = { ok: 0, failure: 1, usage: 2, databaseUnavailable: 69, config: 78 } as const;

/** Runs a command; a known failure prints one line and sets the exit code, never a stack trace. */
export async function runCommand(work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    const [message, code] = describeFailure(error);
    process.stderr.write(`doimoi: ${message}\n`);
    process.exitCode = code;
  }
}

function describeFailure(error: unknown): [string, number] {
  if (error instanceof ConfigError) return [error.message, exitCodes.config];
  if (error instanceof DatabaseUnavailableError) return [`database unavailable: ${error.message}`, exitCodes.databaseUnavailable];
  if (error instanceof AppError) return [`${error.localized.en} / ${error.localized.vi}`, exitCodes.failure];
  if (error instanceof RestoreError || error instanceof UsageError)
    return [error.message, error instanceof UsageError ? exitCodes.usage : exitCodes.failure];
  return [error instanceof Error ? (error.stack ?? error.message) : String(error), exitCodes.failure];
}

export class UsageError extends Error {}

/** Loads the configuration and opens the database for the duration of `work`. */
export async function withDatabase<T>(work: (database: Database, config: AppConfig) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolMax: config.dbPoolMax });
  try {
    return await work(database, config);
  } finally {
    await database.close();
  }
}

/** A progress bar on a terminal, plain lines otherwise (CI logs). */
export function progressBar(label: string): { update(done: number, total: number, item: string): void; stop(): void } {
  if (!process.stderr.isTTY) {
    return {
      update: (done, total, item) => process.stderr.write(`${label}: ${done}/${total} ${item}\n`),
      stop: () => undefined,
    };
  }
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {value}/{total} {item}`, stream: process.stderr, hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total, item) {
      if (!started) {
        bar.start(total, 0, { item });
        started = true;
      }
      bar.update(done, { item });
    },
    stop: () => started && bar.stop(),
  };
}
