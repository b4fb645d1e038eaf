import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ballotBodySchema,
  commendationLimits,
  councilBodySchema,
  councilDtoSchema,
  councilListSchema,
  decisionBodySchema,
  decisionDtoSchema,
  decisionListSchema,
  myVotesSchema,
  nominationAttachmentListSchema,
  nominationAttachmentParamsSchema,
  nominationAttachmentSchema,
  nominationBodySchema,
  nominationDtoSchema,
  nominationListQuerySchema,
  nominationListSchema,
  nominationPatchSchema,
  nominationTransitionSchema,
  titleDtoSchema,
  titleListSchema,
  titleSettingsPatchSchema,
  voteViewSchema,
} from '../../../shared/contracts/commendation.js';
import { errorBodySchema } from '../../../shared/contracts/common.js';
import { documentTypes } from '../../lib/media-types.js';
import { administrators, programmeManagers, publicAccess, signedIn } from '../../lib/policy.js';
import { contextOf } from '../../lib/request-context.js';
import { readUpload } from '../../lib/uploads.js';
import { versionedBy } from '../../lib/versioning.js';
import type { AppServices } from '../manifest.js';
import {
  deleteNominationAttachment,
  listNominationAttachments,
  openNominationAttachment,
  uploadNominationAttachment,
} from './attachments.js';
import { createCouncil, listCouncils } from './councils.js';
import { decisionDocx } from './decision-docx.js';
import { createDecision, getDecision, listDecisions } from './decisions.js';
import {
  closeVote,
  createNomination,
  getNomination,
  listMyVotes,
  listNominations,
  transitionNomination,
  updateNomination,
} from './nominations.js';
import { commendationStaff, nominators } from './policy.js';
import { commendationTitles, nominations } from './schema.js';
import { getTitle, listTitles, updateTitleSettings } from './titles.js';
import { castBallot } from './votes.js';

const tags = ['commendation'];
const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };
const idParams = z.object({ id: z.uuid() });
const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function sendFile(reply: FastifyReply, file: Awaited<ReturnType<typeof openNominationAttachment>>) {
  return reply
    .header('content-type', file.mediaType)
    .header('content-length', String(file.sizeBytes))
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .header('x-content-type-options', 'nosniff')
    .send(file.stream);
}

/** Titles and their settings, councils, nominations and their workflow, the secret ballot, decisions. */
export const commendationRoutes: FastifyPluginAsyncZod<{ services: AppServices }> = async (app, { services }) => {
  const ctx = (request: Parameters<typeof contextOf>[0]) => contextOf(request, services);
  const titleRow = versionedBy<{ id: string }>(commendationTitles, (r) => r.params.id);
  const nominationRow = versionedBy<{ id: string }>(nominations, (r) => r.params.id);

  // Reference data
  app.get(
    '/titles',
    {
      config: { policy: publicAccess },
      schema: { tags, summary: 'Danh hiệu thi đua, hình thức khen thưởng / Titles and forms', response: { 200: titleListSchema } },
    },
    async (r) => listTitles(ctx(r)),
  );
  app.get(
    '/titles/:id',
    {
      config: { policy: publicAccess, versioned: titleRow },
      schema: { tags, params: idParams, response: { 200: titleDtoSchema, ...errors } },
    },
    async (r) => getTitle(ctx(r), r.params.id),
  );
  app.patch(
    '/titles/:id',
    {
      config: { policy: administrators, versioned: titleRow },
      schema: {
        tags,
        summary: 'Ngưỡng biểu quyết, túc số / Vote threshold and quorum',
        params: idParams,
        body: titleSettingsPatchSchema,
        response: { 200: titleDtoSchema, ...errors },
      },
    },
    async (r) => updateTitleSettings(ctx(r), r.params.id, r.body),
  );

  // Councils
  app.get('/councils', { config: { policy: signedIn }, schema: { tags, response: { 200: councilListSchema, ...errors } } }, async (r) =>
    listCouncils(ctx(r)),
  );
  app.post(
    '/councils',
    {
      config: { policy: programmeManagers },
      schema: {
        tags,
        summary: 'Thành lập hội đồng thi đua, khen thưởng / Set up a council',
        body: councilBodySchema,
        response: { 201: councilDtoSchema, ...errors },
      },
    },
    async (r, reply) => reply.status(201).send(await createCouncil(ctx(r), r.body)),
  );

  // Nominations and their workflow
  app.get(
    '/nominations',
    {
      config: { policy: signedIn },
      schema: {
        tags,
        summary: 'Đề nghị khen thưởng / Nominations',
        querystring: nominationListQuerySchema,
        response: { 200: nominationListSchema, ...errors },
      },
    },
    async (r) => listNominations(ctx(r), r.query),
  );
  app.post(
    '/nominations',
    {
      config: { policy: nominators },
      schema: {
        tags,
        summary: 'Lập đề nghị khen thưởng / Draft a nomination',
        body: nominationBodySchema,
        response: { 201: nominationDtoSchema, ...errors },
      },
    },
    async (r, reply) => reply.status(201).send(await createNomination(ctx(r), r.body)),
  );
  app.get(
    '/nominations/:id',
    {
      config: { policy: signedIn, versioned: nominationRow },
      schema: { tags, params: idParams, response: { 200: nominationDtoSchema, ...errors } },
    },
    async (r) => getNomination(ctx(r), r.params.id),
  );
  app.patch(
    '/nominations/:id',
    {
      config: { policy: nominators, versioned: nominationRow },
      schema: {
        tags,
        summary: 'Sửa hồ sơ đề nghị / Edit the dossier',
        params: idParams,
        body: nominationPatchSchema,
        response: { 200: nominationDtoSchema, ...errors },
      },
    },
    async (r) => updateNomination(ctx(r), r.params.id, r.body),
  );
  app.post(
    '/nominations/:id/transitions',
    {
      config: { policy: commendationStaff },
      schema: {
        tags,
        summary: 'Gửi, rút, trả lại, đưa ra bỏ phiếu / Workflow step',
        params: idParams,
        body: nominationTransitionSchema,
        response: { 200: nominationDtoSchema, ...errors },
      },
    },
    async (r) => transitionNomination(ctx(r), r.params.id, r.body),
  );

  // The secret ballot
  app.post(
    '/nominations/:id/ballots',
    {
      config: { policy: signedIn },
      schema: {
        tags,
        summary: 'Bỏ phiếu kín / Cast a secret ballot',
        params: idParams,
        body: ballotBodySchema,
        response: { 200: voteViewSchema, ...errors },
      },
    },
    async (r) => castBallot(ctx(r), r.params.id, r.body.choice),
  );
  app.post(
    '/nominations/:id/vote/close',
    {
      config: { policy: signedIn },
      schema: {
        tags,
        summary: 'Chủ tịch kết thúc bỏ phiếu / The chair closes the vote',
        params: idParams,
        response: { 200: nominationDtoSchema, ...errors },
      },
    },
    async (r) => closeVote(ctx(r), r.params.id),
  );
  app.get(
    '/votes/mine',
    {
      config: { policy: signedIn },
      schema: { tags, summary: 'Phiếu chờ bỏ / Votes waiting', response: { 200: myVotesSchema, ...errors } },
    },
    async (r) => listMyVotes(ctx(r)),
  );

  // The dossier's files, through the one upload path
  app.post(
    '/nominations/:id/attachments',
    {
      config: {
        policy: nominators,
        upload: { maxBytes: commendationLimits.attachmentMaxBytes, accept: documentTypes },
        rateLimit: { max: 30, timeWindow: 60_000, hook: 'preHandler', keyGenerator: (r) => r.actor?.userId ?? r.ip },
      },
      schema: {
        tags,
        summary: 'Đính kèm tệp vào hồ sơ / Attach a file (multipart, field "file")',
        params: idParams,
        response: { 201: nominationAttachmentSchema, ...errors, 413: errorBodySchema, 415: errorBodySchema, 429: errorBodySchema },
      },
    },
    async (r, reply) =>
      reply.status(201).send(await uploadNominationAttachment(ctx(r), services.storage, r.params.id, await readUpload(r))),
  );
  app.get(
    '/nominations/:id/attachments',
    { config: { policy: signedIn }, schema: { tags, params: idParams, response: { 200: nominationAttachmentListSchema, ...errors } } },
    async (r) => listNominationAttachments(ctx(r), r.params.id),
  );
  app.get(
    '/nominations/:id/attachments/:attachmentId',
    {
      config: { policy: signedIn },
      schema: { tags, summary: 'Tải tệp của hồ sơ / Download a dossier file', params: nominationAttachmentParamsSchema, response: errors },
    },
    async (r, reply) => sendFile(reply, await openNominationAttachment(ctx(r), services.storage, r.params.id, r.params.attachmentId)),
  );
  app.delete(
    '/nominations/:id/attachments/:attachmentId',
    { config: { policy: nominators }, schema: { tags, params: nominationAttachmentParamsSchema, response: { 204: z.null(), ...errors } } },
    async (r, reply) => {
      await deleteNominationAttachment(ctx(r), services.storage, r.params.id, r.params.attachmentId);
      return reply.status(204).send(null);
    },
  );

  // Decisions and the public list of those commended
  app.post(
    '/decisions',
    {
      config: { policy: programmeManagers },
      schema: {
        tags,
        summary: 'Ghi quyết định khen thưởng / Record the decision',
        body: decisionBodySchema,
        response: { 201: decisionDtoSchema, ...errors },
      },
    },
    async (r, reply) => reply.status(201).send(await createDecision(ctx(r), r.body)),
  );
  app.get(
    '/decisions',
    {
      config: { policy: publicAccess },
      schema: {
        tags,
        summary: 'Quyết định khen thưởng và danh sách được khen / Decisions and those commended',
        response: { 200: decisionListSchema },
      },
    },
    async (r) => listDecisions(ctx(r)),
  );
  app.get(
    '/decisions/:id',
    { config: { policy: publicAccess }, schema: { tags, params: idParams, response: { 200: decisionDtoSchema, ...errors } } },
    async (r) => getDecision(ctx(r), r.params.id),
  );
  app.get(
    '/decisions/:id/quyet-dinh.docx',
    {
      config: { policy: publicAccess },
      schema: { tags, summary: 'Quyết định (DOCX, Nghị định 30/2020/NĐ-CP) / The decision (DOCX)', params: idParams, produces: [docxType] },
    },
    async (r, reply) =>
      reply
        .header('content-type', docxType)
        .header('content-disposition', 'attachment; filename="quyet-dinh-khen-thuong.docx"')
        .send(await decisionDocx(ctx(r), r.params.id)),
  );
};
