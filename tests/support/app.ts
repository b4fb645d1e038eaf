import { inject } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp, type BuildAppOptions } from '../../src/server/app.js';
import { loadConfig, type AppConfig } from '../../src/server/config.js';
import { ManualClock } from '../../src/server/lib/clock.js';
import { createDatabaseFrom, openTestDatabase, type DatabaseLocation, type Template, type TestDatabase } from './engines.js';

export type TestApp = { app: FastifyInstance; config: AppConfig; clock: ManualClock; testDb: TestDatabase; close(): Promise<void> };

/** A database of its own for one test file, open. */
export const useTestDatabase = (template: Template = 'demo'): Promise<TestDatabase> => openTestDatabase(template, inject('templateDir'));

/** A database of its own for a child process to open (CLI, server processes). */
export const createTestDatabaseLocation = (template: Template = 'demo'): Promise<DatabaseLocation> => createDatabaseFrom(template, inject('templateDir'));

/** The real app on a private database with a clock the test moves; nothing listens. */
export async function buildTestApp(options: { template?: Template; env?: Record<string, string> } & Partial<BuildAppOptions> = {}): Promise<TestApp> {
  const testDb = await useTestDatabase(options.template ?? 'demo');
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: testDb.dataDir, JOBS_ENABLED: 'false', ...options.env });
  const clock = new ManualClock('2026-03-02T02:00:00Z');
  const app = await buildApp({ ...options, config, database: testDb.database, clock });
  await app.ready();
  return {
    app,
    config,
    clock,
    testDb,
    async close() {
      await app.close();
      await testDb.dispose();
    },
  };
}
