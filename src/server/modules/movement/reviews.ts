import { movementPaths } from '../../../shared/web-paths.js';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { assignBodySchema, councilUpdateBodySchema, createCouncilSchema, decisionBodySchema, scoreSheetSchema } from '../../../shared/contracts/movement.js';
import { recordAudit } from '../../lib/audit.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, conflict, forbidden, notFound } from '../../lib/errors.js';
import { inTransaction } from '../../lib/tx.js';
import { users } from '../identity/schema.js';
import { assignedCouncilOf, councilRolesIn, initiativeWord, isAuthor, isAuthorRowOf, isProgrammeManager, loadInitiative, requireUserId, roleOnAssignedCouncil, type CouncilRole } from './access.js';
import { planAssignments, type Target } from './assignment.js';
import { criteriaOf } from './campaigns.js';
import { issueRecognitionCertificate } from './commendation.js';
import { applyTransition, authorizeTransition } from './initiatives.js';
import { notifyPeople } from './notify.js';
import { aggregate, reviewerTotal } from './scoring-method.js';
import { campaignPhases, conflictDeclarations, councilDecisions, councilMembers, initiativeAuthors, initiatives, reviewAssignments, reviewCouncils, reviewScores } from './schema.js';

const councilWord = { vi: 'Hội đồng', en: 'Council' };

async function loadCouncil(ctx: ServiceContext, id: string) {
  const [council] = await ctx.db.select().from(reviewCouncils).where(eq(reviewCouncils.id, id));
  if (!council) throw notFound(councilWord, id);
  return council;
}

async function membersOf(ctx: ServiceContext, councilId: string) {
  return ctx.db
    .select({ userId: councilMembers.userId, unitId: councilMembers.unitId, role: councilMembers.role, displayName: users.displayName })
    .from(councilMembers)
    .innerJoin(users, eq(users.id, councilMembers.userId))
    .where(eq(councilMembers.councilId, councilId))
    .orderBy(asc(councilMembers.role), asc(councilMembers.userId));
}

/** Managers see every council; members see theirs; anyone else is told it does not exist. */
async function requireCouncilReader(ctx: ServiceContext, councilId: string) {
  requireUserId(ctx);
  const council = await loadCouncil(ctx, councilId);
  if (isProgrammeManager(ctx)) return council;
  const roles = await councilRolesIn(ctx, council.campaignId);
  if (!roles.some((r) => r.councilId === councilId)) throw notFound(councilWord, councilId);
  return council;
}

/** Sets up an initiative council with its chair and members; programme managers only. */
export async function createCouncil(ctx: ServiceContext, input: z.output<typeof createCouncilSchema>) {
  if (!isProgrammeManager(ctx)) throw forbidden();
  checkMemberRoles(input.members);
  return inTransaction(ctx, async (tx) => {
    await requireAccounts(tx, input.members);
    await requirePhaseOfCampaign(tx, input.phaseId, input.campaignId);
    const { members, ...fields } = input;
    const [council] = await tx.db.insert(reviewCouncils).values(fields).returning();
    await tx.db.insert(councilMembers).values(members.map((m) => ({ ...m, councilId: council!.id })));
    await recordAudit(tx, { action: 'councils.create', entityType: 'review_council', entityId: council!.id, after: { members: members.map((m) => ({ userId: m.userId, role: m.role })) } });
    return presentCouncil(tx, council!);
  });
}

type CouncilMember = z.output<typeof createCouncilSchema>['members'][number];

function checkMemberRoles(members: readonly CouncilMember[]) {
  const chairs = members.filter((m) => m.role === 'chair').length;
  if (chairs !== 1) throw new AppError('VALIDATION', { vi: 'Hội đồng cần đúng một chủ tịch', en: 'A council needs exactly one chair' }, { field: 'members' });
  const ids = members.map((m) => m.userId);
  if (new Set(ids).size !== ids.length) throw new AppError('VALIDATION', { vi: 'Một người chỉ có một vai trò trong hội đồng', en: 'A person holds one role in a council' }, { field: 'members' });
}

/** A council reviews the whole campaign or one phase of it, never a phase of another campaign. */
async function requirePhaseOfCampaign(ctx: ServiceContext, phaseId: string | null | undefined, campaignId: string) {
  if (!phaseId) return;
  const [phase] = await ctx.db.select({ campaignId: campaignPhases.campaignId }).from(campaignPhases).where(eq(campaignPhases.id, phaseId));
  if (!phase) throw notFound({ vi: 'Giai đoạn', en: 'Phase' }, phaseId);
  if (phase.campaignId !== campaignId) throw new AppError('VALIDATION', { vi: 'Giai đoạn không thuộc phong trào của hội đồng', en: "The phase is not one of the council's campaign" }, { field: 'phaseId' });
}

async function requireAccounts(ctx: ServiceContext, members: readonly CouncilMember[]) {
  const ids = members.map((m) => m.userId);
  const found = await ctx.db.select({ id: users.id }).from(users).where(inArray(users.id, ids));
  const missing = ids.filter((id) => !found.some((f) => f.id === id));
  if (missing.length > 0) throw notFound({ vi: 'Tài khoản', en: 'Account' }, missing[0]!);
}

/**
 * Renames a council, moves it to another phase of its campaign, changes its threshold or its members
 * (programme managers). A member who has been given initiatives to review stays a reviewing member:
 * their sheets would be left without a reviewer, and the chair does not review.
 */
export async function updateCouncil(ctx: ServiceContext, councilId: string, input: z.output<typeof councilUpdateBodySchema>) {
  if (!isProgrammeManager(ctx)) throw forbidden();
  if (input.members) checkMemberRoles(input.members);
  return inTransaction(ctx, async (tx) => {
    const [before] = await tx.db.select().from(reviewCouncils).where(eq(reviewCouncils.id, councilId)).for('update');
    if (!before) throw notFound(councilWord, councilId);
    await requirePhaseOfCampaign(tx, input.phaseId, before.campaignId);
    const { members, ...fields } = input;
    const membersBefore = await membersOf(tx, councilId);
    if (members) {
      await requireAccounts(tx, members);
      const reviewers = await tx.db.selectDistinct({ userId: reviewAssignments.reviewerId }).from(reviewAssignments).where(eq(reviewAssignments.councilId, councilId));
      const stranded = reviewers.filter((r) => !members.some((m) => m.userId === r.userId && m.role !== 'chair'));
      if (stranded.length > 0) {
        const names = membersBefore.filter((m) => stranded.some((s) => s.userId === m.userId)).map((m) => m.displayName).join(', ');
        throw conflict(
          { vi: `Thành viên đã được phân công chấm phải tiếp tục là thành viên chấm: ${names}`, en: `Members who have been given initiatives to review must stay reviewing members: ${names}` },
          { field: 'members', reason: 'MEMBER_HAS_REVIEWS', userIds: stranded.map((s) => s.userId) },
        );
      }
      await tx.db.delete(councilMembers).where(eq(councilMembers.councilId, councilId));
      await tx.db.insert(councilMembers).values(members.map((m) => ({ ...m, councilId })));
    }
    const [after] = await tx.db.update(reviewCouncils).set({ ...fields, updatedAt: tx.clock.now().toISOString() }).where(eq(reviewCouncils.id, councilId)).returning();
    const summary = (list: ReadonlyArray<{ userId: string; role: string; unitId: string | null }>) => list.map((m) => ({ userId: m.userId, role: m.role, unitId: m.unitId }));
    await recordAudit(tx, {
      action: 'councils.update',
      entityType: 'review_council',
      entityId: councilId,
      before: { ...before, members: summary(membersBefore) },
      after: { ...fields, ...(members ? { members: summary(members) } : {}) },
    });
    return presentCouncil(tx, after!);
  });
}

export async function getCouncil(ctx: ServiceContext, councilId: string) {
  return presentCouncil(ctx, await requireCouncilReader(ctx, councilId));
}

/** The councils the caller sits on (all of them for managers). */
export async function listCouncils(ctx: ServiceContext) {
  const userId = requireUserId(ctx);
  const mine = ctx.db.select({ id: councilMembers.councilId }).from(councilMembers).where(eq(councilMembers.userId, userId));
  const rows = await ctx.db
    .select()
    .from(reviewCouncils)
    .where(isProgrammeManager(ctx) ? undefined : inArray(reviewCouncils.id, mine))
    .orderBy(asc(reviewCouncils.createdAt), asc(reviewCouncils.id));
  const councils = [];
  for (const row of rows) councils.push(await presentCouncil(ctx, row));
  return { councils };
}

async function presentCouncil(ctx: ServiceContext, council: typeof reviewCouncils.$inferSelect) {
  const members = await membersOf(ctx, council.id);
  const loads = await ctx.db
    .select({ reviewerId: reviewAssignments.reviewerId, n: sql<number>`count(*)::int` })
    .from(reviewAssignments)
    .where(eq(reviewAssignments.councilId, council.id))
    .groupBy(reviewAssignments.reviewerId);
  return {
    id: council.id,
    campaignId: council.campaignId,
    phaseId: council.phaseId,
    name: { vi: council.nameVi, en: council.nameEn },
    approvalThresholdPercent: council.approvalThresholdPercent,
    members: members.map((m) => ({ ...m, load: loads.find((l) => l.reviewerId === m.userId)?.n ?? 0 })),
  };
}

/** A council member declares a conflict of interest; an open assignment to that initiative is removed. */
export async function declareConflict(ctx: ServiceContext, initiativeId: string, reason: string) {
  const userId = requireUserId(ctx);
  return inTransaction(ctx, async (tx) => {
    const initiative = await loadInitiative(tx, initiativeId);
    // Before assignment any member of the campaign's councils may (so they are not chosen); after, only the assigned council's.
    const council = await assignedCouncilOf(tx, initiativeId);
    const memberships = await councilRolesIn(tx, initiative.campaignId);
    if (!memberships.some((m) => council === null || m.councilId === council.id)) throw notFound(initiativeWord, initiativeId);
    await tx.db.insert(conflictDeclarations).values({ userId, initiativeId, reason }).onConflictDoUpdate({ target: [conflictDeclarations.userId, conflictDeclarations.initiativeId], set: { reason } });
    const removed = await tx.db
      .delete(reviewAssignments)
      .where(and(eq(reviewAssignments.initiativeId, initiativeId), eq(reviewAssignments.reviewerId, userId), isNull(reviewAssignments.submittedAt)))
      .returning({ id: reviewAssignments.id });
    await recordAudit(tx, { action: 'reviews.declare-conflict', entityType: 'initiative', entityId: initiativeId, after: { reason, assignmentRemoved: removed.length > 0 } });
  });
}

/** Assigns reviewers to initiatives under review, balancing load and never choosing a conflicted member. */
export async function assignReviewers(ctx: ServiceContext, councilId: string, input: z.output<typeof assignBodySchema>) {
  if (!isProgrammeManager(ctx)) throw forbidden();
  return inTransaction(ctx, async (tx) => {
    const council = await loadCouncil(tx, councilId);
    // The chair presides and records the decision; members review.
    const members = (await membersOf(tx, councilId)).filter((m) => m.role !== 'chair');
    const loads = await tx.db
      .select({ reviewerId: reviewAssignments.reviewerId, n: sql<number>`count(*)::int` })
      .from(reviewAssignments)
      .where(isNull(reviewAssignments.submittedAt))
      .groupBy(reviewAssignments.reviewerId);
    const candidates = members.map((m) => ({ userId: m.userId, unitId: m.unitId, load: loads.find((l) => l.reviewerId === m.userId)?.n ?? 0 }));
    const ids = [...new Set(input.initiativeIds)].sort();
    // Locked in id order: two managers assigning the same initiative to two councils wait for each other.
    const rows = await tx.db.select().from(initiatives).where(inArray(initiatives.id, ids)).orderBy(asc(initiatives.id)).for('update');
    const targets: Target[] = [];
    for (const id of ids) {
      const row = rows.find((r) => r.id === id);
      if (!row) throw notFound(initiativeWord, id);
      if (row.campaignId !== council.campaignId) throw new AppError('VALIDATION', { vi: `Sáng kiến ${row.code} không thuộc phong trào của hội đồng`, en: `Initiative ${row.code} is not in the council's campaign` }, { initiativeId: id });
      if (row.state !== 'under_review') throw conflict({ vi: `Sáng kiến ${row.code} chưa được chuyển hội đồng xem xét`, en: `Initiative ${row.code} has not been sent to the council` }, { initiativeId: id, state: row.state });
      const authors = await tx.db.select({ userId: initiativeAuthors.userId }).from(initiativeAuthors).where(eq(initiativeAuthors.initiativeId, id));
      const declared = await tx.db.select({ userId: conflictDeclarations.userId }).from(conflictDeclarations).where(eq(conflictDeclarations.initiativeId, id));
      const existing = await tx.db.select({ userId: reviewAssignments.reviewerId, councilId: reviewAssignments.councilId }).from(reviewAssignments).where(eq(reviewAssignments.initiativeId, id));
      if (existing.some((e) => e.councilId !== councilId)) {
        throw conflict(
          { vi: `Sáng kiến ${row.code} đã được giao cho một hội đồng khác; mỗi sáng kiến chỉ do một hội đồng xem xét`, en: `Initiative ${row.code} is already assigned to another council; each initiative is reviewed by one council` },
          { reason: 'ASSIGNED_TO_ANOTHER_COUNCIL', initiativeId: id },
        );
      }
      targets.push({
        initiativeId: id,
        unitId: row.unitId,
        authorUserIds: new Set([row.submitterId, ...authors.map((a) => a.userId)].filter((x): x is string => x !== null)),
        declaredConflicts: new Set(declared.map((d) => d.userId)),
        alreadyAssigned: new Set(existing.map((e) => e.userId)),
      });
    }
    const plan = planAssignments(candidates, targets, input.reviewersPerInitiative);
    const short = plan.filter((p) => p.shortBy > 0);
    if (short.length > 0) {
      const codes = short.map((s) => rows.find((r) => r.id === s.initiativeId)!.code).join(', ');
      throw conflict(
        { vi: `Không đủ thành viên không xung đột lợi ích để phân công: ${codes}`, en: `Not enough members without a conflict of interest to assign: ${codes}` },
        { reason: 'NOT_ENOUGH_REVIEWERS', initiatives: short },
      );
    }
    for (const p of plan) {
      if (p.reviewerIds.length === 0) continue;
      await tx.db.insert(reviewAssignments).values(p.reviewerIds.map((reviewerId) => ({ councilId, initiativeId: p.initiativeId, reviewerId })));
      const row = rows.find((r) => r.id === p.initiativeId)!;
      await notifyPeople(tx, p.reviewerIds, {
        title: { vi: `Phân công chấm sáng kiến ${row.code}`, en: `Review assigned: initiative ${row.code}` },
        body: { vi: `Bạn được phân công chấm “${row.title}”.`, en: `You are asked to review “${row.title}”.` },
        url: movementPaths.score(p.initiativeId),
      });
    }
    await recordAudit(tx, { action: 'reviews.assign', entityType: 'review_council', entityId: councilId, after: { plan: plan.map((p) => ({ initiativeId: p.initiativeId, reviewerIds: p.reviewerIds })) } });
    return { assignments: plan.map((p) => ({ initiativeId: p.initiativeId, reviewerIds: p.reviewerIds })) };
  });
}

/** The signed-in reviewer's assignments. */
export async function listMyReviews(ctx: ServiceContext) {
  const userId = requireUserId(ctx);
  const rows = await ctx.db
    .select({ a: reviewAssignments, code: initiatives.code, title: initiatives.title })
    .from(reviewAssignments)
    .innerJoin(initiatives, eq(initiatives.id, reviewAssignments.initiativeId))
    .where(eq(reviewAssignments.reviewerId, userId))
    .orderBy(asc(reviewAssignments.createdAt), asc(reviewAssignments.id));
  return {
    tasks: rows.map((r) => ({ assignmentId: r.a.id, councilId: r.a.councilId, initiativeId: r.a.initiativeId, initiativeCode: r.code, initiativeTitle: r.title, submittedAt: r.a.submittedAt })),
  };
}

/** A reviewer's independent score sheet, one score per criterion, submitted once. */
export async function submitScores(ctx: ServiceContext, initiativeId: string, input: z.output<typeof scoreSheetSchema>) {
  const userId = requireUserId(ctx);
  return inTransaction(ctx, async (tx) => {
    const [assignment] = await tx.db
      .select()
      .from(reviewAssignments)
      .where(and(eq(reviewAssignments.initiativeId, initiativeId), eq(reviewAssignments.reviewerId, userId)))
      .for('update');
    if (!assignment) throw notFound({ vi: 'Phân công chấm', en: 'Review assignment' }, initiativeId);
    if (assignment.submittedAt !== null) throw conflict({ vi: 'Bạn đã nộp phiếu chấm; phiếu không sửa được nữa', en: 'You have already submitted your scores; they can no longer be changed' }, { reason: 'ALREADY_SUBMITTED' });
    const initiative = await loadInitiative(tx, initiativeId);
    if (initiative.state !== 'under_review') throw conflict({ vi: 'Sáng kiến không còn trong giai đoạn chấm', en: 'The initiative is no longer under review' }, { state: initiative.state });
    const criteria = await criteriaOf(tx, initiative.campaignId);
    for (const criterion of criteria) {
      const entry = input.scores.find((s) => s.criterionId === criterion.id);
      if (!entry) throw new AppError('VALIDATION', { vi: `Chưa chấm tiêu chí “${criterion.nameVi}”`, en: `Criterion “${criterion.nameEn}” has no score` }, { criterionId: criterion.id });
      if (entry.score < criterion.scaleMin || entry.score > criterion.scaleMax) {
        throw new AppError(
          'VALIDATION',
          { vi: `Điểm tiêu chí “${criterion.nameVi}” phải từ ${criterion.scaleMin} đến ${criterion.scaleMax}`, en: `The score for “${criterion.nameEn}” must be from ${criterion.scaleMin} to ${criterion.scaleMax}` },
          { criterionId: criterion.id },
        );
      }
    }
    const unknown = input.scores.find((s) => !criteria.some((c) => c.id === s.criterionId));
    if (unknown) throw new AppError('VALIDATION', { vi: 'Tiêu chí không thuộc phong trào này', en: 'A criterion is not one of this campaign' }, { criterionId: unknown.criterionId });
    await tx.db.insert(reviewScores).values(input.scores.map((s) => ({ ...s, assignmentId: assignment.id })));
    await tx.db.update(reviewAssignments).set({ submittedAt: tx.clock.now().toISOString() }).where(eq(reviewAssignments.id, assignment.id));
    const total = reviewerTotal(criteria, input.scores);
    await recordAudit(tx, { action: 'reviews.submit-scores', entityType: 'initiative', entityId: initiativeId, after: { assignmentId: assignment.id, total } });
    return scoresView(tx, initiativeId);
  });
}

/**
 * How much of an initiative's scores a person sees. Only its own council: managers and the chair see
 * every sheet; a reviewer sees the others' only after submitting their own (so each scores
 * independently); other members of that council see them all; an author never does, even one who
 * sits on the council. Everyone else sees nothing.
 */
export function scoreSight(who: { isManager: boolean; councilRole: CouncilRole | null; isAuthor: boolean; myAssignment: { submittedAt: string | null } | undefined }): 'none' | 'own' | 'all' {
  if (who.isManager) return 'all';
  if (who.councilRole === null || who.isAuthor) return 'none';
  if (who.councilRole === 'chair') return 'all';
  return who.myAssignment && who.myAssignment.submittedAt === null ? 'own' : 'all';
}

/** Scores of an initiative as the caller may see them (`scoreSight`); those who see none are told it does not exist. */
export async function scoresView(ctx: ServiceContext, initiativeId: string) {
  const userId = requireUserId(ctx);
  const initiative = await loadInitiative(ctx, initiativeId);
  const assignments = await ctx.db
    .select({ a: reviewAssignments, name: users.displayName })
    .from(reviewAssignments)
    .innerJoin(users, eq(users.id, reviewAssignments.reviewerId))
    .where(eq(reviewAssignments.initiativeId, initiativeId))
    .orderBy(asc(reviewAssignments.id));
  const mine = assignments.find((x) => x.a.reviewerId === userId);
  const sight = scoreSight({ isManager: isProgrammeManager(ctx), councilRole: await roleOnAssignedCouncil(ctx, initiativeId), isAuthor: await isAuthor(ctx, initiative), myAssignment: mine?.a });
  if (sight === 'none') throw notFound(initiativeWord, initiativeId);
  const criteria = await criteriaOf(ctx, initiative.campaignId);
  const scores = assignments.length
    ? await ctx.db.select().from(reviewScores).where(inArray(reviewScores.assignmentId, assignments.map((x) => x.a.id))).orderBy(asc(reviewScores.id))
    : [];
  const sheetOf = (assignmentId: string) =>
    scores.filter((s) => s.assignmentId === assignmentId).map((s) => ({ criterionId: s.criterionId, score: s.score, comment: s.comment }));
  const submitted = assignments.filter((x) => x.a.submittedAt !== null);
  const others =
    sight === 'all' ? submitted.filter((x) => x.a.reviewerId !== userId).map((x) => ({ reviewerName: x.name, total: reviewerTotal(criteria, sheetOf(x.a.id)), scores: sheetOf(x.a.id) })) : [];
  return {
    mine: mine ? sheetOf(mine.a.id) : [],
    mySubmittedAt: mine?.a.submittedAt ?? null,
    others,
    aggregate: sight === 'all' ? aggregate(submitted.map((x) => reviewerTotal(criteria, sheetOf(x.a.id)))) : null,
  };
}

/**
 * The council's ranking: initiatives it reviews, by mean score, disputed ones flagged. A row's
 * scores show only to those `scoreSight` lets see them all (a reviewer yet to submit sees none),
 * and rows are ranked on what the caller sees, so a position gives nothing away.
 */
export async function councilRanking(ctx: ServiceContext, councilId: string) {
  const council = await requireCouncilReader(ctx, councilId);
  const userId = requireUserId(ctx);
  const isManager = isProgrammeManager(ctx);
  const councilRole = isManager ? null : ((await councilRolesIn(ctx, council.campaignId)).find((r) => r.councilId === councilId)?.role ?? null);
  const criteria = await criteriaOf(ctx, council.campaignId);
  const assignments = await ctx.db
    .select({ a: reviewAssignments, code: initiatives.code, title: initiatives.title, state: initiatives.state, submitterId: initiatives.submitterId })
    .from(reviewAssignments)
    .innerJoin(initiatives, eq(initiatives.id, reviewAssignments.initiativeId))
    .where(eq(reviewAssignments.councilId, councilId))
    .orderBy(asc(reviewAssignments.id));
  const initiativeIds = [...new Set(assignments.map((x) => x.a.initiativeId))];
  const authored = initiativeIds.length
    ? new Set((await ctx.db.select({ id: initiativeAuthors.initiativeId }).from(initiativeAuthors).where(and(inArray(initiativeAuthors.initiativeId, initiativeIds), isAuthorRowOf(userId)))).map((r) => r.id))
    : new Set<string>();
  const scores = assignments.length
    ? await ctx.db.select().from(reviewScores).where(inArray(reviewScores.assignmentId, assignments.map((x) => x.a.id))).orderBy(asc(reviewScores.id))
    : [];
  const byInitiative = new Map<string, typeof assignments>();
  for (const x of assignments) byInitiative.set(x.a.initiativeId, [...(byInitiative.get(x.a.initiativeId) ?? []), x]);
  const rows = [...byInitiative.entries()].map(([initiativeId, list]) => {
    const done = list.filter((x) => x.a.submittedAt !== null);
    const sight = scoreSight({
      isManager,
      councilRole,
      isAuthor: list[0]!.submitterId === userId || authored.has(initiativeId),
      myAssignment: list.find((x) => x.a.reviewerId === userId)?.a,
    });
    const agg = sight === 'all' ? aggregate(done.map((x) => reviewerTotal(criteria, scores.filter((s) => s.assignmentId === x.a.id)))) : null;
    return {
      initiativeId,
      code: list[0]!.code,
      title: list[0]!.title,
      state: list[0]!.state,
      mean: agg?.mean ?? null,
      spread: agg?.spread ?? null,
      reviewers: done.length,
      pendingReviews: list.length - done.length,
      isDisputed: agg?.isDisputed ?? false,
    };
  });
  rows.sort((a, b) => (b.mean ?? -1) - (a.mean ?? -1) || (a.code < b.code ? -1 : 1));
  return { rows: rows.map((r, i) => ({ rank: i + 1, ...r })) };
}

/** The council's decision with its vote tally, recorded by the chair; recognition needs the configured majority. */
export async function decideInitiative(ctx: ServiceContext, councilId: string, input: z.output<typeof decisionBodySchema>) {
  requireUserId(ctx);
  return inTransaction(ctx, async (tx) => {
    const council = await loadCouncil(tx, councilId);
    const initiative = await loadInitiative(tx, input.initiativeId, true);
    if (initiative.campaignId !== council.campaignId) throw notFound(initiativeWord, input.initiativeId);
    const roles = await councilRolesIn(tx, council.campaignId);
    if (!roles.some((r) => r.councilId === councilId && r.role === 'chair')) {
      throw new AppError('FORBIDDEN', { vi: 'Chỉ chủ tịch hội đồng mới ghi nhận quyết định của hội đồng', en: 'Only the council chair records the council’s decision' });
    }
    const action = input.outcome === 'recognised' ? 'recognise' : 'refuse';
    // The state, this council's assignment and every review being in come before the tally.
    await authorizeTransition(tx, initiative, action, councilId);
    const members = await membersOf(tx, councilId);
    const votes = input.votesFor + input.votesAgainst + input.votesAbstain;
    if (votes > members.length) throw new AppError('VALIDATION', { vi: `Tổng số phiếu (${votes}) vượt số thành viên (${members.length})`, en: `Votes cast (${votes}) exceed the members (${members.length})` }, { field: 'votesFor' });
    if (votes * 3 < members.length * 2) throw new AppError('VALIDATION', { vi: 'Chưa đủ 2/3 thành viên tham gia biểu quyết', en: 'Fewer than two thirds of the members voted' }, { field: 'votesFor' });
    const reachesMajority = input.votesFor * 100 >= council.approvalThresholdPercent * members.length;
    if (input.outcome === 'recognised') {
      if (!reachesMajority) {
        throw new AppError('VALIDATION', { vi: `Cần ít nhất ${council.approvalThresholdPercent}% thành viên đồng ý để công nhận`, en: `Recognition needs at least ${council.approvalThresholdPercent}% of members in favour` }, { field: 'votesFor' });
      }
      if (input.scope === null) throw new AppError('VALIDATION', { vi: 'Chọn phạm vi ảnh hưởng của sáng kiến', en: 'Choose the initiative’s scope' }, { field: 'scope' });
    }
    const view = await scoresView(tx, initiative.id);
    const now = tx.clock.now().toISOString();
    const scope = input.outcome === 'recognised' ? input.scope : null;
    const updated = await applyTransition(tx, initiative, action, input.reason, { scope, decidedAt: now });
    if (input.outcome === 'recognised') await issueRecognitionCertificate(tx, updated, council.nameVi);
    await tx.db.insert(councilDecisions).values({
      councilId,
      initiativeId: initiative.id,
      outcome: input.outcome,
      scope,
      votesFor: input.votesFor,
      votesAgainst: input.votesAgainst,
      votesAbstain: input.votesAbstain,
      aggregateScore: view.aggregate ? Math.round(view.aggregate.mean * 100) : null,
      reason: input.reason,
      decidedBy: tx.actor!.userId,
      decidedAt: now,
    });
    return { id: updated.id, state: updated.state, scope: updated.scope };
  });
}

export async function decisionsOf(ctx: ServiceContext, councilId: string) {
  await requireCouncilReader(ctx, councilId);
  return ctx.db
    .select({ d: councilDecisions, code: initiatives.code, title: initiatives.title })
    .from(councilDecisions)
    .innerJoin(initiatives, eq(initiatives.id, councilDecisions.initiativeId))
    .where(eq(councilDecisions.councilId, councilId))
    .orderBy(asc(councilDecisions.decidedAt), asc(councilDecisions.id));
}

export { loadCouncil, membersOf, requireCouncilReader };
