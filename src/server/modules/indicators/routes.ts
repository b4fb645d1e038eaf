import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorBodySchema } from '../../../shared/contracts/common.js';
import { z } from 'zod';
import {
  dashboardSchema,
  exportQuerySchema,
  idParamsSchema,
  indicatorDefinitionDtoSchema,
  indicatorDefinitionSchema,
  indicatorPatchSchema,
  indicatorSavedSchema,
  importResultSchema,
  indicatorCodeParamsSchema,
  observationBodySchema,
  observationListSchema,
  observationSchema,
  publicIndicatorSchema,
  returnBodySchema,
  workListSchema,
} from '../../../shared/contracts/indicators.js';
import { systemContext } from '../../lib/context.js';
import { notFound } from '../../lib/errors.js';
import { documentTypes, tableTypes } from '../../lib/media-types.js';
import { programmeManagers, publicAccess } from '../../lib/policy.js';
import { contextOf } from '../../lib/request-context.js';
import { versionedBy } from '../../lib/versioning.js';
import { sendTable, tableMediaTypes } from '../../lib/tabular-export.js';
import { readUpload, readWholeFile } from '../../lib/uploads.js';
import type { AppServices } from '../manifest.js';
import { getDashboard } from './dashboard.js';
import { dashboardCache } from './dashboard-cache.js';
import { downloadEvidence, uploadEvidence } from './attachments.js';
import { createIndicator, getIndicatorDefinition, updateIndicator } from './definitions.js';
import { exportCsv, exportXlsx, importMaxBytes, importObservations } from './import-export.js';
import { approveObservation, listObservations, returnObservation, submitObservation } from './observations.js';
import { indicatorReporters, indicatorStaff } from './policy.js';
import { indicators } from './schema.js';
import { getWorkList } from './work.js';

/** Values are approved a few times a day; each process recomputes the dashboard at most every 10 s (at once after an approval here). */
const dashboardTtlMs = 10_000;

export const indicatorsRoutes: FastifyPluginAsyncZod<{ services: AppServices }> = async (app, { services }) => {
  const dashboard = dashboardCache(dashboardTtlMs, services.clock, async () =>
    getDashboard(systemContext(services.database.db, services.clock, 'indicators-dashboard')),
  );
  const refused = { 401: errorBodySchema, 403: errorBodySchema };
  const tags = ['indicators'];

  app.get(
    '/dashboard',
    {
      config: { policy: publicAccess },
      schema: {
        tags,
        summary: 'Bảng chỉ tiêu công khai / Public indicator dashboard',
        response: { 200: dashboardSchema, 500: errorBodySchema },
      },
    },
    async (request, reply) => {
      const { body, etag } = await dashboard();
      reply.header('cache-control', 'public, max-age=10').header('etag', etag);
      // The body is JSON already, of a value built to the schema: sent as is, past the typed reply.
      const untyped = reply as unknown as FastifyReply;
      if (request.headers['if-none-match'] === etag) return untyped.status(304).send();
      return untyped.type('application/json; charset=utf-8').send(body);
    },
  );

  app.get(
    '/public/:code',
    {
      config: { policy: publicAccess },
      schema: {
        tags,
        summary: 'Một chỉ tiêu công khai / One public indicator',
        params: indicatorCodeParamsSchema,
        response: { 200: publicIndicatorSchema, 400: errorBodySchema, 404: errorBodySchema },
      },
    },
    async (request) => {
      const { value } = await dashboard();
      const found = value.indicators.find((indicator) => indicator.code === request.params.code);
      if (!found) throw notFound({ vi: 'Chỉ tiêu', en: 'Indicator' }, request.params.code);
      return found;
    },
  );

  app.get(
    '/export',
    {
      config: { policy: publicAccess },
      schema: {
        tags,
        summary: 'Tải số liệu chỉ tiêu (CSV, XLSX) / Download indicator values',
        querystring: exportQuerySchema,
        produces: [tableMediaTypes.csv, tableMediaTypes.xlsx],
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request, services);
      return request.query.format === 'xlsx' ? sendTable(reply, 'xlsx', 'chi-tieu.xlsx', await exportXlsx(ctx)) : sendTable(reply, 'csv', 'chi-tieu.csv', await exportCsv(ctx));
    },
  );

  app.get(
    '/work',
    {
      config: { policy: indicatorStaff },
      schema: { tags, summary: 'Chỉ tiêu tôi báo cáo hoặc duyệt / Indicators I report on or review', response: { 200: workListSchema, ...refused } },
    },
    async (request) => getWorkList(contextOf(request, services)),
  );

  app.get(
    '/:id/observations',
    {
      config: { policy: indicatorStaff },
      schema: {
        tags,
        summary: 'Lịch sử số liệu của chỉ tiêu / Values and revisions of an indicator',
        params: idParamsSchema,
        response: { 200: observationListSchema, 400: errorBodySchema, ...refused, 404: errorBodySchema },
      },
    },
    async (request) => ({ items: await listObservations(contextOf(request, services), request.params.id) }),
  );

  app.post(
    '/:id/observations',
    {
      config: { policy: indicatorReporters },
      schema: {
        tags,
        summary: 'Nhập số liệu một kỳ / Enter a value for a period',
        params: idParamsSchema,
        body: observationBodySchema,
        response: { 201: observationSchema, 400: errorBodySchema, ...refused, 404: errorBodySchema, 409: errorBodySchema },
      },
    },
    async (request, reply) => reply.status(201).send(await submitObservation(contextOf(request, services), request.params.id, request.body)),
  );

  app.post(
    '/observations/:id/approve',
    {
      config: { policy: programmeManagers },
      schema: {
        tags,
        summary: 'Duyệt số liệu / Approve a value',
        params: idParamsSchema,
        response: { 200: observationSchema, 400: errorBodySchema, ...refused, 404: errorBodySchema, 409: errorBodySchema },
      },
    },
    async (request) => approveObservation(contextOf(request, services), request.params.id),
  );

  app.post(
    '/observations/:id/return',
    {
      config: { policy: programmeManagers },
      schema: {
        tags,
        summary: 'Trả lại số liệu / Return a value to its officer',
        params: idParamsSchema,
        body: returnBodySchema,
        response: { 200: observationSchema, 400: errorBodySchema, ...refused, 404: errorBodySchema, 409: errorBodySchema },
      },
    },
    async (request) => returnObservation(contextOf(request, services), request.params.id, request.body.note),
  );

  app.post(
    '/import',
    {
      config: { policy: indicatorReporters, upload: { maxBytes: importMaxBytes, accept: tableTypes } },
      schema: {
        tags,
        summary: 'Nhập số liệu từ tệp CSV/XLSX (tất cả hoặc không) / Import values from CSV/XLSX (all or nothing; multipart, field "file")',
        response: { 201: importResultSchema, 400: errorBodySchema, ...refused, 409: errorBodySchema, 413: errorBodySchema, 415: errorBodySchema },
      },
    },
    async (request, reply) => {
      const file = await readWholeFile(await readUpload(request));
      return reply.status(201).send(await importObservations(contextOf(request, services), file));
    },
  );

  app.post(
    '',
    {
      config: { policy: programmeManagers },
      schema: {
        tags,
        summary: 'Tạo chỉ tiêu / Define an indicator',
        body: indicatorDefinitionSchema,
        response: { 201: indicatorSavedSchema, 400: errorBodySchema, ...refused, 409: errorBodySchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createIndicator(contextOf(request, services), request.body)),
  );

  const indicatorRow = versionedBy<{ id: string }>(indicators, (r) => r.params.id);
  app.get(
    '/:id',
    {
      config: { policy: programmeManagers, versioned: indicatorRow },
      schema: {
        tags,
        summary: 'Định nghĩa chỉ tiêu để sửa / An indicator’s definition, for editing',
        params: idParamsSchema,
        response: { 200: indicatorDefinitionDtoSchema, 400: errorBodySchema, ...refused, 404: errorBodySchema },
      },
    },
    async (request) => getIndicatorDefinition(contextOf(request, services), request.params.id),
  );

  app.patch(
    '/:id',
    {
      config: { policy: programmeManagers, versioned: indicatorRow },
      schema: {
        tags,
        summary: 'Sửa định nghĩa, mục tiêu của chỉ tiêu / Change an indicator’s definition or targets',
        params: idParamsSchema,
        body: indicatorPatchSchema,
        response: { 200: indicatorSavedSchema, 400: errorBodySchema, ...refused, 404: errorBodySchema },
      },
    },
    async (request) => updateIndicator(contextOf(request, services), request.params.id, request.body),
  );

  app.post(
    '/:id/attachments',
    {
      config: { policy: indicatorReporters, upload: { maxBytes: services.config.uploadMaxBytes, accept: documentTypes } },
      schema: {
        tags,
        summary: 'Tải lên tệp minh chứng cho số liệu / Upload evidence for a value (multipart, field "file")',
        params: idParamsSchema,
        response: {
          201: z.object({ id: z.uuid(), fileName: z.string(), mediaType: z.string(), sizeBytes: z.number().int() }),
          400: errorBodySchema,
          ...refused,
          404: errorBodySchema,
          413: errorBodySchema,
          415: errorBodySchema,
        },
      },
    },
    async (request, reply) => {
      const file = await readUpload(request);
      return reply.status(201).send(await uploadEvidence(contextOf(request, services), services.storage, request.params.id, file));
    },
  );

  app.get(
    '/attachments/:id',
    {
      config: { policy: indicatorStaff },
      schema: { tags, summary: 'Tải tệp minh chứng / Download evidence', params: idParamsSchema },
    },
    async (request, reply) => {
      const { attachment, stream } = await downloadEvidence(contextOf(request, services), services.storage, request.params.id);
      return reply
        .header('content-type', attachment.mediaType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`)
        .header('x-content-type-options', 'nosniff')
        .send(stream);
    },
  );
};
