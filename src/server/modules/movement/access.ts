import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { WorkflowRole } from '../../../shared/contracts/movement.js';
import type { ServiceContext } from '../../lib/context.js';
import { notFound, unauthenticated } from '../../lib/errors.js';
import { hasRole } from '../../lib/policy.js';
import { users } from '../identity/schema.js';
import { councilMembers, initiativeAuthors, initiatives, reviewAssignments, reviewCouncils } from './schema.js';

export type InitiativeRow = typeof initiatives.$inferSelect;
export type CouncilRole = (typeof councilMembers.$inferSelect)['role'];

export const initiativeWord = { vi: 'Sáng kiến', en: 'Initiative' };

/** Programme managers and administrators who passed a second factor. */
export const isProgrammeManager = (ctx: ServiceContext): boolean =>
  (hasRole(ctx.actor, 'programme_manager') || hasRole(ctx.actor, 'administrator')) && (ctx.actor?.hasSecondFactor ?? false);

export function requireUserId(ctx: ServiceContext): string {
  if (!ctx.actor) throw unauthenticated();
  return ctx.actor.userId;
}

export async function loadInitiative(ctx: ServiceContext, id: string, forUpdate = false): Promise<InitiativeRow> {
  const query = ctx.db.select().from(initiatives).where(eq(initiatives.id, id));
  const [row] = forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound(initiativeWord, id);
  return row;
}

export async function isAuthor(ctx: ServiceContext, initiative: InitiativeRow): Promise<boolean> {
  const userId = ctx.actor?.userId;
  if (!userId) return false;
  if (initiative.submitterId === userId) return true;
  const [row] = await ctx.db
    .select({ id: initiativeAuthors.id })
    .from(initiativeAuthors)
    .where(and(eq(initiativeAuthors.initiativeId, initiative.id), isAuthorRowOf(userId)))
    .limit(1);
  return row !== undefined;
}

/**
 * The author rows that are this person's: linked to their account, or naming their verified address
 * and linked to no one yet (a co-author invited by e-mail who has since made an account).
 */
export function isAuthorRowOf(userId: string): SQL {
  const verifiedAddress = sql`(select lower(${users.email}) from ${users} where ${users.id} = ${userId} and ${users.emailVerifiedAt} is not null)`;
  // coalesce: without an address on either side the comparison is null, and this is also read as a column.
  return sql`coalesce(${initiativeAuthors.userId} = ${userId} or (${initiativeAuthors.userId} is null and lower(${initiativeAuthors.email}) = ${verifiedAddress}), false)`;
}

/** A co-author named by e-mail is asked to confirm their part; the application waits until they have. */
export const asksConfirmation = (author: { email: string | null; userId: string | null }) => author.email !== null || author.userId !== null;
export const isAwaitingConfirmation = (author: { email: string | null; userId: string | null; confirmedAt: string | null }) => asksConfirmation(author) && author.confirmedAt === null;

/** The actor's membership roles in the councils of a campaign. */
export async function councilRolesIn(ctx: ServiceContext, campaignId: string): Promise<Array<{ councilId: string; role: CouncilRole }>> {
  const userId = ctx.actor?.userId;
  if (!userId) return [];
  return ctx.db
    .select({ councilId: councilMembers.councilId, role: councilMembers.role })
    .from(councilMembers)
    .innerJoin(reviewCouncils, eq(reviewCouncils.id, councilMembers.councilId))
    .where(and(eq(councilMembers.userId, userId), eq(reviewCouncils.campaignId, campaignId)))
    .orderBy(councilMembers.councilId);
}

/** The council an initiative is assigned to (the council of its review assignments; one at most), or null. */
export async function assignedCouncilOf(ctx: ServiceContext, initiativeId: string): Promise<{ id: string; nameVi: string; nameEn: string } | null> {
  const [council] = await ctx.db
    .select({ id: reviewCouncils.id, nameVi: reviewCouncils.nameVi, nameEn: reviewCouncils.nameEn })
    .from(reviewCouncils)
    .where(inArray(reviewCouncils.id, ctx.db.select({ id: reviewAssignments.councilId }).from(reviewAssignments).where(eq(reviewAssignments.initiativeId, initiativeId))))
    .limit(1);
  return council ?? null;
}

/** The actor's role on the council the initiative is assigned to; null when they do not sit on it (or it has none). */
export async function roleOnAssignedCouncil(ctx: ServiceContext, initiativeId: string): Promise<CouncilRole | null> {
  const userId = ctx.actor?.userId;
  if (!userId) return null;
  const assigned = ctx.db.select({ id: reviewAssignments.councilId }).from(reviewAssignments).where(eq(reviewAssignments.initiativeId, initiativeId));
  const [member] = await ctx.db
    .select({ role: councilMembers.role })
    .from(councilMembers)
    .where(and(eq(councilMembers.userId, userId), inArray(councilMembers.councilId, assigned)))
    .limit(1);
  return member?.role ?? null;
}

/**
 * The parts the actor plays for this initiative; the workflow table decides what each may do.
 * Only the chair of the council the initiative is assigned to is its council chair.
 */
export async function workflowRolesFor(ctx: ServiceContext, initiative: InitiativeRow): Promise<WorkflowRole[]> {
  if (!ctx.actor) return [];
  const roles: WorkflowRole[] = ['public'];
  if (await isAuthor(ctx, initiative)) roles.push('author');
  if (isProgrammeManager(ctx)) roles.push('programme_manager');
  if ((await roleOnAssignedCouncil(ctx, initiative.id)) === 'chair') roles.push('council_chair');
  if (hasRole(ctx.actor, 'unit_officer')) roles.push('unit_officer');
  return roles;
}

/**
 * Who may read the whole dossier — its confidential text and files and the authors' personal
 * details included: the authors, programme managers and the members of the council it is assigned
 * to (its reviewers sit on that council). Members of other councils do not.
 */
export async function canReadDossier(ctx: ServiceContext, initiative: InitiativeRow): Promise<boolean> {
  if (!ctx.actor) return false;
  if (isProgrammeManager(ctx) || (await isAuthor(ctx, initiative))) return true;
  if (initiative.state === 'draft') return false;
  return (await roleOnAssignedCouncil(ctx, initiative.id)) !== null;
}
