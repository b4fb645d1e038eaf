import { and, count, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Locale } from '../../../shared/contracts/common.js';
import { recordAudit } from '../../lib/audit.js';
import type { ServiceContext } from '../../lib/context.js';
import { forbidden, notFound, unauthenticated } from '../../lib/errors.js';
import { enqueueJob } from '../../lib/jobs.js';
import { hasRole } from '../../lib/policy.js';
import { toIso } from '../../lib/time.js';
import { inTransaction } from '../../lib/tx.js';
import { users } from '../identity/schema.js';
import type { OutboxStatus } from './contracts.js';
import { sendMail } from './mailer.js';
import { presentNotification, presentOutboxEmail } from './presenter.js';
import { emailOutbox, notifications } from './schema.js';
import { renderEmail, renderInApp, type TemplateMessage } from './templates.js';

export type { EmailTemplateName, TemplateMessage, TemplateParams } from './templates.js';

export const sendEmailJob = 'notifications.send-email';
/** Tries per e-mail; the job gets as many, and the last failed try marks the row 'failed'. */
export const maxSendAttempts = 5;

export type QueueEmailInput = { userId: string | null; to: string; locale: Locale } & TemplateMessage;
export type NotifyUserInput = { userId: string; url?: string | null | undefined; alsoEmail?: boolean | undefined } & TemplateMessage;
export type MailSettings = { smtpUrl: string | undefined; mailFrom: string };

const notificationNotFound = (id: string) => notFound({ vi: 'Thông báo', en: 'Notification' }, id);

function signedInUserId(ctx: ServiceContext): string {
  if (!ctx.actor) throw unauthenticated();
  return ctx.actor.userId;
}

/**
 * Renders an e-mail into the outbox and queues its sending job in the caller's transaction, so
 * the mail goes out only after that transaction commits (and never when it rolls back).
 */
export async function queueEmail(ctx: ServiceContext, input: QueueEmailInput): Promise<{ id: string }> {
  const { subject, text } = renderEmail(input, input.locale);
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(emailOutbox)
      .values({
        userId: input.userId,
        toAddress: input.to,
        template: input.template,
        locale: input.locale,
        subject,
        bodyText: text,
        status: 'pending',
        createdAt: tx.clock.now().toISOString(),
      })
      .returning({ id: emailOutbox.id });
    await enqueueJob(tx.db, tx.clock, sendEmailJob, { outboxId: row!.id }, { maxAttempts: maxSendAttempts, uniqueKey: `email:${row!.id}` });
    return { id: row!.id };
  });
}

/**
 * Adds an in-app notification in both languages and, with `alsoEmail`, e-mails it in the user's
 * language. An erased account gets nothing (null).
 */
export async function notifyUser(
  ctx: ServiceContext,
  input: NotifyUserInput,
): Promise<{ notificationId: string; emailId: string | null } | null> {
  return inTransaction(ctx, async (tx) => {
    const [user] = await tx.db
      .select({ email: users.email, locale: users.locale, erasedAt: users.erasedAt })
      .from(users)
      .where(eq(users.id, input.userId));
    if (!user) throw notFound({ vi: 'Tài khoản', en: 'Account' }, input.userId);
    if (user.erasedAt !== null) return null;
    const vi = renderInApp(input, 'vi');
    const en = renderInApp(input, 'en');
    const [row] = await tx.db
      .insert(notifications)
      .values({
        userId: input.userId,
        template: input.template,
        titleVi: vi.title,
        titleEn: en.title,
        bodyVi: vi.body,
        bodyEn: en.body,
        url: input.url ?? null,
        createdAt: tx.clock.now().toISOString(),
      })
      .returning({ id: notifications.id });
    const email = input.alsoEmail ? await queueEmail(tx, { ...input, to: user.email, locale: user.locale }) : null;
    return { notificationId: row!.id, emailId: email?.id ?? null };
  });
}

/** The signed-in user's notifications, newest first, with how many are unread. */
export async function listNotifications(ctx: ServiceContext, options: { limit: number; unreadOnly: boolean }) {
  const userId = signedInUserId(ctx);
  const own = eq(notifications.userId, userId);
  const rows = await ctx.db
    .select()
    .from(notifications)
    .where(options.unreadOnly ? and(own, isNull(notifications.readAt)) : own)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(options.limit);
  const [unread] = await ctx.db
    .select({ n: count() })
    .from(notifications)
    .where(and(own, isNull(notifications.readAt)));
  return { items: rows.map(presentNotification), unreadCount: unread?.n ?? 0 };
}

/** Marks one of the user's own notifications read; someone else's is reported as not found. */
export async function markRead(ctx: ServiceContext, id: string): Promise<void> {
  const userId = signedInUserId(ctx);
  const now = ctx.clock.now().toISOString();
  // Reading twice keeps the first read time.
  const [row] = await ctx.db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, ${now}::timestamptz)` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning({ id: notifications.id });
  if (!row) throw notificationNotFound(id);
}

/** Marks every unread notification of the user read. */
export async function markAllRead(ctx: ServiceContext): Promise<void> {
  const userId = signedInUserId(ctx);
  await ctx.db
    .update(notifications)
    .set({ readAt: ctx.clock.now().toISOString() })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
}

/** The e-mail outbox for administrators, newest first; `before` is the id of the last row of the previous page. */
export async function listOutbox(
  ctx: ServiceContext,
  options: { status?: OutboxStatus | undefined; limit: number; before?: string | undefined },
) {
  if (!ctx.actor) throw unauthenticated();
  if (!hasRole(ctx.actor, 'administrator')) throw forbidden();
  let olderThan: SQL | undefined;
  if (options.before) {
    const [cursor] = await ctx.db
      .select({ id: emailOutbox.id, createdAt: emailOutbox.createdAt })
      .from(emailOutbox)
      .where(eq(emailOutbox.id, options.before));
    if (!cursor) throw notFound({ vi: 'Thư', en: 'E-mail' }, options.before);
    // Keyset on (created_at, id): several rows can share one created_at.
    olderThan = sql`(${emailOutbox.createdAt}, ${emailOutbox.id}) < (${cursor.createdAt}::timestamptz, ${cursor.id}::uuid)`;
  }
  const rows = await ctx.db
    .select()
    .from(emailOutbox)
    .where(and(options.status ? eq(emailOutbox.status, options.status) : undefined, olderThan))
    .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id))
    .limit(options.limit);
  return { items: rows.map(presentOutboxEmail) };
}

async function settle(
  ctx: ServiceContext,
  row: typeof emailOutbox.$inferSelect,
  change: Partial<Pick<typeof emailOutbox.$inferInsert, 'status' | 'attempts' | 'lastError' | 'sentAt'>>,
  action: 'email.sent' | 'email.held' | 'email.failed' | null,
): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    // Only a row still pending changes: a concurrent run that settled it first wins.
    const updated = await tx.db
      .update(emailOutbox)
      .set(change)
      .where(and(eq(emailOutbox.id, row.id), eq(emailOutbox.status, 'pending')))
      .returning({ id: emailOutbox.id });
    if (updated.length === 0) return;
    // No address and no body in the permanent log: only what kind of mail and what became of it.
    if (action)
      await recordAudit(tx, {
        action,
        entityType: 'email_outbox',
        entityId: row.id,
        after: { template: row.template, status: change.status },
      });
  });
}

/**
 * The `notifications.send-email` job: delivers one pending outbox row through SMTP, or holds it
 * for administrators when no SMTP server is configured. Rows already settled are left alone, so a
 * repeated job never sends twice. A failed try is recorded and rethrown for the job runner to retry.
 */
export async function sendOutboxEmail(ctx: ServiceContext, outboxId: string, settings: MailSettings): Promise<void> {
  const [row] = await ctx.db.select().from(emailOutbox).where(eq(emailOutbox.id, outboxId));
  // Gone (the account was erased) or already sent, held or failed.
  if (!row || row.status !== 'pending') return;
  if (!settings.smtpUrl) {
    await settle(ctx, row, { status: 'held' }, 'email.held');
    return;
  }
  const attempts = row.attempts + 1;
  try {
    await sendMail(settings.smtpUrl, { from: settings.mailFrom, to: row.toAddress, subject: row.subject, text: row.bodyText });
  } catch (error) {
    const isLast = attempts >= maxSendAttempts;
    const message = error instanceof Error ? error.message : String(error);
    await settle(
      ctx,
      row,
      { attempts, lastError: message.slice(0, 2000), status: isLast ? 'failed' : 'pending' },
      isLast ? 'email.failed' : null,
    );
    // The SMTP reply may quote the address: it stays in the outbox row, while the job table and
    // logs get only the row id, so the cause is left off on purpose.
    // eslint-disable-next-line preserve-caught-error
    throw new Error(`sending e-mail ${row.id} failed (attempt ${attempts} of ${maxSendAttempts})`);
  }
  await settle(ctx, row, { status: 'sent', attempts, sentAt: ctx.clock.now().toISOString() }, 'email.sent');
}

/** What the module holds about a person, for "download my data". Bodies stay out: their links carry live one-time tokens. */
export async function exportNotificationsOf(ctx: ServiceContext, userId: string) {
  const own = await ctx.db.select().from(notifications).where(eq(notifications.userId, userId)).orderBy(desc(notifications.createdAt));
  const emails = await ctx.db
    .select({
      toAddress: emailOutbox.toAddress,
      template: emailOutbox.template,
      subject: emailOutbox.subject,
      status: emailOutbox.status,
      createdAt: emailOutbox.createdAt,
      sentAt: emailOutbox.sentAt,
    })
    .from(emailOutbox)
    .where(eq(emailOutbox.userId, userId))
    .orderBy(desc(emailOutbox.createdAt));
  return {
    notifications: own.map(presentNotification),
    emails: emails.map((e) => ({ ...e, createdAt: toIso(e.createdAt), sentAt: toIso(e.sentAt) })),
  };
}

/**
 * Deletes a person's notifications and e-mails when they erase their account; their queued jobs
 * then find no row and stop. Queue the farewell e-mail after this runs, or it is deleted too.
 */
export async function eraseNotificationsOf(ctx: ServiceContext, userId: string): Promise<void> {
  await ctx.db.delete(notifications).where(eq(notifications.userId, userId));
  await ctx.db.delete(emailOutbox).where(eq(emailOutbox.userId, userId));
}
