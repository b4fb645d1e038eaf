// Starts the real app (embedded database, demo data) and a bare Fastify server returning the same
// dashboard JSON from memory, side by side in one child process, for bench/indicators.ts.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { openDatabase } from '../src/server/db/client.js';
import { runMigrations } from '../src/server/db/migrate.js';
import { systemClock } from '../src/server/lib/clock.js';
import { configuredStorage } from '../src/server/lib/configured-storage.js';
import { seedDemoData } from '../src/server/seed.js';

const dataDir = process.env.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'doimoi-bench-indicators-'));
const config = loadConfig({
  ...process.env,
  DATA_DIR: dataDir,
  LOG_LEVEL: 'silent',
  JOBS_ENABLED: 'false',
  NODE_ENV: 'production',
  SESSION_SECRET: 'x'.repeat(32),
  AUDIT_KEY: 'k'.repeat(32),
});
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir, poolMax: config.dbPoolMax });
await runMigrations(database.db);
await seedDemoData(database.db, systemClock, configuredStorage(config));
const app = await buildApp({ config, database });
const appAddress = await app.listen({ port: 0, host: '127.0.0.1' });

const dashboard = (await app.inject('/api/indicators/dashboard')).json() as unknown;
const bare = Fastify({ logger: false });
bare.get('/dashboard', async () => dashboard);
const bareAddress = await bare.listen({ port: 0, host: '127.0.0.1' });

process.stdout.write(`${JSON.stringify({ appAddress, bareAddress })}\n`);
process.on(
  'SIGTERM',
  () =>
    void Promise.all([app.close(), bare.close()])
      .then(() => database.close())
      .then(() => process.exit(0)),
);
