import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { DecisionDto, decisionBodySchema } from '../../../shared/contracts/commendation.js';
import { recordAudit } from '../../lib/audit.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, conflict, forbidden, notFound } from '../../lib/errors.js';
import { inTransaction } from '../../lib/tx.js';
import { units } from '../identity/schema.js';
import { isProgrammeManager, nominationWord } from './access.js';
import { applyTransition } from './nominations.js';
import { issuerOf } from './rules.js';
import { commendationDecisions, commendationTitles, nominations } from './schema.js';

const decisionWord = { vi: 'Quyết định khen thưởng', en: 'Commendation decision' };
type DecisionRow = typeof commendationDecisions.$inferSelect;

export const decisionDocxUrl = (id: string) => `/api/commendation/decisions/${id}/quyet-dinh.docx`;

/**
 * A programme manager records the decision (quyết định khen thưởng) that gives one title to the
 * nominations the council approved: same title, same year, same deciding head. Each listed
 * nomination becomes "decision issued"; the decision and its list are public.
 */
export async function createDecision(ctx: ServiceContext, input: z.output<typeof decisionBodySchema>): Promise<DecisionDto> {
  if (!isProgrammeManager(ctx)) throw forbidden();
  const ids = [...new Set(input.nominationIds)].sort();
  return inTransaction(ctx, async (tx) => {
    const [title] = await tx.db.select().from(commendationTitles).where(eq(commendationTitles.code, input.titleCode));
    if (!title) throw notFound({ vi: 'Danh hiệu', en: 'Title' }, input.titleCode);
    // Locked in id order, so two decisions naming the same nomination wait for each other.
    const rows = await tx.db.select().from(nominations).where(inArray(nominations.id, ids)).orderBy(asc(nominations.id)).for('update');
    const missing = ids.find((id) => !rows.some((r) => r.id === id));
    if (missing) throw notFound(nominationWord, missing);
    const unitRows = await tx.db
      .select()
      .from(units)
      .where(inArray(units.id, [...new Set(rows.map((r) => r.unitId))]));
    const [city] = await tx.db.select().from(units).where(eq(units.kind, 'city'));
    const deciders = rows.map((r) => {
      const unit = unitRows.find((u) => u.id === r.unitId)!;
      const issuer = issuerOf(r.level, unit.kind);
      return { row: r, issuer, unitId: issuer === 'city_chairman' ? city!.id : r.unitId };
    });
    for (const { row } of deciders) {
      if (row.state !== 'approved')
        throw conflict(
          { vi: `Đề nghị ${row.code} chưa được Hội đồng thông qua`, en: `Nomination ${row.code} has not been approved by the council` },
          { reason: 'NOT_APPROVED', nominationId: row.id },
        );
      if (row.titleId !== title.id)
        throw new AppError(
          'VALIDATION',
          { vi: `Đề nghị ${row.code} không đề nghị “${title.nameVi}”`, en: `Nomination ${row.code} is not for “${title.nameEn}”` },
          { field: 'nominationIds' },
        );
      if (row.year !== rows[0]!.year)
        throw new AppError(
          'VALIDATION',
          { vi: 'Một quyết định chỉ tặng danh hiệu cho một năm', en: 'One decision gives the title for one year' },
          { field: 'nominationIds' },
        );
    }
    const first = deciders[0]!;
    if (deciders.some((d) => d.unitId !== first.unitId)) {
      throw new AppError(
        'VALIDATION',
        {
          vi: 'Các đề nghị trong một quyết định phải cùng một cấp quyết định',
          en: 'The nominations of one decision must be decided by the same head',
        },
        { field: 'nominationIds' },
      );
    }
    const [taken] = await tx.db
      .select({ id: commendationDecisions.id })
      .from(commendationDecisions)
      .where(and(eq(commendationDecisions.issuerUnitId, first.unitId), eq(commendationDecisions.number, input.number)));
    if (taken)
      throw conflict(
        { vi: `Số quyết định ${input.number} đã được dùng`, en: `Decision number ${input.number} is already used` },
        { reason: 'NUMBER_TAKEN' },
      );
    const [decision] = await tx.db
      .insert(commendationDecisions)
      .values({
        number: input.number,
        titleId: title.id,
        year: first.row.year,
        issuer: first.issuer,
        issuerUnitId: first.unitId,
        signedOn: input.signedOn,
        signerName: input.signerName,
        signerPosition: input.signerPosition,
        createdBy: tx.actor!.userId,
      })
      .returning();
    for (const { row } of deciders) {
      await applyTransition(tx, row, 'issue', ['programme_manager'], {
        reason: `Quyết định số ${input.number}`,
        extra: { decisionId: decision!.id },
      });
    }
    await recordAudit(tx, {
      action: 'commendation.decisions.create',
      entityType: 'commendation_decision',
      entityId: decision!.id,
      after: { number: input.number, title: title.code, signedOn: input.signedOn, nominations: ids },
    });
    return (await presentDecisions(tx, [decision!]))[0]!;
  });
}

async function presentDecisions(ctx: ServiceContext, rows: readonly DecisionRow[]): Promise<DecisionDto[]> {
  if (rows.length === 0) return [];
  const titles = await ctx.db.select().from(commendationTitles);
  const listed = await ctx.db
    .select({ n: nominations, unit: units })
    .from(nominations)
    .innerJoin(units, eq(units.id, nominations.nomineeUnitId))
    .where(
      inArray(
        nominations.decisionId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(nominations.nomineeKey), asc(nominations.id));
  const issuerUnits = await ctx.db
    .select()
    .from(units)
    .where(inArray(units.id, [...new Set(rows.map((r) => r.issuerUnitId))]));
  return rows.map((row) => {
    const title = titles.find((t) => t.id === row.titleId)!;
    const issuerUnit = issuerUnits.find((u) => u.id === row.issuerUnitId)!;
    return {
      id: row.id,
      number: row.number,
      title: { code: title.code, name: { vi: title.nameVi, en: title.nameEn } },
      year: row.year,
      issuer: { kind: row.issuer, unit: { code: issuerUnit.code, name: { vi: issuerUnit.nameVi, en: issuerUnit.nameEn } } },
      signedOn: row.signedOn,
      signerName: row.signerName,
      signerPosition: row.signerPosition,
      // Only what a commendation decision publishes: the name, the position and the unit.
      commended: listed
        .filter((l) => l.n.decisionId === row.id)
        .map((l) => ({
          nominationId: l.n.id,
          name: l.n.nomineeName,
          jobTitle: l.n.nomineeJobTitle,
          subject: l.n.subject,
          unit: { code: l.unit.code, name: { vi: l.unit.nameVi, en: l.unit.nameEn } },
        })),
      docxUrl: decisionDocxUrl(row.id),
    };
  });
}

/** Every decision issued, newest first, with those it commends (public acts). */
export async function listDecisions(ctx: ServiceContext) {
  const rows = await ctx.db
    .select()
    .from(commendationDecisions)
    .orderBy(desc(commendationDecisions.signedOn), asc(commendationDecisions.number));
  return { decisions: await presentDecisions(ctx, rows) };
}

export async function getDecision(ctx: ServiceContext, id: string): Promise<DecisionDto> {
  const [row] = await ctx.db.select().from(commendationDecisions).where(eq(commendationDecisions.id, id));
  if (!row) throw notFound(decisionWord, id);
  return (await presentDecisions(ctx, [row]))[0]!;
}
