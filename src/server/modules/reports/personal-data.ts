import { eq, or } from 'drizzle-orm';
import type { ServiceContext } from '../../lib/context.js';
import { compiledReportComments, unitReports } from './schema.js';

/** What the module holds about a person: the comments they wrote and the reports they submitted or decided on. */
export async function exportReportsDataOf(ctx: ServiceContext, userId: string) {
  const comments = await ctx.db
    .select({
      id: compiledReportComments.id,
      compiledReportId: compiledReportComments.compiledReportId,
      body: compiledReportComments.body,
      createdAt: compiledReportComments.createdAt,
    })
    .from(compiledReportComments)
    .where(eq(compiledReportComments.authorId, userId));
  const reports = await ctx.db
    .select({ id: unitReports.id, state: unitReports.state, submittedAt: unitReports.submittedAt, decidedAt: unitReports.decidedAt })
    .from(unitReports)
    .where(or(eq(unitReports.submittedBy, userId), eq(unitReports.decidedBy, userId)));
  return { comments, unitReports: reports };
}
