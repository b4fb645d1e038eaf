import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, idColumn } from '../../db/columns.js';
import { users } from '../identity/schema.js';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

/** In-app notifications, in both languages, for one user. */
export const notifications = pgTable(
  'notifications',
  {
    id: idColumn(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    template: text('template').notNull(),
    titleVi: text('title_vi').notNull(),
    titleEn: text('title_en').notNull(),
    bodyVi: text('body_vi').notNull(),
    bodyEn: text('body_en').notNull(),
    url: text('url'),
    readAt: instant('read_at'),
    createdAt: createdAt(),
  },
  (t) => [index('notifications_user_id_created_at_idx').on(t.userId, t.createdAt)],
);

/**
 * Every e-mail the platform sends. With SMTP_URL set a job delivers it; without, it stays here for
 * administrators to read (the outbox).
 */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: idColumn(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    toAddress: text('to_address').notNull(),
    template: text('template').notNull(),
    locale: text('locale', { enum: ['vi', 'en'] }).notNull(),
    subject: text('subject').notNull(),
    bodyText: text('body_text').notNull(),
    status: text('status', { enum: ['pending', 'sent', 'failed', 'held'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    sentAt: instant('sent_at'),
    createdAt: createdAt(),
  },
  (t) => [index('email_outbox_status_idx').on(t.status), index('email_outbox_user_id_idx').on(t.userId)],
);
