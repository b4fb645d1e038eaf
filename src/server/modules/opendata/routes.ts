import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../../../shared/contracts/common.js';
import {
  datasetFormSchema,
  datasetInputSchema,
  datasetSummarySchema,
  historyEntrySchema,
  opendataLimits,
  resourceInputSchema,
  resourceSummarySchema,
  themeSchema,
} from '../../../shared/contracts/opendata.js';
import { csvMediaType, jsonTypes, xlsxMediaType } from '../../lib/media-types.js';
import { publicAccess } from '../../lib/policy.js';
import { contextOf } from '../../lib/request-context.js';
import { sendTable, toCsv } from '../../lib/tabular-export.js';
import { readUpload } from '../../lib/uploads.js';
import { versionedBy } from '../../lib/versioning.js';
import type { AppServices } from '../manifest.js';
import { queryDatastore } from './datastore.js';
import { datasetEditors } from './policy.js';
import { presentDataset, presentHistory, presentResource, presentTheme } from './presenter.js';
import { datasets, datasetThemes } from './schema.js';
import {
  addResource,
  createDataset,
  datasetForm,
  datasetHistory,
  listWorkDatasets,
  openResourceFile,
  readableResource,
  refreshLiveResource,
  transitionDataset,
  updateDataset,
  uploadResource,
} from './service.js';
import { datasetActions } from './workflow.js';

const tags = ['opendata'];
const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };
const idParams = z.object({ id: z.uuid() });

/** Files a resource may be, each judged by its content. */
const resourceTypes = [csvMediaType, xlsxMediaType, ...jsonTypes, 'application/pdf'] as const;

/** The staff side of the catalogue (drafting, proposing, publishing, resources) and the downloads. */
export const opendataRoutes: FastifyPluginAsyncZod<{ services: AppServices }> = async (app, { services }) => {
  const datasetRow = versionedBy<{ id: string }>(datasets, (r) => r.params.id);
  app.get(
    '/themes',
    {
      config: { policy: publicAccess },
      schema: { tags, summary: 'Chủ đề dữ liệu / Data themes', response: { 200: z.array(themeSchema) } },
    },
    async (request) => (await contextOf(request, services).db.select().from(datasetThemes)).map(presentTheme),
  );

  app.get(
    '/work',
    {
      config: { policy: datasetEditors },
      schema: {
        tags,
        summary: 'Bộ dữ liệu đang soạn, đề xuất, đã công bố / Datasets being worked on',
        response: { 200: z.array(datasetSummarySchema), ...errors },
      },
    },
    async (request) => (await listWorkDatasets(contextOf(request, services))).map(presentDataset),
  );

  app.post(
    '/datasets',
    {
      config: { policy: datasetEditors },
      schema: {
        tags,
        summary: 'Soạn bộ dữ liệu / Draft a dataset',
        body: datasetInputSchema,
        response: { 201: datasetSummarySchema, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(presentDataset(await createDataset(contextOf(request, services), request.body))),
  );

  app.get(
    '/datasets/:id',
    {
      config: { policy: datasetEditors, versioned: datasetRow },
      schema: {
        tags,
        summary: 'Biểu mẫu bộ dữ liệu để sửa / A dataset as its editors see it',
        params: idParams,
        response: { 200: datasetFormSchema, ...errors },
      },
    },
    async (request) => datasetForm(contextOf(request, services), request.params.id),
  );

  app.put(
    '/datasets/:id',
    {
      config: { policy: datasetEditors, versioned: datasetRow },
      schema: {
        tags,
        summary: 'Sửa bộ dữ liệu / Edit a dataset',
        params: idParams,
        body: datasetInputSchema,
        response: { 200: datasetSummarySchema, ...errors },
      },
    },
    async (request) => presentDataset(await updateDataset(contextOf(request, services), request.params.id, request.body)),
  );

  app.post(
    '/datasets/:id/:action',
    {
      config: { policy: datasetEditors },
      schema: {
        tags,
        summary: 'Đề xuất, công bố, rút về nháp / Propose, publish, withdraw',
        params: z.object({ id: z.uuid(), action: z.enum(datasetActions) }),
        response: { 200: datasetSummarySchema, ...errors },
      },
    },
    async (request) => presentDataset(await transitionDataset(contextOf(request, services), request.params.id, request.params.action)),
  );

  app.post(
    '/datasets/:id/resources',
    {
      config: { policy: datasetEditors },
      schema: {
        tags,
        summary: 'Thêm liên kết hoặc tài nguyên trực tiếp / Add a link or live resource',
        params: idParams,
        body: resourceInputSchema,
        response: { 201: resourceSummarySchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(presentResource(await addResource(contextOf(request, services), request.params.id, request.body))),
  );

  app.post(
    '/datasets/:id/files',
    {
      config: { policy: datasetEditors, upload: { maxBytes: opendataLimits.resourceMaxBytes, accept: resourceTypes } },
      schema: {
        tags,
        summary: 'Tải tệp lên làm tài nguyên (CSV, XLSX, JSON, GeoJSON, PDF) / Upload a file resource',
        consumes: ['multipart/form-data'],
        params: idParams,
        response: { 201: resourceSummarySchema, 413: errorBodySchema, 415: errorBodySchema, ...errors },
      },
    },
    async (request, reply) => {
      const file = await readUpload(request);
      return reply
        .status(201)
        .send(presentResource(await uploadResource(contextOf(request, services), services.storage, request.params.id, file)));
    },
  );

  app.get(
    '/datasets/:id/history',
    {
      config: { policy: publicAccess },
      schema: {
        tags,
        summary: 'Lịch sử thay đổi / Change history',
        params: z.object({ id: z.string().min(1).max(200) }),
        response: { 200: z.array(historyEntrySchema), ...errors },
      },
    },
    async (request) => (await datasetHistory(contextOf(request, services), request.params.id)).map(presentHistory),
  );

  app.get(
    '/resources/:id/download',
    {
      config: { policy: publicAccess },
      schema: { tags, summary: 'Tải tài nguyên / Download a resource', params: idParams, response: { 404: errorBodySchema } },
    },
    async (request, reply) => {
      const ctx = contextOf(request, services);
      const { resource } = await readableResource(ctx, request.params.id);
      const untyped = reply as unknown as FastifyReply;
      if (resource.kind === 'file') {
        const { file, stream } = await openResourceFile(ctx, services.storage, resource.id);
        return untyped
          .header('content-type', file.mediaType)
          .header('content-length', String(file.sizeBytes))
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
          .header('x-content-type-options', 'nosniff')
          .header('access-control-allow-origin', '*')
          .send(stream);
      }
      if (resource.kind === 'link') return untyped.redirect(resource.url ?? '/', 302);
      const live = await refreshLiveResource(ctx, resource);
      const dictionary = live.dataDictionary ?? [];
      const all = await queryDatastore(ctx.db, live.datastoreTable!, dictionary, {
        limit: 1_000_000,
        offset: 0,
        distinct: false,
        includeTotal: false,
        fields: dictionary.map((f) => f.id),
      });
      const rows = all.records.map((record) => dictionary.map((f) => record[f.id] as string | number | null));
      return sendTable(
        untyped,
        'csv',
        `${live.nameVi}.csv`,
        toCsv(
          dictionary.map((f) => f.id),
          rows,
        ),
      );
    },
  );
};
