import { asc, eq } from 'drizzle-orm';
import type { ServiceContext } from '../../lib/context.js';
import { toIso } from '../../lib/time.js';
import { progressReports, taskComments, taskExtensions, tasks } from './schema.js';

/** What the module holds about a person, for "download my data": the reports, requests and comments they wrote. */
export async function exportPlansDataOf(ctx: ServiceContext, userId: string) {
  const reports = await ctx.db
    .select({
      taskCode: tasks.code,
      period: progressReports.period,
      percent: progressReports.percent,
      narrative: progressReports.narrative,
      createdAt: progressReports.createdAt,
    })
    .from(progressReports)
    .innerJoin(tasks, eq(tasks.id, progressReports.taskId))
    .where(eq(progressReports.authorId, userId))
    .orderBy(asc(progressReports.createdAt));
  const comments = await ctx.db
    .select({ taskCode: tasks.code, body: taskComments.body, createdAt: taskComments.createdAt })
    .from(taskComments)
    .innerJoin(tasks, eq(tasks.id, taskComments.taskId))
    .where(eq(taskComments.authorId, userId))
    .orderBy(asc(taskComments.createdAt));
  const extensionRequests = await ctx.db
    .select({
      taskCode: tasks.code,
      kind: taskExtensions.kind,
      reason: taskExtensions.reason,
      status: taskExtensions.status,
      createdAt: taskExtensions.createdAt,
    })
    .from(taskExtensions)
    .innerJoin(tasks, eq(tasks.id, taskExtensions.taskId))
    .where(eq(taskExtensions.requestedBy, userId))
    .orderBy(asc(taskExtensions.createdAt));
  return {
    progressReports: reports.map((r) => ({ ...r, createdAt: toIso(r.createdAt) })),
    comments: comments.map((c) => ({ ...c, createdAt: toIso(c.createdAt) })),
    extensionRequests: extensionRequests.map((e) => ({ ...e, createdAt: toIso(e.createdAt) })),
  };
}

/**
 * When a person erases their account: their comments go; reports and extension requests are the
 * unit's official record and stay, no longer linked to them.
 */
export async function erasePlansDataOf(ctx: ServiceContext, userId: string): Promise<void> {
  await ctx.db.delete(taskComments).where(eq(taskComments.authorId, userId));
  await ctx.db.update(progressReports).set({ authorId: null }).where(eq(progressReports.authorId, userId));
  await ctx.db.update(taskExtensions).set({ requestedBy: null }).where(eq(taskExtensions.requestedBy, userId));
  await ctx.db.update(taskExtensions).set({ decidedBy: null }).where(eq(taskExtensions.decidedBy, userId));
}
