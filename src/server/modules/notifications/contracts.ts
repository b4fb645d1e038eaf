import { z } from 'zod';
import { notificationSchema } from '../../../shared/contracts/identity.js';

export const outboxStatuses = ['pending', 'sent', 'failed', 'held'] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

export const notificationListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  unreadOnly: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
});
export const notificationListSchema = z.object({ items: z.array(notificationSchema), unreadCount: z.number().int() });
export const notificationParamsSchema = z.object({ id: z.uuid() });

export const outboxQuerySchema = z.object({
  status: z.enum(outboxStatuses).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  /** Rows older than this one: the next page. */
  before: z.uuid().optional(),
});
export const outboxEmailSchema = z.object({
  id: z.uuid(),
  toAddress: z.string(),
  template: z.string(),
  locale: z.enum(['vi', 'en']),
  subject: z.string(),
  bodyText: z.string(),
  status: z.enum(outboxStatuses),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
});
export const outboxListSchema = z.object({ items: z.array(outboxEmailSchema) });
