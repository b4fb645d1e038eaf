import { sql, type SQL } from 'drizzle-orm';
import type { DatastoreField } from '../../../shared/contracts/opendata.js';
import type { DbOrTx } from '../../db/client.js';

/** A table as read from a file or a live source: column names and rows of text (or null for empty). */
export type Table = { columns: readonly string[]; rows: ReadonlyArray<ReadonlyArray<string | number | null>> };

/** The table of a resource: its name comes from the resource id (a uuid), never from what a user typed. */
export const datastoreTableName = (resourceId: string): string => `r_${resourceId.replace(/-/g, '')}`;
const qualified = (table: string) => sql.raw(`datastore."${table.replace(/[^a-z0-9_]/g, '')}"`);
/** Column identifiers are generated (c1, c2, …): a column's name in the file lives only in the dictionary. */
const columnSql = (field: DatastoreField) => sql.raw(`"${field.column.replace(/[^a-z0-9_]/g, '')}"`);

const numberPattern = /^-?\d+(\.\d+)?$/;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/** The narrowest type every non-empty value of a column fits: numeric, date, else text. */
function columnType(values: ReadonlyArray<string | number | null>): DatastoreField['type'] {
  const present = values.filter((v) => v !== null && v !== '');
  if (present.length === 0) return 'text';
  if (present.every((v) => typeof v === 'number' || numberPattern.test(String(v).trim()))) return 'numeric';
  if (present.every((v) => datePattern.test(String(v).trim()) && !Number.isNaN(Date.parse(String(v))))) return 'date';
  return 'text';
}

/** The dictionary of a table: each column's name as given, its inferred type and its generated identifier. */
export function dictionaryFor(table: Table, types?: ReadonlyArray<DatastoreField['type']>): DatastoreField[] {
  const seen = new Set<string>();
  return table.columns.map((name, index) => {
    let id = String(name).trim() || `column_${index + 1}`;
    // Names must be unique for filters and fields to address them.
    while (seen.has(id)) id = `${id}_${index + 1}`;
    seen.add(id);
    return { id, type: types?.[index] ?? columnType(table.rows.map((row) => row[index] ?? null)), column: `c${index + 1}` };
  });
}

const pgType = { text: 'text', numeric: 'numeric', date: 'date', timestamp: 'timestamptz' } as const;
const batchRows = 500;
const maxIndexedColumns = 32;

/**
 * (Re)creates the resource's table with typed columns and loads every row, in the caller's
 * transaction; `_search` holds the row's text without diacritics for `q`.
 */
export async function loadDatastore(db: DbOrTx, table: string, fields: readonly DatastoreField[], rows: Table['rows']): Promise<void> {
  const name = qualified(table);
  await db.execute(sql`drop table if exists ${name}`);
  const columns = fields.map((f) => sql`${columnSql(f)} ${sql.raw(pgType[f.type])}`);
  await db.execute(
    sql`create table ${name} ("_id" integer primary key, ${sql.join(columns, sql`, `)}, "_search" text not null default '')`,
  );
  for (let start = 0; start < rows.length; start += batchRows) {
    const values = rows.slice(start, start + batchRows).map((row, offset) => {
      const cells = fields.map((field, index) => {
        const raw = row[index];
        const value = raw === null || raw === undefined || String(raw).trim() === '' ? null : String(raw).trim();
        return sql`${value}::${sql.raw(pgType[field.type])}`;
      });
      return sql`(${start + offset + 1}, ${sql.join(cells, sql`, `)})`;
    });
    await db.execute(sql`insert into ${name} ("_id", ${sql.join(fields.map(columnSql), sql`, `)}) values ${sql.join(values, sql`, `)}`);
  }
  const text = sql.join(
    fields.map((f) => sql`coalesce(${columnSql(f)}::text, '')`),
    sql` || ' ' || `,
  );
  await db.execute(sql`update ${name} set "_search" = f_unaccent(lower(${text}))`);
  // Filters and sorts on any column use an index, as CKAN's datastore indexes a table's fields.
  for (const field of fields.slice(0, maxIndexedColumns)) await db.execute(sql`create index on ${name} (${columnSql(field)})`);
}

export async function dropDatastore(db: DbOrTx, table: string): Promise<void> {
  await db.execute(sql`drop table if exists ${qualified(table)}`);
}

export type DatastoreQuery = {
  q?: string | Record<string, string> | undefined;
  filters?: Record<string, unknown> | undefined;
  fields?: readonly string[] | undefined;
  sort?: ReadonlyArray<{ field: string; descending: boolean }> | undefined;
  limit: number;
  offset: number;
  distinct: boolean;
  includeTotal: boolean;
};

/** Thrown for a field name the dictionary does not have; the CKAN layer answers it as a Validation Error. */
export class UnknownFieldError extends Error {
  constructor(
    readonly parameter: 'filters' | 'fields' | 'sort' | 'q',
    readonly field: string,
  ) {
    super(`field "${field}" not in table`);
  }
}

const fits = (type: DatastoreField['type'], value: string) =>
  type === 'numeric'
    ? numberPattern.test(value)
    : type === 'date'
      ? datePattern.test(value) && !Number.isNaN(Date.parse(value))
      : type === 'timestamp'
        ? !Number.isNaN(Date.parse(value))
        : true;

const folded = (text: string) => sql`f_unaccent(lower(${text.normalize('NFC')}))`;
const selectValue = (field: DatastoreField) =>
  field.type === 'numeric' ? sql`${columnSql(field)}::float8` : field.type === 'text' ? columnSql(field) : sql`${columnSql(field)}::text`;

/** Rows of a resource's table by CKAN's datastore_search rules; names are checked against the dictionary, values are parameters. */
export async function queryDatastore(db: DbOrTx, table: string, dictionary: readonly DatastoreField[], query: DatastoreQuery) {
  const byId = new Map(dictionary.map((f) => [f.id, f]));
  const fieldOf = (parameter: UnknownFieldError['parameter'], id: string) => {
    const field = byId.get(id);
    if (!field) throw new UnknownFieldError(parameter, id);
    return field;
  };
  const conditions: SQL[] = [];
  if (typeof query.q === 'string' && query.q.trim() !== '') {
    for (const word of query.q.trim().split(/\s+/)) conditions.push(sql`"_search" like '%' || ${folded(word)} || '%'`);
  } else if (query.q && typeof query.q === 'object') {
    for (const [id, text] of Object.entries(query.q))
      conditions.push(sql`f_unaccent(lower(${columnSql(fieldOf('q', id))}::text)) like '%' || ${folded(String(text))} || '%'`);
  }
  for (const [id, value] of Object.entries(query.filters ?? {})) {
    const field: DatastoreField = id === '_id' ? { id: '_id', type: 'numeric', column: '_id' } : fieldOf('filters', id);
    const values = (Array.isArray(value) ? value : [value]).map((v) => String(v).trim());
    // Compared in the column's own type, so the column's index serves the filter; a value not of that type matches nothing.
    const typed = values.filter((v) => fits(field.type, v));
    conditions.push(
      typed.length
        ? sql`${columnSql(field)} in (${sql.join(
            typed.map((v) => sql`${v}::${sql.raw(pgType[field.type])}`),
            sql`, `,
          )})`
        : sql`false`,
    );
  }
  const chosen = query.fields ? query.fields.filter((id) => id !== '_id').map((id) => fieldOf('fields', id)) : [...dictionary];
  const withId = !query.distinct && (!query.fields || query.fields.includes('_id'));
  const selected = [...(withId ? [sql`"_id"`] : []), ...chosen.map((f) => sql`${selectValue(f)} as ${sql.raw(`"${f.column}"`)}`)];
  const where = conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
  const order = query.sort?.length
    ? sql.join(
        query.sort.map(
          (s) =>
            sql`${s.field === '_id' ? sql.raw('"_id"') : columnSql(fieldOf('sort', s.field))} ${sql.raw(s.descending ? 'desc' : 'asc')} nulls last`,
        ),
        sql`, `,
      )
    : withId
      ? sql`"_id"`
      : sql`1`;
  const base = sql`select ${query.distinct ? sql`distinct` : sql``} ${sql.join(selected, sql`, `)} from ${qualified(table)} ${where}`;
  // The page and the total at once: on a server they run on two connections side by side.
  const [page, counted] = await Promise.all([
    db.execute<Record<string, unknown>>(sql`${base} order by ${order} limit ${query.limit} offset ${query.offset}`),
    query.includeTotal ? db.execute<{ n: number }>(sql`select count(*)::int as n from (${base}) t`) : undefined,
  ]);
  const total = counted ? Number(counted.rows[0]?.n ?? 0) : undefined;
  const records = page.rows.map((row) => {
    const record: Record<string, unknown> = withId ? { _id: Number(row._id) } : {};
    for (const field of chosen) record[field.id] = row[field.column] ?? null;
    return record;
  });
  return { records, total, fields: [...(withId ? [{ id: '_id', type: 'int' as const }] : []), ...chosen] };
}
