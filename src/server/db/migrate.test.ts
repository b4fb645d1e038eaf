import { cpSync, mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../tests/support/app.js';
import type { TestDatabase } from '../../../tests/support/engines.js';
import { migrationsDir } from '../lib/paths.js';
import { openDatabase } from './client.js';
import { appliedMigrationCount, knownMigrationCount, runMigrations } from './migrate.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await useTestDatabase('blank');
});
afterAll(() => t.dispose());

const tableExists = async (name: string) =>
  (await t.database.db.execute<{ present: boolean }>(sql`select to_regclass(${`public.${name}`}) is not null as present`)).rows[0]!.present;

describe('migrations', () => {
  it('leave the schema as it was when one of them fails', async () => {
    // The shipped migrations plus a broken one: its first statement works, its second fails.
    const folder = mkdtempSync(join(tmpdir(), 'doimoi-migrations-'));
    cpSync(migrationsDir, folder, { recursive: true });
    writeFileSync(join(folder, '9999_broken.sql'), 'CREATE TABLE half_done (id int);\n--> statement-breakpoint\nSELECT no_such_function();\n');
    const journalFile = join(folder, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: Array<Record<string, unknown>> };
    journal.entries.push({ idx: journal.entries.length, version: '7', when: Date.now() + 1000, tag: '9999_broken', breakpoints: true });
    writeFileSync(journalFile, JSON.stringify(journal));

    await expect(migrate(t.database.db, { migrationsFolder: folder })).rejects.toThrow();
    expect(await tableExists('half_done')).toBe(false);
    expect(await tableExists('units')).toBe(false);
    expect(await appliedMigrationCount(t.database.db)).toBe(0);
  });

  it('are applied once when several processes start at the same moment', async () => {
    // Three handles on one database stand for three processes (PGlite serves one process: one handle).
    const handles = t.databaseUrl
      ? await Promise.all([0, 1, 2].map(() => openDatabase({ databaseUrl: t.databaseUrl, dataDir: t.dataDir, poolMax: 3 })))
      : [];
    try {
      const dbs = handles.length > 0 ? handles.map((h) => h.db) : [t.database.db, t.database.db, t.database.db];
      const results = await Promise.all(dbs.map((db) => runMigrations(db)));
      expect(results.map((r) => r.applied).sort((a, b) => b - a)).toEqual([knownMigrationCount(), 0, 0]);
      expect(await appliedMigrationCount(t.database.db)).toBe(knownMigrationCount());
    } finally {
      await Promise.all(handles.map((h) => h.close()));
    }
  });

  it('apply none when all are applied', async () => {
    expect(await runMigrations(t.database.db)).toEqual({ applied: 0 });
    expect(await tableExists('units')).toBe(true);
  });
});
