import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import type { AppConfig } from './config.js';
import { openDatabase, type Database } from './db/client.js';
import { runMigrations } from './db/migrate.js';
import { systemClock } from './lib/clock.js';
import { seedDemoData } from './seed.js';

export type RunningServer = { app: FastifyInstance; database: Database; url: string; close(): Promise<void> };

/** Opens the database, applies migrations, optionally seeds the demo, and listens. */
export async function startServer(config: AppConfig, options: { seedDemo: boolean }): Promise<RunningServer> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolMax: config.dbPoolMax });
  try {
    await runMigrations(database.db);
    if (options.seedDemo) await seedDemoData(database.db, systemClock);
    const app = await buildApp({ config, database });
    const address = await app.listen({ port: config.port, host: config.host });
    app.log.info({ engine: database.engine, address }, 'doimoi is listening');
    let closing: Promise<void> | null = null;
    return {
      app,
      database,
      url: address,
      close: () => (closing ??= app.close().then(() => database.close())),
    };
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }
}

/** SIGTERM/SIGINT: stop accepting, let in-flight requests finish, close the database, exit 0. */
export function closeOnSignals(server: RunningServer, timeoutMs: number): void {
  const shutdown = (signal: NodeJS.Signals) => {
    server.app.log.info({ signal }, 'shutting down');
    setTimeout(() => {
      server.app.log.error('shutdown took too long; exiting');
      process.exit(1);
    }, timeoutMs).unref();
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        server.app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}
