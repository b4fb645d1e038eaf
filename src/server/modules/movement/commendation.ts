import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { awardBodySchema, replicationBodySchema } from '../../../shared/contracts/movement.js';
import { recordAudit } from '../../lib/audit.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, conflict, notFound } from '../../lib/errors.js';
import { vietnameseDate } from '../../lib/official-document.js';
import { inTransaction } from '../../lib/tx.js';
import { actorHasRoleOnUnit } from '../../lib/unit-scope.js';
import { units } from '../identity/schema.js';
import { loadInitiative, requireUserId, type InitiativeRow } from './access.js';
import { cityDate } from './decision-deadline.js';
import { applyTransition } from './initiatives.js';
import { presentGalleryItem } from './presenter.js';
import { awards, awardTypes, initiativeAuthors, initiatives, replications } from './schema.js';

/** The award type of the certificate of recognition (Giấy chứng nhận sáng kiến); the migrations load it. */
export const recognitionCertificateCode = 'GCN-SK';

/**
 * Recognition comes with its certificate (Decree 13/2012/NĐ-CP): when the council recognises an
 * initiative, its certificate is issued to the authors, once — an initiative that already holds one
 * keeps it. The initiative stays "recognised": a certificate is not a commendation.
 */
export async function issueRecognitionCertificate(ctx: ServiceContext, initiative: InitiativeRow, councilName: string): Promise<void> {
  const [type] = await ctx.db.select().from(awardTypes).where(eq(awardTypes.code, recognitionCertificateCode));
  if (!type) throw new Error(`award type ${recognitionCertificateCode} is missing: the migrations load it`);
  const [existing] = await ctx.db.select({ id: awards.id }).from(awards).where(and(eq(awards.initiativeId, initiative.id), eq(awards.awardTypeId, type.id)));
  if (existing) return;
  const authors = await ctx.db.select({ fullName: initiativeAuthors.fullName }).from(initiativeAuthors).where(eq(initiativeAuthors.initiativeId, initiative.id)).orderBy(asc(initiativeAuthors.position));
  const today = cityDate(ctx.clock.now());
  const [row] = await ctx.db
    .insert(awards)
    .values({
      initiativeId: initiative.id,
      awardTypeId: type.id,
      phaseId: initiative.phaseId,
      decisionRef: `Công nhận theo biên bản của ${councilName} ngày ${vietnameseDate(today)}`,
      awardedOn: today,
      recipients: authors.map((a) => a.fullName).join(', '),
    })
    .returning();
  await recordAudit(ctx, { action: 'awards.issue-certificate', entityType: 'award', entityId: row!.id, after: { initiativeId: initiative.id, type: type.code } });
}

export async function listAwardTypes(ctx: ServiceContext) {
  const rows = await ctx.db.select().from(awardTypes).orderBy(asc(awardTypes.code));
  return { types: rows.map((r) => ({ code: r.code, name: { vi: r.nameVi, en: r.nameEn }, issuer: { vi: r.issuerVi, en: r.issuerEn } })) };
}

/** Makes an award (khen thưởng) to a recognised initiative; programme managers through the workflow table. */
export async function makeAward(ctx: ServiceContext, initiativeId: string, input: z.output<typeof awardBodySchema>) {
  requireUserId(ctx);
  return inTransaction(ctx, async (tx) => {
    const initiative = await loadInitiative(tx, initiativeId, true);
    const [type] = await tx.db.select().from(awardTypes).where(eq(awardTypes.code, input.awardTypeCode));
    if (!type) throw notFound({ vi: 'Hình thức khen thưởng', en: 'Award type' }, input.awardTypeCode);
    const [existing] = await tx.db.select({ id: awards.id }).from(awards).where(and(eq(awards.initiativeId, initiativeId), eq(awards.awardTypeId, type.id)));
    if (existing) throw conflict({ vi: `Sáng kiến đã được trao “${type.nameVi}”`, en: `The initiative already received “${type.nameEn}”` });
    await applyTransition(tx, initiative, 'award', input.decisionRef);
    const [row] = await tx.db
      .insert(awards)
      .values({ initiativeId, awardTypeId: type.id, phaseId: input.phaseId ?? initiative.phaseId, decisionRef: input.decisionRef, awardedOn: input.awardedOn, recipients: input.recipients })
      .returning();
    await recordAudit(tx, { action: 'awards.create', entityType: 'award', entityId: row!.id, after: { initiativeId, type: type.code, decisionRef: input.decisionRef } });
    return (await listAwards(tx, { awardId: row!.id })).awards[0]!;
  });
}

/** Awards, for a phase's award list, one initiative or one certificate (public: awards are public acts). */
export async function listAwards(ctx: ServiceContext, filter: { phaseId?: string; initiativeId?: string; awardId?: string }) {
  const conditions = [
    filter.phaseId ? eq(awards.phaseId, filter.phaseId) : undefined,
    filter.initiativeId ? eq(awards.initiativeId, filter.initiativeId) : undefined,
    filter.awardId ? eq(awards.id, filter.awardId) : undefined,
  ].filter((c) => c !== undefined);
  const rows = await ctx.db
    .select({ award: awards, type: awardTypes, code: initiatives.code, title: initiatives.title, scope: initiatives.scope })
    .from(awards)
    .innerJoin(awardTypes, eq(awardTypes.id, awards.awardTypeId))
    .innerJoin(initiatives, eq(initiatives.id, awards.initiativeId))
    .where(and(...conditions))
    .orderBy(asc(awards.awardedOn), asc(awards.id));
  return {
    awards: rows.map((r) => ({
      id: r.award.id,
      initiativeId: r.award.initiativeId,
      initiativeCode: r.code,
      initiativeTitle: r.title,
      type: { vi: r.type.nameVi, en: r.type.nameEn },
      issuer: { vi: r.type.issuerVi, en: r.type.issuerEn },
      decisionRef: r.award.decisionRef,
      awardedOn: r.award.awardedOn,
      recipients: r.award.recipients,
      scope: r.scope,
    })),
  };
}

export async function getAward(ctx: ServiceContext, awardId: string) {
  const [award] = (await listAwards(ctx, { awardId })).awards;
  if (!award) throw notFound({ vi: 'Khen thưởng', en: 'Award' }, awardId);
  return award;
}

/** Records that a unit adopted an initiative (nhân rộng): only a unit officer of that unit. */
export async function recordReplication(ctx: ServiceContext, initiativeId: string, input: z.output<typeof replicationBodySchema>) {
  requireUserId(ctx);
  return inTransaction(ctx, async (tx) => {
    const initiative = await loadInitiative(tx, initiativeId, true);
    const [unit] = await tx.db.select().from(units).where(eq(units.id, input.unitId));
    if (!unit) throw notFound({ vi: 'Đơn vị', en: 'Unit' }, input.unitId);
    // A unit officer speaks only for their own unit.
    if (!(await actorHasRoleOnUnit(tx, ['unit_officer'], input.unitId))) {
      throw new AppError('FORBIDDEN', { vi: `Chỉ cán bộ của ${unit.nameVi} mới ghi nhận được việc đơn vị này áp dụng sáng kiến`, en: `Only an officer of ${unit.nameEn} may record that it applies the initiative` });
    }
    if (input.unitId === initiative.unitId) throw conflict({ vi: 'Đơn vị tạo ra sáng kiến không tính là nhân rộng', en: 'The unit where the initiative was made does not count as a replication' });
    const [existing] = await tx.db.select({ id: replications.id }).from(replications).where(and(eq(replications.initiativeId, initiativeId), eq(replications.unitId, input.unitId)));
    if (existing) throw conflict({ vi: `${unit.nameVi} đã được ghi nhận áp dụng sáng kiến này`, en: `${unit.nameEn} is already recorded as applying this initiative` });
    await applyTransition(tx, initiative, 'replicate', input.results);
    const [row] = await tx.db.insert(replications).values({ ...input, initiativeId, recordedBy: tx.actor!.userId }).returning();
    await tx.db.update(initiatives).set({ replicationCount: sql`${initiatives.replicationCount} + 1` }).where(eq(initiatives.id, initiativeId));
    await recordAudit(tx, { action: 'replications.create', entityType: 'replication', entityId: row!.id, after: { initiativeId, unitId: input.unitId, adoptedOn: input.adoptedOn } });
    return { id: row!.id, initiativeId, unitId: unit.id, unitName: { vi: unit.nameVi, en: unit.nameEn }, adoptedOn: row!.adoptedOn, results: row!.results };
  });
}

export async function replicationsOf(ctx: ServiceContext, initiativeIds: string[]) {
  if (initiativeIds.length === 0) return [];
  return ctx.db
    .select({ r: replications, unit: units })
    .from(replications)
    .innerJoin(units, eq(units.id, replications.unitId))
    .where(inArray(replications.initiativeId, initiativeIds))
    .orderBy(asc(replications.adoptedOn), asc(replications.id));
}

/** The "most replicated" view: public initiatives adopted by the most units. */
export async function mostReplicated(ctx: ServiceContext, limit = 10) {
  const rows = await ctx.db
    .select({ i: initiatives, unit: units })
    .from(initiatives)
    .leftJoin(units, eq(units.id, initiatives.unitId))
    .where(and(inArray(initiatives.state, ['recognised', 'awarded', 'replicated']), sql`${initiatives.replicationCount} > 0`))
    .orderBy(desc(initiatives.replicationCount), asc(initiatives.code))
    .limit(limit);
  return { items: rows.map((r) => presentGalleryItem(r.i, r.unit)) };
}
