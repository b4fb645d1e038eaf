import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { attachments } from '../../../db/platform-schema.js';
import type { ServiceContext } from '../../../lib/context.js';
import { notFound } from '../../../lib/errors.js';
import { units } from '../../identity/schema.js';
import { publishedVisibleTo, readerOf, type Reader } from '../access.js';
import { queryDatastore } from '../datastore.js';
import { licences } from '../licences.js';
import { datasets, datasetThemes } from '../schema.js';
import { readableDataset, readableResource, refreshLiveResource } from '../service.js';
import { CkanValidationError } from './envelope.js';
import { groupDict, loadPackageParts, organizationDict, organizationName, packageDict, resourceDict, tagDict } from './presenter.js';
import { facetFields, searchDatasets, type FacetField } from './search.js';

export type ActionContext = { ctx: ServiceContext; baseUrl: string; siteTitle: string; version: string };
type Params = Record<string, unknown>;

/** A list parameter: repeated in a query string (`?a=1&a=2`), an array in JSON, or a JSON-encoded list (`facet.field=["tags"]`). */
export const list = z.preprocess(
  (value) => {
    if (value === undefined || value === null || value === '') return [];
    if (Array.isArray(value)) return value;
    const text = String(value);
    if (text.startsWith('[')) {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return [text];
      }
    }
    return text.split(',').map((s) => s.trim());
  },
  z.array(z.string().max(500)).max(100),
);
export const one = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (Array.isArray(value) ? value[value.length - 1] : value), schema);
const int = (fallback: number, maxValue: number) =>
  one(
    z.coerce
      .number({ message: 'Invalid integer' })
      .int({ message: 'Invalid integer' })
      .min(0, { message: 'Must be a natural number' })
      .max(maxValue)
      .default(fallback),
  );
export const bool = (fallback: boolean) =>
  one(z.preprocess((v) => (v === undefined ? fallback : v === true || v === 'true' || v === 'True' || v === '1'), z.boolean()));
export const str = (max: number) => one(z.string().max(max));
const jsonObject = one(
  z.preprocess(
    (value) => {
      if (typeof value !== 'string') return value;
      try {
        return JSON.parse(value) as unknown;
      } catch {
        return value;
      }
    },
    z.union([z.record(z.string(), z.unknown()), z.string().max(1000)]),
  ),
);

/** Parses an action's parameters; failures become CKAN's Validation Error (409) naming each field. */
export function parse<T extends z.ZodRawShape>(shape: T, params: Params): z.output<z.ZodObject<T>> {
  const result = z.object(shape).safeParse(params);
  if (result.success) return result.data;
  const fields: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? 'params');
    (fields[field] ??= []).push(params[field] === undefined ? 'Missing value' : issue.message);
  }
  throw new CkanValidationError(fields);
}

const idParam = { id: str(200) };

export async function packages(a: ActionContext, rows: Parameters<typeof packageDict>[1][]) {
  const parts = await loadPackageParts(a.ctx, rows);
  return rows.map((row) => packageDict(a.baseUrl, row, parts));
}

async function visibleCountsByUnit(ctx: ServiceContext, reader: Reader) {
  const rows = await ctx.db
    .select({ unitId: datasets.publisherUnitId, n: sql<number>`count(*)::int` })
    .from(datasets)
    .where(publishedVisibleTo(reader))
    .groupBy(datasets.publisherUnitId);
  return new Map(rows.map((r) => [r.unitId, r.n]));
}

export async function findUnit(ctx: ServiceContext, idOrName: string) {
  const isUuid = /^[0-9a-f-]{36}$/i.test(idOrName);
  const [unit] = await ctx.db
    .select()
    .from(units)
    .where(and(eq(units.isActive, true), isUuid ? eq(units.id, idOrName) : sql`lower(${units.code}) = ${idOrName.toLowerCase()}`));
  if (!unit) throw notFound({ vi: 'Tổ chức', en: 'Organization' }, idOrName);
  return unit;
}

async function findTheme(ctx: ServiceContext, idOrName: string) {
  const isUuid = /^[0-9a-f-]{36}$/i.test(idOrName);
  const [theme] = await ctx.db
    .select()
    .from(datasetThemes)
    .where(isUuid ? eq(datasetThemes.id, idOrName) : eq(datasetThemes.name, idOrName));
  if (!theme) throw notFound({ vi: 'Nhóm', en: 'Group' }, idOrName);
  return theme;
}

const sortOf = (sort: string, allowed: readonly string[]) => {
  const [field = 'title', direction = 'asc'] = sort.trim().split(/\s+/);
  if (!allowed.includes(field) || !['asc', 'desc'].includes(direction))
    throw new CkanValidationError({ sort: [`Cannot sort by field \`${field}\``] });
  return { field, descending: direction === 'desc' };
};

/** The actions of CKAN's Action API v3 this catalogue answers, by name; all are reads. */
export const actions: Record<string, (a: ActionContext, params: Params) => Promise<unknown>> = {
  async site_read() {
    return true;
  },

  async status_show(a) {
    return {
      site_title: a.siteTitle,
      site_description: 'Kho dữ liệu mở và dữ liệu dùng chung / Open and shared data catalogue',
      site_url: a.baseUrl,
      ckan_version: '2.11.0',
      locale_default: 'vi',
      error_emails_to: null,
      extensions: ['datastore', 'dcat', 'doimoi'],
      doimoi_version: a.version,
    };
  },

  async help_show(_a, params) {
    const { name } = parse({ name: str(100) }, params);
    if (!Object.hasOwn(actions, name)) throw notFound({ vi: 'Thao tác', en: 'Action' }, name);
    return `${name}: see CKAN's Action API v3 documentation; this catalogue answers it with CKAN's parameters and result shape.`;
  },

  async package_list(a, params) {
    const { limit, offset } = parse({ limit: int(1000, 1000), offset: int(0, 1_000_000) }, params);
    const rows = await a.ctx.db
      .select({ name: datasets.name })
      .from(datasets)
      .where(and(eq(datasets.state, 'published'), eq(datasets.accessLevel, 'open')))
      .orderBy(asc(datasets.name))
      .limit(limit)
      .offset(offset);
    return rows.map((r) => r.name);
  },

  async package_show(a, params) {
    const { id } = parse(idParam, params);
    const row = await readableDataset(a.ctx, id);
    const [dict] = await packages(a, [row]);
    return dict;
  },

  async package_search(a, params) {
    const p = parse(
      {
        q: str(2000).default('*:*'),
        fq: str(2000).default(''),
        fq_list: list,
        sort: str(200).default('score desc, metadata_modified desc'),
        rows: int(10, 1000),
        start: int(0, 10_000_000),
        'facet.field': list,
        'facet.limit': one(z.coerce.number().int().min(-1).max(1000).default(50)),
        'facet.mincount': int(1, 1_000_000),
        include_private: bool(false),
      },
      params,
    );
    const unknownFacets = p['facet.field'].filter((f) => !(facetFields as readonly string[]).includes(f));
    if (unknownFacets.length) throw new CkanValidationError({ 'facet.field': unknownFacets.map((f) => `Facet field not supported: ${f}`) });
    const reader = await readerOf(a.ctx);
    // Shared and private datasets appear only when the caller asks for them, as in CKAN.
    const scoped: Reader = p.include_private ? reader : { isStaff: false, isManager: false, unitIds: [], officerUnitIds: [] };
    const facets = p['facet.field'] as FacetField[];
    const found = await searchDatasets(a.ctx, scoped, {
      q: p.q,
      fq: [p.fq, ...p.fq_list].filter((f) => f.trim() !== ''),
      sort: p.sort,
      rows: p.rows,
      start: p.start,
      facetFields: facets,
      facetLimit: p['facet.limit'] < 0 ? 1000 : p['facet.limit'],
      facetMinCount: p['facet.mincount'],
    });
    return {
      count: found.count,
      facets: Object.fromEntries(facets.map((f) => [f, Object.fromEntries(found.facets[f]!.map((i) => [i.name, i.count]))])),
      results: await packages(a, found.rows),
      sort: p.sort,
      search_facets: Object.fromEntries(facets.map((f) => [f, { items: found.facets[f], title: f }])),
    };
  },

  async resource_show(a, params) {
    const { id } = parse(idParam, params);
    const { resource } = await readableResource(a.ctx, id);
    const [file] = resource.attachmentId ? await a.ctx.db.select().from(attachments).where(eq(attachments.id, resource.attachmentId)) : [];
    return resourceDict(a.baseUrl, resource, file);
  },

  async organization_list(a, params) {
    const p = parse(
      {
        sort: str(50).default('title asc'),
        limit: int(1000, 1000),
        offset: int(0, 100_000),
        all_fields: bool(false),
        include_dataset_count: bool(true),
        organizations: list,
      },
      params,
    );
    const sort = sortOf(p.sort, ['name', 'title', 'package_count']);
    const all = await a.ctx.db.select().from(units).where(eq(units.isActive, true));
    const counts = await visibleCountsByUnit(a.ctx, { isStaff: false, isManager: false, unitIds: [], officerUnitIds: [] });
    const rows = all
      .filter((u) => p.organizations.length === 0 || p.organizations.includes(organizationName(u)))
      .map((u) => ({ unit: u, name: organizationName(u), title: u.nameVi, package_count: counts.get(u.id) ?? 0 }))
      .sort((x, y) => {
        const key = sort.field as 'name' | 'title' | 'package_count';
        const order = key === 'package_count' ? x.package_count - y.package_count : x[key].localeCompare(y[key], 'vi');
        return (sort.descending ? -order : order) || x.name.localeCompare(y.name);
      })
      .slice(p.offset, p.offset + (p.all_fields ? Math.min(p.limit, 25) : p.limit));
    return p.all_fields ? rows.map((r) => ({ ...organizationDict(r.unit), package_count: r.package_count })) : rows.map((r) => r.name);
  },

  async organization_show(a, params) {
    const p = parse({ ...idParam, include_datasets: bool(false) }, params);
    const unit = await findUnit(a.ctx, p.id);
    const reader = await readerOf(a.ctx);
    const counts = await visibleCountsByUnit(a.ctx, reader);
    const dict = { ...organizationDict(unit), package_count: counts.get(unit.id) ?? 0, extras: [], groups: [], tags: [], users: [] };
    if (!p.include_datasets) return dict;
    const rows = await a.ctx.db
      .select()
      .from(datasets)
      .where(and(publishedVisibleTo(reader), eq(datasets.publisherUnitId, unit.id)))
      .orderBy(asc(datasets.name))
      .limit(10);
    return { ...dict, packages: await packages(a, rows) };
  },

  async group_list(a, params) {
    const p = parse(
      { sort: str(50).default('title asc'), limit: int(1000, 1000), offset: int(0, 100_000), all_fields: bool(false), groups: list },
      params,
    );
    const sort = sortOf(p.sort, ['name', 'title', 'package_count']);
    const themes = await a.ctx.db.select().from(datasetThemes);
    const counts = await a.ctx.db.execute<{ name: string; n: number }>(
      sql`select t.name, count(*)::int as n from ${datasets} cross join unnest(${datasets.themes}) t(name) where ${publishedVisibleTo({ isStaff: false, isManager: false, unitIds: [], officerUnitIds: [] })} group by t.name`,
    );
    const countOf = (name: string) => Number(counts.rows.find((c) => c.name === name)?.n ?? 0);
    const rows = themes
      .filter((t) => p.groups.length === 0 || p.groups.includes(t.name))
      .map((t) => ({ theme: t, name: t.name, title: t.titleVi, package_count: countOf(t.name) }))
      .sort((x, y) => {
        const key = sort.field as 'name' | 'title' | 'package_count';
        const order = key === 'package_count' ? x.package_count - y.package_count : x[key].localeCompare(y[key], 'vi');
        return (sort.descending ? -order : order) || x.name.localeCompare(y.name);
      })
      .slice(p.offset, p.offset + p.limit);
    return p.all_fields ? rows.map((r) => ({ ...groupDict(r.theme), package_count: r.package_count })) : rows.map((r) => r.name);
  },

  async group_show(a, params) {
    const p = parse({ ...idParam, include_datasets: bool(false) }, params);
    const theme = await findTheme(a.ctx, p.id);
    const reader = await readerOf(a.ctx);
    const where = and(publishedVisibleTo(reader), sql`${theme.name} = any(${datasets.themes})`);
    const [count] = await a.ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(datasets)
      .where(where);
    const dict = { ...groupDict(theme), package_count: count?.n ?? 0, extras: [], groups: [], tags: [], users: [] };
    if (!p.include_datasets) return dict;
    const rows = await a.ctx.db.select().from(datasets).where(where).orderBy(asc(datasets.name)).limit(10);
    return { ...dict, packages: await packages(a, rows) };
  },

  async tag_list(a, params) {
    const p = parse({ query: str(100).optional(), all_fields: bool(false) }, params);
    const reader = await readerOf(a.ctx);
    const result = await a.ctx.db.execute<{ name: string }>(sql`
      select distinct k.name from ${datasets} cross join unnest(${datasets.keywords}) k(name)
      where ${publishedVisibleTo(reader)} ${p.query ? sql`and f_unaccent(lower(k.name)) like '%' || f_unaccent(lower(${p.query})) || '%'` : sql``}
      order by k.name`);
    const names = result.rows.map((r) => r.name);
    return p.all_fields ? names.map(tagDict) : names;
  },

  async license_list() {
    return licences;
  },

  async datastore_search(a, params) {
    const p = parse(
      {
        resource_id: str(100),
        q: jsonObject.optional(),
        filters: jsonObject.optional(),
        fields: list.optional(),
        sort: str(500).optional(),
        limit: int(100, 32_000),
        offset: int(0, 100_000_000),
        distinct: bool(false),
        include_total: bool(true),
        records_format: one(z.literal('objects').default('objects')),
      },
      params,
    );
    if (typeof p.filters === 'string') throw new CkanValidationError({ filters: ['Not a JSON object'] });
    const { resource } = await readableResource(a.ctx, p.resource_id).catch(() => {
      throw notFound({ vi: 'Tài nguyên', en: 'Resource' }, p.resource_id);
    });
    const current = await refreshLiveResource(a.ctx, resource);
    if (!current.datastoreTable || !current.dataDictionary)
      throw notFound({ vi: 'Bảng dữ liệu của tài nguyên', en: 'Datastore table of resource' }, p.resource_id);
    const sort = p.sort
      ? p.sort.split(',').map((clause) => {
          const [field = '', direction = 'asc'] = clause.trim().replace(/^"|"$/g, '').split(/\s+/);
          if (!['asc', 'desc'].includes(direction.toLowerCase()))
            throw new CkanValidationError({ sort: [`Cannot sort by "${clause.trim()}"`] });
          return { field: field.replace(/^"|"$/g, ''), descending: direction.toLowerCase() === 'desc' };
        })
      : undefined;
    const found = await queryDatastore(a.ctx.db, current.datastoreTable, current.dataDictionary, {
      q: p.q as string | Record<string, string> | undefined,
      filters: p.filters as Record<string, unknown> | undefined,
      fields: p.fields && p.fields.length ? p.fields : undefined,
      sort,
      limit: p.limit,
      offset: p.offset,
      distinct: p.distinct,
      includeTotal: p.include_total,
    });
    const base = `/api/3/action/datastore_search?resource_id=${encodeURIComponent(current.id)}`;
    return {
      include_total: p.include_total,
      limit: p.limit,
      records_format: 'objects',
      resource_id: current.id,
      total_was_estimated: false,
      ...(p.q !== undefined ? { q: p.q } : {}),
      ...(p.filters !== undefined ? { filters: p.filters } : {}),
      ...(p.sort !== undefined ? { sort: p.sort } : {}),
      ...(p.offset ? { offset: p.offset } : {}),
      ...(found.total !== undefined ? { total: found.total } : {}),
      fields: found.fields.map((f) => ({ id: f.id, type: f.type })),
      records: found.records,
      _links: { start: base, next: `${base}&offset=${p.offset + p.limit}` },
    };
  },
};
