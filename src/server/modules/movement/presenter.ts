import { asc, eq } from 'drizzle-orm';
import type { GalleryItem, InitiativeDto, InitiativeSummary, WorkflowAction, WorkflowRole } from '../../../shared/contracts/movement.js';
import type { ServiceContext } from '../../lib/context.js';
import { units } from '../identity/schema.js';
import type { InitiativeRow } from './access.js';
import { dossierAttachments } from './attachments.js';
import { cityDate, isDecisionOverdue } from './decision-deadline.js';
import { initiativeAuthors, initiativeTransitions } from './schema.js';
import { transitions } from './workflow.js';

type UnitRow = typeof units.$inferSelect;

const unitName = (unit: UnitRow | null | undefined) => (unit ? { vi: unit.nameVi, en: unit.nameEn } : null);

/** The actions the workflow table allows these roles from this state. */
export function allowedActionsFor(state: InitiativeRow['state'], roles: readonly WorkflowRole[]): WorkflowAction[] {
  return [...new Set(transitions.filter((t) => t.from === state && roles.includes(t.role)).map((t) => t.action))];
}

/** The whole dossier (with its confidential part): only for those `canReadDossier` lets in. */
export async function presentInitiative(ctx: ServiceContext, row: InitiativeRow, roles: readonly WorkflowRole[]): Promise<InitiativeDto> {
  const authors = await ctx.db.select().from(initiativeAuthors).where(eq(initiativeAuthors.initiativeId, row.id)).orderBy(asc(initiativeAuthors.position));
  const history = await ctx.db
    .select()
    .from(initiativeTransitions)
    .where(eq(initiativeTransitions.initiativeId, row.id))
    .orderBy(asc(initiativeTransitions.occurredAt), asc(initiativeTransitions.seq));
  const [unit] = row.unitId ? await ctx.db.select().from(units).where(eq(units.id, row.unitId)) : [];
  return {
    id: row.id,
    code: row.code,
    campaignId: row.campaignId,
    callId: row.callId,
    unitId: row.unitId,
    unitName: unitName(unit),
    title: row.title,
    kind: row.kind,
    fieldCode: row.fieldCode,
    ownerName: row.ownerName,
    firstAppliedOn: row.firstAppliedOn,
    essence: row.essence,
    confidentialInfo: row.confidentialInfo,
    conditions: row.conditions,
    benefits: row.benefits,
    appliedBy: row.appliedBy,
    authors: authors.map((a) => ({
      id: a.id,
      fullName: a.fullName,
      email: a.email,
      birthDate: a.birthDate,
      workplace: a.workplace,
      jobTitle: a.jobTitle,
      qualification: a.qualification,
      contributionPercent: a.contributionPercent,
      awaitsConfirmation: a.email !== null && a.confirmedAt === null,
      confirmedAt: a.confirmedAt,
      isMe: a.userId !== null && a.userId === ctx.actor?.userId,
    })),
    state: row.state,
    scope: row.scope,
    submittedAt: row.submittedAt,
    decidedAt: row.decidedAt,
    updatedAt: row.updatedAt,
    supportCount: row.supportCount,
    replicationCount: row.replicationCount,
    history: history.map((h) => ({
      action: h.action,
      fromState: h.fromState as InitiativeRow['state'],
      toState: h.toState as InitiativeRow['state'],
      actorRole: h.actorRole,
      reason: h.reason,
      occurredAt: h.occurredAt,
    })),
    attachments: await dossierAttachments(ctx, row),
    decisionDueOn: awaitedDecisionDue(row),
    isDecisionOverdue: isDecisionOverdue(row, cityDate(ctx.clock.now())),
    allowedActions: allowedActionsFor(row.state, roles),
  };
}

/** The due date matters only while the decision is awaited. */
const awaitedDecisionDue = (row: InitiativeRow) => (row.state === 'under_review' ? row.decisionDueOn : null);

/** `today` is the city's date (YYYY-MM-DD), for the overdue mark. */
export function presentSummary(row: InitiativeRow, unit: UnitRow | null, today: string): InitiativeSummary {
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    fieldCode: row.fieldCode,
    state: row.state,
    scope: row.scope,
    unitName: unitName(unit),
    submittedAt: row.submittedAt,
    updatedAt: row.updatedAt,
    supportCount: row.supportCount,
    replicationCount: row.replicationCount,
    decisionDueOn: awaitedDecisionDue(row),
    isDecisionOverdue: isDecisionOverdue(row, today),
  };
}

export function presentGalleryItem(row: Pick<InitiativeRow, 'id' | 'code' | 'title' | 'fieldCode' | 'state' | 'scope' | 'essence' | 'supportCount' | 'replicationCount'>, unit: Pick<UnitRow, 'nameVi' | 'nameEn'> | null): GalleryItem {
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    fieldCode: row.fieldCode,
    state: row.state,
    scope: row.scope,
    unitName: unit ? { vi: unit.nameVi, en: unit.nameEn } : null,
    excerpt: row.essence.length > 220 ? `${row.essence.slice(0, 217)}…` : row.essence,
    supportCount: row.supportCount,
    replicationCount: row.replicationCount,
  };
}
