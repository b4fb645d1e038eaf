import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client.js';
import { appliedMigrationCount, runMigrations } from '../db/migrate.js';
import { auditHead, verifyAuditLog, type AuditHead } from './audit-verify.js';

const format = 'doimoi-backup';
// 2: the header carries the audit head and the file ends with a line counting the rows.
// 3: the header defines the tables the application creates while it runs (the open-data datastore).
const formatVersion = 3;

type TableInfo = { name: string; isSelfReferencing: boolean };

/**
 * A table no migration creates: the application makes one per tabular resource in the `datastore`
 * schema. The backup carries its shape (columns, primary key, single-column indexes) to rebuild it.
 */
export type RuntimeTable = {
  name: string;
  columns: Array<{ name: string; type: string; notNull: boolean }>;
  primaryKey: string[];
  indexes: string[];
};
export type BackupHeader = {
  format: string;
  version: number;
  migrations: number;
  tables: string[];
  auditHead: AuditHead | null;
  runtimeTables: RuntimeTable[];
};

/** The schema whose tables the application creates at run time, each named `datastore.<table>` in a backup. */
const runtimeSchema = 'datastore';
/** The column types a datastore table uses; a backup naming another is refused, never run as SQL. */
const runtimeColumnTypes = new Set([
  'integer',
  'bigint',
  'text',
  'numeric',
  'date',
  'timestamp with time zone',
  'double precision',
  'boolean',
]);
const plainName = /^[a-z_][a-z0-9_]{0,62}$/;
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

/**
 * Tables a migration fills with reference data (the open-data catalogue's themes, the emulation titles,
 * the initiative certificate's award type): a freshly migrated database has their rows, and a restore
 * replaces them with the backup's.
 */
const referenceTables = new Set(['dataset_themes', 'commendation_titles', 'award_types']);

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
/** `units` or `datastore.r_…` as SQL. */
const tableIdent = (name: string) => name.split('.').map(quoteIdent).join('.');

/** Every table of the runtime schema with its shape, read from the catalogue. */
async function runtimeTables(db: DbOrTx): Promise<RuntimeTable[]> {
  const columns = await db.execute<{ table_name: string; name: string; type: string; not_null: boolean }>(sql`
    select c.relname as table_name, a.attname as name, format_type(a.atttypid, a.atttypmod) as type, a.attnotnull as not_null
    from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = ${runtimeSchema} and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped
    order by c.relname, a.attnum`);
  const indexes = await db.execute<{ table_name: string; column_name: string; is_primary: boolean }>(sql`
    select c.relname as table_name, a.attname as column_name, i.indisprimary as is_primary
    from pg_index i join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attnum = i.indkey[0]
    where n.nspname = ${runtimeSchema} and i.indnatts = 1
    order by c.relname, a.attnum`);
  const byName = new Map<string, RuntimeTable>();
  for (const column of columns.rows) {
    const name = `${runtimeSchema}.${column.table_name}`;
    if (!byName.has(name)) byName.set(name, { name, columns: [], primaryKey: [], indexes: [] });
    byName.get(name)!.columns.push({ name: column.name, type: column.type, notNull: column.not_null });
  }
  for (const index of indexes.rows) {
    const table = byName.get(`${runtimeSchema}.${index.table_name}`);
    if (index.is_primary) table?.primaryKey.push(index.column_name);
    else table?.indexes.push(index.column_name);
  }
  return [...byName.values()];
}

/** Creates a runtime table from a backup's definition, after checking every name and type it holds. */
async function createRuntimeTable(db: DbOrTx, file: string, table: RuntimeTable): Promise<void> {
  const [schema, name = ''] = table.name.split('.');
  const refuse = (what: string) => new RestoreError(`${file} defines table ${table.name} with ${what}; nothing was restored`);
  if (schema !== runtimeSchema || !plainName.test(name)) throw refuse('a name outside the datastore');
  for (const column of table.columns) {
    if (!plainName.test(column.name)) throw refuse(`a column named ${JSON.stringify(column.name)}`);
    if (!runtimeColumnTypes.has(column.type)) throw refuse(`a column of type ${JSON.stringify(column.type)}`);
  }
  const known = new Set(table.columns.map((c) => c.name));
  for (const column of [...table.primaryKey, ...table.indexes])
    if (!known.has(column)) throw refuse(`an index on unknown column ${column}`);
  const definitions = [
    ...table.columns.map((c) => `${quoteIdent(c.name)} ${c.type}${c.notNull ? ' not null' : ''}`),
    ...(table.primaryKey.length ? [`primary key (${table.primaryKey.map(quoteIdent).join(', ')})`] : []),
  ];
  await db.execute(sql.raw(`create table ${tableIdent(table.name)} (${definitions.join(', ')})`));
}

/**
 * Writes a consistent copy of every application table (one REPEATABLE READ snapshot) as gzipped
 * JSON lines. Engine-neutral: a backup of the embedded database restores onto a server and back.
 */
export async function backupDatabase(
  db: Db,
  file: string,
  onProgress?: BackupProgress,
): Promise<{ tables: number; rows: number; auditHead: AuditHead | null }> {
  const partial = `${file}.partial`;
  const out = new PassThrough();
  const written = pipeline(out, createGzip(), createWriteStream(partial, { mode: 0o600 }));
  let rows = 0;
  let tableCount = 0;
  let head: AuditHead | null = null;
  try {
    await db.transaction(
      async (tx) => {
        const migrations = await appliedMigrationCount(tx as unknown as Db);
        const runtime = await runtimeTables(tx);
        // The datastore's tables come after the migrated ones: nothing refers to them.
        const tables = [...(await tablesInDependencyOrder(tx)), ...runtime.map((t) => ({ name: t.name, isSelfReferencing: false }))];
        tableCount = tables.length;
        // The audit head goes into the file: a checkpoint kept off the database that the chain must still reach later.
        head = await auditHead(tx);
        const header: BackupHeader = {
          format,
          version: formatVersion,
          migrations,
          tables: tables.map((t) => t.name),
          auditHead: head,
          runtimeTables: runtime,
        };
        out.write(`${JSON.stringify(header)}\n`);
        for (const [index, table] of tables.entries()) {
          const result = await tx.execute<{ row: string }>(sql.raw(`select row_to_json(t)::text as row from ${tableIdent(table.name)} t`));
          for (const { row } of result.rows) {
            if (!out.write(`{"t":${JSON.stringify(table.name)},"r":${row}}\n`)) await new Promise((resolve) => out.once('drain', resolve));
            rows++;
          }
          onProgress?.(index + 1, tables.length, table.name);
        }
        out.write(`${JSON.stringify({ end: true, rows })}\n`);
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
  return { tables: tableCount, rows, auditHead: head };
}

/** A backup file that cannot be used, or a restore that cannot go ahead: one line for the operator. */
export class RestoreError extends Error {
  override name = 'RestoreError';
}

const batchSize = 500;

/** A row keeps its JSON text as written: parsed again, a numeric such as 96.0 or 12345678901234567.5 would lose its digits. */
type BackupLine = { kind: 'row'; table: string; rowJson: string } | { kind: 'end'; rows: number };

/**
 * Reads a backup line by line: the header first, then every row, then the closing line. A cut-short
 * or damaged file ends in a RestoreError naming the file and what is wrong with it, never a raw
 * zlib or JSON error.
 */
async function* readBackup(file: string, onHeader: (header: BackupHeader) => void): AsyncGenerator<BackupLine> {
  const damaged = (what: string) =>
    new RestoreError(`${file} is damaged (${what}); nothing was restored / tệp sao lưu bị hỏng, chưa phục hồi gì`);
  const input = createReadStream(file).pipe(createGunzip());
  const lines = createInterface({ input, crlfDelay: Infinity });
  let lineNumber = 0;
  let isEnded = false;
  let hasClosingLine = true;
  try {
    for await (const line of lines) {
      lineNumber++;
      if (!line) continue;
      if (isEnded) throw damaged(`data after the closing line, at line ${lineNumber}`);
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        throw damaged(`line ${lineNumber} is not valid JSON`);
      }
      if (lineNumber === 1) {
        const header = parsed as Partial<BackupHeader>;
        if (header?.format !== format)
          throw new RestoreError(`${file} is not a doimoi backup; nothing was restored / không phải tệp sao lưu doimoi`);
        if (header.version !== 1 && header.version !== 2 && header.version !== formatVersion)
          throw new RestoreError(
            `${file} is a doimoi backup of format ${header.version}, this version reads formats 1 to ${formatVersion}; nothing was restored`,
          );
        if (!Array.isArray(header.tables)) throw damaged('its first line lists no tables');
        // Format 1 had neither the audit head nor the closing line.
        hasClosingLine = header.version >= 2;
        // Before format 3 the datastore's tables were not backed up.
        onHeader({ ...(header as BackupHeader), auditHead: header.auditHead ?? null, runtimeTables: header.runtimeTables ?? [] });
        continue;
      }
      const record = parsed as { t?: unknown; r?: unknown; end?: unknown; rows?: unknown };
      if (record?.end === true && typeof record.rows === 'number') {
        isEnded = true;
        yield { kind: 'end', rows: record.rows };
      } else if (typeof record?.t === 'string' && record.r !== null && typeof record.r === 'object') {
        // Lines are written as {"t":…,"r":<row>}; any other spelling of a valid line is re-serialised.
        const prefix = `{"t":${JSON.stringify(record.t)},"r":`;
        const rowJson = line.startsWith(prefix) && line.endsWith('}') ? line.slice(prefix.length, -1) : JSON.stringify(record.r);
        yield { kind: 'row', table: record.t, rowJson };
      } else {
        throw damaged(`line ${lineNumber} is not a table row`);
      }
    }
  } catch (error) {
    if (error instanceof RestoreError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && code.startsWith('Z_')) {
      const where =
        lineNumber === 0
          ? 'it is not gzip data, or its gzip data is corrupt from the start'
          : `its gzip data is cut short or corrupt after line ${lineNumber}`;
      throw damaged(`${where}: ${(error as Error).message}`);
    }
    if (code === 'EISDIR' || code === 'EACCES' || code === 'ENOENT')
      throw new RestoreError(`cannot read ${file}: ${(error as Error).message}`);
    throw error;
  } finally {
    lines.close();
    input.destroy();
  }
  if (lineNumber === 0) throw new RestoreError(`${file} is empty; nothing was restored / tệp sao lưu trống`);
  if (!isEnded && hasClosingLine) throw damaged(`it ends without its closing line: the file was cut short`);
}

/** Reads and checks a whole backup without touching any database: its header (with the audit head) and its rows per table. */
export async function checkBackupFile(file: string): Promise<{ header: BackupHeader; rowsByTable: Map<string, number> }> {
  let header: BackupHeader | null = null;
  const rowsByTable = new Map<string, number>();
  let rows = 0;
  for await (const line of readBackup(file, (h) => (header = h))) {
    if (line.kind === 'end') {
      if (line.rows !== rows)
        throw new RestoreError(
          `${file} is damaged (it holds ${rows} rows, its closing line says ${line.rows}); nothing was restored / tệp sao lưu bị hỏng`,
        );
      continue;
    }
    if (!header!.tables.includes(line.table))
      throw new RestoreError(`${file} is damaged (a row of table ${line.table}, which its header does not list); nothing was restored`);
    rowsByTable.set(line.table, (rowsByTable.get(line.table) ?? 0) + 1);
    rows++;
  }
  return { header: header!, rowsByTable };
}

export type RestoreOptions = {
  /** The key the audit log was sealed with; the restored log must verify with it up to the backup's head. */
  auditKey: string;
  /** Restore even when the audit log does not verify with `auditKey` (e.g. the key was lost). */
  skipAuditCheck?: boolean;
  onProgress?: BackupProgress;
};

/**
 * Restores a backup into an empty database, all or nothing: the whole file is read and checked
 * before anything is written, rows load in one transaction, and the restored audit log must verify
 * up to the head the backup recorded.
 */
export async function restoreDatabase(
  db: Db,
  file: string,
  options: RestoreOptions,
): Promise<{ rows: number; auditHead: AuditHead | null }> {
  const { header } = await checkBackupFile(file);
  await runMigrations(db);
  const tables = await tablesInDependencyOrder(db);
  const runtimeByName = new Map(header.runtimeTables.map((t) => [t.name, t]));
  const unknown = header.tables.find((name) => !tables.some((table) => table.name === name) && !runtimeByName.has(name));
  if (unknown) throw new RestoreError(`${file} has table ${unknown}, which this version does not know; nothing was restored`);
  for (const table of tables.filter((t) => !referenceTables.has(t.name))) {
    const result = await db.execute<{ present: boolean }>(sql.raw(`select exists (select 1 from ${quoteIdent(table.name)}) as present`));
    if (result.rows[0]?.present)
      throw new RestoreError(`the target database is not empty (table ${table.name} has rows); restore needs an empty database`);
  }
  const [existing] = (await runtimeTables(db)).map((t) => t.name);
  if (existing) throw new RestoreError(`the target database is not empty (it has table ${existing}); restore needs an empty database`);
  // Generated columns are computed again from the restored row; a value for them cannot be inserted.
  const storedColumns = await db.execute<{ table_name: string; columns: string[] }>(sql`
    select table_name, array_agg(column_name::text order by ordinal_position) as columns from information_schema.columns
    where table_schema = 'public' and is_generated = 'NEVER' group by table_name`);
  const columnsOf = new Map(storedColumns.rows.map((r) => [r.table_name, r.columns.map(quoteIdent).join(', ')]));
  let rows = 0;
  await db.transaction(async (tx) => {
    // Every other table is empty, so nothing refers to these rows yet: the backup's own replace them.
    for (const name of referenceTables) await tx.execute(sql.raw(`delete from ${quoteIdent(name)}`));
    for (const table of header.runtimeTables) await createRuntimeTable(tx, file, table);
    let batch: string[] = [];
    let batchTable = '';
    const selfReferencing = new Set(tables.filter((t) => t.isSelfReferencing).map((t) => t.name));
    const flush = async () => {
      if (batch.length === 0) return;
      const target = tableIdent(batchTable);
      const columns = columnsOf.get(batchTable) ?? '*';
      const into = columns === '*' ? '' : `(${columns})`;
      try {
        // OVERRIDING SYSTEM VALUE: identity columns (GENERATED ALWAYS) take the backed-up values too.
        await tx.execute(
          sql`insert into ${sql.raw(`${target} ${into}`)} overriding system value select ${sql.raw(columns)} from json_populate_recordset(null::${sql.raw(target)}, ${`[${batch.join(',')}]`}::json)`,
        );
      } catch (error) {
        const cause = (error as { cause?: { message?: string } }).cause?.message ?? (error as Error).message;
        throw new RestoreError(`${file}: the rows of table ${batchTable} do not load (${cause}); nothing was restored`);
      }
      rows += batch.length;
      batch = [];
    };
    let tablesDone = 0;
    for await (const line of readBackup(file, () => undefined)) {
      if (line.kind === 'end') continue;
      // A self-referencing table goes in as one statement: its foreign keys are checked at the statement's end.
      if (line.table !== batchTable || (batch.length >= batchSize && !selfReferencing.has(line.table))) {
        await flush();
        if (line.table !== batchTable && batchTable) options.onProgress?.(++tablesDone, header.tables.length, batchTable);
        batchTable = line.table;
      }
      batch.push(line.rowJson);
    }
    await flush();
    if (batchTable) options.onProgress?.(header.tables.length, header.tables.length, batchTable);
    // Indexes after the rows: one sort per index instead of an update per row.
    for (const table of header.runtimeTables)
      for (const column of table.indexes) await tx.execute(sql.raw(`create index on ${tableIdent(table.name)} (${quoteIdent(column)})`));
    // Serial and identity ids continue after the restored rows.
    const serials = await tx.execute<{ table_name: string; column_name: string }>(sql`
      select table_name, column_name from information_schema.columns
      where table_schema = 'public' and (column_default like 'nextval(%' or is_identity = 'YES')`);
    for (const { table_name, column_name } of serials.rows) {
      const t = quoteIdent(table_name);
      const c = quoteIdent(column_name);
      await tx.execute(
        sql.raw(`select setval(pg_get_serial_sequence('${t}', '${column_name}'), coalesce((select max(${c}) from ${t}), 0) + 1, false)`),
      );
    }
    if (!options.skipAuditCheck) {
      const audit = await verifyAuditLog(tx, options.auditKey, { checkpoint: header.auditHead ?? undefined });
      if (audit.brokenAt !== null) {
        throw new RestoreError(
          `the audit log in ${file} does not verify with this AUDIT_KEY: row ${audit.brokenAt}: ${audit.reason!.en}; nothing was restored (set AUDIT_KEY to the key of the installation that wrote the backup, or pass --skip-audit-check)`,
        );
      }
    }
  });
  return { rows, auditHead: header.auditHead };
}
