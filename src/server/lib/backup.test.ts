import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../tests/support/app.js';
import type { TestDatabase } from '../../../tests/support/engines.js';
import type { Db } from '../db/client.js';
import { recordAudit } from './audit.js';
import { sealAuditLog } from './audit-sealer.js';
import { backupDatabase, checkBackupFile, restoreDatabase, tablesInDependencyOrder } from './backup.js';
import { ManualClock } from './clock.js';
import { systemContext } from './context.js';

let source: TestDatabase;
const auditKey = 'backup-test-audit-key-0123456789abcdef';
const clock = new ManualClock('2026-04-01T01:00:00Z');
beforeAll(async () => {
  source = await useTestDatabase('demo');
  // Values that are easy to lose on the way: jsonb, nulls, fractions, emoji, a quote.
  await source.database.db.execute(
    sql`insert into jobs (name, payload, run_at, last_error) values ('x', '{"a":[1,2.5,null],"b":"Đổi mới 😀 \\"q\\""}', now(), null)`,
  );
  await sealAuditLog(source.database.db, auditKey, clock);
  // One row left unsealed, as a backup taken while the server runs would hold.
  await recordAudit(systemContext(source.database.db, clock), {
    action: 'tests.after_seal',
    entityType: 'test',
    entityId: null,
    after: { n: 1 },
  });
});
afterAll(() => source.dispose());

/** The open-data datastore's tables (one per tabular resource), which no migration creates. */
async function datastoreTables(db: Db): Promise<string[]> {
  const result = await db.execute<{ name: string }>(
    sql`select table_name as name from information_schema.tables where table_schema = 'datastore' order by table_name`,
  );
  return result.rows.map((r) => `datastore.${r.name}`);
}

/** Every row of every table (the datastore's too, with their columns and indexes), as text, in a stable order. */
async function snapshot(db: Db): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  const names = [...(await tablesInDependencyOrder(db)).map((t) => t.name), ...(await datastoreTables(db))];
  for (const name of names) {
    const ident = name
      .split('.')
      .map((part) => `"${part}"`)
      .join('.');
    const result = await db.execute<{ row: string }>(sql.raw(`select row_to_json(t)::text as row from ${ident} t`));
    out[name] = result.rows.map((r) => r.row).sort();
  }
  const shapes = await db.execute<{ shape: string }>(sql`
    select c.table_name || '.' || c.column_name || ' ' || c.data_type || ' ' || c.is_nullable as shape
    from information_schema.columns c where c.table_schema = 'datastore'
    union all
    select tablename || ' ' || regexp_replace(indexdef, '^CREATE (UNIQUE )?INDEX \S+', 'INDEX') from pg_indexes where schemaname = 'datastore'`);
  out['datastore shapes'] = shapes.rows.map((r) => r.shape).sort();
  return out;
}

// Each test backs up and restores the whole demo database (its catalogue's datastore tables included).
describe('backup and restore', { timeout: 180_000 }, () => {
  it('gives back identical data in an empty database, sequences included', async () => {
    const file = join(source.dataDir, 'backup.jsonl.gz');
    const progress: string[] = [];
    const { rows, auditHead } = await backupDatabase(source.database.db, file, (_d, _t, table) => progress.push(table));
    expect(rows).toBeGreaterThan(200);
    expect(progress).toContain('units');
    expect(auditHead).not.toBeNull();
    const { header } = await checkBackupFile(file);
    expect(header.auditHead).toEqual(auditHead);
    // The demo catalogue's tabular resources are in the datastore, and so in the backup.
    const datastore = await datastoreTables(source.database.db);
    expect(datastore.length).toBeGreaterThan(0);
    expect(header.tables).toEqual(expect.arrayContaining(datastore));
    const target = await useTestDatabase('blank');
    try {
      const restored = await restoreDatabase(target.database.db, file, { auditKey });
      expect(restored.rows).toBe(rows);
      expect(restored.auditHead).toEqual(auditHead);
      expect(await snapshot(target.database.db)).toEqual(await snapshot(source.database.db));
      // New rows get fresh serial ids after the restored ones.
      await target.database.db.execute(sql`insert into jobs (name, run_at) values ('after-restore', now())`);
      const ids = await target.database.db.execute<{ id: number }>(sql`select id from jobs order by id`);
      expect(new Set(ids.rows.map((r) => r.id)).size).toBe(ids.rows.length);
    } finally {
      await target.dispose();
    }
  });

  it('refuses to restore into a database that has data, and changes nothing', async () => {
    const file = join(source.dataDir, 'backup2.jsonl.gz');
    await backupDatabase(source.database.db, file);
    const before = await snapshot(source.database.db);
    await expect(restoreDatabase(source.database.db, file, { auditKey })).rejects.toThrow(/not empty/);
    expect(await snapshot(source.database.db)).toEqual(before);
  });

  it('refuses a backup whose audit log does not verify with this AUDIT_KEY, and writes nothing; restores it when told to skip the check', async () => {
    const file = join(source.dataDir, 'backup3.jsonl.gz');
    await backupDatabase(source.database.db, file);
    const target = await useTestDatabase('blank');
    try {
      await expect(restoreDatabase(target.database.db, file, { auditKey: 'another-installation-key-0123456789' })).rejects.toThrow(
        /the audit log in .* does not verify with this AUDIT_KEY: row \d+: no row of batch 1 .* matches its seal: AUDIT_KEY differs/,
      );
      const users = await target.database.db.execute<{ n: number }>(sql`select count(*)::int as n from users`);
      expect(users.rows[0]!.n).toBe(0);
      const restored = await restoreDatabase(target.database.db, file, {
        auditKey: 'another-installation-key-0123456789',
        skipAuditCheck: true,
      });
      expect(restored.rows).toBeGreaterThan(200);
    } finally {
      await target.dispose();
    }
  });

  it('refuses a file cut at a line boundary (its gzip whole) because the closing line is missing; reads a format-1 file, which had none', async () => {
    const file = join(source.dataDir, 'backup4.jsonl.gz');
    await backupDatabase(source.database.db, file);
    const lines = gunzipSync(readFileSync(file)).toString('utf8').trimEnd().split('\n');
    const cut = join(source.dataDir, 'cut.jsonl.gz');
    writeFileSync(cut, gzipSync(`${lines.slice(0, -40).join('\n')}\n`));
    await expect(checkBackupFile(cut)).rejects.toThrow(
      `${cut} is damaged (it ends without its closing line: the file was cut short); nothing was restored`,
    );

    const header = JSON.parse(lines[0]!) as Record<string, unknown>;
    const formatOne = join(source.dataDir, 'format-1.jsonl.gz');
    writeFileSync(
      formatOne,
      gzipSync(`${JSON.stringify({ ...header, version: 1, auditHead: undefined })}\n${lines.slice(1, -1).join('\n')}\n`),
    );
    const target = await useTestDatabase('blank');
    try {
      const restored = await restoreDatabase(target.database.db, formatOne, { auditKey });
      expect(restored).toEqual({ rows: lines.length - 2, auditHead: null });
    } finally {
      await target.dispose();
    }
  });

  it('rebuilds a datastore table only from names and types it knows: a definition carrying SQL is refused and nothing is written', async () => {
    const file = join(source.dataDir, 'backup5.jsonl.gz');
    await backupDatabase(source.database.db, file);
    const lines = gunzipSync(readFileSync(file)).toString('utf8').trimEnd().split('\n');
    const header = JSON.parse(lines[0]!) as { runtimeTables: Array<{ columns: Array<{ type: string }> }> };
    header.runtimeTables[0]!.columns[1]!.type = 'text); drop table users; --';
    const tampered = join(source.dataDir, 'tampered.jsonl.gz');
    writeFileSync(tampered, gzipSync(`${JSON.stringify(header)}\n${lines.slice(1).join('\n')}\n`));
    const target = await useTestDatabase('blank');
    try {
      await expect(restoreDatabase(target.database.db, tampered, { auditKey })).rejects.toThrow(
        /defines table datastore\.r_[0-9a-f]+ with a column of type "text\); drop table users; --"; nothing was restored/,
      );
      const users = await target.database.db.execute<{ n: number }>(sql`select count(*)::int as n from users`);
      expect(users.rows[0]!.n).toBe(0);
      expect(await datastoreTables(target.database.db)).toEqual([]);
    } finally {
      await target.dispose();
    }
  });

  it('orders tables so that referenced tables come first', async () => {
    const order = (await tablesInDependencyOrder(source.database.db)).map((t) => t.name);
    expect(order.indexOf('units')).toBeLessThan(order.indexOf('role_grants'));
    expect(order.indexOf('plans')).toBeLessThan(order.indexOf('task_groups'));
    expect(order.indexOf('indicators')).toBeLessThan(order.indexOf('indicator_targets'));
  });
});
