import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { asc, eq, max, sql } from 'drizzle-orm';
import { z } from 'zod';
import { publicAccess } from '../../../lib/policy.js';
import { contextOf } from '../../../lib/request-context.js';
import type { ServiceContext } from '../../../lib/context.js';
import { units } from '../../identity/schema.js';
import type { AppServices } from '../../manifest.js';
import { publishedVisibleTo, readerOf } from '../access.js';
import { loadPackageParts } from '../ckan/presenter.js';
import { datasets } from '../schema.js';
import { readableDataset } from '../service.js';
import { catalogueQuads, datasetQuads, type CatalogueInfo } from './graph.js';
import { negotiateRdf, rdfFormats, serialise, type RdfFormat } from './serialise.js';

// RDF documents outside /api, not JSON: they stay out of the OpenAPI document (`hide`), which describes the JSON API.

/** Datasets per page of the catalogue graph; harvesters follow hydra:next. */
export const cataloguePageSize = 100;

async function catalogueInfo(ctx: ServiceContext, baseUrl: string): Promise<CatalogueInfo> {
  const [[city], [modified]] = await Promise.all([
    ctx.db.select().from(units).where(eq(units.kind, 'city')).limit(1),
    ctx.db
      .select({ at: max(datasets.updatedAt) })
      .from(datasets)
      .where(eq(datasets.state, 'published')),
  ]);
  return {
    baseUrl,
    title: {
      vi: `Kho dữ liệu mở và dữ liệu dùng chung — ${city?.nameVi ?? ''}`.trim(),
      en: `Open and shared data catalogue — ${city?.nameEn ?? ''}`.trim(),
    },
    description: {
      vi: 'Dữ liệu mở cho mọi người và dữ liệu dùng chung giữa các cơ quan, do các đơn vị công bố và nền tảng tự cập nhật.',
      en: 'Open data for everyone and data shared between agencies, published by the units and kept current by the platform.',
    },
    publisherName: city?.nameVi ?? 'doimoi',
    modified: modified?.at ?? null,
  };
}

const send = async (reply: FastifyReply, format: RdfFormat, body: Promise<string> | string) =>
  reply
    .header('content-type', `${rdfFormats[format]}; charset=utf-8`)
    .header('access-control-allow-origin', '*')
    .header('vary', 'accept')
    .send(await body);

/** DCAT-AP 3: the catalogue (paged, in Turtle, JSON-LD or RDF/XML) and each dataset, by extension or by content negotiation. */
export const dcatRoutes: FastifyPluginAsyncZod<{ services: AppServices }> = async (app, { services }) => {
  const baseUrl = services.config.baseUrl;
  const pageQuery = z.object({ page: z.coerce.number().int().min(1).max(100_000).default(1) });

  async function catalogue(ctx: ServiceContext, format: RdfFormat, page: number) {
    const reader = await readerOf(ctx);
    const where = publishedVisibleTo(reader);
    const [rows, [count], info] = await Promise.all([
      ctx.db
        .select()
        .from(datasets)
        .where(where)
        .orderBy(asc(datasets.id))
        .limit(cataloguePageSize)
        .offset((page - 1) * cataloguePageSize),
      ctx.db
        .select({ n: sql<number>`count(*)::int` })
        .from(datasets)
        .where(where),
      catalogueInfo(ctx, baseUrl),
    ]);
    const parts = await loadPackageParts(ctx, rows);
    return serialise(
      catalogueQuads(info, rows, parts, {
        page,
        pageSize: cataloguePageSize,
        total: count?.n ?? 0,
        pageUrl: (p) => `${baseUrl}/catalog.${format}?page=${p}`,
      }),
      format,
    );
  }

  for (const format of Object.keys(rdfFormats) as RdfFormat[]) {
    app.get(
      `/catalog.${format}`,
      {
        config: { policy: publicAccess },
        schema: { hide: true, tags: ['opendata'], summary: `DCAT-AP catalogue (${rdfFormats[format]})`, querystring: pageQuery },
      },
      async (request, reply) =>
        send(reply as unknown as FastifyReply, format, catalogue(contextOf(request, services), format, request.query.page)),
    );
  }

  app.get(
    '/catalog',
    {
      config: { policy: publicAccess },
      schema: { hide: true, tags: ['opendata'], summary: 'DCAT-AP catalogue by content negotiation', querystring: pageQuery },
    },
    async (request, reply) => {
      const format = negotiateRdf(request.headers.accept) ?? 'ttl';
      return send(reply as unknown as FastifyReply, format, catalogue(contextOf(request, services), format, request.query.page));
    },
  );

  app.get(
    '/dataset/:file',
    {
      config: { policy: publicAccess },
      schema: {
        hide: true,
        tags: ['opendata'],
        summary: 'DCAT-AP dataset: /dataset/<id>.ttl|.jsonld|.rdf, or by content negotiation',
        params: z.object({ file: z.string().min(1).max(200) }),
      },
    },
    async (request, reply) => {
      const untyped = reply as unknown as FastifyReply;
      const match = /^(.+?)\.(ttl|jsonld|rdf)$/.exec(request.params.file);
      const id = match ? match[1]! : request.params.file;
      const format = (match?.[2] as RdfFormat | undefined) ?? negotiateRdf(request.headers.accept);
      const ctx = contextOf(request, services);
      const dataset = await readableDataset(ctx, id);
      // A browser asking for the dataset itself gets its page.
      if (!format) return untyped.redirect(`/du-lieu-mo/${dataset.name}`, 303);
      return send(untyped, format, serialise(datasetQuads(baseUrl, dataset, await loadPackageParts(ctx, [dataset])), format));
    },
  );
};
