import { and, asc, count, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { NominationState } from '../../../shared/contracts/commendation.js';
import type { WorkItem } from '../../../shared/contracts/workspace.js';
import { commendationPaths, manageStateParam } from '../../../shared/web-paths.js';
import type { ServiceContext } from '../../lib/context.js';
import { hasRole } from '../../lib/policy.js';
import { isProgrammeManager, officerUnitIds } from './access.js';
import { commendationCouncilMembers, nominations, nominationVoters, nominationVotes } from './schema.js';
import { isQuorumMet } from './votes.js';

const partsLimit = 50;
const listOf = (state: NominationState) => `${commendationPaths.nominations}?${new URLSearchParams({ [manageStateParam]: state })}`;

/**
 * A council member's votes: the ballots they have not cast, and — for a chair — the votes whose
 * quorum has voted and that wait for them to close. One item, each nomination one click away.
 */
async function voterItems(ctx: ServiceContext, userId: string): Promise<WorkItem[]> {
  const [seats] = await ctx.db.select({ n: count() }).from(commendationCouncilMembers).where(eq(commendationCouncilMembers.userId, userId));
  if (!hasRole(ctx.actor, 'reviewer') && (seats?.n ?? 0) === 0) return [];
  const waiting = await ctx.db
    .select({ id: nominations.id, code: nominations.code, nominee: nominations.nomineeName })
    .from(nominationVoters)
    .innerJoin(nominations, eq(nominations.id, nominationVoters.nominationId))
    .where(and(eq(nominationVoters.userId, userId), isNull(nominationVoters.votedAt), eq(nominations.state, 'voting')))
    .orderBy(asc(nominations.code));
  const chaired = ctx.db
    .select({ id: commendationCouncilMembers.councilId })
    .from(commendationCouncilMembers)
    .where(and(eq(commendationCouncilMembers.userId, userId), eq(commendationCouncilMembers.role, 'chair')));
  const open = await ctx.db
    .select({ id: nominations.id, code: nominations.code, nominee: nominations.nomineeName, tally: nominationVotes })
    .from(nominationVotes)
    .innerJoin(nominations, eq(nominations.id, nominationVotes.nominationId))
    .where(and(inArray(nominationVotes.councilId, chaired), isNull(nominationVotes.closedAt), eq(nominations.state, 'voting')))
    .orderBy(asc(nominations.code));
  const toClose = [];
  for (const row of open) {
    const [members] = await ctx.db.select({ n: count() }).from(nominationVoters).where(eq(nominationVoters.nominationId, row.id));
    const [ballots] = await ctx.db
      .select({ n: count() })
      .from(nominationVoters)
      .where(and(eq(nominationVoters.nominationId, row.id), isNotNull(nominationVoters.votedAt)));
    if (isQuorumMet(row.tally, ballots?.n ?? 0, members?.n ?? 0)) toClose.push(row);
  }
  const parts = [
    ...waiting.map((row) => ({
      label: { vi: `${row.code} — ${row.nominee}: chờ phiếu của bạn`, en: `${row.code} — ${row.nominee}: your ballot` },
      count: 1,
      href: commendationPaths.nomination(row.id),
    })),
    ...toClose.map((row) => ({
      label: { vi: `${row.code} — ${row.nominee}: chờ chủ tịch kết thúc`, en: `${row.code} — ${row.nominee}: for the chair to close` },
      count: 1,
      href: commendationPaths.nomination(row.id),
    })),
  ];
  return [
    {
      id: 'commendation.votes',
      role: 'reviewer',
      label: { vi: 'Phiếu khen thưởng chờ bỏ', en: 'Commendation votes waiting' },
      count: parts.length,
      urgency: 'due',
      href: commendationPaths.votes,
      parts: parts.slice(0, partsLimit),
    },
  ];
}

/** An officer's own unit's dossiers still to finish: drafts and those returned for changes. */
async function officerItems(ctx: ServiceContext): Promise<WorkItem[]> {
  const units = [...(await officerUnitIds(ctx))];
  const byState = units.length
    ? await ctx.db
        .select({ state: nominations.state, n: count() })
        .from(nominations)
        .where(and(inArray(nominations.unitId, units), inArray(nominations.state, ['draft', 'returned'])))
        .groupBy(nominations.state)
    : [];
  const of = (state: NominationState) => byState.find((r) => r.state === state)?.n ?? 0;
  return [
    {
      id: 'commendation.nominations-to-finish',
      role: 'unit_officer',
      label: { vi: 'Hồ sơ đề nghị khen thưởng cần hoàn thiện', en: 'Nominations to finish' },
      count: of('draft') + of('returned'),
      urgency: 'due',
      href: commendationPaths.nominations,
      parts: [
        { label: { vi: 'Bản nháp', en: 'Drafts' }, count: of('draft'), href: listOf('draft') },
        { label: { vi: 'Trả lại để bổ sung', en: 'Returned for changes' }, count: of('returned'), href: listOf('returned') },
      ],
    },
  ];
}

/** The managers' queues: nominations to put to a council's vote, and approved ones waiting for their decision. */
async function managerItems(ctx: ServiceContext): Promise<WorkItem[]> {
  const byState = await ctx.db
    .select({ state: nominations.state, n: count() })
    .from(nominations)
    .where(inArray(nominations.state, ['submitted', 'approved']))
    .groupBy(nominations.state);
  const of = (state: NominationState) => byState.find((r) => r.state === state)?.n ?? 0;
  return [
    {
      id: 'commendation.nominations-to-vote',
      role: 'programme_manager',
      label: { vi: 'Đề nghị khen thưởng chờ đưa ra hội đồng', en: 'Nominations to put to a council' },
      count: of('submitted'),
      urgency: 'due',
      href: listOf('submitted'),
    },
    {
      id: 'commendation.decisions-to-issue',
      role: 'programme_manager',
      label: { vi: 'Đề nghị đã thông qua chờ quyết định', en: 'Approved nominations waiting for a decision' },
      count: of('approved'),
      urgency: 'due',
      href: listOf('approved'),
    },
  ];
}

/** The commendation part of a person's workspace. */
export async function commendationWorkItems(ctx: ServiceContext): Promise<WorkItem[]> {
  const userId = ctx.actor?.userId;
  if (!userId) return [];
  return [
    ...(isProgrammeManager(ctx) && hasRole(ctx.actor, 'programme_manager') ? await managerItems(ctx) : []),
    ...(hasRole(ctx.actor, 'unit_officer') ? await officerItems(ctx) : []),
    ...(await voterItems(ctx, userId)),
  ];
}
