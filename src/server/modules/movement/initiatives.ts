import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, notExists, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  InitiativeDraftInput,
  InitiativeState,
  WorkflowAction,
  initiativePatchSchema,
  initiativeDraftSchema,
  transitionBodySchema,
} from '../../../shared/contracts/movement.js';
import { movementLimits } from '../../../shared/contracts/movement.js';
import { foldDiacritics } from '../../../shared/text.js';
import { recordAudit } from '../../lib/audit.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, conflict, forbidden, notFound } from '../../lib/errors.js';
import { removeDocument, indexDocument } from '../../lib/search.js';
import { inTransaction } from '../../lib/tx.js';
import { units } from '../identity/schema.js';
import { canReadDossier, initiativeWord, isAuthor, isAuthorRowOf, isAwaitingConfirmation, isProgrammeManager, loadInitiative, requireUserId, workflowRolesFor, type InitiativeRow } from './access.js';
import { reopenScoreSheets, requireCouncilStep } from './council-step.js';
import { cityDate, decisionDueOnFrom } from './decision-deadline.js';
import { replaceAuthors } from './authorship.js';
import { initiativeUrl, notifyPeople } from './notify.js';
import { presentInitiative, presentSummary } from './presenter.js';
import { campaignCalls, campaigns, initiativeAuthors, initiatives, initiativeTransitions, reviewAssignments } from './schema.js';
import { resolveTransition, stateName, transitions, type Transition } from './workflow.js';

type DraftInput = z.output<typeof initiativeDraftSchema>;
type PatchInput = z.output<typeof initiativePatchSchema>;

const isPublicState = (state: InitiativeState) => state === 'recognised' || state === 'awarded' || state === 'replicated';

/** Creates a draft for the signed-in person; it is saved as they type (see updateDraft). */
export async function createDraft(ctx: ServiceContext, input: DraftInput) {
  const userId = requireUserId(ctx);
  return inTransaction(ctx, async (tx) => {
    const [campaign] = await tx.db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.id, input.campaignId));
    if (!campaign) throw notFound({ vi: 'Phong trào', en: 'Campaign' }, input.campaignId);
    const phaseId = await phaseOfCall(tx, input.campaignId, input.callId);
    const code = `SK-${tx.clock.now().getUTCFullYear()}-${randomUUID().slice(0, 8).toUpperCase()}`;
    const { authors, ...fields } = input;
    const [row] = await tx.db
      .insert(initiatives)
      .values({ ...fields, code, phaseId, submitterId: userId, ...searchColumns(fields.title, fields.essence), state: 'draft' })
      .returning();
    await replaceAuthors(tx, row!.id, authors);
    await recordAudit(tx, { action: 'initiatives.create', entityType: 'initiative', entityId: row!.id, after: { code, title: row!.title } });
    return presentInitiative(tx, row!, ['author', 'public']);
  });
}

/** Autosave of a draft (or of an initiative returned for changes) by one of its authors. */
export async function updateDraft(ctx: ServiceContext, id: string, patch: PatchInput) {
  requireUserId(ctx);
  return inTransaction(ctx, async (tx) => {
    const before = await loadInitiative(tx, id, true);
    if (!(await isAuthor(tx, before))) throw notFound(initiativeWord, id);
    if (before.state !== 'draft' && before.state !== 'returned') {
      throw conflict(
        { vi: `Sáng kiến ở trạng thái “${stateName(before.state).vi}” không sửa được nữa`, en: `An initiative in state “${stateName(before.state).en}” can no longer be edited` },
        { reason: 'NOT_EDITABLE', state: before.state },
      );
    }
    const { authors, ...fields } = patch;
    const phaseId = fields.callId !== undefined ? await phaseOfCall(tx, before.campaignId, fields.callId) : before.phaseId;
    const title = fields.title ?? before.title;
    const essence = fields.essence ?? before.essence;
    const [row] = await tx.db
      .update(initiatives)
      .set({ ...fields, phaseId, ...searchColumns(title, essence), updatedAt: tx.clock.now().toISOString() })
      .where(eq(initiatives.id, id))
      .returning();
    if (authors !== undefined) await replaceAuthors(tx, id, authors);
    await recordAudit(tx, { action: 'initiatives.update', entityType: 'initiative', entityId: id, after: { changed: Object.keys(patch).sort() } });
    return presentInitiative(tx, row!, await workflowRolesFor(tx, row!));
  });
}

/** The whole dossier, for those who may read it; others get 404 (they must not learn it exists). */
export async function getInitiative(ctx: ServiceContext, id: string) {
  requireUserId(ctx);
  const row = await loadInitiative(ctx, id);
  if (!(await canReadDossier(ctx, row))) throw notFound(initiativeWord, id);
  return presentInitiative(ctx, row, await workflowRolesFor(ctx, row));
}

/** Initiatives the signed-in person submitted or co-authors. */
export async function listMyInitiatives(ctx: ServiceContext) {
  const userId = requireUserId(ctx);
  const authored = ctx.db.select({ id: initiativeAuthors.initiativeId }).from(initiativeAuthors).where(isAuthorRowOf(userId));
  const rows = await ctx.db
    .select({ initiative: initiatives, unit: units })
    .from(initiatives)
    .leftJoin(units, eq(units.id, initiatives.unitId))
    .where(sql`${initiatives.submitterId} = ${userId} or ${initiatives.id} in (${authored})`)
    .orderBy(desc(initiatives.updatedAt), asc(initiatives.id));
  return { items: rows.map((r) => presentSummary(r.initiative, r.unit, cityDate(ctx.clock.now()))), total: rows.length };
}

/** The programme managers' queue, by state (screening, review…). */
export async function listForManagers(ctx: ServiceContext, query: { state?: InitiativeState | undefined; campaignId?: string | undefined; assignment?: 'none' | undefined; limit: number }) {
  if (!isProgrammeManager(ctx)) throw forbidden();
  const where = and(
    query.state ? eq(initiatives.state, query.state) : sql`${initiatives.state} <> 'draft'`,
    query.campaignId ? eq(initiatives.campaignId, query.campaignId) : undefined,
    query.assignment === 'none' ? notExists(ctx.db.select({ id: reviewAssignments.id }).from(reviewAssignments).where(eq(reviewAssignments.initiativeId, initiatives.id))) : undefined,
  );
  const rows = await ctx.db
    .select({ initiative: initiatives, unit: units })
    .from(initiatives)
    .leftJoin(units, eq(units.id, initiatives.unitId))
    .where(where)
    .orderBy(asc(initiatives.submittedAt), asc(initiatives.id))
    .limit(query.limit);
  const [count] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(initiatives).where(where);
  return { items: rows.map((r) => presentSummary(r.initiative, r.unit, cityDate(ctx.clock.now()))), total: count?.n ?? 0 };
}

/** The generic workflow step (submit, withdraw, screening, return, send to council, resubmit). */
export async function transitionInitiative(ctx: ServiceContext, id: string, input: z.output<typeof transitionBodySchema>) {
  requireUserId(ctx);
  return inTransaction(ctx, async (tx) => {
    const row = await loadInitiative(tx, id, true);
    if (!(await canReadDossier(tx, row))) throw notFound(initiativeWord, id);
    if (input.action === 'submit' || input.action === 'resubmit') await checkComplete(tx, row);
    const updated = await applyTransition(tx, row, input.action, input.reason);
    return presentInitiative(tx, updated, await workflowRolesFor(tx, updated));
  });
}

/**
 * Whether the actor may take `action` on the initiative now: the workflow table for their roles,
 * and for a council step the council's own conditions (see `requireCouncilStep`).
 */
export async function authorizeTransition(ctx: ServiceContext, row: InitiativeRow, action: WorkflowAction, viaCouncilId?: string): Promise<Transition> {
  await requireCouncilStep(ctx, row, action, viaCouncilId);
  return resolveTransition(row.state, action, await workflowRolesFor(ctx, row));
}

/**
 * Moves an initiative through the workflow table inside the caller's transaction: checks the
 * (state, action, role) triple, keeps the history row and the audit row, notifies the people concerned.
 */
export async function applyTransition(
  ctx: ServiceContext,
  row: InitiativeRow,
  action: WorkflowAction,
  reason: string,
  extra: Partial<typeof initiatives.$inferInsert> = {},
): Promise<InitiativeRow> {
  const transition = await authorizeTransition(ctx, row, action);
  if (transition.needsReason && reason.trim().length < 3) {
    throw new AppError(
      'VALIDATION',
      { vi: 'Vui lòng ghi rõ lý do (ít nhất 3 ký tự)', en: 'Please give a reason (at least 3 characters)' },
      { field: 'reason', reason: 'REASON_REQUIRED' },
    );
  }
  const now = ctx.clock.now().toISOString();
  const changes: Partial<typeof initiatives.$inferInsert> = { ...extra, state: transition.to, updatedAt: now };
  if (action === 'submit' || action === 'resubmit') changes.submittedAt = now;
  // Accepting the application (it passed screening) starts the decision deadline; a later
  // acceptance after a return starts it again, with fresh reminders.
  if (action === 'accept_for_review') Object.assign(changes, { decisionDueOn: decisionDueOnFrom(ctx.clock), decisionDueSoonNotifiedAt: null, decisionOverdueNotifiedAt: null });
  const [updated] = await ctx.db.update(initiatives).set(changes).where(eq(initiatives.id, row.id)).returning();
  await ctx.db.insert(initiativeTransitions).values({
    initiativeId: row.id,
    action,
    fromState: row.state,
    toState: transition.to,
    actorId: ctx.actor?.userId ?? null,
    actorRole: transition.role,
    reason,
    occurredAt: now,
  });
  await recordAudit(ctx, {
    action: `initiatives.${action.replaceAll('_', '-')}`,
    entityType: 'initiative',
    entityId: row.id,
    before: { state: row.state },
    after: { state: transition.to, role: transition.role, reason, ...(extra.scope ? { scope: extra.scope } : {}), ...(changes.decisionDueOn ? { decisionDueOn: changes.decisionDueOn } : {}) },
  });
  if (action === 'return' && row.state === 'under_review') await reopenScoreSheets(ctx, row);
  await syncSearchIndex(ctx, updated!);
  const authors = await ctx.db.select({ userId: initiativeAuthors.userId }).from(initiativeAuthors).where(eq(initiativeAuthors.initiativeId, row.id));
  const to = stateName(transition.to);
  await notifyPeople(ctx, [row.submitterId, ...authors.map((a) => a.userId)], {
    title: { vi: `Sáng kiến ${row.code}: ${to.vi}`, en: `Initiative ${row.code}: ${to.en}` },
    body: {
      vi: `“${row.title}” chuyển sang trạng thái “${to.vi}”.${reason ? ` Lý do: ${reason}` : ''}`,
      en: `“${row.title}” is now “${to.en}”.${reason ? ` Reason: ${reason}` : ''}`,
    },
    url: initiativeUrl(row.id),
  });
  return updated!;
}

/** Public initiatives are in the site search; others are taken out of it. */
export async function syncSearchIndex(ctx: ServiceContext, row: InitiativeRow): Promise<void> {
  if (isPublicState(row.state)) {
    await indexDocument(ctx.db, { entityType: 'initiative', entityId: row.id, title: row.title, body: row.essence.slice(0, 2000), url: initiativeUrl(row.id), isPublic: true });
  } else {
    await removeDocument(ctx.db, 'initiative', row.id);
  }
}

export function searchTextOf(title: string, essence: string): string {
  return foldDiacritics(`${title} ${essence}`.normalize('NFC')).slice(0, 4000);
}

export function searchColumns(title: string, essence: string) {
  const searchText = searchTextOf(title, essence);
  return { searchText, searchTokens: searchTokensOf(searchText) };
}

/** The distinct syllables of a folded search text. */
export function searchTokensOf(searchText: string): string[] {
  return [...new Set(searchText.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0))].sort();
}

async function phaseOfCall(ctx: ServiceContext, campaignId: string, callId: string | null): Promise<string | null> {
  if (callId === null) return null;
  const [call] = await ctx.db.select().from(campaignCalls).where(and(eq(campaignCalls.id, callId), eq(campaignCalls.campaignId, campaignId)));
  if (!call) throw notFound({ vi: 'Đợt tiếp nhận', en: 'Call for submissions' }, callId);
  return call.phaseId;
}

/** What Decree 13/2012 asks of an application before it can be accepted. */
async function checkComplete(ctx: ServiceContext, row: InitiativeRow): Promise<void> {
  const problems: Array<{ field: string; vi: string; en: string }> = [];
  const [campaign] = await ctx.db.select().from(campaigns).where(eq(campaigns.id, row.campaignId));
  if (row.title.trim().length < movementLimits.titleMin) problems.push({ field: 'title', vi: `Tên sáng kiến cần ít nhất ${movementLimits.titleMin} ký tự`, en: `The name needs at least ${movementLimits.titleMin} characters` });
  if (!campaign?.fields.some((f) => f.code === row.fieldCode)) problems.push({ field: 'fieldCode', vi: 'Chọn lĩnh vực áp dụng', en: 'Choose a field of application' });
  if (row.essence.trim().length < movementLimits.essenceMin) problems.push({ field: 'essence', vi: `Mô tả bản chất cần ít nhất ${movementLimits.essenceMin} ký tự`, en: `The essence needs at least ${movementLimits.essenceMin} characters` });
  if (row.firstAppliedOn === null) problems.push({ field: 'firstAppliedOn', vi: 'Nhập ngày áp dụng lần đầu hoặc áp dụng thử', en: 'Enter the date first applied or trialled' });
  else if (row.firstAppliedOn > ctx.clock.now().toISOString().slice(0, 10)) problems.push({ field: 'firstAppliedOn', vi: 'Ngày áp dụng lần đầu không được ở tương lai', en: 'The date first applied cannot be in the future' });
  if (row.benefits.trim().length < movementLimits.benefitsMin) problems.push({ field: 'benefits', vi: 'Nêu lợi ích thu được', en: 'Describe the benefits' });
  const authors = await ctx.db.select().from(initiativeAuthors).where(eq(initiativeAuthors.initiativeId, row.id)).orderBy(initiativeAuthors.position);
  const total = authors.reduce((sum, a) => sum + a.contributionPercent, 0);
  if (authors.length === 0) problems.push({ field: 'authors', vi: 'Cần ít nhất một tác giả', en: 'At least one author is needed' });
  else if (total !== 100) problems.push({ field: 'authors', vi: `Tổng tỷ lệ đóng góp phải bằng 100% (hiện ${total}%)`, en: `Contributions must add up to 100% (now ${total}%)` });
  const unconfirmed = authors.filter(isAwaitingConfirmation).map((a) => a.fullName);
  if (unconfirmed.length > 0) problems.push({ field: 'authors', vi: `Đồng tác giả chưa xác nhận: ${unconfirmed.join(', ')}`, en: `Co-authors who have not confirmed: ${unconfirmed.join(', ')}` });
  if (row.callId) {
    const [call] = await ctx.db.select().from(campaignCalls).where(eq(campaignCalls.id, row.callId));
    const today = ctx.clock.now().toISOString().slice(0, 10);
    if (call && (today < call.opensOn || today > call.closesOn)) {
      problems.push({ field: 'callId', vi: `Đợt tiếp nhận mở từ ${call.opensOn} đến ${call.closesOn}`, en: `The call is open from ${call.opensOn} to ${call.closesOn}` });
    }
  }
  if (problems.length > 0) {
    throw new AppError(
      'VALIDATION',
      { vi: `Đơn chưa đầy đủ: ${problems.map((p) => p.vi).join('; ')}`, en: `The application is incomplete: ${problems.map((p) => p.en).join('; ')}` },
      { reason: 'INCOMPLETE', problems },
    );
  }
}

/** Every allowed transition, exported for the API documentation and the web's action buttons. */
export const workflowTable = transitions;
export type { InitiativeDraftInput };
