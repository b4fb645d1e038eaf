import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client.js';
import { appliedMigrationCount, runMigrations } from '../db/migrate.js';

const format = 'doimoi-backup';
const formatVersion = 1;

type TableInfo = { name: string; isSelfReferencing: boolean };
export type BackupProgress = (done: number, total: number, table: string) => void;

/** Application tables in an order where every referenced table comes first. */
export async function tablesInDependencyOrder(db: DbOrTx): Promise<TableInfo[]> {
  const tables = await db.execute<{ name: string }>(sql`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`);
  const references = await db.execute<{ child: string; parent: string }>(sql`
    select c.relname as child, p.relname as parent from pg_constraint k
    join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
    join pg_namespace n on n.oid = c.relnamespace
    where k.contype = 'f' and n.nspname = 'public'`);
  const parents = new Map<string, Set<string>>(tables.rows.map((t) => [t.name, new Set<string>()]));
  for (const { child, parent } of references.rows) parents.get(child)?.add(parent);
  const ordered: TableInfo[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.rows.length) {
    const next = tables.rows.find((t) => !placed.has(t.name) && [...parents.get(t.name)!].every((p) => p === t.name || placed.has(p)));
    if (!next) throw new Error('foreign keys form a cycle between tables; cannot order the backup');
    placed.add(next.name);
    ordered.push({ name: next.name, isSelfReferencing: parents.get(next.name)!.has(next.name) });
  }
  return ordered;
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Writes a consistent copy of every application table (one REPEATABLE READ snapshot) as gzipped
 * JSON lines. Engine-neutral: a backup of the embedded database restores onto a server and back.
 */
export async function backupDatabase(db: Db, file: string, onProgress?: BackupProgress): Promise<{ tables: number; rows: number }> {
  const partial = `${file}.partial`;
  const out = new PassThrough();
  const written = pipeline(out, createGzip(), createWriteStream(partial, { mode: 0o600 }));
  let rows = 0;
  let tableCount = 0;
  try {
    await db.transaction(
      async (tx) => {
        const migrations = await appliedMigrationCount(tx as unknown as Db);
        const tables = await tablesInDependencyOrder(tx);
        tableCount = tables.length;
        out.write(`${JSON.stringify({ format, version: formatVersion, migrations, tables: tables.map((t) => t.name) })}\n`);
        for (const [index, table] of tables.entries()) {
          const result = await tx.execute<{ row: string }>(sql.raw(`select row_to_json(t)::text as row from ${quoteIdent(table.name)} t`));
          for (const { row } of result.rows) {
            if (!out.write(`{"t":${JSON.stringify(table.name)},"r":${row}}\n`)) await new Promise((resolve) => out.once('drain', resolve));
            rows++;
          }
          onProgress?.(index + 1, tables.length, table.name);
        }
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    out.end();
    await written;
    await rename(partial, file);
  } catch (error) {
    out.destroy();
    await written.catch(() => undefined);
    await rm(partial, { force: true });
    throw error;
  }
  return { tables: tableCount, rows };
}

export class RestoreError extends Error {
  override name = 'RestoreError';
}

const batchSize = 500;

/** Restores a backup into an empty database in one transaction; refuses a database that holds data. */
export async function restoreDatabase(db: Db, file: string, onProgress?: BackupProgress): Promise<{ rows: number }> {
  await runMigrations(db);
  const tables = await tablesInDependencyOrder(db);
  for (const table of tables) {
    const result = await db.execute<{ present: boolean }>(sql.raw(`select exists (select 1 from ${quoteIdent(table.name)}) as present`));
    if (result.rows[0]?.present) throw new RestoreError(`the target database is not empty (table ${table.name} has rows); restore needs an empty database`);
  }
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  type Header = { format?: string; version?: number; tables?: string[] };
  let header = null as Header | null;
  let rows = 0;
  await db.transaction(async (tx) => {
    let batch: unknown[] = [];
    let batchTable = '';
    const selfReferencing = new Set(tables.filter((t) => t.isSelfReferencing).map((t) => t.name));
    const flush = async () => {
      if (batch.length === 0) return;
      const target = quoteIdent(batchTable);
      // OVERRIDING SYSTEM VALUE: identity columns (GENERATED ALWAYS) take the backed-up values too.
      await tx.execute(sql`insert into ${sql.raw(target)} overriding system value select * from json_populate_recordset(null::${sql.raw(target)}, ${JSON.stringify(batch)}::json)`);
      rows += batch.length;
      batch = [];
    };
    let tablesDone = 0;
    for await (const line of lines) {
      if (!line) continue;
      if (!header) {
        const parsed = JSON.parse(line) as Header;
        header = parsed;
        if (parsed.format !== format || parsed.version !== formatVersion) throw new RestoreError(`${file} is not a doimoi backup (version ${formatVersion})`);
        continue;
      }
      const { t, r } = JSON.parse(line) as { t: string; r: unknown };
      if (!tables.some((table) => table.name === t)) throw new RestoreError(`backup has table ${t}, which this version does not know`);
      // A self-referencing table goes in as one statement: its foreign keys are checked at the statement's end.
      if (t !== batchTable || (batch.length >= batchSize && !selfReferencing.has(t))) {
        await flush();
        if (t !== batchTable && batchTable) onProgress?.(++tablesDone, header!.tables?.length ?? tables.length, batchTable);
        batchTable = t;
      }
      batch.push(r);
    }
    await flush();
    if (!header) throw new RestoreError(`${file} is empty`);
    if (batchTable) onProgress?.(header.tables?.length ?? tables.length, header.tables?.length ?? tables.length, batchTable);
    // Serial and identity ids continue after the restored rows.
    const serials = await tx.execute<{ table_name: string; column_name: string }>(sql`
      select table_name, column_name from information_schema.columns
      where table_schema = 'public' and (column_default like 'nextval(%' or is_identity = 'YES')`);
    for (const { table_name, column_name } of serials.rows) {
      const t = quoteIdent(table_name);
      const c = quoteIdent(column_name);
      await tx.execute(sql.raw(`select setval(pg_get_serial_sequence('${t}', '${column_name}'), coalesce((select max(${c}) from ${t}), 0) + 1, false)`));
    }
  });
  return { rows };
}
