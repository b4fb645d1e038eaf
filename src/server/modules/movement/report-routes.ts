import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { errorBodySchema } from '../../../shared/contracts/common.js';
import { idParamsSchema, phaseReportSchema, registrationBodySchema, registrationDtoSchema, registrationListSchema, registrationReportSchema } from '../../../shared/contracts/movement.js';
import { signedIn, verifiedMembers } from '../../lib/policy.js';
import { contextOf } from '../../lib/request-context.js';
import { sendTable, tableMediaTypes } from '../../lib/tabular-export.js';
import { versionedBy } from '../../lib/versioning.js';
import type { AppServices } from '../manifest.js';
import { movementReaders } from './policy.js';
import { listRegistrations, phaseReport, phaseReportDocx, phaseReportXlsx, registerUnit, registrationToReport, reportOnRegistration } from './reports.js';
import { unitRegistrations } from './schema.js';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };
const tags = ['movement'];

/** Unit registrations for a phase with their review reports, and the phase's interim/final review report (JSON, DOCX, XLSX). */
export const movementReportRoutes: FastifyPluginAsyncZod<{ services: AppServices }> = async (app, { services }) => {
  const ctx = (request: FastifyRequest) => contextOf(request, services);
  const member = { policy: signedIn };
  const readers = { policy: movementReaders };
  const registrationRow = versionedBy<{ id: string }>(unitRegistrations, (r) => r.params.id);

  app.post('/phases/:id/registrations', { config: member, schema: { tags, summary: 'Đăng ký thi đua / Register a unit', params: idParamsSchema, body: registrationBodySchema, response: { 201: registrationDtoSchema, ...errors } } }, async (r, reply) =>
    reply.status(201).send(await registerUnit(ctx(r), r.params.id, r.body)),
  );
  app.get('/phases/:id/registrations', { config: member, schema: { tags, params: idParamsSchema, response: { 200: registrationListSchema, ...errors } } }, async (r) => listRegistrations(ctx(r), r.params.id));
  app.get('/registrations/:id/report', { config: { ...member, versioned: registrationRow }, schema: { tags, summary: 'Đăng ký để báo cáo / A registration as its unit reports on it', params: idParamsSchema, response: { 200: registrationDtoSchema, ...errors } } }, async (r) =>
    registrationToReport(ctx(r), r.params.id),
  );
  app.put('/registrations/:id/report', { config: { policy: verifiedMembers, versioned: registrationRow }, schema: { tags, summary: 'Báo cáo sơ kết/tổng kết của đơn vị / Unit review report', params: idParamsSchema, body: registrationReportSchema, response: { 200: registrationDtoSchema, ...errors } } }, async (r) =>
    reportOnRegistration(ctx(r), r.params.id, r.body),
  );
  app.get('/phases/:id/report', { config: readers, schema: { tags, summary: 'Báo cáo sơ kết/tổng kết / Phase review', params: idParamsSchema, response: { 200: phaseReportSchema, ...errors } } }, async (r) => phaseReport(ctx(r), r.params.id));
  app.get('/phases/:id/report.docx', { config: readers, schema: { tags, params: idParamsSchema } }, async (r, reply) =>
    reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .header('content-disposition', 'attachment; filename="bao-cao-giai-doan.docx"')
      .send(await phaseReportDocx(ctx(r), r.params.id)),
  );
  app.get('/phases/:id/report.xlsx', { config: readers, schema: { tags, params: idParamsSchema, produces: [tableMediaTypes.xlsx] } }, async (r, reply) =>
    sendTable(reply, 'xlsx', 'bao-cao-giai-doan.xlsx', await phaseReportXlsx(ctx(r), r.params.id)),
  );
};
