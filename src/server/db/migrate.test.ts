import { cpSync, mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../tests/support/app.js';
import type { TestDatabase } from '../../../tests/support/engines.js';
import { migrationsDir } from '../lib/paths.js';
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

  it('apply every shipped migration once, and a second run applies none', async () => {
    expect(await runMigrations(t.database.db)).toEqual({ applied: knownMigrationCount() });
    expect(await runMigrations(t.database.db)).toEqual({ applied: 0 });
    expect(await tableExists('units')).toBe(true);
  });
});
