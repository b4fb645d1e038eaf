import { sql, type SQL } from 'drizzle-orm';
import type { ServiceContext } from '../../../lib/context.js';
import { publishedVisibleTo, type Reader } from '../access.js';
import { licenceById } from '../licences.js';
import { datasets, type Dataset } from '../schema.js';
import { parseQuery, QuerySyntaxError, type QueryNode } from './query-syntax.js';

export { QuerySyntaxError };

export const facetFields = ['organization', 'groups', 'tags', 'res_format', 'license_id', 'access_level'] as const;
export type FacetField = (typeof facetFields)[number];

const folded = (value: string) => sql`f_unaccent(lower(${value.normalize('NFC')}))`;
const organizationCode = sql`(select lower(u.code) from units u where u.id = ${datasets.publisherUnitId})`;

/** Solr accepts dates as 2026-03-02T02:00:00Z (a harvester's last run) or a bare day. */
function instant(value: string): SQL {
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(value) || Number.isNaN(Date.parse(value)))
    throw new QuerySyntaxError(`not a date: ${value}`);
  return sql`${/Z$|[+-]\d{2}:?\d{2}$/.test(value) || value.length === 10 ? value : `${value}Z`}::timestamptz`;
}

const timeColumns: Record<string, SQL> = { metadata_modified: sql`${datasets.updatedAt}`, metadata_created: sql`${datasets.createdAt}` };

/** One `field:value` of the CKAN search index, as a condition on the datasets table. */
function termSql(field: string | null, value: string): SQL {
  const v = value.normalize('NFC');
  switch (field) {
    case null:
    case 'text':
      return v === '*' ? sql`true` : sql`${datasets.searchText} like '%' || ${folded(v)} || '%'`;
    case 'id':
      return sql`${datasets.id}::text = ${v}`;
    case 'name':
      return sql`${datasets.name} = ${v}`;
    case 'title':
      return sql`f_unaccent(lower(${datasets.titleVi} || ' ' || ${datasets.titleEn})) like '%' || ${folded(v)} || '%'`;
    case 'organization':
      return v === '*' ? sql`true` : sql`${organizationCode} = ${v.toLowerCase()}`;
    case 'owner_org':
      return sql`${datasets.publisherUnitId}::text = ${v}`;
    case 'groups':
      return v === '*' ? sql`cardinality(${datasets.themes}) > 0` : sql`${v} = any(${datasets.themes})`;
    case 'tags':
      return sql`${folded(v)} in (select f_unaccent(lower(k)) from unnest(${datasets.keywords}) k)`;
    case 'res_format':
      return sql`exists (select 1 from dataset_resources r where r.dataset_id = ${datasets.id} and upper(r.format) = upper(${v}))`;
    case 'license_id':
      return sql`${datasets.licenceId} = ${v}`;
    case 'access_level':
      return sql`${datasets.accessLevel} = ${v}`;
    case 'private':
      return v === 'true' ? sql`${datasets.accessLevel} <> 'open'` : sql`${datasets.accessLevel} = 'open'`;
    case 'state':
      return v === 'active' ? sql`true` : sql`false`;
    case 'type':
    case 'dataset_type':
      return v === 'dataset' ? sql`true` : sql`false`;
    case 'metadata_modified':
    case 'metadata_created':
      return sql`${timeColumns[field]} = ${instant(v)}`;
    default:
      throw new QuerySyntaxError(`undefined field ${field}`);
  }
}

function nodeSql(node: QueryNode): SQL {
  switch (node.kind) {
    case 'all':
      return sql`true`;
    case 'and':
    case 'or':
      return sql`(${sql.join(node.items.map(nodeSql), node.kind === 'and' ? sql` and ` : sql` or `)})`;
    case 'not':
      return sql`not (${nodeSql(node.item)})`;
    case 'term':
      return termSql(node.field, node.value);
    case 'range': {
      const column = timeColumns[node.field];
      if (!column) throw new QuerySyntaxError(`ranges are supported on metadata_modified and metadata_created, not ${node.field}`);
      const parts = [
        ...(node.from === null ? [] : [sql`${column} ${sql.raw(node.inclusive ? '>=' : '>')} ${instant(node.from)}`]),
        ...(node.to === null ? [] : [sql`${column} ${sql.raw(node.inclusive ? '<=' : '<')} ${instant(node.to)}`]),
      ];
      return parts.length ? sql`(${sql.join(parts, sql` and `)})` : sql`true`;
    }
  }
}

const sortColumns: Record<string, SQL> = {
  id: sql`${datasets.id}`,
  name: sql`${datasets.name}`,
  title: sql`${datasets.titleVi}`,
  title_string: sql`${datasets.titleVi}`,
  metadata_modified: sql`${datasets.updatedAt}`,
  metadata_created: sql`${datasets.createdAt}`,
};

/** `score desc, metadata_modified desc` and the like; score (relevance) is ranked as most recently modified. Ties end on id, so pages never overlap. */
export function sortSql(sort: string): SQL {
  const parts = sort
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((clause) => {
      const [field = '', direction = 'asc', ...rest] = clause.split(/\s+/);
      if (rest.length || !['asc', 'desc'].includes(direction.toLowerCase())) throw new QuerySyntaxError(`cannot sort by "${clause}"`);
      const column = field === 'score' ? sortColumns.metadata_modified : sortColumns[field];
      if (!column) throw new QuerySyntaxError(`cannot sort by field ${field}`);
      return sql`${column} ${sql.raw(direction.toLowerCase())}`;
    });
  return sql.join([...parts, sql`${datasets.id} asc`], sql`, `);
}

export type SearchInput = {
  q: string;
  fq: string[];
  sort: string;
  rows: number;
  start: number;
  facetFields: readonly FacetField[];
  facetLimit: number;
  facetMinCount: number;
};

/** The filtered, visible datasets: one page of rows, their count, and the counts of each facet. */
export async function searchDatasets(ctx: ServiceContext, reader: Reader, input: SearchInput) {
  const where = sql.join(
    [publishedVisibleTo(reader), nodeSql(parseQuery(input.q)), ...input.fq.map((fq) => nodeSql(parseQuery(fq)))],
    sql` and `,
  );
  const [page, count, ...facets] = await Promise.all([
    input.rows === 0 ? [] : ctx.db.select().from(datasets).where(where).orderBy(sortSql(input.sort)).limit(input.rows).offset(input.start),
    ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(datasets)
      .where(where),
    ...input.facetFields.map((field) => facetCounts(ctx, where, field, input.facetLimit, input.facetMinCount)),
  ]);
  return {
    rows: page as Dataset[],
    count: count[0]?.n ?? 0,
    facets: Object.fromEntries(input.facetFields.map((field, i) => [field, facets[i]!])),
  };
}

type FacetItem = { name: string; display_name: string; count: number };

async function facetCounts(ctx: ServiceContext, where: SQL, field: FacetField, limit: number, minCount: number): Promise<FacetItem[]> {
  const filtered = sql`(select * from ${datasets} where ${where})`;
  const query: Record<FacetField, SQL> = {
    organization: sql`select lower(u.code) as name, u.name_vi as display_name, count(*)::int as count from ${filtered} d join units u on u.id = d.publisher_unit_id group by u.code, u.name_vi`,
    groups: sql`select t.name, coalesce(g.title_vi, t.name) as display_name, count(*)::int as count from ${filtered} d cross join unnest(d.themes) t(name) left join dataset_themes g on g.name = t.name group by t.name, g.title_vi`,
    tags: sql`select k.name, k.name as display_name, count(*)::int as count from ${filtered} d cross join unnest(d.keywords) k(name) group by k.name`,
    res_format: sql`select r.format as name, r.format as display_name, count(distinct d.id)::int as count from ${filtered} d join dataset_resources r on r.dataset_id = d.id where r.format <> '' group by r.format`,
    license_id: sql`select d.licence_id as name, d.licence_id as display_name, count(*)::int as count from ${filtered} d group by d.licence_id`,
    access_level: sql`select d.access_level as name, d.access_level as display_name, count(*)::int as count from ${filtered} d group by d.access_level`,
  };
  const result = await ctx.db.execute<FacetItem>(
    sql`select * from (${query[field]}) f where f.count >= ${minCount} order by f.count desc, f.name limit ${limit}`,
  );
  return result.rows.map((row) => ({
    count: Number(row.count),
    display_name: field === 'license_id' ? (licenceById(row.name)?.title ?? row.name) : row.display_name,
    name: row.name,
  }));
}
