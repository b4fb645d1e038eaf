import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { errorBodySchema } from '../../../shared/contracts/common.js';
import {
  assignBodySchema,
  assignResultSchema,
  awardBodySchema,
  awardDtoSchema,
  awardListSchema,
  awardTypeListSchema,
  campaignDtoSchema,
  campaignListSchema,
  campaignUpdateBodySchema,
  commentBodySchema,
  commentDtoSchema,
  commentListSchema,
  conflictBodySchema,
  councilCandidateListSchema,
  councilCandidateQuerySchema,
  councilDtoSchema,
  councilUpdateBodySchema,
  createCampaignSchema,
  createCouncilSchema,
  decisionBodySchema,
  galleryQuerySchema,
  galleryResponseSchema,
  idParamsSchema,
  initiativeDraftSchema,
  initiativeDtoSchema,
  initiativeListSchema,
  initiativePatchSchema,
  initiativeStates,
  manageListQuerySchema,
  moderateCommentSchema,
  moderationQueueSchema,
  mostReplicatedSchema,
  publicInitiativeSchema,
  rankingSchema,
  replicationBodySchema,
  replicationDtoSchema,
  reportCommentSchema,
  reviewTaskListSchema,
  scoreSheetSchema,
  scoresViewSchema,
  supportResultSchema,
  transitionBodySchema,
} from '../../../shared/contracts/movement.js';
import { programmeManagers, publicAccess, signedIn, verifiedMembers, type Policy } from '../../lib/policy.js';
import { contextOf } from '../../lib/request-context.js';
import { currentVersion, etagOf, versionedBy } from '../../lib/versioning.js';
import type { AppServices } from '../manifest.js';
import { listCouncilCandidates } from './candidates.js';
import { createCampaign, getCampaign, listCampaigns, updateCampaign } from './campaigns.js';
import { getAward, listAwards, listAwardTypes, makeAward, mostReplicated, recordReplication } from './commendation.js';
import { confirmAuthorship } from './authorship.js';
import { createDraft, getInitiative, listForManagers, listMyInitiatives, transitionInitiative, updateDraft } from './initiatives.js';
import { councilMinutesDocx } from './minutes.js';
import { galleryPage } from './gallery.js';
import { addComment, listComments, moderateComment, moderationQueue, publicInitiative, reportComment, supportInitiative } from './public.js';
import { assignReviewers, councilRanking, createCouncil, declareConflict, decideInitiative, getCouncil, listCouncils, listMyReviews, scoresView, submitScores, updateCouncil } from './reviews.js';
import { movementReportRoutes } from './report-routes.js';
import { campaigns, initiatives, reviewCouncils } from './schema.js';
import { similarRoutes } from './similar-routes.js';
import { initiativeAttachmentRoutes } from './attachment-routes.js';
import { transitions } from './workflow.js';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema, 429: errorBodySchema };
const tags = ['movement'];
const oneMinute = 60_000;
/** Per account (or address when anonymous), so many people behind one address are not lumped together. */
const perAccount = (request: FastifyRequest) => request.actor?.userId ?? request.ip;

/** Campaigns, initiatives and their workflow, councils and scoring, awards, replication, gallery, supports, comments. */
export const movementRoutes: FastifyPluginAsyncZod<{ services: AppServices }> = async (app, { services }) => {
  const ctx = (request: FastifyRequest) => contextOf(request, services);
  const open = { policy: publicAccess };
  const member = { policy: signedIn };
  const initiativeRow = versionedBy<{ id: string }>(initiatives, (r) => r.params.id);
  const managers = { policy: programmeManagers };
  const limitedWrite = (max: number, policy: Policy = signedIn) => ({ policy, rateLimit: { max, timeWindow: oneMinute, hook: 'preHandler' as const, keyGenerator: perAccount } });
  const campaignCode = z.object({ code: z.string().min(1).max(60) });
  const campaignRow = versionedBy<{ id: string }>(campaigns, (r) => r.params.id);
  const councilRow = versionedBy<{ id: string }>(reviewCouncils, (r) => r.params.id);
  const initiativeAuthor = z.object({ id: z.uuid(), authorId: z.uuid() });

  // Campaigns
  app.get('/campaigns', { config: open, schema: { tags, summary: 'Phong trào thi đua / Campaigns', response: { 200: campaignListSchema } } }, async (r) => listCampaigns(ctx(r)));
  app.get('/campaigns/:code', { config: open, schema: { tags, summary: 'Phong trào (mã hoặc id) / A campaign (code or id)', params: campaignCode, response: { 200: campaignDtoSchema, ...errors } } }, async (r, reply) => {
    const campaign = await getCampaign(ctx(r), r.params.code);
    // Read by its code, edited at its id: say so (Content-Location), with the version it was read at.
    const version = await currentVersion(services.database.db, campaigns, campaign.id);
    if (version !== null) void reply.header('etag', etagOf(version));
    void reply.header('content-location', `/api/movement/campaigns/${campaign.id}`);
    return campaign;
  });
  app.patch('/campaigns/:id', { config: { ...managers, versioned: campaignRow }, schema: { tags, summary: 'Sửa phong trào / Edit a campaign', params: idParamsSchema, body: campaignUpdateBodySchema, response: { 200: campaignDtoSchema, ...errors } } }, async (r) =>
    updateCampaign(ctx(r), r.params.id, r.body),
  );
  app.post('/campaigns', { config: managers, schema: { tags, summary: 'Phát động phong trào / Launch a campaign', body: createCampaignSchema, response: { 201: campaignDtoSchema, ...errors } } }, async (r, reply) =>
    reply.status(201).send(await createCampaign(ctx(r), r.body)),
  );

  // Initiatives: the application form and its workflow
  app.post('/initiatives', { config: limitedWrite(60), schema: { tags, summary: 'Tạo bản nháp sáng kiến / New draft', body: initiativeDraftSchema, response: { 201: initiativeDtoSchema, ...errors } } }, async (r, reply) =>
    reply.status(201).send(await createDraft(ctx(r), r.body)),
  );
  app.get('/initiatives/mine', { config: member, schema: { tags, response: { 200: initiativeListSchema, ...errors } } }, async (r) => listMyInitiatives(ctx(r)));
  app.get('/initiatives/:id', { config: { ...member, versioned: initiativeRow }, schema: { tags, params: idParamsSchema, response: { 200: initiativeDtoSchema, ...errors } } }, async (r) => getInitiative(ctx(r), r.params.id));
  app.patch('/initiatives/:id', { config: { ...limitedWrite(240), versioned: initiativeRow }, schema: { tags, summary: 'Lưu nháp / Autosave', params: idParamsSchema, body: initiativePatchSchema, response: { 200: initiativeDtoSchema, ...errors } } }, async (r) =>
    updateDraft(ctx(r), r.params.id, r.body),
  );
  app.post('/initiatives/:id/transitions', { config: { policy: verifiedMembers }, schema: { tags, summary: 'Chuyển trạng thái / Workflow step', params: idParamsSchema, body: transitionBodySchema, response: { 200: initiativeDtoSchema, ...errors } } }, async (r) =>
    transitionInitiative(ctx(r), r.params.id, r.body),
  );
  app.post('/initiatives/:id/authors/:authorId/confirm', { config: member, schema: { tags, summary: 'Đồng tác giả xác nhận / Co-author confirms', params: initiativeAuthor, response: { 200: initiativeDtoSchema, ...errors } } }, async (r) =>
    confirmAuthorship(ctx(r), r.params.id, r.params.authorId),
  );
  app.get('/manage/initiatives', { config: managers, schema: { tags, summary: 'Hàng chờ xử lý / Managers’ queue', querystring: manageListQuerySchema, response: { 200: initiativeListSchema, ...errors } } }, async (r) =>
    listForManagers(ctx(r), r.query),
  );
  app.get('/workflow', { config: open, schema: { tags, summary: 'Bảng chuyển trạng thái / Workflow table', response: { 200: z.object({ states: z.array(z.enum(initiativeStates)), transitions: z.array(z.object({ from: z.string(), action: z.string(), role: z.string(), to: z.string(), needsReason: z.boolean() })) }) } } }, async () => ({
    states: [...initiativeStates],
    transitions: [...transitions],
  }));

  // Councils, assignment and scoring
  app.get('/councils', { config: member, schema: { tags, response: { 200: z.object({ councils: z.array(councilDtoSchema) }), ...errors } } }, async (r) => listCouncils(ctx(r)));
  app.post('/councils', { config: managers, schema: { tags, summary: 'Thành lập hội đồng / Set up a council', body: createCouncilSchema, response: { 201: councilDtoSchema, ...errors } } }, async (r, reply) =>
    reply.status(201).send(await createCouncil(ctx(r), r.body)),
  );
  app.get('/council-candidates', { config: managers, schema: { tags, summary: 'Tài khoản có thể vào hội đồng / Council candidates', querystring: councilCandidateQuerySchema, response: { 200: councilCandidateListSchema, ...errors } } }, async (r) =>
    listCouncilCandidates(ctx(r), r.query),
  );
  app.get('/councils/:id', { config: { ...member, versioned: councilRow }, schema: { tags, params: idParamsSchema, response: { 200: councilDtoSchema, ...errors } } }, async (r) => getCouncil(ctx(r), r.params.id));
  app.patch('/councils/:id', { config: { ...managers, versioned: councilRow }, schema: { tags, summary: 'Sửa hội đồng / Edit a council', params: idParamsSchema, body: councilUpdateBodySchema, response: { 200: councilDtoSchema, ...errors } } }, async (r) =>
    updateCouncil(ctx(r), r.params.id, r.body),
  );
  app.post('/councils/:id/assignments', { config: managers, schema: { tags, summary: 'Phân công chấm / Assign reviewers', params: idParamsSchema, body: assignBodySchema, response: { 200: assignResultSchema, ...errors } } }, async (r) =>
    assignReviewers(ctx(r), r.params.id, r.body),
  );
  app.get('/councils/:id/ranking', { config: member, schema: { tags, params: idParamsSchema, response: { 200: rankingSchema, ...errors } } }, async (r) => councilRanking(ctx(r), r.params.id));
  app.post('/councils/:id/decisions', { config: member, schema: { tags, summary: 'Quyết định của hội đồng / Council decision', params: idParamsSchema, body: decisionBodySchema, response: { 200: z.object({ id: z.uuid(), state: z.enum(initiativeStates), scope: z.string().nullable() }), ...errors } } }, async (r) =>
    decideInitiative(ctx(r), r.params.id, r.body),
  );
  app.get('/councils/:id/minutes.docx', { config: member, schema: { tags, summary: 'Biên bản họp (DOCX) / Minutes', params: idParamsSchema } }, async (r, reply) => {
    const file = await councilMinutesDocx(ctx(r), r.params.id);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .header('content-disposition', 'attachment; filename="bien-ban-hoi-dong.docx"')
      .send(file);
  });
  app.get('/reviews/mine', { config: member, schema: { tags, response: { 200: reviewTaskListSchema, ...errors } } }, async (r) => listMyReviews(ctx(r)));
  app.get('/initiatives/:id/scores', { config: member, schema: { tags, params: idParamsSchema, response: { 200: scoresViewSchema, ...errors } } }, async (r) => scoresView(ctx(r), r.params.id));
  app.put('/initiatives/:id/scores', { config: { ...member, unversioned: 'a reviewer’s own score sheet' }, schema: { tags, summary: 'Nộp phiếu chấm / Submit scores', params: idParamsSchema, body: scoreSheetSchema, response: { 200: scoresViewSchema, ...errors } } }, async (r) =>
    submitScores(ctx(r), r.params.id, r.body),
  );
  app.post('/initiatives/:id/conflicts', { config: member, schema: { tags, summary: 'Khai báo xung đột lợi ích / Declare a conflict', params: idParamsSchema, body: conflictBodySchema, response: { 204: z.null(), ...errors } } }, async (r, reply) => {
    await declareConflict(ctx(r), r.params.id, r.body.reason);
    return reply.status(204).send(null);
  });

  // Commendation and replication
  app.get('/award-types', { config: open, schema: { tags, response: { 200: awardTypeListSchema } } }, async (r) => listAwardTypes(ctx(r)));
  app.post('/initiatives/:id/awards', { config: managers, schema: { tags, summary: 'Khen thưởng / Award', params: idParamsSchema, body: awardBodySchema, response: { 201: awardDtoSchema, ...errors } } }, async (r, reply) =>
    reply.status(201).send(await makeAward(ctx(r), r.params.id, r.body)),
  );
  app.get('/phases/:id/awards', { config: open, schema: { tags, summary: 'Danh sách khen thưởng / Award list', params: idParamsSchema, response: { 200: awardListSchema, ...errors } } }, async (r) =>
    listAwards(ctx(r), { phaseId: r.params.id }),
  );
  app.get('/awards/:id', { config: open, schema: { tags, summary: 'Giấy chứng nhận / Certificate', params: idParamsSchema, response: { 200: awardDtoSchema, ...errors } } }, async (r) => getAward(ctx(r), r.params.id));
  app.post('/initiatives/:id/replications', { config: member, schema: { tags, summary: 'Ghi nhận nhân rộng / Record a replication', params: idParamsSchema, body: replicationBodySchema, response: { 201: replicationDtoSchema, ...errors } } }, async (r, reply) =>
    reply.status(201).send(await recordReplication(ctx(r), r.params.id, r.body)),
  );
  app.get('/most-replicated', { config: open, schema: { tags, response: { 200: mostReplicatedSchema } } }, async (r) => mostReplicated(ctx(r)));

  // Public side
  app.get('/gallery', { config: open, schema: { tags, summary: 'Thư viện sáng kiến / Gallery', querystring: galleryQuerySchema, response: { 200: galleryResponseSchema, ...errors } } }, async (r) => galleryPage(ctx(r), r.query));
  app.get('/gallery/:id', { config: open, schema: { tags, params: idParamsSchema, response: { 200: publicInitiativeSchema, ...errors } } }, async (r) => publicInitiative(ctx(r), r.params.id));
  app.post('/gallery/:id/supports', { config: limitedWrite(30, verifiedMembers), schema: { tags, summary: 'Ủng hộ / Support', params: idParamsSchema, response: { 200: supportResultSchema, ...errors } } }, async (r) =>
    supportInitiative(ctx(r), r.params.id),
  );
  app.get('/gallery/:id/comments', { config: open, schema: { tags, params: idParamsSchema, response: { 200: commentListSchema, ...errors } } }, async (r) => listComments(ctx(r), r.params.id));
  app.post('/gallery/:id/comments', { config: limitedWrite(10, verifiedMembers), schema: { tags, params: idParamsSchema, body: commentBodySchema, response: { 201: commentDtoSchema, ...errors } } }, async (r, reply) =>
    reply.status(201).send(await addComment(ctx(r), r.params.id, r.body.body)),
  );
  app.post('/comments/:id/reports', { config: limitedWrite(20, verifiedMembers), schema: { tags, summary: 'Báo cáo vi phạm / Report', params: idParamsSchema, body: reportCommentSchema, response: { 200: commentDtoSchema, ...errors } } }, async (r) =>
    reportComment(ctx(r), r.params.id, r.body.reason),
  );
  app.get('/moderation/comments', { config: managers, schema: { tags, response: { 200: moderationQueueSchema, ...errors } } }, async (r) => moderationQueue(ctx(r)));
  app.post('/comments/:id/moderation', { config: managers, schema: { tags, summary: 'Ẩn/hiện bình luận / Hide or show', params: idParamsSchema, body: moderateCommentSchema, response: { 200: commentDtoSchema, ...errors } } }, async (r) =>
    moderateComment(ctx(r), r.params.id, r.body),
  );

  await app.register(similarRoutes, { services });
  await app.register(initiativeAttachmentRoutes, { services });
  await app.register(movementReportRoutes, { services });
};
