import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../../../shared/contracts/common.js';
import {
  attachmentSchema,
  commentBodySchema,
  extensionDecisionBodySchema,
  extensionRequestBodySchema,
  importResultSchema,
  planCreateBodySchema,
  planDetailSchema,
  planSchema,
  planUpdateBodySchema,
  progressReportBodySchema,
  scorecardQuerySchema,
  scorecardSchema,
  taskCreateBodySchema,
  taskDetailSchema,
  taskGroupCreateBodySchema,
  taskGroupEditSchema,
  taskGroupUpdateBodySchema,
  taskLifecycleBodySchema,
  taskListQuerySchema,
  taskListSchema,
  taskUpdateBodySchema,
} from '../../../shared/contracts/plans.js';
import { AppError } from '../../lib/errors.js';
import { documentTypes, xlsxMediaType } from '../../lib/media-types.js';
import { programmeManagers, publicAccess, withVerifiedEmail } from '../../lib/policy.js';
import { contextOf } from '../../lib/request-context.js';
import { versionedBy } from '../../lib/versioning.js';
import { sendTable, tableMediaTypes } from '../../lib/tabular-export.js';
import { readUpload, readWholeFile } from '../../lib/uploads.js';
import type { AppServices } from '../manifest.js';
import { rotateCalendarFeed, unitCalendar } from './calendar.js';
import { decideExtension, requestExtension } from './extensions-service.js';
import { unitStaff } from './policy.js';
import { changeTaskLifecycle } from './lifecycle.js';
import { createPlan, createTaskGroup, getPlan, getTaskGroup, listPlans, updatePlan, updateTaskGroup } from './plans-service.js';
import { attachmentUrl } from './presenter.js';
import { addComment, fileProgressReport, openReportFile, uploadProductFile } from './reports-service.js';
import { getScorecard } from './scorecards.js';
import { plans, taskGroups, tasks } from './schema.js';
import { plansSettings } from './settings.js';
import { getTask } from './task-detail.js';
import { createTask, listMyUnitTasks, listPlanTasks, updateTask } from './tasks-service.js';
import { exportPlanTasks, importMaxBytes, importPlanTasks, importTemplate } from './xlsx-service.js';

const planParams = z.object({ planId: z.string().trim().min(1).max(60) });
const planIdParams = z.object({ planId: z.uuid() });
const taskParams = z.object({ taskId: z.uuid() });
const groupParams = z.object({ groupId: z.uuid() });
const idParams = z.object({ id: z.uuid() });
const created = z.object({ id: z.uuid() });

/** Plans, task groups, tasks, progress reports, extensions and scorecards. */
export const plansRoutes: FastifyPluginAsyncZod<{ services: AppServices }> = async (app, { services }) => {
  const ctx = (request: Parameters<typeof contextOf>[0]) => contextOf(request, services);
  const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };
  const managers = { policy: programmeManagers };
  const staff = { policy: unitStaff };
  // Progress reports and comments are filed under the officer's name.
  const verifiedStaff = { policy: withVerifiedEmail(unitStaff) };
  const open = { policy: publicAccess };
  const planRow = versionedBy<{ planId: string }>(plans, (r) => r.params.planId);
  const taskRow = versionedBy<{ taskId: string }>(tasks, (r) => r.params.taskId);
  const groupRow = versionedBy<{ groupId: string }>(taskGroups, (r) => r.params.groupId);
  const tags = ['plans'];

  app.get(
    '',
    { config: open, schema: { tags, summary: 'Kế hoạch / Plans', response: { 200: z.object({ items: z.array(planSchema) }) } } },
    async (request) => ({
      items: await listPlans(ctx(request)),
    }),
  );

  app.post(
    '',
    {
      config: managers,
      schema: { tags, summary: 'Tạo kế hoạch / Create a plan', body: planCreateBodySchema, response: { 201: planSchema, ...errors } },
    },
    async (request, reply) => reply.status(201).send(await createPlan(ctx(request), request.body)),
  );

  app.get(
    '/my-tasks',
    {
      config: staff,
      schema: {
        tags,
        summary: 'Nhiệm vụ của đơn vị tôi / My unit’s tasks',
        querystring: taskListQuerySchema,
        response: { 200: taskListSchema, ...errors },
      },
    },
    async (request) => listMyUnitTasks(ctx(request), request.query),
  );

  app.get(
    '/scorecards',
    {
      config: open,
      schema: {
        tags,
        summary: 'Bảng đánh giá đơn vị / Unit scorecards',
        querystring: scorecardQuerySchema,
        response: { 200: scorecardSchema, ...errors },
      },
    },
    async (request) => getScorecard(ctx(request), request.query),
  );

  const xlsx = [tableMediaTypes.xlsx];
  app.get(
    '/import-template.xlsx',
    { config: open, schema: { tags, summary: 'Tệp mẫu nhập nhiệm vụ / Task import template (XLSX)', produces: xlsx } },
    async (request, reply) => sendTable(reply, 'xlsx', 'mau-nhap-nhiem-vu.xlsx', await importTemplate(ctx(request))),
  );

  app.get(
    '/:planId',
    {
      config: { ...open, versioned: planRow },
      schema: {
        tags,
        summary: 'Kế hoạch (mã hoặc id) / A plan (code or id)',
        params: planParams,
        response: { 200: planDetailSchema, ...errors },
      },
    },
    async (request) => getPlan(ctx(request), request.params.planId),
  );

  app.patch(
    '/:planId',
    {
      config: { ...managers, versioned: planRow },
      schema: { tags, params: planIdParams, body: planUpdateBodySchema, response: { 200: planSchema, ...errors } },
    },
    async (request) => updatePlan(ctx(request), request.params.planId, request.body),
  );

  app.post(
    '/:planId/groups',
    { config: managers, schema: { tags, params: planIdParams, body: taskGroupCreateBodySchema, response: { 201: created, ...errors } } },
    async (request, reply) => {
      const group = await createTaskGroup(ctx(request), request.params.planId, request.body);
      return reply.status(201).send({ id: group.id });
    },
  );

  app.get(
    '/groups/:groupId',
    {
      config: { ...managers, versioned: groupRow },
      schema: {
        tags,
        summary: 'Nhóm nhiệm vụ để sửa / A task group, for editing',
        params: groupParams,
        response: { 200: taskGroupEditSchema, ...errors },
      },
    },
    async (request) => getTaskGroup(ctx(request), request.params.groupId),
  );

  app.patch(
    '/groups/:groupId',
    {
      config: { ...managers, versioned: groupRow },
      schema: {
        tags,
        summary: 'Đổi tên nhóm nhiệm vụ / Rename a task group',
        params: groupParams,
        body: taskGroupUpdateBodySchema,
        response: { 200: taskGroupEditSchema, ...errors },
      },
    },
    async (request) => updateTaskGroup(ctx(request), request.params.groupId, request.body),
  );

  app.get(
    '/:planId/export.xlsx',
    { config: open, schema: { tags, summary: 'Xuất nhiệm vụ / Export tasks (XLSX)', params: planParams, produces: xlsx } },
    async (request, reply) => {
      const { fileName, bytes } = await exportPlanTasks(ctx(request), request.params.planId);
      return sendTable(reply, 'xlsx', fileName, bytes);
    },
  );

  app.post(
    '/:planId/import',
    {
      config: { ...managers, upload: { maxBytes: importMaxBytes, accept: [xlsxMediaType] } },
      schema: {
        tags,
        summary: 'Nhập nhiệm vụ từ XLSX, tất cả hoặc không / Import tasks from XLSX, all or nothing (multipart, field "file")',
        params: planIdParams,
        response: { 200: importResultSchema, ...errors, 413: errorBodySchema, 415: errorBodySchema },
      },
    },
    async (request, reply) => {
      const file = await readWholeFile(await readUpload(request));
      const result = await importPlanTasks(ctx(request), request.params.planId, file.bytes);
      if (result.errors.length > 0) {
        const first = result.errors[0]!;
        const more = result.errors.length - 1;
        throw new AppError(
          'VALIDATION',
          {
            vi: `Không nhập nhiệm vụ nào: ${result.errors.length} dòng lỗi; dòng ${first.row}: ${first.message.vi}${more ? ` (và ${more} lỗi khác)` : ''}`,
            en: `Nothing imported: ${result.errors.length} bad rows; row ${first.row}: ${first.message.en}${more ? ` (and ${more} more)` : ''}`,
          },
          { rows: result.errors },
        );
      }
      return reply.status(200).send(result);
    },
  );

  app.get(
    '/:planId/tasks',
    {
      config: open,
      schema: {
        tags,
        summary: 'Nhiệm vụ của kế hoạch / A plan’s tasks',
        params: planParams,
        querystring: taskListQuerySchema,
        response: { 200: taskListSchema, ...errors },
      },
    },
    async (request) => listPlanTasks(ctx(request), request.params.planId, request.query),
  );

  app.post(
    '/:planId/tasks',
    {
      config: managers,
      schema: {
        tags,
        summary: 'Giao nhiệm vụ / Assign a task',
        params: planIdParams,
        body: taskCreateBodySchema,
        response: { 201: created, ...errors },
      },
    },
    async (request, reply) => {
      const task = await createTask(ctx(request), request.params.planId, request.body);
      return reply.status(201).send({ id: task.id });
    },
  );

  app.get(
    '/tasks/:taskId',
    { config: { ...open, versioned: taskRow }, schema: { tags, params: taskParams, response: { 200: taskDetailSchema, ...errors } } },
    async (request) => getTask(ctx(request), request.params.taskId),
  );

  app.patch(
    '/tasks/:taskId',
    {
      config: { ...managers, versioned: taskRow },
      schema: { tags, params: taskParams, body: taskUpdateBodySchema, response: { 200: created, ...errors } },
    },
    async (request) => {
      const task = await updateTask(ctx(request), request.params.taskId, request.body);
      return { id: task.id };
    },
  );

  app.post(
    '/tasks/:taskId/lifecycle',
    {
      config: managers,
      schema: {
        tags,
        summary: 'Tạm dừng, tiếp tục hoặc rút nhiệm vụ, có lý do / Suspend, resume or withdraw a task, with a reason',
        params: taskParams,
        body: taskLifecycleBodySchema,
        response: { 200: created, ...errors },
      },
    },
    async (request) => {
      const task = await changeTaskLifecycle(ctx(request), request.params.taskId, request.body);
      return { id: task.id };
    },
  );

  app.post(
    '/tasks/:taskId/attachments',
    {
      config: { ...staff, upload: { maxBytes: plansSettings.attachmentMaxBytes, accept: documentTypes } },
      schema: {
        tags,
        summary: 'Tải lên sản phẩm / Upload a product file (multipart, field "file")',
        params: taskParams,
        response: { 201: attachmentSchema, ...errors, 413: errorBodySchema, 415: errorBodySchema },
      },
    },
    async (request, reply) => {
      const row = await uploadProductFile(ctx(request), services.storage, request.params.taskId, await readUpload(request));
      return reply
        .status(201)
        .send({ id: row.id, fileName: row.fileName, mediaType: row.mediaType, sizeBytes: row.sizeBytes, url: attachmentUrl(row.id) });
    },
  );

  app.get(
    '/attachments/:id',
    { config: open, schema: { tags, summary: 'Tải xuống sản phẩm / Download a product file', params: idParams } },
    async (request, reply) => {
      const { attachment, stream } = await openReportFile(ctx(request), services.storage, request.params.id);
      return reply
        .header('content-type', attachment.mediaType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`)
        .header('x-content-type-options', 'nosniff')
        .send(stream);
    },
  );

  app.post(
    '/tasks/:taskId/reports',
    {
      config: verifiedStaff,
      schema: {
        tags,
        summary: 'Báo cáo tiến độ / File a progress report',
        params: taskParams,
        body: progressReportBodySchema,
        response: { 201: created, ...errors },
      },
    },
    async (request, reply) => {
      const report = await fileProgressReport(ctx(request), request.params.taskId, request.body);
      return reply.status(201).send({ id: report.id });
    },
  );

  app.post(
    '/tasks/:taskId/comments',
    { config: verifiedStaff, schema: { tags, params: taskParams, body: commentBodySchema, response: { 201: created, ...errors } } },
    async (request, reply) => {
      const comment = await addComment(ctx(request), request.params.taskId, request.body.body);
      return reply.status(201).send({ id: comment.id });
    },
  );

  app.post(
    '/tasks/:taskId/extensions',
    {
      config: staff,
      schema: {
        tags,
        summary: 'Đề nghị gia hạn / Request an extension',
        params: taskParams,
        body: extensionRequestBodySchema,
        response: { 201: created, ...errors },
      },
    },
    async (request, reply) => {
      const row = await requestExtension(ctx(request), request.params.taskId, request.body);
      return reply.status(201).send({ id: row.id });
    },
  );

  app.post(
    '/units/:unitId/calendar-feed',
    {
      config: staff,
      schema: {
        tags,
        summary: 'Tạo địa chỉ lịch của đơn vị (iCalendar) / Create the unit’s calendar feed URL',
        params: z.object({ unitId: z.uuid() }),
        response: { 201: z.object({ url: z.string() }), ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await rotateCalendarFeed(ctx(request), request.params.unitId, services.config.baseUrl)),
  );

  // Calendar apps send no cookie: the secret token in the URL is the permission.
  app.get(
    '/calendar/:file',
    {
      config: open,
      schema: {
        tags,
        summary: 'Lịch hạn nhiệm vụ của đơn vị / A unit’s deadlines (iCalendar)',
        params: z.object({ file: z.string().regex(/^[0-9a-f]{48}\.ics$/) }),
      },
    },
    async (request, reply) =>
      reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .send(await unitCalendar(ctx(request), request.params.file.slice(0, -4), services.config.baseUrl)),
  );

  app.post(
    '/extensions/:id/decision',
    {
      config: managers,
      schema: {
        tags,
        summary: 'Duyệt gia hạn / Decide an extension',
        params: idParams,
        body: extensionDecisionBodySchema,
        response: { 200: created, ...errors },
      },
    },
    async (request) => {
      const row = await decideExtension(ctx(request), request.params.id, request.body);
      return { id: row.id };
    },
  );
};
