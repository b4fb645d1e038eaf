import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../../../shared/contracts/common.js';
import {
  applicationBodySchema,
  applicationDtoSchema,
  applicationListSchema,
  applicationMoveBodySchema,
  claimBodySchema,
  claimConfirmBodySchema,
  claimDecisionBodySchema,
  claimDtoSchema,
  directoryExportQuerySchema,
  directoryExportSchema,
  directoryQuerySchema,
  directorySchema,
  ecosystemLimits,
  ecosystemStatsSchema,
  expertBodySchema,
  expertListSchema,
  fileDtoSchema,
  fileUploadQuerySchema,
  idParamsSchema,
  indicatorCodeParamsSchema,
  indicatorCountListSchema,
  indicatorCountReportBodySchema,
  indicatorCountReportSchema,
  matchListSchema,
  mineSchema,
  myExpertSchema,
  organisationBodySchema,
  organisationDtoSchema,
  organisationImportResultSchema,
  organisationPatchSchema,
  programmeBodySchema,
  programmeDtoSchema,
  programmeListSchema,
  relationBodySchema,
  relationDtoSchema,
  relationParamsSchema,
  slugParamsSchema,
  verificationQueueSchema,
  verifyBodySchema,
} from '../../../shared/contracts/ecosystem.js';
import { programmeManagers, publicAccess, signedIn, verifiedMembers, type Policy } from '../../lib/policy.js';
import { contextOf } from '../../lib/request-context.js';
import { ecoOrganisations } from './schema.js';
import { currentVersion, etagOf, versionedBy } from '../../lib/versioning.js';
import { tableMediaTypes, sendTable } from '../../lib/tabular-export.js';
import { tableTypes } from '../../lib/media-types.js';
import { readUpload, readWholeFile } from '../../lib/uploads.js';
import type { AppServices } from '../manifest.js';
import { claimOrganisation, confirmClaim, decideClaim } from './claims.js';
import { listExperts, listMeAsExpert, myExpertListing, withdrawExpert } from './experts.js';
import { directoryCsv, directoryExportRecords, directoryXlsx } from './export-directory.js';
import { listIndicatorCounts, reportIndicatorCount } from './indicator-counts.js';
import { importOrganisations, organisationImportMaxBytes } from './import-organisations.js';
import { openOrganisationFile, uploadOrganisationFile } from './files.js';
import { matchesFor } from './matching-service.js';
import {
  confirmStillActive,
  ecosystemStats,
  getOrganisation,
  getOrganisationBySlug,
  listDirectory,
  registerOrganisation,
  updateOrganisation,
  verifyOrganisation,
} from './organisations.js';
import { ecosystemStaff } from './policy.js';
import { verificationQueue, whatIKeep } from './queues.js';
import {
  applyToProgramme,
  createProgramme,
  getProgrammeBySlug,
  listProgrammes,
  moveApplication,
  programmeApplications,
} from './programmes.js';
import { addRelation, removeRelation } from './relations.js';

const tags = ['ecosystem'];
const errors = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  409: errorBodySchema,
  410: errorBodySchema,
  429: errorBodySchema,
};
const perAccount = (request: FastifyRequest) => request.actor?.userId ?? request.ip;
const limited = (max: number, policy: Policy) => ({
  policy,
  rateLimit: { max, timeWindow: 60_000, hook: 'preHandler' as const, keyGenerator: perAccount },
});
const fileParams = z.object({ id: z.uuid(), attachmentId: z.uuid() });

function sendFile(reply: FastifyReply, file: Awaited<ReturnType<typeof openOrganisationFile>>) {
  return reply
    .header('content-type', file.mediaType)
    .header('content-length', String(file.sizeBytes))
    .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .header('x-content-type-options', 'nosniff')
    .send(file.stream);
}

/** The ecosystem directory, profiles and their verification, experts, programmes and applications, matching. */
export const ecosystemRoutes: FastifyPluginAsyncZod<{ services: AppServices }> = async (app, { services }) => {
  const ctx = (request: FastifyRequest) => contextOf(request, services);
  const open = { policy: publicAccess };
  const member = { policy: signedIn };
  const staff = { policy: ecosystemStaff };
  const byId = versionedBy(ecoOrganisations, (r: { params: { id: string } }) => r.params.id);

  // The public directory and its counts
  app.get(
    '/organisations',
    {
      config: open,
      schema: {
        tags,
        summary: 'Danh bạ hệ sinh thái / Ecosystem directory',
        querystring: directoryQuerySchema,
        response: { 200: directorySchema, ...errors },
      },
    },
    async (r) => listDirectory(ctx(r), r.query),
  );
  app.get(
    '/organisations/export',
    {
      config: open,
      schema: {
        tags,
        summary: 'Tải danh bạ (CSV, XLSX, JSON) theo bộ lọc / Download the directory (CSV, XLSX, JSON) as filtered',
        querystring: directoryExportQuerySchema,
        produces: [tableMediaTypes.csv, tableMediaTypes.xlsx, 'application/json'],
        response: { 200: directoryExportSchema, ...errors },
      },
    },
    async (r, reply) => {
      const records = await directoryExportRecords(ctx(r), r.query, services.config.baseUrl);
      if (r.query.format === 'json') return { items: records };
      if (r.query.format === 'xlsx') return sendTable(reply, 'xlsx', 'danh-ba-he-sinh-thai.xlsx', await directoryXlsx(ctx(r), records));
      return sendTable(reply, 'csv', 'danh-ba-he-sinh-thai.csv', directoryCsv(records));
    },
  );
  app.get(
    '/stats',
    { config: open, schema: { tags, summary: 'Số liệu theo loại, lĩnh vực, phường xã / Counts', response: { 200: ecosystemStatsSchema } } },
    async (r) => ecosystemStats(ctx(r)),
  );
  app.get(
    '/organisations/by-slug/:slug',
    { config: open, schema: { tags, params: slugParamsSchema, response: { 200: organisationDtoSchema, ...errors } } },
    async (r, reply) => {
      const organisation = await getOrganisationBySlug(ctx(r), r.params.slug);
      // The profile is edited at its id: say so (Content-Location), with the version it was read at.
      const version = await currentVersion(services.database.db, ecoOrganisations, organisation.id);
      if (version !== null) void reply.header('etag', etagOf(version));
      void reply.header('content-location', `/api/ecosystem/organisations/${organisation.id}`);
      return organisation;
    },
  );
  app.get(
    '/organisations/:id',
    { config: { ...open, versioned: byId }, schema: { tags, params: idParamsSchema, response: { 200: organisationDtoSchema, ...errors } } },
    async (r) => getOrganisation(ctx(r), r.params.id),
  );
  app.get(
    '/organisations/:id/matches',
    {
      config: open,
      schema: { tags, summary: 'Gợi ý kết nối / Matching', params: idParamsSchema, response: { 200: matchListSchema, ...errors } },
    },
    async (r) => matchesFor(ctx(r), r.params.id, 12),
  );

  // Indicators counted, not typed: the directory's count beside the last official figure
  app.get(
    '/indicator-counts',
    {
      config: open,
      schema: {
        tags,
        summary: 'Chỉ tiêu đếm từ danh bạ / Indicators counted from the directory',
        response: { 200: indicatorCountListSchema },
      },
    },
    async (r) => listIndicatorCounts(ctx(r)),
  );
  app.post(
    '/indicator-counts/:code/report',
    {
      config: { policy: programmeManagers },
      schema: {
        tags,
        summary: 'Gửi số đếm làm số liệu của kỳ (chờ duyệt) / Report the count as the value of a period (awaits approval)',
        params: indicatorCodeParamsSchema,
        body: indicatorCountReportBodySchema,
        response: { 201: indicatorCountReportSchema, ...errors },
      },
    },
    async (r, reply) => reply.status(201).send(await reportIndicatorCount(ctx(r), r.params.code, r.body.period)),
  );

  // Profiles kept by their owners
  app.post(
    '/organisations',
    {
      config: limited(20, verifiedMembers),
      schema: {
        tags,
        summary: 'Đăng ký hồ sơ tổ chức / Register a profile',
        body: organisationBodySchema,
        response: { 201: organisationDtoSchema, ...errors },
      },
    },
    async (r, reply) => reply.status(201).send(await registerOrganisation(ctx(r), r.body)),
  );
  app.patch(
    '/organisations/:id',
    {
      config: { ...limited(120, signedIn), versioned: byId },
      schema: {
        tags,
        summary: 'Cập nhật hồ sơ / Update a profile',
        params: idParamsSchema,
        body: organisationPatchSchema,
        response: { 200: organisationDtoSchema, ...errors },
      },
    },
    async (r) => updateOrganisation(ctx(r), r.params.id, r.body),
  );
  app.post(
    '/organisations/:id/still-active',
    {
      config: member,
      schema: {
        tags,
        summary: 'Xác nhận vẫn hoạt động / Still active',
        params: idParamsSchema,
        response: { 200: organisationDtoSchema, ...errors },
      },
    },
    async (r) => confirmStillActive(ctx(r), r.params.id),
  );
  app.post(
    '/organisations/:id/relations',
    {
      config: limited(60, signedIn),
      schema: {
        tags,
        summary: 'Thêm quan hệ / Add a relation',
        params: idParamsSchema,
        body: relationBodySchema,
        response: { 201: z.object({ items: z.array(relationDtoSchema) }), ...errors },
      },
    },
    async (r, reply) => reply.status(201).send({ items: await addRelation(ctx(r), r.params.id, r.body) }),
  );
  app.delete(
    '/organisations/:id/relations/:relationId',
    { config: member, schema: { tags, params: relationParamsSchema, response: { 204: z.null(), ...errors } } },
    async (r, reply) => {
      await removeRelation(ctx(r), r.params.id, r.params.relationId);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/organisations/:id/files',
    {
      config: {
        ...limited(30, signedIn),
        upload: { maxBytes: ecosystemLimits.evidenceMaxBytes, accept: ['application/pdf', 'image/png', 'image/jpeg', 'image/webp'] },
      },
      schema: {
        tags,
        summary: 'Tải biểu trưng hoặc giấy tờ chứng minh / Upload the logo or evidence (multipart, field "file"; ?purpose=logo|evidence)',
        params: idParamsSchema,
        querystring: fileUploadQuerySchema,
        response: { 201: fileDtoSchema, ...errors, 413: errorBodySchema, 415: errorBodySchema },
      },
    },
    async (r, reply) =>
      reply.status(201).send(await uploadOrganisationFile(ctx(r), services.storage, r.params.id, await readUpload(r), r.query.purpose)),
  );
  app.get(
    '/organisations/:id/files/:attachmentId',
    {
      config: open,
      schema: { tags, summary: 'Tải tệp / Download a file', params: fileParams, response: { 400: errorBodySchema, 404: errorBodySchema } },
    },
    async (r, reply) => sendFile(reply, await openOrganisationFile(ctx(r), services.storage, r.params.id, r.params.attachmentId)),
  );
  app.post(
    '/organisations/:id/claims',
    {
      config: limited(10, verifiedMembers),
      schema: {
        tags,
        summary: 'Nhận quản lý hồ sơ / Claim a profile',
        params: idParamsSchema,
        body: claimBodySchema,
        response: { 201: claimDtoSchema, ...errors },
      },
    },
    async (r, reply) => reply.status(201).send(await claimOrganisation(ctx(r), r.params.id, r.body)),
  );
  app.post(
    '/claims/confirm',
    {
      config: limited(20, signedIn),
      schema: {
        tags,
        summary: 'Mở liên kết xác nhận / Confirm a claim by its link',
        body: claimConfirmBodySchema,
        response: { 200: claimDtoSchema, ...errors },
      },
    },
    async (r) => confirmClaim(ctx(r), r.body.token),
  );
  app.get(
    '/mine',
    { config: member, schema: { tags, summary: 'Hồ sơ tôi quản lý / What I keep', response: { 200: mineSchema, ...errors } } },
    async (r) => whatIKeep(ctx(r)),
  );

  // Verification by the Startup Centre's and the Department's staff
  app.get(
    '/verification-queue',
    {
      config: staff,
      schema: { tags, summary: 'Hàng chờ xác minh / Verification queue', response: { 200: verificationQueueSchema, ...errors } },
    },
    async (r) => verificationQueue(ctx(r)),
  );
  app.post(
    '/organisations/import',
    {
      config: { ...staff, upload: { maxBytes: organisationImportMaxBytes, accept: tableTypes } },
      schema: {
        tags,
        summary:
          'Nhập tổ chức từ tệp CSV/XLSX (tất cả hoặc không) / Import organisations from CSV/XLSX (all or nothing; multipart, field "file")',
        response: { 201: organisationImportResultSchema, ...errors, 413: errorBodySchema, 415: errorBodySchema },
      },
    },
    async (r, reply) => reply.status(201).send(await importOrganisations(ctx(r), await readWholeFile(await readUpload(r)))),
  );
  app.post(
    '/organisations/:id/verify',
    {
      config: staff,
      schema: {
        tags,
        summary: 'Xác minh hồ sơ / Verify a profile',
        params: idParamsSchema,
        body: verifyBodySchema,
        response: { 200: organisationDtoSchema, ...errors },
      },
    },
    async (r) => verifyOrganisation(ctx(r), r.params.id, r.body.note),
  );
  app.post(
    '/claims/:id/decision',
    {
      config: staff,
      schema: {
        tags,
        summary: 'Quyết định yêu cầu / Decide a claim',
        params: idParamsSchema,
        body: claimDecisionBodySchema,
        response: { 200: claimDtoSchema, ...errors },
      },
    },
    async (r) => decideClaim(ctx(r), r.params.id, r.body),
  );

  // Experts and mentors who chose to be listed
  app.get(
    '/experts',
    { config: open, schema: { tags, summary: 'Chuyên gia, cố vấn / Experts and mentors', response: { 200: expertListSchema } } },
    async (r) => listExperts(ctx(r)),
  );
  app.get('/experts/me', { config: member, schema: { tags, response: { 200: myExpertSchema, ...errors } } }, async (r) =>
    myExpertListing(ctx(r)),
  );
  app.put(
    '/experts/me',
    {
      config: { ...limited(20, verifiedMembers), unversioned: 'the caller’s own expert listing' },
      schema: {
        tags,
        summary: 'Đăng ký làm chuyên gia (đồng ý công khai) / List me (with consent)',
        body: expertBodySchema,
        response: { 200: myExpertSchema, ...errors },
      },
    },
    async (r) => listMeAsExpert(ctx(r), r.body),
  );
  app.delete(
    '/experts/me',
    { config: member, schema: { tags, summary: 'Rút khỏi danh sách / Withdraw consent', response: { 204: z.null(), ...errors } } },
    async (r, reply) => {
      await withdrawExpert(ctx(r));
      return reply.status(204).send(null);
    },
  );

  // Support programmes and calls
  app.get(
    '/programmes',
    { config: open, schema: { tags, summary: 'Chương trình hỗ trợ / Programmes', response: { 200: programmeListSchema } } },
    async (r) => listProgrammes(ctx(r)),
  );
  app.get(
    '/programmes/by-slug/:slug',
    { config: open, schema: { tags, params: slugParamsSchema, response: { 200: programmeDtoSchema, ...errors } } },
    async (r) => getProgrammeBySlug(ctx(r), r.params.slug),
  );
  app.post(
    '/programmes',
    {
      config: limited(20, signedIn),
      schema: {
        tags,
        summary: 'Công bố chương trình / Announce a programme',
        body: programmeBodySchema,
        response: { 201: programmeDtoSchema, ...errors },
      },
    },
    async (r, reply) => reply.status(201).send(await createProgramme(ctx(r), r.body)),
  );
  app.post(
    '/programmes/:id/applications',
    {
      config: limited(20, verifiedMembers),
      schema: {
        tags,
        summary: 'Nộp hồ sơ / Apply',
        params: idParamsSchema,
        body: applicationBodySchema,
        response: { 201: applicationDtoSchema, ...errors },
      },
    },
    async (r, reply) => reply.status(201).send(await applyToProgramme(ctx(r), r.params.id, r.body)),
  );
  app.get(
    '/programmes/:id/applications',
    {
      config: member,
      schema: {
        tags,
        summary: 'Bảng hồ sơ / Applications board',
        params: idParamsSchema,
        response: { 200: applicationListSchema, ...errors },
      },
    },
    async (r) => programmeApplications(ctx(r), r.params.id),
  );
  app.post(
    '/applications/:id/move',
    {
      config: limited(120, signedIn),
      schema: {
        tags,
        summary: 'Chuyển trạng thái hồ sơ / Move an application',
        params: idParamsSchema,
        body: applicationMoveBodySchema,
        response: { 200: applicationDtoSchema, ...errors },
      },
    },
    async (r) => moveApplication(ctx(r), r.params.id, r.body),
  );
};
