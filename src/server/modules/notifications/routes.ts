import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../../../shared/contracts/common.js';
import { administrators, signedIn } from '../../lib/policy.js';
import { contextOf } from '../../lib/request-context.js';
import type { AppServices } from '../manifest.js';
import {
  notificationListQuerySchema,
  notificationListSchema,
  notificationParamsSchema,
  outboxListSchema,
  outboxQuerySchema,
} from './contracts.js';
import { listNotifications, listOutbox, markAllRead, markRead } from './service.js';

/** The signed-in user's notifications, and the e-mail outbox for administrators. */
export const notificationsRoutes: FastifyPluginAsyncZod<{ services: AppServices }> = async (app, { services }) => {
  const own = { policy: signedIn };
  const refused = { 401: errorBodySchema, 403: errorBodySchema };
  const noContent = { 204: z.null(), ...refused, 404: errorBodySchema };

  app.get(
    '',
    {
      config: own,
      schema: {
        tags: ['notifications'],
        summary: 'Thông báo của tôi / My notifications',
        querystring: notificationListQuerySchema,
        response: { 200: notificationListSchema, ...refused },
      },
    },
    async (request) => listNotifications(contextOf(request, services), request.query),
  );

  app.post(
    '/:id/read',
    {
      config: own,
      schema: { tags: ['notifications'], summary: 'Đánh dấu đã đọc / Mark read', params: notificationParamsSchema, response: noContent },
    },
    async (request, reply) => {
      await markRead(contextOf(request, services), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/read-all',
    { config: own, schema: { tags: ['notifications'], summary: 'Đánh dấu tất cả đã đọc / Mark all read', response: noContent } },
    async (request, reply) => {
      await markAllRead(contextOf(request, services));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/outbox',
    {
      config: { policy: administrators },
      schema: {
        tags: ['admin'],
        summary: 'Hộp thư đi / E-mail outbox',
        querystring: outboxQuerySchema,
        response: { 200: outboxListSchema, ...refused, 404: errorBodySchema },
      },
    },
    async (request) => listOutbox(contextOf(request, services), request.query),
  );
};
