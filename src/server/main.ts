import closeWithGrace from 'close-with-grace';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import type { AppConfig } from './config.js';
import { openDatabase, type Database } from './db/client.js';
import { runMigrations } from './db/migrate.js';
import { systemClock } from './lib/clock.js';
import { configuredStorage } from './lib/configured-storage.js';
import { seedDemoData } from './seed.js';

export type RunningServer = { app: FastifyInstance; database: Database; url: string; close(): Promise<void> };

/** What starting did, step by step, for a person watching the terminal. */
export type StartStep =
  { step: 'migrate'; applied: number; engine: string } | { step: 'seed'; seeded: boolean } | { step: 'ready'; url: string };

/** Opens the database, applies migrations, optionally seeds the demo, and listens. */
export async function startServer(
  config: AppConfig,
  options: { seedDemo: boolean; onStep?: (step: StartStep) => void },
): Promise<RunningServer> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolMax: config.dbPoolMax });
  try {
    const { applied } = await runMigrations(database.db);
    options.onStep?.({ step: 'migrate', applied, engine: database.engine });
    const storage = configuredStorage(config);
    if (options.seedDemo) options.onStep?.({ step: 'seed', ...(await seedDemoData(database.db, systemClock, storage)) });
    const app = await buildApp({ config, database, storage });
    closeKeepAliveAfterLastResponse(app);
    const address = await app.listen({ port: config.port, host: config.host });
    app.log.info({ engine: database.engine, address }, 'doimoi is listening');
    options.onStep?.({ step: 'ready', url: config.baseUrl });
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

/**
 * Closing the server ends the connections idle at that moment (Fastify's `forceCloseConnections:
 * 'idle'`); a keep-alive connection busy then would stay open after its answer and hold the
 * shutdown until its client leaves. So once closing starts, every answer says `Connection: close`.
 */
function closeKeepAliveAfterLastResponse(app: FastifyInstance): void {
  let isClosing = false;
  app.addHook('preClose', async () => {
    isClosing = true;
  });
  app.addHook('onSend', async (_request, reply) => {
    if (isClosing) reply.header('connection', 'close');
  });
}

/**
 * SIGTERM/SIGINT (and a crash): stop accepting, answer the requests in flight, close the database,
 * exit 0 — or 1 when that takes longer than `timeoutMs` or the cause was an error.
 */
export function closeOnSignals(server: RunningServer, timeoutMs: number): void {
  const log = server.app.log;
  closeWithGrace({ delay: timeoutMs, logger: { error: (message: unknown) => log.error(message) } }, async ({ signal, err }) => {
    if (err) log.error({ err }, 'shutting down after an error');
    else log.info({ signal }, 'shutting down');
    await server.close();
  });
}
