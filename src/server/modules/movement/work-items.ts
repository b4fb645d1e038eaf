import { and, asc, count, eq, inArray, isNull, notExists, or, sql } from 'drizzle-orm';
import type { InitiativeState } from '../../../shared/contracts/movement.js';
import type { WorkItem } from '../../../shared/contracts/workspace.js';
import { manageStateParam, movementPaths } from '../../../shared/web-paths.js';
import type { ServiceContext } from '../../lib/context.js';
import { hasRole } from '../../lib/policy.js';
import { isAuthorRowOf, isProgrammeManager } from './access.js';
import { campaigns, initiativeAuthors, initiatives, reviewAssignments, reviewCouncils } from './schema.js';

const partsLimit = 50;
const stateLabels: Partial<Record<InitiativeState, { vi: string; en: string }>> = {
  submitted: { vi: 'Mới nộp', en: 'Newly submitted' },
  screening: { vi: 'Đang xem xét hồ sơ', en: 'Being screened' },
};
const manageState = (state: InitiativeState) => `${movementPaths.manage}?${new URLSearchParams({ [manageStateParam]: state })}`;

/** Initiatives waiting to be screened, by state, and the campaigns whose applications wait for a council. */
async function managerItems(ctx: ServiceContext): Promise<WorkItem[]> {
  const waiting = ['submitted', 'screening'] as const;
  const byState = await ctx.db
    .select({ state: initiatives.state, n: count() })
    .from(initiatives)
    .where(inArray(initiatives.state, [...waiting]))
    .groupBy(initiatives.state);
  const noCouncil = await ctx.db
    .select({ code: campaigns.code, titleVi: campaigns.titleVi, titleEn: campaigns.titleEn, n: count() })
    .from(initiatives)
    .innerJoin(campaigns, eq(campaigns.id, initiatives.campaignId))
    .where(
      and(
        inArray(initiatives.state, [...waiting]),
        notExists(ctx.db.select({ id: reviewCouncils.id }).from(reviewCouncils).where(eq(reviewCouncils.campaignId, campaigns.id))),
      ),
    )
    .groupBy(campaigns.code, campaigns.titleVi, campaigns.titleEn)
    .orderBy(asc(campaigns.code));
  return [
    {
      id: 'movement.initiatives-to-screen',
      role: 'programme_manager',
      label: { vi: 'Sáng kiến chờ xem xét', en: 'Initiatives to screen' },
      count: byState.reduce((sum, row) => sum + row.n, 0),
      urgency: 'due',
      href: manageState('submitted'),
      parts: waiting.map((state) => ({
        label: stateLabels[state]!,
        count: byState.find((row) => row.state === state)?.n ?? 0,
        href: manageState(state),
      })),
    },
    {
      id: 'movement.councils-to-set-up',
      role: 'programme_manager',
      label: { vi: 'Phong trào cần thành lập hội đồng', en: 'Campaigns that need a council' },
      count: noCouncil.length,
      urgency: 'due',
      href: movementPaths.newCouncil,
      parts: noCouncil
        .slice(0, partsLimit)
        .map((row) => ({ label: { vi: row.titleVi, en: row.titleEn }, count: row.n, href: movementPaths.campaign(row.code) })),
    },
  ];
}

/** Score sheets assigned to the person and not yet submitted, on initiatives still before the council. */
async function reviewerItems(ctx: ServiceContext, userId: string): Promise<WorkItem[]> {
  const [assigned] = await ctx.db.select({ n: count() }).from(reviewAssignments).where(eq(reviewAssignments.reviewerId, userId));
  if (!hasRole(ctx.actor, 'reviewer') && (assigned?.n ?? 0) === 0) return [];
  const open = await ctx.db
    .select({ id: initiatives.id, code: initiatives.code, title: initiatives.title })
    .from(reviewAssignments)
    .innerJoin(initiatives, eq(initiatives.id, reviewAssignments.initiativeId))
    .where(and(eq(reviewAssignments.reviewerId, userId), isNull(reviewAssignments.submittedAt), eq(initiatives.state, 'under_review')))
    .orderBy(asc(reviewAssignments.createdAt), asc(reviewAssignments.id));
  return [
    {
      id: 'movement.score-sheets',
      role: 'reviewer',
      label: { vi: 'Phiếu chấm điểm chờ nộp', en: 'Score sheets waiting' },
      count: open.length,
      urgency: 'due',
      href: movementPaths.reviews,
      parts: open
        .slice(0, partsLimit)
        .map((row) => ({
          label: { vi: `${row.code} — ${row.title}`, en: `${row.code} — ${row.title}` },
          count: 1,
          href: movementPaths.score(row.id),
        })),
    },
  ];
}

/** Everyone's own initiatives: drafts to finish, the rest to follow, and co-authorships to confirm. */
async function authorItems(ctx: ServiceContext, userId: string): Promise<WorkItem[]> {
  const authored = ctx.db.select({ id: initiativeAuthors.initiativeId }).from(initiativeAuthors).where(isAuthorRowOf(userId));
  const mine = or(eq(initiatives.submitterId, userId), sql`${initiatives.id} in (${authored})`);
  const byState = await ctx.db.select({ state: initiatives.state, n: count() }).from(initiatives).where(mine).groupBy(initiatives.state);
  const drafts = byState.find((row) => row.state === 'draft')?.n ?? 0;
  const toConfirm = await ctx.db
    .select({ id: initiatives.id, code: initiatives.code, title: initiatives.title })
    .from(initiativeAuthors)
    .innerJoin(initiatives, eq(initiatives.id, initiativeAuthors.initiativeId))
    .where(and(isAuthorRowOf(userId), isNull(initiativeAuthors.confirmedAt), sql`${initiatives.submitterId} is distinct from ${userId}`))
    .orderBy(asc(initiatives.code));
  return [
    {
      id: 'movement.my-drafts',
      role: 'registered_user',
      label: { vi: 'Bản nháp sáng kiến chưa nộp', en: 'Initiative drafts not yet submitted' },
      count: drafts,
      urgency: 'due',
      href: movementPaths.mine,
    },
    {
      id: 'movement.my-initiatives',
      role: 'registered_user',
      label: { vi: 'Sáng kiến của tôi', en: 'My initiatives' },
      count: byState.reduce((sum, row) => sum + row.n, 0) - drafts,
      urgency: 'info',
      href: movementPaths.mine,
    },
    {
      id: 'movement.co-author-confirmations',
      role: 'registered_user',
      label: { vi: 'Xác nhận đồng tác giả', en: 'Co-authorships to confirm' },
      count: toConfirm.length,
      urgency: 'due',
      href: toConfirm[0] ? movementPaths.dossier(toConfirm[0].id) : movementPaths.mine,
      parts: toConfirm
        .slice(0, partsLimit)
        .map((row) => ({
          label: { vi: `${row.code} — ${row.title}`, en: `${row.code} — ${row.title}` },
          count: 1,
          href: movementPaths.dossier(row.id),
        })),
    },
  ];
}

/** The movement's part of a person's workspace. */
export async function movementWorkItems(ctx: ServiceContext): Promise<WorkItem[]> {
  const userId = ctx.actor?.userId;
  if (!userId) return [];
  return [
    ...(isProgrammeManager(ctx) && hasRole(ctx.actor, 'programme_manager') ? await managerItems(ctx) : []),
    ...(await reviewerItems(ctx, userId)),
    ...(await authorItems(ctx, userId)),
  ];
}
