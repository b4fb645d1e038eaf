import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../../../shared/contracts/common.js';
import { updateSchemaOf } from '../../../shared/contracts/update-schema.js';
import {
  boardSchema,
  commentInputSchema,
  compiledActionBodySchema,
  compiledActions,
  compiledReportSchema,
  compiledUpdateSchema,
  periodInputSchema,
  periodSchema,
  publishedReportSchema,
  regimeInputSchema,
  regimeSchema,
  reportsLimits,
  unitReportActionBodySchema,
  unitReportActions,
  unitReportSchema,
  unitReportSummarySchema,
  unitReportUpdateSchema,
} from '../../../shared/contracts/reports.js';
import { documentTypes, xlsxMediaType } from '../../lib/media-types.js';
import type { OfficialDocument } from '../../lib/official-document.js';
import { programmeManagers, publicAccess } from '../../lib/policy.js';
import { contextOf } from '../../lib/request-context.js';
import { sendTable } from '../../lib/tabular-export.js';
import { readUpload } from '../../lib/uploads.js';
import { versionedBy } from '../../lib/versioning.js';
import type { AppServices } from '../manifest.js';
import { boardOf } from './board.js';
import {
  addComment,
  compileReport,
  getCompiled,
  getPublished,
  listPublished,
  loadPublished,
  readableCompiled,
  transitionCompiled,
  updateCompiled,
} from './compiled.js';
import { compiledAnnex, compiledDocument, documentDocx, documentPdf, unitAnnex, unitReportDocument } from './documents.js';
import { reportsStaff } from './policy.js';
import { createRegime, getRegime, listRegimes, openPeriod, updateRegime } from './regimes.js';
import { compiledReports, reportRegimes, unitReports } from './schema.js';
import {
  attachToUnitReport,
  getUnitReport,
  listUnitReports,
  openUnitReportFile,
  readableUnitReport,
  transitionUnitReport,
  updateUnitReport,
} from './unit-reports.js';

const tags = ['reports'];
const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };
const idParams = z.object({ id: z.uuid() });
const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const pdfType = 'application/pdf';

/** A document download: the Vietnamese file name, kept whole for browsers that read RFC 5987. */
function sendDocument(reply: FastifyReply, type: string, fileName: string, bytes: Buffer) {
  return reply
    .header('content-type', type)
    .header(
      'content-disposition',
      `attachment; filename="${fileName.normalize('NFD').replace(/[^\w.-]+/g, '-')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    )
    .header('x-content-type-options', 'nosniff')
    .send(bytes);
}

/** Reporting regimes, the units' reports and the board, the city's compiled report, its documents, and the published reports. */
export const reportsRoutes: FastifyPluginAsyncZod<{ services: AppServices }> = async (app, { services }) => {
  const ctx = (request: FastifyRequest) => contextOf(request, services);
  const staff = { policy: reportsStaff };
  const managers = { policy: programmeManagers };
  const regimeRow = versionedBy<{ id: string }>(reportRegimes, (r) => r.params.id);
  const unitReportRow = versionedBy<{ id: string }>(unitReports, (r) => r.params.id);
  const compiledRow = versionedBy<{ id: string }>(compiledReports, (r) => r.params.id);

  // Regimes and periods ---------------------------------------------------------------------
  app.get(
    '/regimes',
    { config: staff, schema: { tags, summary: 'Chế độ báo cáo / Reporting regimes', response: { 200: z.array(regimeSchema), ...errors } } },
    async (r) => listRegimes(ctx(r)),
  );
  app.post(
    '/regimes',
    {
      config: managers,
      schema: {
        tags,
        summary: 'Lập chế độ báo cáo / Define a reporting regime',
        body: regimeInputSchema,
        response: { 201: regimeSchema, ...errors },
      },
    },
    async (r, reply) => reply.status(201).send(await createRegime(ctx(r), r.body)),
  );
  app.get(
    '/regimes/:id',
    { config: { ...staff, versioned: regimeRow }, schema: { tags, params: idParams, response: { 200: regimeSchema, ...errors } } },
    async (r) => getRegime(ctx(r), r.params.id),
  );
  app.patch(
    '/regimes/:id',
    {
      config: { ...managers, versioned: regimeRow },
      schema: {
        tags,
        summary: 'Sửa chế độ báo cáo / Edit a regime',
        params: idParams,
        body: updateSchemaOf(regimeInputSchema),
        response: { 200: regimeSchema, ...errors },
      },
    },
    async (r) => updateRegime(ctx(r), r.params.id, r.body),
  );
  app.post(
    '/regimes/:id/periods',
    {
      config: managers,
      schema: {
        tags,
        summary: 'Mở kỳ báo cáo (ngày chốt số liệu, hạn gửi theo Nghị định 09/2019/NĐ-CP) / Open a period',
        params: idParams,
        body: periodInputSchema,
        response: { 201: periodSchema, ...errors },
      },
    },
    async (r, reply) => reply.status(201).send(await openPeriod(ctx(r), r.params.id, r.body)),
  );
  app.get(
    '/periods/:id/board',
    {
      config: staff,
      schema: { tags, summary: 'Tình hình gửi báo cáo / Submission board', params: idParams, response: { 200: boardSchema, ...errors } },
    },
    async (r) => boardOf(ctx(r), r.params.id),
  );
  app.post(
    '/periods/:id/compiled',
    {
      config: managers,
      schema: {
        tags,
        summary: 'Tổng hợp báo cáo của thành phố / Compile the city report',
        params: idParams,
        response: { 201: compiledReportSchema, ...errors },
      },
    },
    async (r, reply) => reply.status(201).send(await compileReport(ctx(r), r.params.id)),
  );

  // Unit reports ----------------------------------------------------------------------------
  app.get(
    '/unit-reports',
    {
      config: staff,
      schema: { tags, summary: 'Báo cáo của đơn vị / Unit reports', response: { 200: z.array(unitReportSummarySchema), ...errors } },
    },
    async (r) => listUnitReports(ctx(r)),
  );
  app.get(
    '/unit-reports/:id',
    { config: { ...staff, versioned: unitReportRow }, schema: { tags, params: idParams, response: { 200: unitReportSchema, ...errors } } },
    async (r) => getUnitReport(ctx(r), r.params.id),
  );
  app.patch(
    '/unit-reports/:id',
    {
      config: { ...staff, versioned: unitReportRow },
      schema: {
        tags,
        summary: 'Viết báo cáo của đơn vị / Write the unit report',
        params: idParams,
        body: updateSchemaOf(unitReportUpdateSchema),
        response: { 200: unitReportSchema, ...errors },
      },
    },
    async (r) => updateUnitReport(ctx(r), r.params.id, r.body),
  );
  app.post(
    '/unit-reports/:id/attachments',
    {
      config: { ...staff, upload: { maxBytes: reportsLimits.attachmentMaxBytes, accept: documentTypes } },
      schema: {
        tags,
        summary: 'Đính kèm tệp vào báo cáo / Attach a file (multipart, field "file")',
        consumes: ['multipart/form-data'],
        params: idParams,
        response: {
          201: z.object({ id: z.uuid(), fileName: z.string(), mediaType: z.string(), sizeBytes: z.int() }),
          413: errorBodySchema,
          415: errorBodySchema,
          ...errors,
        },
      },
    },
    async (r, reply) => reply.status(201).send(await attachToUnitReport(ctx(r), services.storage, r.params.id, await readUpload(r))),
  );
  app.get(
    '/unit-reports/:id/attachments/:attachmentId',
    {
      config: staff,
      schema: {
        tags,
        summary: 'Tải tệp đính kèm / Download a file',
        params: z.object({ id: z.uuid(), attachmentId: z.uuid() }),
        response: errors,
      },
    },
    async (r, reply) => {
      const file = await openUnitReportFile(ctx(r), services.storage, r.params.id, r.params.attachmentId);
      return (reply as unknown as FastifyReply)
        .header('content-type', file.mediaType)
        .header('content-length', String(file.sizeBytes))
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .header('x-content-type-options', 'nosniff')
        .send(file.stream);
    },
  );
  app.post(
    '/unit-reports/:id/:action',
    {
      config: staff,
      schema: {
        tags,
        summary: 'Trình, gửi, trả lại, tiếp nhận báo cáo / Send, submit, return, accept',
        params: z.object({ id: z.uuid(), action: z.enum(unitReportActions) }),
        body: unitReportActionBodySchema,
        response: { 200: unitReportSchema, ...errors },
      },
    },
    async (r) => transitionUnitReport(ctx(r), r.params.id, r.params.action, r.body),
  );

  const unitDocument = async (r: FastifyRequest<{ Params: { id: string } }>) => {
    const c = ctx(r);
    const loaded = await readableUnitReport(c, r.params.id);
    return { c, loaded, document: await unitReportDocument(c, loaded) };
  };
  const fileStem = (document: OfficialDocument) => `Báo cáo ${document.number?.replace('/', '-') ?? 'dự thảo'}`;
  app.get(
    '/unit-reports/:id/document.docx',
    {
      config: staff,
      schema: { tags, summary: 'Báo cáo (DOCX) / The report as DOCX', params: idParams, produces: [docxType], response: errors },
    },
    async (r, reply) => {
      const { document } = await unitDocument(r);
      return sendDocument(reply as unknown as FastifyReply, docxType, `${fileStem(document)}.docx`, await documentDocx(document));
    },
  );
  app.get(
    '/unit-reports/:id/document.pdf',
    {
      config: staff,
      schema: { tags, summary: 'Báo cáo (PDF) / The report as PDF', params: idParams, produces: [pdfType], response: errors },
    },
    async (r, reply) => {
      const { c, document } = await unitDocument(r);
      return sendDocument(reply as unknown as FastifyReply, pdfType, `${fileStem(document)}.pdf`, await documentPdf(c, document));
    },
  );
  app.get(
    '/unit-reports/:id/annex.xlsx',
    {
      config: staff,
      schema: { tags, summary: 'Phụ lục số liệu (XLSX) / Annex', params: idParams, produces: [xlsxMediaType], response: errors },
    },
    async (r, reply) => {
      const c = ctx(r);
      return sendTable(
        reply as unknown as FastifyReply,
        'xlsx',
        'Phụ lục báo cáo.xlsx',
        await unitAnnex(c, await readableUnitReport(c, r.params.id)),
      );
    },
  );

  // The city's compiled report ----------------------------------------------------------------
  app.get(
    '/compiled/:id',
    {
      config: { ...staff, versioned: compiledRow },
      schema: { tags, params: idParams, response: { 200: compiledReportSchema, ...errors } },
    },
    async (r) => getCompiled(ctx(r), r.params.id),
  );
  app.patch(
    '/compiled/:id',
    {
      config: { ...managers, versioned: compiledRow },
      schema: {
        tags,
        summary: 'Sửa dự thảo báo cáo tổng hợp / Edit the draft',
        params: idParams,
        body: updateSchemaOf(compiledUpdateSchema),
        response: { 200: compiledReportSchema, ...errors },
      },
    },
    async (r) => updateCompiled(ctx(r), r.params.id, r.body),
  );
  app.post(
    '/compiled/:id/comments',
    {
      config: staff,
      schema: {
        tags,
        summary: 'Góp ý dự thảo / Comment on the draft',
        params: idParams,
        body: commentInputSchema,
        response: { 201: compiledReportSchema, ...errors },
      },
    },
    async (r, reply) => reply.status(201).send(await addComment(ctx(r), r.params.id, r.body)),
  );
  app.post(
    '/compiled/:id/:action',
    {
      config: staff,
      schema: {
        tags,
        summary: 'Duyệt, mở lại, ban hành, công bố / Approve, reopen, issue, publish',
        params: z.object({ id: z.uuid(), action: z.enum(compiledActions) }),
        body: compiledActionBodySchema,
        response: { 200: compiledReportSchema, ...errors },
      },
    },
    async (r) => transitionCompiled(ctx(r), r.params.id, r.params.action, r.body),
  );
  const compiledFile = async (r: FastifyRequest<{ Params: { id: string } }>, isPublic: boolean) => {
    const c = ctx(r);
    const loaded = isPublic ? await loadPublished(c, r.params.id) : await readableCompiled(c, r.params.id);
    return { c, loaded, document: await compiledDocument(c, loaded) };
  };
  for (const [prefix, config, isPublic] of [
    ['/compiled', staff, false],
    ['/published', { policy: publicAccess }, true],
  ] as const) {
    app.get(
      `${prefix}/:id/document.docx`,
      { config, schema: { tags, summary: 'Báo cáo tổng hợp (DOCX) / As DOCX', params: idParams, produces: [docxType], response: errors } },
      async (r, reply) => {
        const { document } = await compiledFile(r, isPublic);
        return sendDocument(reply as unknown as FastifyReply, docxType, `${fileStem(document)}.docx`, await documentDocx(document));
      },
    );
    app.get(
      `${prefix}/:id/document.pdf`,
      { config, schema: { tags, summary: 'Báo cáo tổng hợp (PDF) / As PDF', params: idParams, produces: [pdfType], response: errors } },
      async (r, reply) => {
        const { c, document } = await compiledFile(r, isPublic);
        return sendDocument(reply as unknown as FastifyReply, pdfType, `${fileStem(document)}.pdf`, await documentPdf(c, document));
      },
    );
  }
  app.get(
    '/compiled/:id/annex.xlsx',
    { config: staff, schema: { tags, summary: 'Phụ lục (XLSX) / Annex', params: idParams, produces: [xlsxMediaType], response: errors } },
    async (r, reply) => {
      const c = ctx(r);
      return sendTable(
        reply as unknown as FastifyReply,
        'xlsx',
        'Phụ lục báo cáo tổng hợp.xlsx',
        await compiledAnnex(c, await readableCompiled(c, r.params.id)),
      );
    },
  );

  // Published on the portal -------------------------------------------------------------------
  app.get(
    '/published',
    {
      config: { policy: publicAccess },
      schema: { tags, summary: 'Báo cáo đã công bố / Published reports', response: { 200: z.array(publishedReportSchema) } },
    },
    async (r) => listPublished(ctx(r)),
  );
  app.get(
    '/published/:id',
    {
      config: { policy: publicAccess },
      schema: {
        tags,
        summary: 'Báo cáo đã công bố / A published report',
        params: idParams,
        response: { 200: publishedReportSchema, 404: errorBodySchema, 400: errorBodySchema },
      },
    },
    async (r) => getPublished(ctx(r), r.params.id),
  );
};
