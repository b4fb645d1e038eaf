import { z } from 'zod';
import type { ModuleManifest } from '../manifest.js';
import { notificationsRoutes } from './routes.js';
import { eraseNotificationsOf, exportNotificationsOf, sendEmailJob, sendOutboxEmail } from './service.js';

const sendEmailPayload = z.object({ outboxId: z.uuid() });

export const notificationsModule: ModuleManifest = {
  name: 'notifications',
  prefix: '/api/notifications',
  routes: notificationsRoutes,
  jobs: (services) => ({
    [sendEmailJob]: async (ctx, payload) =>
      sendOutboxEmail(ctx, sendEmailPayload.parse(payload).outboxId, {
        smtpUrl: services.config.smtpUrl,
        mailFrom: services.config.mailFrom,
      }),
  }),
  exportPersonalData: exportNotificationsOf,
  erasePersonalData: eraseNotificationsOf,
};
