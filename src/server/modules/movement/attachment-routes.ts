import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../../../shared/contracts/common.js';
import {
  attachmentUploadQuerySchema,
  idParamsSchema,
  initiativeAttachmentListSchema,
  initiativeAttachmentParamsSchema,
  initiativeAttachmentSchema,
  movementLimits,
} from '../../../shared/contracts/movement.js';
import { documentTypes } from '../../lib/media-types.js';
import { publicAccess, signedIn } from '../../lib/policy.js';
import { contextOf } from '../../lib/request-context.js';
import { readUpload } from '../../lib/uploads.js';
import type { AppServices } from '../manifest.js';
import { deleteInitiativeAttachment, listInitiativeAttachments, openInitiativeAttachment, uploadInitiativeAttachment } from './attachments.js';

const tags = ['movement'];
const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };

function sendFile(reply: FastifyReply, file: Awaited<ReturnType<typeof openInitiativeAttachment>>) {
  return reply
    .header('content-type', file.mediaType)
    .header('content-length', String(file.sizeBytes))
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .header('x-content-type-options', 'nosniff')
    .send(file.stream);
}

/** An initiative's attachments: upload and removal by the submitter, the dossier's list and downloads, the public downloads. */
export const initiativeAttachmentRoutes: FastifyPluginAsyncZod<{ services: AppServices }> = async (app, { services }) => {
  app.post(
    '/initiatives/:id/attachments',
    {
      config: {
        policy: signedIn,
        upload: { maxBytes: movementLimits.attachmentMaxBytes, accept: documentTypes },
        rateLimit: { max: 30, timeWindow: 60_000, hook: 'preHandler', keyGenerator: (r) => r.actor?.userId ?? r.ip },
      },
      schema: {
        tags,
        summary: 'Đính kèm tệp vào đơn / Attach a file (multipart, field "file"; ?confidential=true keeps it off the public side)',
        params: idParamsSchema,
        querystring: attachmentUploadQuerySchema,
        response: { 201: initiativeAttachmentSchema, ...errors, 413: errorBodySchema, 415: errorBodySchema, 429: errorBodySchema },
      },
    },
    async (request, reply) => {
      const file = await readUpload(request);
      const saved = await uploadInitiativeAttachment(contextOf(request, services), services.storage, request.params.id, file, request.query.confidential);
      return reply.status(201).send(saved);
    },
  );

  app.get(
    '/initiatives/:id/attachments',
    { config: { policy: signedIn }, schema: { tags, summary: 'Tệp đính kèm của hồ sơ / The dossier’s files', params: idParamsSchema, response: { 200: initiativeAttachmentListSchema, ...errors } } },
    async (request) => listInitiativeAttachments(contextOf(request, services), request.params.id),
  );

  app.get(
    '/initiatives/:id/attachments/:attachmentId',
    { config: { policy: signedIn }, schema: { tags, summary: 'Tải tệp của hồ sơ / Download a dossier file', params: initiativeAttachmentParamsSchema, response: errors } },
    async (request, reply) => sendFile(reply, await openInitiativeAttachment(contextOf(request, services), services.storage, request.params.id, request.params.attachmentId, 'dossier')),
  );

  app.delete(
    '/initiatives/:id/attachments/:attachmentId',
    { config: { policy: signedIn }, schema: { tags, summary: 'Xóa tệp đính kèm / Remove a file', params: initiativeAttachmentParamsSchema, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await deleteInitiativeAttachment(contextOf(request, services), services.storage, request.params.id, request.params.attachmentId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/gallery/:id/attachments/:attachmentId',
    { config: { policy: publicAccess }, schema: { tags, summary: 'Tải tệp công khai / Download a public file', params: initiativeAttachmentParamsSchema, response: { 404: errorBodySchema, 400: errorBodySchema } } },
    async (request, reply) => sendFile(reply, await openInitiativeAttachment(contextOf(request, services), services.storage, request.params.id, request.params.attachmentId, 'public')),
  );
};
