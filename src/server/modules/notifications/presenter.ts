import type { z } from 'zod';
import type { notificationSchema } from '../../../shared/contracts/identity.js';
import { toIso } from '../../lib/time.js';
import type { outboxEmailSchema } from './contracts.js';
import type { emailOutbox, notifications } from './schema.js';

/** A notification row as the API shows it: both languages side by side. */
export function presentNotification(row: typeof notifications.$inferSelect): z.infer<typeof notificationSchema> {
  return {
    id: row.id,
    template: row.template,
    title: { vi: row.titleVi, en: row.titleEn },
    body: { vi: row.bodyVi, en: row.bodyEn },
    url: row.url,
    readAt: toIso(row.readAt),
    createdAt: toIso(row.createdAt),
  };
}

/** An outbox row for administrators. */
export function presentOutboxEmail(row: typeof emailOutbox.$inferSelect): z.infer<typeof outboxEmailSchema> {
  return {
    id: row.id,
    toAddress: row.toAddress,
    template: row.template,
    locale: row.locale,
    subject: row.subject,
    bodyText: row.bodyText,
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    sentAt: toIso(row.sentAt),
    createdAt: toIso(row.createdAt),
  };
}
