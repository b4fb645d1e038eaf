import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/server/db/client.js';

/** The server the suite runs against: PGlite unless TEST_DATABASE_URL names a PostgreSQL admin connection. */
export const testServerUrl = process.env.TEST_DATABASE_URL;
export const testEngine: 'pglite' | 'postgres' = testServerUrl ? 'postgres' : 'pglite';

export type Template = 'empty' | 'demo' | 'blank';

/** Template databases are named after the run's template directory, so runs sharing one server never collide. */
export const templateDbName = (template: Template, templateDir: string) =>
  `doimoi_template_${template}_${createHash('sha256').update(templateDir).digest('hex').slice(0, 10)}`;

export function databaseUrlFor(name: string): string {
  const url = new URL(testServerUrl!);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: testServerUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** Where a private database lives: the settings a process needs to open it (DATA_DIR, DATABASE_URL). */
export type DatabaseLocation = { dataDir: string; databaseUrl: string | undefined; env: Record<string, string>; remove(): Promise<void> };

/**
 * A private database copied from a template made once per run (global setup): a directory copy on
 * PGlite, CREATE DATABASE … TEMPLATE on PostgreSQL. 'blank' has no migration applied (on PGlite it
 * is initialised, since PGlite's initdb costs seconds).
 */
export async function createDatabaseFrom(template: Template, templateDir: string): Promise<DatabaseLocation> {
  const dataDir = mkdtempSync(join(tmpdir(), 'doimoi-test-'));
  if (testEngine === 'pglite') {
    cpSync(join(templateDir, template), dataDir, { recursive: true });
    rmSync(join(dataDir, 'doimoi.lock'), { force: true });
    return {
      dataDir,
      databaseUrl: undefined,
      env: { DATA_DIR: dataDir },
      remove: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  // The template's stored files (the demo's uploads) travel with the database copy, as on PGlite.
  const files = join(templateDir, template, 'files');
  if (template !== 'blank' && existsSync(files)) cpSync(files, join(dataDir, 'files'), { recursive: true });
  const name = `doimoi_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await adminQuery(
    template === 'blank' ? `create database ${name}` : `create database ${name} template ${templateDbName(template, templateDir)}`,
  );
  const databaseUrl = databaseUrlFor(name);
  return {
    dataDir,
    databaseUrl,
    env: { DATA_DIR: dataDir, DATABASE_URL: databaseUrl },
    async remove() {
      await adminQuery(`drop database if exists ${name} with (force)`);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type TestDatabase = DatabaseLocation & { database: Database; dispose(): Promise<void> };

/** A private, open database for one test file. */
export async function openTestDatabase(template: Template, templateDir: string): Promise<TestDatabase> {
  const location = await createDatabaseFrom(template, templateDir);
  const database = await openDatabase({ databaseUrl: location.databaseUrl, dataDir: location.dataDir, poolMax: 5 });
  return {
    ...location,
    database,
    async dispose() {
      await database.close();
      await location.remove();
    },
  };
}
