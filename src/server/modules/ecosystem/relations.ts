import { and, asc, eq, or } from 'drizzle-orm';
import { relationNames, type RelationKind } from '../../../shared/contracts/ecosystem.js';
import { recordAudit } from '../../lib/audit.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, conflict, notFound } from '../../lib/errors.js';
import { inTransaction } from '../../lib/tx.js';
import { loadOrganisation, requireKeeper } from './access.js';
import { namedOf } from './presenter.js';
import { ecoOrganisations, ecoRelations } from './schema.js';

const relationWord = { vi: 'Quan hệ', en: 'Relation' };

/** Every relation of an organisation, read from its side: "incubated by X" here is "incubates Y" on X's page. */
export async function relationsOf(ctx: ServiceContext, organisationId: string) {
  const rows = await ctx.db
    .select({ relation: ecoRelations, other: ecoOrganisations })
    .from(ecoRelations)
    .innerJoin(
      ecoOrganisations,
      or(
        and(eq(ecoRelations.fromId, organisationId), eq(ecoOrganisations.id, ecoRelations.toId)),
        and(eq(ecoRelations.toId, organisationId), eq(ecoOrganisations.id, ecoRelations.fromId)),
      ),
    )
    .where(or(eq(ecoRelations.fromId, organisationId), eq(ecoRelations.toId, organisationId)))
    .orderBy(asc(ecoRelations.kind), asc(ecoOrganisations.nameVi), asc(ecoRelations.id));
  return rows.map(({ relation, other }) => {
    const direction = relation.fromId === organisationId ? ('outgoing' as const) : ('incoming' as const);
    return { id: relation.id, kind: relation.kind, direction, label: relationNames[relation.kind][direction], other: namedOf(other) };
  });
}

/** The keeper of the source organisation states a relation to another one; both pages show it. */
export async function addRelation(ctx: ServiceContext, fromId: string, input: { kind: RelationKind; targetId: string }) {
  return inTransaction(ctx, async (tx) => {
    const from = await loadOrganisation(tx, fromId, true);
    requireKeeper(tx, from);
    if (input.targetId === fromId) {
      const message = { vi: 'Một tổ chức không có quan hệ với chính nó', en: 'An organisation cannot be related to itself' };
      throw new AppError('VALIDATION', message, [{ path: 'body.targetId', code: 'rule', message }]);
    }
    await loadOrganisation(tx, input.targetId);
    const [row] = await tx.db
      .insert(ecoRelations)
      .values({ fromId, toId: input.targetId, kind: input.kind, createdAt: tx.clock.now().toISOString() })
      .onConflictDoNothing()
      .returning();
    if (!row) throw conflict({ vi: 'Quan hệ này đã có', en: 'This relation already exists' }, { reason: 'DUPLICATE_RELATION' });
    await recordAudit(tx, {
      action: 'ecosystem.organisation.relation.add',
      entityType: 'eco_organisation',
      entityId: fromId,
      after: { relation: input.kind, targetId: input.targetId },
    });
    return relationsOf(tx, fromId);
  });
}

/** The keeper of either side removes a relation. */
export async function removeRelation(ctx: ServiceContext, organisationId: string, relationId: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const org = await loadOrganisation(tx, organisationId, true);
    requireKeeper(tx, org);
    const [row] = await tx.db
      .select()
      .from(ecoRelations)
      .where(and(eq(ecoRelations.id, relationId), or(eq(ecoRelations.fromId, organisationId), eq(ecoRelations.toId, organisationId))));
    if (!row) throw notFound(relationWord, relationId);
    await tx.db.delete(ecoRelations).where(eq(ecoRelations.id, relationId));
    await recordAudit(tx, {
      action: 'ecosystem.organisation.relation.remove',
      entityType: 'eco_organisation',
      entityId: organisationId,
      before: { relation: row.kind, fromId: row.fromId, toId: row.toId },
    });
  });
}
