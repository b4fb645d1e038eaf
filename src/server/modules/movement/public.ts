import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type moderateCommentSchema, type PublicInitiative } from '../../../shared/contracts/movement.js';
import { recordAudit } from '../../lib/audit.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, forbidden, notFound } from '../../lib/errors.js';
import { inTransaction } from '../../lib/tx.js';
import { units, users } from '../identity/schema.js';
import { initiativeWord, isProgrammeManager, requireUserId } from './access.js';
import { publicAttachments } from './attachments.js';
import { listAwards, replicationsOf } from './commendation.js';
import { checkComment } from './content-filter.js';
import { isPublic } from './gallery.js';
import { campaigns, commentReports, initiativeAuthors, initiativeComments, initiatives, initiativeSupports } from './schema.js';

/** Reports from this many different accounts hold a comment until a moderator looks at it. */
export const reportsToHold = 3;

async function loadPublic(ctx: ServiceContext, id: string) {
  const [row] = await ctx.db
    .select()
    .from(initiatives)
    .where(and(eq(initiatives.id, id), isPublic));
  if (!row) throw notFound(initiativeWord, id);
  return row;
}

/** One public initiative, without its confidential part or the authors' personal details. */
export async function publicInitiative(ctx: ServiceContext, id: string): Promise<PublicInitiative> {
  const row = await loadPublic(ctx, id);
  const authors = await ctx.db
    .select()
    .from(initiativeAuthors)
    .where(eq(initiativeAuthors.initiativeId, id))
    .orderBy(asc(initiativeAuthors.position));
  const [campaign] = await ctx.db.select({ code: campaigns.code }).from(campaigns).where(eq(campaigns.id, row.campaignId));
  const [unit] = row.unitId ? await ctx.db.select().from(units).where(eq(units.id, row.unitId)) : [];
  const mine = ctx.actor
    ? await ctx.db
        .select({ id: initiativeSupports.userId })
        .from(initiativeSupports)
        .where(and(eq(initiativeSupports.initiativeId, id), eq(initiativeSupports.userId, ctx.actor.userId)))
    : [];
  const replicated = await replicationsOf(ctx, [id]);
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    kind: row.kind,
    fieldCode: row.fieldCode,
    campaignCode: campaign?.code ?? '',
    authors: authors.map((a) => ({ fullName: a.fullName, contributionPercent: a.contributionPercent })),
    ownerName: row.ownerName,
    unitName: unit ? { vi: unit.nameVi, en: unit.nameEn } : null,
    firstAppliedOn: row.firstAppliedOn,
    essence: row.essence,
    conditions: row.conditions,
    benefits: row.benefits,
    state: row.state,
    scope: row.scope,
    decidedAt: row.decidedAt,
    supportCount: row.supportCount,
    supportedByMe: mine.length > 0,
    awards: (await listAwards(ctx, { initiativeId: id })).awards.map((a) => ({
      id: a.id,
      type: a.type,
      awardedOn: a.awardedOn,
      decisionRef: a.decisionRef,
    })),
    replications: replicated.map((r) => ({
      unitName: { vi: r.unit.nameVi, en: r.unit.nameEn },
      adoptedOn: r.r.adoptedOn,
      results: r.r.results,
    })),
    attachments: await publicAttachments(ctx, row),
  };
}

/**
 * One support per account per initiative, counted exactly: the primary key refuses a second row, and a
 * trigger moves the counter when the transaction commits (migration 0026), only for a row really added.
 * One statement checks that the initiative is public and adds the row. The count answered is the one
 * this request saw, plus its own support.
 */
export async function supportInitiative(ctx: ServiceContext, id: string) {
  const userId = requireUserId(ctx);
  const now = ctx.clock.now().toISOString();
  return inTransaction(ctx, async (tx) => {
    const target = tx.db.$with('target').as(
      tx.db
        .select({ id: initiatives.id })
        .from(initiatives)
        .where(and(eq(initiatives.id, id), isPublic)),
    );
    const added = tx.db.$with('added').as(
      tx.db
        .insert(initiativeSupports)
        .select(
          tx.db
            .select({
              initiativeId: target.id,
              userId: sql<string>`${userId}::uuid`.as('user_id'),
              createdAt: sql<string>`${now}::timestamptz`.as('created_at'),
            })
            .from(target),
        )
        .onConflictDoNothing()
        .returning({ initiativeId: initiativeSupports.initiativeId }),
    );
    const [outcome] = await tx.db
      .with(target, added)
      .select({
        found: sql<boolean>`exists (select 1 from ${target})`,
        added: sql<boolean>`exists (select 1 from ${added})`,
        seen: initiatives.supportCount,
      })
      .from(initiatives)
      .where(eq(initiatives.id, id));
    if (!outcome?.found) throw notFound(initiativeWord, id);
    if (!outcome.added) return { supportCount: outcome.seen, supportedByMe: true };
    await recordAudit(tx, { action: 'initiatives.support', entityType: 'initiative', entityId: id });
    return { supportCount: outcome.seen + 1, supportedByMe: true };
  });
}

type CommentRow = typeof initiativeComments.$inferSelect;

/** `viewerId`: who reads it, so their own comment is marked (a reader does not report their own words). */
function presentComment(row: CommentRow, authorName: string | null, viewerId: string | undefined) {
  return {
    id: row.id,
    authorName: authorName ?? '—',
    isMine: viewerId !== undefined && row.authorId === viewerId,
    body: row.body,
    status: row.status,
    createdAt: row.createdAt,
    reportCount: row.reportCount,
  };
}

/** Visible comments of a public initiative, oldest first. */
export async function listComments(ctx: ServiceContext, initiativeId: string) {
  await loadPublic(ctx, initiativeId);
  const rows = await ctx.db
    .select({ c: initiativeComments, name: users.displayName })
    .from(initiativeComments)
    .leftJoin(users, eq(users.id, initiativeComments.authorId))
    .where(and(eq(initiativeComments.initiativeId, initiativeId), eq(initiativeComments.status, 'visible')))
    .orderBy(asc(initiativeComments.createdAt), asc(initiativeComments.id));
  return { comments: rows.map((r) => presentComment(r.c, r.name, ctx.actor?.userId)) };
}

/** Adds a comment after the filter: profanity is refused with a clear message, spam waits for a moderator. */
export async function addComment(ctx: ServiceContext, initiativeId: string, body: string) {
  const userId = requireUserId(ctx);
  const verdict = checkComment(body);
  if (verdict.verdict === 'refused') {
    throw new AppError(
      'VALIDATION',
      {
        vi: 'Bình luận có từ ngữ thô tục; vui lòng viết lại lịch sự hơn',
        en: 'The comment contains offensive language; please rephrase it',
      },
      { field: 'body', reason: 'PROFANITY' },
    );
  }
  return inTransaction(ctx, async (tx) => {
    await loadPublic(tx, initiativeId);
    const status = verdict.verdict === 'held' ? 'held' : 'visible';
    const [row] = await tx.db
      .insert(initiativeComments)
      .values({
        initiativeId,
        authorId: userId,
        body,
        status,
        moderationNote: verdict.verdict === 'held' ? `filter:${verdict.reason}` : '',
        createdAt: tx.clock.now().toISOString(),
      })
      .returning();
    await recordAudit(tx, {
      action: 'comments.create',
      entityType: 'initiative_comment',
      entityId: row!.id,
      after: { initiativeId, status },
    });
    return presentComment(row!, tx.actor!.displayName || null, userId);
  });
}

/** A signed-in reader reports a comment; enough distinct reports hold it for a moderator. */
export async function reportComment(ctx: ServiceContext, commentId: string, reason: string) {
  const userId = requireUserId(ctx);
  return inTransaction(ctx, async (tx) => {
    const [comment] = await tx.db.select().from(initiativeComments).where(eq(initiativeComments.id, commentId)).for('update');
    if (!comment || comment.status === 'hidden') throw notFound({ vi: 'Bình luận', en: 'Comment' }, commentId);
    const added = await tx.db
      .insert(commentReports)
      .values({ commentId, reporterId: userId, reason })
      .onConflictDoNothing()
      .returning({ id: commentReports.commentId });
    if (added.length === 0) return presentComment(comment, null, userId);
    const reportCount = comment.reportCount + 1;
    const status = comment.status === 'visible' && reportCount >= reportsToHold ? 'held' : comment.status;
    const [row] = await tx.db
      .update(initiativeComments)
      .set({ reportCount, status, moderationNote: status !== comment.status ? 'reports' : comment.moderationNote })
      .where(eq(initiativeComments.id, commentId))
      .returning();
    await recordAudit(tx, {
      action: 'comments.report',
      entityType: 'initiative_comment',
      entityId: commentId,
      after: { reason, reportCount, status },
    });
    return presentComment(row!, null, userId);
  });
}

/** The moderation queue: held or reported comments, each with its initiative and why it waits. */
export async function moderationQueue(ctx: ServiceContext) {
  if (!isProgrammeManager(ctx)) throw forbidden();
  const rows = await ctx.db
    .select({ c: initiativeComments, name: users.displayName, title: initiatives.title })
    .from(initiativeComments)
    .innerJoin(initiatives, eq(initiatives.id, initiativeComments.initiativeId))
    .leftJoin(users, eq(users.id, initiativeComments.authorId))
    .where(
      sql`${initiativeComments.status} = 'held' or (${initiativeComments.status} = 'visible' and ${initiativeComments.reportCount} > 0)`,
    )
    .orderBy(desc(initiativeComments.reportCount), asc(initiativeComments.createdAt), asc(initiativeComments.id))
    .limit(200);
  const ids = rows.map((r) => r.c.id);
  const reports =
    ids.length === 0
      ? []
      : await ctx.db
          .select()
          .from(commentReports)
          .where(inArray(commentReports.commentId, ids))
          .orderBy(asc(commentReports.createdAt), asc(commentReports.reporterId));
  return {
    comments: rows.map((r) => {
      const note = r.c.moderationNote;
      // The filter writes `filter:<reason>`, reports write `reports`; anything else is a moderator's note.
      const heldBy = note.startsWith('filter:') ? 'filter' : r.c.reportCount > 0 ? 'reports' : 'moderator';
      return {
        ...presentComment(r.c, r.name, ctx.actor?.userId),
        initiativeId: r.c.initiativeId,
        initiativeTitle: r.title,
        heldBy: heldBy as 'filter' | 'reports' | 'moderator',
        heldReason: note.startsWith('filter:') ? note.slice('filter:'.length) : note,
        reportReasons: reports.filter((x) => x.commentId === r.c.id).map((x) => x.reason),
      };
    }),
  };
}

/** A moderator hides or shows a comment, with a note; either way it leaves the moderation queue. */
export async function moderateComment(ctx: ServiceContext, commentId: string, input: z.output<typeof moderateCommentSchema>) {
  if (!isProgrammeManager(ctx)) throw forbidden();
  return inTransaction(ctx, async (tx) => {
    const [comment] = await tx.db.select().from(initiativeComments).where(eq(initiativeComments.id, commentId)).for('update');
    if (!comment) throw notFound({ vi: 'Bình luận', en: 'Comment' }, commentId);
    const status = input.action === 'hide' ? 'hidden' : 'visible';
    // Showing dismisses the reports so far: the comment leaves the queue until new readers report it.
    const dismissed = input.action === 'show' ? { reportCount: 0 } : {};
    const [row] = await tx.db
      .update(initiativeComments)
      .set({ status, moderationNote: input.note, ...dismissed })
      .where(eq(initiativeComments.id, commentId))
      .returning();
    await recordAudit(tx, {
      action: `comments.${input.action}`,
      entityType: 'initiative_comment',
      entityId: commentId,
      before: { status: comment.status },
      after: { status, note: input.note },
    });
    return presentComment(row!, null, ctx.actor?.userId);
  });
}
