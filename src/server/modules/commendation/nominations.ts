import { randomUUID } from 'node:crypto';
import { and, asc, count, desc, eq, inArray, notInArray, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import {
  commendationLimits,
  type NominationAction,
  type NominationRole,
  type NominationState,
  type nominationBodySchema,
  type nominationPatchSchema,
  type nominationTransitionSchema,
} from '../../../shared/contracts/commendation.js';
import { commendationPaths } from '../../../shared/web-paths.js';
import { recordAudit } from '../../lib/audit.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, conflict, notFound } from '../../lib/errors.js';
import { inTransaction } from '../../lib/tx.js';
import { units } from '../identity/schema.js';
import { cityDate } from '../movement/decision-deadline.js';
import { notifyPeople } from '../notifications/messages-to-people.js';
import {
  councilWord,
  isProgrammeManager,
  loadNomination,
  nominationRolesFor,
  nominationWord,
  officerUnitIds,
  requireReader,
  requireUserId,
  type NominationRow,
} from './access.js';
import { loadCouncil } from './councils.js';
import { evaluateEligibility } from './eligibility.js';
import { factsOf, nomineeKeyOf } from './facts.js';
import { presentNomination, presentSummaries } from './presenter.js';
import {
  commendationCouncilMembers,
  commendationTitles,
  nominationAttachments,
  nominations,
  nominationTransitions,
  nominationVoters,
} from './schema.js';
import { isQuorumMet, isThresholdMet, markClosed, openVote, tallyForClosing, titleOf } from './votes.js';
import { editableStates, resolveTransition, stateName, type Transition } from './workflow.js';

type Body = z.output<typeof nominationBodySchema>;
type Patch = z.output<typeof nominationPatchSchema>;

async function titleByCode(ctx: ServiceContext, code: Body['titleCode']) {
  const [title] = await ctx.db.select().from(commendationTitles).where(eq(commendationTitles.code, code));
  if (!title) throw notFound({ vi: 'Danh hiệu', en: 'Title' }, code);
  return title;
}

async function requireUnit(ctx: ServiceContext, id: string, field: string) {
  const [unit] = await ctx.db.select().from(units).where(eq(units.id, id));
  if (!unit) throw new AppError('VALIDATION', { vi: `Đơn vị '${id}' không tồn tại`, en: `Unit '${id}' not found` }, { field });
  return unit;
}

/** Rules across the dossier's fields, on the dossier as it will be (a PATCH sends only a part). */
function checkDossier(ctx: ServiceContext, dossier: Pick<Body, 'year' | 'subject' | 'collective' | 'ratings' | 'priorTitles'>): void {
  const thisYear = Number(cityDate(ctx.clock.now()).slice(0, 4));
  const problem = (field: string, vi: string, en: string) => new AppError('VALIDATION', { vi, en }, { field });
  if (dossier.year > thisYear)
    throw problem('year', `Năm xét khen thưởng không thể sau năm ${thisYear}`, `The year cannot be after ${thisYear}`);
  if (dossier.subject === 'individual' && dossier.collective !== null)
    throw problem(
      'collective',
      'Số liệu tập thể chỉ dành cho đề nghị khen thưởng tập thể',
      'Collective figures belong only to a collective’s nomination',
    );
  const c = dossier.collective;
  if (c) {
    for (const [key, vi, en] of [
      ['membersCompletingTasks', 'hoàn thành nhiệm vụ', 'completing tasks'],
      ['membersLdtt', 'đạt Lao động tiên tiến', 'Advanced Workers'],
      ['membersCstdCs', 'đạt Chiến sĩ thi đua cơ sở', 'Grassroots Emulation Fighters'],
      ['membersDisciplined', 'bị kỷ luật', 'disciplined'],
    ] as const) {
      if (c[key] > c.members)
        throw problem(
          `collective.${key}`,
          `Số cá nhân ${vi} không thể lớn hơn số thành viên (${c.members})`,
          `Members ${en} cannot exceed the members (${c.members})`,
        );
    }
  }
  const years = dossier.ratings.map((r) => r.year);
  if (new Set(years).size !== years.length) throw problem('ratings', 'Mỗi năm chỉ có một kết quả đánh giá', 'One rating per year');
  const titles = dossier.priorTitles.map((p) => `${p.year}/${p.titleCode}`);
  if (new Set(titles).size !== titles.length)
    throw problem('priorTitles', 'Một danh hiệu chỉ ghi một lần cho mỗi năm', 'A title is entered once per year');
}

/** A unit officer drafts a nomination for someone of their unit; it can be incomplete until submitted. */
export async function createNomination(ctx: ServiceContext, input: Body) {
  requireUserId(ctx);
  checkDossier(ctx, input);
  return inTransaction(ctx, async (tx) => {
    const unit = await requireUnit(tx, input.unitId, 'unitId');
    if (!(await officerUnitIds(tx)).has(unit.id)) {
      throw new AppError('FORBIDDEN', {
        vi: `Chỉ cán bộ của ${unit.nameVi} mới đề nghị khen thưởng cho đơn vị này`,
        en: `Only an officer of ${unit.nameEn} may nominate for it`,
      });
    }
    await requireUnit(tx, input.nomineeUnitId, 'nomineeUnitId');
    const title = await titleByCode(tx, input.titleCode);
    const { titleCode: _code, ...fields } = input;
    const [row] = await tx.db
      .insert(nominations)
      .values({
        ...fields,
        titleId: title.id,
        code: `KT-${input.year}-${randomUUID().slice(0, 8).toUpperCase()}`,
        nomineeKey: nomineeKeyOf(input.nomineeName),
        createdBy: tx.actor!.userId,
      })
      .returning();
    await recordAudit(tx, {
      action: 'commendation.nominations.create',
      entityType: 'nomination',
      entityId: row!.id,
      after: { code: row!.code, title: title.code, level: row!.level, year: row!.year },
    });
    return presentNomination(tx, row!, await nominationRolesFor(tx, row!));
  });
}

/** The unit officer edits the dossier while it is a draft or returned; only the fields sent change. */
export async function updateNomination(ctx: ServiceContext, id: string, patch: Patch) {
  requireUserId(ctx);
  return inTransaction(ctx, async (tx) => {
    const before = await loadNomination(tx, id, true);
    const roles = await requireReader(tx, before);
    if (!roles.includes('unit_officer')) {
      throw new AppError(
        'FORBIDDEN',
        { vi: 'Chỉ cán bộ của đơn vị đề nghị mới sửa hồ sơ', en: 'Only an officer of the nominating unit edits the dossier' },
        { reason: 'NOT_UNIT_OFFICER' },
      );
    }
    if (!editableStates.includes(before.state)) {
      throw conflict(
        {
          vi: `Đề nghị ở trạng thái “${stateName(before.state).vi}” không sửa được nữa`,
          en: `A nomination in state “${stateName(before.state).en}” can no longer be edited`,
        },
        { reason: 'NOT_EDITABLE', state: before.state },
      );
    }
    const { titleCode, ...fields } = patch;
    checkDossier(tx, {
      year: fields.year ?? before.year,
      subject: fields.subject ?? before.subject,
      collective: fields.collective !== undefined ? fields.collective : before.collective,
      ratings: fields.ratings ?? before.ratings,
      priorTitles: fields.priorTitles ?? before.priorTitles,
    });
    if (fields.nomineeUnitId !== undefined) await requireUnit(tx, fields.nomineeUnitId, 'nomineeUnitId');
    const titleId = titleCode !== undefined ? (await titleByCode(tx, titleCode)).id : before.titleId;
    const [row] = await tx.db
      .update(nominations)
      .set({
        ...fields,
        titleId,
        ...(fields.nomineeName !== undefined ? { nomineeKey: nomineeKeyOf(fields.nomineeName) } : {}),
        updatedAt: tx.clock.now().toISOString(),
      })
      .where(eq(nominations.id, id))
      .returning();
    await recordAudit(tx, {
      action: 'commendation.nominations.update',
      entityType: 'nomination',
      entityId: id,
      after: { changed: Object.keys(patch).sort() },
    });
    return presentNomination(tx, row!, roles);
  });
}

/** The whole dossier, for those who may read it (`requireReader`); others get 404. */
export async function getNomination(ctx: ServiceContext, id: string) {
  const row = await loadNomination(ctx, id);
  return presentNomination(ctx, row, await requireReader(ctx, row));
}

/**
 * The nominations the caller works on: every one for programme managers; their units' for officers;
 * those before their council for its members (once put to the vote).
 */
export async function listNominations(ctx: ServiceContext, query: { state?: NominationState | undefined; limit: number }) {
  const userId = requireUserId(ctx);
  const scope: SQL[] = [];
  if (!isProgrammeManager(ctx)) {
    const mine = [...(await officerUnitIds(ctx))];
    if (mine.length > 0) scope.push(inArray(nominations.unitId, mine));
    const councils = ctx.db
      .select({ id: commendationCouncilMembers.councilId })
      .from(commendationCouncilMembers)
      .where(eq(commendationCouncilMembers.userId, userId));
    scope.push(
      and(inArray(nominations.councilId, councils), notInArray(nominations.state, ['draft', 'submitted', 'returned', 'withdrawn']))!,
    );
  }
  const where = and(scope.length ? or(...scope) : undefined, query.state ? eq(nominations.state, query.state) : undefined);
  const rows = await ctx.db
    .select()
    .from(nominations)
    .where(where)
    .orderBy(desc(nominations.updatedAt), asc(nominations.id))
    .limit(query.limit);
  const [total] = await ctx.db.select({ n: count() }).from(nominations).where(where);
  return { items: await presentSummaries(ctx, rows), total: total?.n ?? 0 };
}

// ---------------------------------------------------------------------------------------------
// The workflow

/** What Article 84 asks of a dossier, and what the platform can tell of it, before it leaves the unit. */
async function checkSubmittable(ctx: ServiceContext, row: NominationRow): Promise<void> {
  const problems: Array<{ field: string; vi: string; en: string }> = [];
  if (row.achievementReport.trim().length < commendationLimits.reportMin)
    problems.push({
      field: 'achievementReport',
      vi: `Báo cáo thành tích cần ít nhất ${commendationLimits.reportMin} ký tự (Luật Thi đua, khen thưởng 2022, Điều 84)`,
      en: `The achievement report needs at least ${commendationLimits.reportMin} characters (Law 06/2022/QH15, Article 84)`,
    });
  if (row.level === 'city') {
    const [files] = await ctx.db.select({ n: count() }).from(nominationAttachments).where(eq(nominationAttachments.nominationId, row.id));
    if ((files?.n ?? 0) === 0)
      problems.push({
        field: 'attachments',
        vi: 'Đề nghị lên Thành phố cần kèm biên bản bình xét của đơn vị (Luật Thi đua, khen thưởng 2022, Điều 84 khoản 1 điểm c)',
        en: 'A proposal to the city needs the minutes of the unit’s own review attached (Law 06/2022/QH15, Article 84(1)(c))',
      });
  }
  const eligibility = evaluateEligibility(await factsOf(ctx, row));
  for (const c of eligibility.checks.filter((x) => x.status === 'not_met'))
    problems.push({ field: `eligibility.${c.code}`, vi: c.message.vi, en: c.message.en });
  if (problems.length > 0) {
    throw new AppError(
      'VALIDATION',
      {
        vi: `Chưa gửi được đề nghị: ${problems.map((p) => p.vi).join('; ')}`,
        en: `The nomination cannot be submitted yet: ${problems.map((p) => p.en).join('; ')}`,
      },
      { reason: 'NOT_SUBMITTABLE', problems },
    );
  }
  // Law 06/2022/QH15 (principles of commendation): one achievement is not commended twice in one form.
  const [twin] = await ctx.db
    .select({ code: nominations.code })
    .from(nominations)
    .where(
      and(
        eq(nominations.nomineeKey, row.nomineeKey),
        eq(nominations.nomineeUnitId, row.nomineeUnitId),
        eq(nominations.titleId, row.titleId),
        eq(nominations.year, row.year),
        inArray(nominations.state, ['submitted', 'voting', 'approved', 'issued']),
        notInArray(nominations.id, [row.id]),
      ),
    );
  if (twin) {
    throw conflict(
      {
        vi: `${row.nomineeName} đã có đề nghị ${twin.code} cho danh hiệu này năm ${row.year}; một thành tích không khen thưởng hai lần`,
        en: `${row.nomineeName} already has nomination ${twin.code} for this title in ${row.year}; one achievement is not commended twice`,
      },
      { reason: 'DUPLICATE', code: twin.code },
    );
  }
}

/**
 * Moves a nomination through the workflow table in the caller's transaction: keeps the history row
 * and the audit row, and tells the unit's officer who wrote it.
 */
export async function applyTransition(
  ctx: ServiceContext,
  row: NominationRow,
  action: NominationAction,
  roles: readonly NominationRole[],
  options: {
    reason?: string;
    outcome?: Transition['when'];
    extra?: Partial<typeof nominations.$inferInsert>;
    audit?: Record<string, unknown>;
  } = {},
): Promise<NominationRow> {
  const transition = resolveTransition(row.state, action, roles, options.outcome);
  const reason = options.reason ?? '';
  if (transition.needsReason && reason.trim().length < 3) {
    throw new AppError(
      'VALIDATION',
      { vi: 'Vui lòng ghi rõ lý do (ít nhất 3 ký tự)', en: 'Please give a reason (at least 3 characters)' },
      { field: 'reason', reason: 'REASON_REQUIRED' },
    );
  }
  const now = ctx.clock.now().toISOString();
  const [updated] = await ctx.db
    .update(nominations)
    .set({ ...options.extra, state: transition.to, updatedAt: now, ...(action === 'submit' ? { submittedAt: now } : {}) })
    .where(eq(nominations.id, row.id))
    .returning();
  await ctx.db.insert(nominationTransitions).values({
    nominationId: row.id,
    action,
    fromState: row.state,
    toState: transition.to,
    actorId: ctx.actor?.userId ?? null,
    actorRole: transition.role,
    reason,
    occurredAt: now,
  });
  await recordAudit(ctx, {
    action: `commendation.nominations.${action.replaceAll('_', '-')}`,
    entityType: 'nomination',
    entityId: row.id,
    before: { state: row.state },
    after: { state: transition.to, role: transition.role, reason, ...options.audit },
  });
  const to = stateName(transition.to);
  await notifyPeople(ctx, [row.createdBy], {
    title: { vi: `Đề nghị khen thưởng ${row.code}: ${to.vi}`, en: `Nomination ${row.code}: ${to.en}` },
    body: {
      vi: `Đề nghị khen thưởng ${row.nomineeName} chuyển sang “${to.vi}”.${reason ? ` Lý do: ${reason}` : ''}`,
      en: `The nomination of ${row.nomineeName} is now “${to.en}”.${reason ? ` Reason: ${reason}` : ''}`,
    },
    url: commendationPaths.nomination(row.id),
  });
  return updated!;
}

/** The council a vote goes to must be the council of the unit whose head decides: the nominating unit's, or the city's. */
async function requireVotingCouncil(ctx: ServiceContext, row: NominationRow, councilId: string | null) {
  if (councilId === null) {
    throw new AppError('VALIDATION', { vi: 'Chọn hội đồng bỏ phiếu', en: 'Choose the council that votes' }, { field: 'councilId' });
  }
  const council = await loadCouncil(ctx, councilId);
  const deciderUnitId =
    row.level === 'city' ? (await ctx.db.select({ id: units.id }).from(units).where(eq(units.kind, 'city')))[0]?.id : row.unitId;
  if (council.unitId !== deciderUnitId) {
    throw conflict(
      {
        vi: `${council.nameVi} không phải hội đồng của cấp quyết định khen thưởng đề nghị này; hãy chọn hội đồng ${row.level === 'city' ? 'của Thành phố' : 'của đơn vị đề nghị'}`,
        en: `${council.nameEn} is not the council of the level that decides this nomination; choose the ${row.level === 'city' ? 'city’s' : 'nominating unit’s'} council`,
      },
      { reason: 'WRONG_COUNCIL' },
    );
  }
  return council;
}

/** Submit, withdraw, return, or put to the council's vote. */
export async function transitionNomination(ctx: ServiceContext, id: string, input: z.output<typeof nominationTransitionSchema>) {
  requireUserId(ctx);
  return inTransaction(ctx, async (tx) => {
    const row = await loadNomination(tx, id, true);
    const roles = await requireReader(tx, row);
    resolveTransition(row.state, input.action, roles);
    if (input.action === 'submit') await checkSubmittable(tx, row);
    let extra: Partial<typeof nominations.$inferInsert> = {};
    if (input.action === 'open_vote') {
      const council = await requireVotingCouncil(tx, row, input.councilId);
      // The checks still hold when the council is asked to vote (a held title may have been withdrawn since).
      const eligibility = evaluateEligibility(await factsOf(tx, row));
      if (!eligibility.isEligible) {
        throw conflict(
          {
            vi: 'Đề nghị không còn đủ điều kiện; hãy trả lại cho đơn vị',
            en: 'The nomination no longer meets the criteria; return it to its unit',
          },
          { reason: 'NOT_ELIGIBLE' },
        );
      }
      await openVote(tx, row, council.id, await titleOf(tx, row.titleId));
      extra = { councilId: council.id };
    }
    const updated = await applyTransition(tx, row, input.action, roles, {
      reason: input.reason,
      extra,
      audit: input.action === 'open_vote' ? { councilId: input.councilId } : {},
    });
    return presentNomination(tx, updated, await nominationRolesFor(tx, updated));
  });
}

/**
 * The chair closes the vote once the quorum has voted: the nomination is approved when the "for"
 * ballots reach the title's threshold of all members (copied when the vote opened), refused otherwise.
 */
export async function closeVote(ctx: ServiceContext, id: string) {
  requireUserId(ctx);
  return inTransaction(ctx, async (tx) => {
    const row = await loadNomination(tx, id, true);
    const roles = await requireReader(tx, row);
    resolveTransition(row.state, 'close_vote', roles, 'threshold_met');
    const { tally, members, ballots } = await tallyForClosing(tx, row);
    if (!isQuorumMet(tally, ballots, members)) {
      throw conflict(
        {
          vi: `Mới có ${ballots}/${members} thành viên bỏ phiếu; cần ít nhất ${tally.quorumNumerator}/${tally.quorumDenominator} tổng số thành viên trước khi kết thúc`,
          en: `Only ${ballots} of ${members} members have voted; at least ${tally.quorumNumerator}/${tally.quorumDenominator} of all members must vote before the vote closes`,
        },
        { reason: 'QUORUM_NOT_MET', ballots, members },
      );
    }
    const approved = isThresholdMet(tally, members);
    await markClosed(tx, row.id);
    const result = {
      for: tally.votesFor,
      against: tally.votesAgainst,
      abstain: tally.votesAbstain,
      members,
      thresholdPercent: tally.thresholdPercent,
      isThresholdStrict: tally.isThresholdStrict,
    };
    const updated = await applyTransition(tx, row, 'close_vote', roles, {
      outcome: approved ? 'threshold_met' : 'threshold_missed',
      audit: { result },
    });
    return presentNomination(tx, updated, await nominationRolesFor(tx, updated));
  });
}

/** The nominations waiting for the caller's ballot, and those whose vote they chair. */
export async function listMyVotes(ctx: ServiceContext) {
  const userId = requireUserId(ctx);
  const rows = await ctx.db
    .select({ n: nominations, votedAt: nominationVoters.votedAt, councilId: nominations.councilId })
    .from(nominationVoters)
    .innerJoin(nominations, eq(nominations.id, nominationVoters.nominationId))
    .where(and(eq(nominationVoters.userId, userId), eq(nominations.state, 'voting')))
    .orderBy(asc(nominations.code));
  const summaries = await presentSummaries(
    ctx,
    rows.map((r) => r.n),
  );
  const items = [];
  for (const [i, r] of rows.entries()) {
    const council = await loadCouncil(ctx, r.councilId!);
    const [role] = await ctx.db
      .select({ role: commendationCouncilMembers.role })
      .from(commendationCouncilMembers)
      .where(and(eq(commendationCouncilMembers.councilId, council.id), eq(commendationCouncilMembers.userId, userId)));
    items.push({
      ...summaries[i]!,
      council: { vi: council.nameVi, en: council.nameEn },
      hasVoted: r.votedAt !== null,
      isChair: role?.role === 'chair',
    });
  }
  return { items };
}

export { councilWord, nominationWord };
