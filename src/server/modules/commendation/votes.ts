import { and, asc, count, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { BallotChoice, VoteView } from '../../../shared/contracts/commendation.js';
import { commendationPaths } from '../../../shared/web-paths.js';
import { recordAudit } from '../../lib/audit.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, conflict, notFound } from '../../lib/errors.js';
import { inTransaction } from '../../lib/tx.js';
import { users } from '../identity/schema.js';
import { notifyPeople } from '../notifications/messages-to-people.js';
import {
  councilRoleOf,
  isProgrammeManager,
  loadNomination,
  nominationWord,
  requireReader,
  requireUserId,
  type NominationRow,
} from './access.js';
import { councilMembersOf, loadCouncil } from './councils.js';
import type { TitleRow } from './facts.js';
import { commendationTitles, nominationVoters, nominationVotes } from './schema.js';

type VoteRow = typeof nominationVotes.$inferSelect;
type Tally = Pick<VoteRow, 'votesFor' | 'thresholdPercent' | 'isThresholdStrict' | 'quorumNumerator' | 'quorumDenominator'>;

/**
 * Whether the "for" ballots reach the title's threshold, counted on ALL members on the roll (absent
 * members count as not in favour): at least the share, or more than it when the threshold is strict.
 */
export function isThresholdMet(tally: Tally, members: number): boolean {
  const forTimes100 = tally.votesFor * 100;
  const needed = tally.thresholdPercent * members;
  return tally.isThresholdStrict ? forTimes100 > needed : forTimes100 >= needed;
}

/** Whether enough members have voted for the chair to close the vote (quorum, 2/3 by default). */
export function isQuorumMet(tally: Pick<Tally, 'quorumNumerator' | 'quorumDenominator'>, ballots: number, members: number): boolean {
  return ballots * tally.quorumDenominator >= members * tally.quorumNumerator;
}

async function rollOf(ctx: ServiceContext, nominationId: string) {
  return ctx.db
    .select({ userId: nominationVoters.userId, votedAt: nominationVoters.votedAt, displayName: users.displayName })
    .from(nominationVoters)
    .innerJoin(users, eq(users.id, nominationVoters.userId))
    .where(eq(nominationVoters.nominationId, nominationId))
    .orderBy(asc(users.displayName), asc(nominationVoters.userId));
}

/**
 * Opens the secret ballot of a nomination in a council (inside the caller's transaction): the
 * council's members become the roll, the title's threshold and quorum are copied, and each member is told.
 */
export async function openVote(ctx: ServiceContext, row: NominationRow, councilId: string, title: TitleRow): Promise<void> {
  const members = await councilMembersOf(ctx, councilId);
  if (members.length === 0)
    throw conflict({ vi: 'Hội đồng chưa có thành viên', en: 'The council has no members' }, { reason: 'COUNCIL_EMPTY' });
  await ctx.db.insert(nominationVotes).values({
    nominationId: row.id,
    councilId,
    thresholdPercent: title.voteThresholdPercent,
    isThresholdStrict: title.isThresholdStrict,
    quorumNumerator: title.quorumNumerator,
    quorumDenominator: title.quorumDenominator,
    openedAt: ctx.clock.now().toISOString(),
  });
  await ctx.db.insert(nominationVoters).values(members.map((m) => ({ nominationId: row.id, userId: m.userId })));
  await notifyPeople(
    ctx,
    members.map((m) => m.userId),
    {
      title: { vi: `Bỏ phiếu kín: đề nghị ${row.code}`, en: `Secret ballot: nomination ${row.code}` },
      body: {
        vi: `Hội đồng bỏ phiếu về đề nghị khen thưởng ${row.nomineeName}.`,
        en: `The council votes on the nomination of ${row.nomineeName}.`,
      },
      url: commendationPaths.nomination(row.id),
    },
  );
}

/**
 * A member casts their one ballot. The roll records that they voted and when; the tally gains one
 * count; nothing records which count was theirs — not the audit row either.
 */
export async function castBallot(ctx: ServiceContext, nominationId: string, choice: BallotChoice): Promise<VoteView> {
  const userId = requireUserId(ctx);
  await inTransaction(ctx, async (tx) => {
    const row = await loadNomination(tx, nominationId);
    const [voter] = await tx.db
      .select()
      .from(nominationVoters)
      .where(and(eq(nominationVoters.nominationId, nominationId), eq(nominationVoters.userId, userId)))
      .for('update');
    if (!voter) {
      await requireReader(tx, row);
      throw new AppError(
        'FORBIDDEN',
        {
          vi: 'Chỉ thành viên hội đồng được giao bỏ phiếu mới bỏ phiếu được',
          en: 'Only members of the council the nomination is before may vote',
        },
        { reason: 'NOT_ON_ROLL' },
      );
    }
    const [tally] = await tx.db.select().from(nominationVotes).where(eq(nominationVotes.nominationId, nominationId)).for('update');
    if (row.state !== 'voting' || !tally || tally.closedAt !== null) {
      throw conflict({ vi: 'Cuộc bỏ phiếu đã kết thúc', en: 'The vote is closed' }, { reason: 'VOTE_CLOSED' });
    }
    if (voter.votedAt !== null) {
      throw conflict(
        {
          vi: 'Bạn đã bỏ phiếu cho đề nghị này; mỗi thành viên bỏ phiếu một lần',
          en: 'You have already voted on this nomination; each member votes once',
        },
        { reason: 'ALREADY_VOTED' },
      );
    }
    const column = counterColumns[choice];
    await tx.db
      .update(nominationVotes)
      .set({ [column]: sql`${nominationVotes[column]} + 1` })
      .where(eq(nominationVotes.nominationId, nominationId));
    await tx.db
      .update(nominationVoters)
      .set({ votedAt: tx.clock.now().toISOString() })
      .where(and(eq(nominationVoters.nominationId, nominationId), eq(nominationVoters.userId, userId)));
    // The choice is not in the audit row: the log says who voted, never how.
    await recordAudit(tx, { action: 'commendation.votes.cast', entityType: 'nomination', entityId: nominationId, after: { voted: true } });
  });
  const row = await loadNomination(ctx, nominationId);
  return (await voteViewOf(ctx, row))!;
}

const counterColumns = { for: 'votesFor', against: 'votesAgainst', abstain: 'votesAbstain' } as const satisfies Record<
  BallotChoice,
  keyof VoteRow
>;

/** How the vote stands for this caller: turnout for all on it, the roll for the chair and managers, the counts only once closed. */
export async function voteViewOf(ctx: ServiceContext, row: NominationRow): Promise<VoteView | null> {
  const [tally] = await ctx.db.select().from(nominationVotes).where(eq(nominationVotes.nominationId, row.id));
  if (!tally) return null;
  const council = await loadCouncil(ctx, tally.councilId);
  const roll = await rollOf(ctx, row.id);
  const ballots = roll.filter((r) => r.votedAt !== null).length;
  const mine = roll.find((r) => r.userId === ctx.actor?.userId);
  const isChair = (await councilRoleOf(ctx, tally.councilId)) === 'chair';
  const seesRoll = isChair || isProgrammeManager(ctx);
  const quorumMet = isQuorumMet(tally, ballots, roll.length);
  const isClosed = tally.closedAt !== null;
  return {
    council: { id: council.id, name: { vi: council.nameVi, en: council.nameEn } },
    members: roll.length,
    ballotsCast: ballots,
    roll: seesRoll ? roll.map((r) => ({ displayName: r.displayName, hasVoted: r.votedAt !== null })) : null,
    myBallot: mine ? (mine.votedAt === null ? 'not_voted' : 'voted') : 'not_member',
    canClose: isChair && !isClosed && quorumMet,
    quorum: { numerator: tally.quorumNumerator, denominator: tally.quorumDenominator, isMet: quorumMet },
    threshold: { percent: tally.thresholdPercent, isStrict: tally.isThresholdStrict },
    openedAt: tally.openedAt,
    closedAt: tally.closedAt,
    result: isClosed
      ? { for: tally.votesFor, against: tally.votesAgainst, abstain: tally.votesAbstain, isApproved: isThresholdMet(tally, roll.length) }
      : null,
  };
}

/** The vote's tally and roll size, for closing it. */
export async function tallyForClosing(ctx: ServiceContext, row: NominationRow) {
  const [tally] = await ctx.db.select().from(nominationVotes).where(eq(nominationVotes.nominationId, row.id)).for('update');
  if (!tally) throw notFound(nominationWord, row.id);
  const [members] = await ctx.db.select({ n: count() }).from(nominationVoters).where(eq(nominationVoters.nominationId, row.id));
  const [ballots] = await ctx.db
    .select({ n: count() })
    .from(nominationVoters)
    .where(and(eq(nominationVoters.nominationId, row.id), isNotNull(nominationVoters.votedAt)));
  return { tally, members: members?.n ?? 0, ballots: ballots?.n ?? 0 };
}

export async function markClosed(ctx: ServiceContext, nominationId: string): Promise<void> {
  await ctx.db
    .update(nominationVotes)
    .set({ closedAt: ctx.clock.now().toISOString() })
    .where(eq(nominationVotes.nominationId, nominationId));
}

/** The members of the vote who have not voted yet (for reminders and the workspace). */
export async function pendingVoters(ctx: ServiceContext, nominationId: string): Promise<string[]> {
  const rows = await ctx.db
    .select({ userId: nominationVoters.userId })
    .from(nominationVoters)
    .where(and(eq(nominationVoters.nominationId, nominationId), isNull(nominationVoters.votedAt)));
  return rows.map((r) => r.userId);
}

export async function titleOf(ctx: ServiceContext, titleId: string): Promise<TitleRow> {
  const [title] = await ctx.db.select().from(commendationTitles).where(eq(commendationTitles.id, titleId));
  return title!;
}
