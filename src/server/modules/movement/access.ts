import { and, eq } from 'drizzle-orm';
import type { WorkflowRole } from '../../../shared/contracts/movement.js';
import type { ServiceContext } from '../../lib/context.js';
import { notFound, unauthenticated } from '../../lib/errors.js';
import { hasRole } from '../../lib/policy.js';
import { councilMembers, initiativeAuthors, initiatives, reviewAssignments, reviewCouncils } from './schema.js';

export type InitiativeRow = typeof initiatives.$inferSelect;

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
    .where(and(eq(initiativeAuthors.initiativeId, initiative.id), eq(initiativeAuthors.userId, userId)))
    .limit(1);
  return row !== undefined;
}

/** The actor's membership roles in the councils of a campaign. */
export async function councilRolesIn(ctx: ServiceContext, campaignId: string): Promise<Array<{ councilId: string; role: string }>> {
  const userId = ctx.actor?.userId;
  if (!userId) return [];
  return ctx.db
    .select({ councilId: councilMembers.councilId, role: councilMembers.role })
    .from(councilMembers)
    .innerJoin(reviewCouncils, eq(reviewCouncils.id, councilMembers.councilId))
    .where(and(eq(councilMembers.userId, userId), eq(reviewCouncils.campaignId, campaignId)))
    .orderBy(councilMembers.councilId);
}

/** The parts the actor plays for this initiative; the workflow table decides what each may do. */
export async function workflowRolesFor(ctx: ServiceContext, initiative: InitiativeRow): Promise<WorkflowRole[]> {
  if (!ctx.actor) return [];
  const roles: WorkflowRole[] = ['public'];
  if (await isAuthor(ctx, initiative)) roles.push('author');
  if (isProgrammeManager(ctx)) roles.push('programme_manager');
  if ((await councilRolesIn(ctx, initiative.campaignId)).some((m) => m.role === 'chair')) roles.push('council_chair');
  if (hasRole(ctx.actor, 'unit_officer')) roles.push('unit_officer');
  return roles;
}

/** Who may read the whole dossier (with its confidential part): authors, managers, the campaign's council members, assigned reviewers. */
export async function canReadDossier(ctx: ServiceContext, initiative: InitiativeRow): Promise<boolean> {
  const userId = ctx.actor?.userId;
  if (!userId) return false;
  if (isProgrammeManager(ctx) || (await isAuthor(ctx, initiative))) return true;
  if (initiative.state === 'draft') return false;
  if ((await councilRolesIn(ctx, initiative.campaignId)).length > 0) return true;
  const [assigned] = await ctx.db
    .select({ id: reviewAssignments.id })
    .from(reviewAssignments)
    .where(and(eq(reviewAssignments.initiativeId, initiative.id), eq(reviewAssignments.reviewerId, userId)))
    .limit(1);
  return assigned !== undefined;
}
