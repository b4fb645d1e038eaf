// Starts the real app (embedded database, demo data) and a bare Fastify server returning the same
// JSON from memory (and a bare HTML page), side by side in one child process, for bench/run.ts and
// bench/lighthouse.ts.
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

const dataDir = process.env.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'doimoi-bench-'));
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

const summary = (await app.inject('/api/portal/summary')).json() as unknown;
const bare = Fastify({ logger: false });
bare.get('/summary', async () => summary);
// The page-load benchmark's baseline: a minimal, well-formed page with nothing to download.
bare.get('/page', async (_request, reply) =>
  reply
    .type('text/html; charset=utf-8')
    .send(
      '<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
        '<meta name="description" content="Trang trống để so sánh"><title>Đổi mới</title></head><body><main><h1>Đổi mới</h1></main></body></html>',
    ),
);
const bareAddress = await bare.listen({ port: 0, host: '127.0.0.1' });

process.stdout.write(`${JSON.stringify({ appAddress, bareAddress })}\n`);
process.on(
  'SIGTERM',
  () =>
    void Promise.all([app.close(), bare.close()])
      .then(() => database.close())
      .then(() => process.exit(0)),
);
