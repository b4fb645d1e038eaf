import { eq, inArray } from 'drizzle-orm';
import type { WorkflowAction } from '../../../shared/contracts/movement.js';
import { recordAudit } from '../../lib/audit.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, conflict } from '../../lib/errors.js';
import { assignedCouncilOf, councilRolesIn, type InitiativeRow } from './access.js';
import { reviewAssignments, reviewScores } from './schema.js';
import { actionName, isCouncilStep, pastTense } from './workflow.js';

/**
 * A council step (recognise, refuse, return from review) is taken only by the chair of the council
 * the initiative is assigned to — through that council when `viaCouncilId` names one — and only
 * once every review assigned to it is in. Callers who chair no council are left to the workflow
 * table's own refusal.
 */
export async function requireCouncilStep(
  ctx: ServiceContext,
  initiative: InitiativeRow,
  action: WorkflowAction,
  viaCouncilId?: string,
): Promise<void> {
  if (!isCouncilStep(initiative.state, action)) return;
  const chaired = (await councilRolesIn(ctx, initiative.campaignId)).filter((r) => r.role === 'chair').map((r) => r.councilId);
  if (chaired.length === 0) return;
  const verb = actionName(action);
  const council = await assignedCouncilOf(ctx, initiative.id);
  if (!council) {
    throw conflict(
      {
        vi: `Sáng kiến ${initiative.code} chưa được giao cho hội đồng nào nên chưa thể ${verb.vi}; quản lý chương trình cần phân công chấm trước`,
        en: `Initiative ${initiative.code} is not assigned to a council, so it cannot be ${pastTense(action)} yet; a programme manager must assign its reviewers first`,
      },
      { reason: 'NOT_ASSIGNED', action },
    );
  }
  if (!chaired.includes(council.id) || (viaCouncilId !== undefined && viaCouncilId !== council.id)) {
    throw new AppError(
      'FORBIDDEN',
      {
        vi: `Sáng kiến ${initiative.code} không được giao cho hội đồng của bạn; chỉ chủ tịch hội đồng được giao mới được ${verb.vi} sáng kiến này`,
        en: `Initiative ${initiative.code} is not assigned to your council; it can be ${pastTense(action)} only by the chair of the council it is assigned to`,
      },
      { reason: 'NOT_THIS_COUNCIL', action },
    );
  }
  const reviews = await ctx.db
    .select({ submittedAt: reviewAssignments.submittedAt })
    .from(reviewAssignments)
    .where(eq(reviewAssignments.initiativeId, initiative.id));
  const missing = reviews.filter((r) => r.submittedAt === null).length;
  if (missing > 0) {
    throw conflict(
      {
        vi: `Còn ${missing}/${reviews.length} phiếu chấm được phân công chưa nộp; hội đồng chỉ ${verb.vi} sáng kiến ${initiative.code} khi mọi phiếu chấm đã nộp`,
        en: `${missing} of ${reviews.length} assigned score sheets are not yet submitted; initiative ${initiative.code} can be ${pastTense(action)} only once every one is in`,
      },
      { reason: 'REVIEWS_PENDING', missing, assigned: reviews.length },
    );
  }
}

/**
 * The council's return opens a new round: the changed application is scored afresh, so the sheets
 * of the round that ended are taken back (their scores kept in the audit row) and the chair cannot
 * decide again until every reviewer has scored the new version.
 */
export async function reopenScoreSheets(ctx: ServiceContext, initiative: InitiativeRow): Promise<void> {
  const assignments = await ctx.db
    .select({ id: reviewAssignments.id, reviewerId: reviewAssignments.reviewerId, submittedAt: reviewAssignments.submittedAt })
    .from(reviewAssignments)
    .where(eq(reviewAssignments.initiativeId, initiative.id));
  if (assignments.length === 0) return;
  const ids = assignments.map((a) => a.id);
  const scores = await ctx.db
    .select({ assignmentId: reviewScores.assignmentId, criterionId: reviewScores.criterionId, score: reviewScores.score })
    .from(reviewScores)
    .where(inArray(reviewScores.assignmentId, ids));
  await ctx.db.delete(reviewScores).where(inArray(reviewScores.assignmentId, ids));
  await ctx.db
    .update(reviewAssignments)
    .set({ submittedAt: null, updatedAt: ctx.clock.now().toISOString() })
    .where(inArray(reviewAssignments.id, ids));
  await recordAudit(ctx, {
    action: 'reviews.reopen',
    entityType: 'initiative',
    entityId: initiative.id,
    before: {
      sheets: assignments.map((a) => ({
        reviewerId: a.reviewerId,
        submittedAt: a.submittedAt,
        scores: scores.filter((s) => s.assignmentId === a.id).map(({ criterionId, score }) => ({ criterionId, score })),
      })),
    },
    after: { sheets: assignments.length, submitted: 0 },
  });
}
