import { indicatorPaths } from '../../../shared/web-paths.js';
import { and, asc, eq } from 'drizzle-orm';
import {
  measureKeyOf,
  type IndicatorDefinition,
  type IndicatorDefinitionDto,
  type IndicatorPatch,
} from '../../../shared/contracts/indicators.js';
import { recordAudit } from '../../lib/audit.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, conflict, forbidden, notFound } from '../../lib/errors.js';
import { indexDocument, removeDocument } from '../../lib/search.js';
import { inTransaction } from '../../lib/tx.js';
import { units } from '../identity/schema.js';
import { invalidateDashboard } from './dashboard-cache.js';
import { isProgrammeManager } from './policy.js';
import { indicatorFrameworks, indicators, indicatorTargets } from './schema.js';

type IndicatorRow = typeof indicators.$inferSelect;

const invalid = (path: string, vi: string, en: string) =>
  new AppError('VALIDATION', { vi, en }, [{ path, code: 'reference', message: { vi, en } }]);

async function unitIdOf(ctx: ServiceContext, code: string | null): Promise<string | null> {
  if (code === null) return null;
  const [unit] = await ctx.db.select({ id: units.id }).from(units).where(eq(units.code, code));
  if (!unit) throw invalid('body.responsibleUnitCode', `Đơn vị '${code}' không tồn tại`, `Unit '${code}' does not exist`);
  return unit.id;
}

/** The columns a definition sets, from the fields given. */
function columnsOf(input: IndicatorPatch) {
  return {
    ...(input.nameVi !== undefined ? { nameVi: input.nameVi } : {}),
    ...(input.nameEn !== undefined ? { nameEn: input.nameEn } : {}),
    ...(input.unitVi !== undefined ? { unitVi: input.unitVi } : {}),
    ...(input.unitEn !== undefined ? { unitEn: input.unitEn } : {}),
    ...(input.methodVi !== undefined ? { methodVi: input.methodVi } : {}),
    ...(input.methodEn !== undefined ? { methodEn: input.methodEn } : {}),
    ...(input.dataSourceVi !== undefined ? { dataSourceVi: input.dataSourceVi } : {}),
    ...(input.dataSourceEn !== undefined ? { dataSourceEn: input.dataSourceEn } : {}),
    ...(input.direction !== undefined ? { direction: input.direction } : {}),
    ...(input.measureKey !== undefined ? { measureKey: input.measureKey } : {}),
    ...(input.projectionMethod !== undefined ? { projectionMethod: input.projectionMethod } : {}),
    ...(input.baseline !== undefined
      ? {
          baselineValue: input.baseline?.value ?? null,
          baselineYear: input.baseline?.year ?? null,
          baselineQualifier: input.baseline?.qualifier ?? null,
          isBaselineIllustrative: input.baseline?.isIllustrative ?? false,
        }
      : {}),
    ...(input.frequency !== undefined ? { frequency: input.frequency } : {}),
    ...(input.reportingFromYear !== undefined ? { reportingFromYear: input.reportingFromYear } : {}),
    ...(input.planTaskCodes !== undefined ? { planTaskCodes: input.planTaskCodes } : {}),
    ...(input.sourceNote !== undefined ? { sourceNote: input.sourceNote } : {}),
    ...(input.isHeadline !== undefined ? { isHeadline: input.isHeadline } : {}),
    ...(input.isPublic !== undefined ? { isPublic: input.isPublic } : {}),
  };
}

async function replaceTargets(tx: ServiceContext, indicatorId: string, targets: IndicatorDefinition['targets']): Promise<void> {
  await tx.db.delete(indicatorTargets).where(eq(indicatorTargets.indicatorId, indicatorId));
  if (targets.length > 0) {
    await tx.db
      .insert(indicatorTargets)
      .values(
        targets.map((t) => ({
          indicatorId,
          year: t.year,
          minValue: t.min,
          maxValue: t.max,
          qualifier: t.qualifier,
          isIllustrative: t.isIllustrative,
        })),
      );
  }
}

/** One indicator per measure: a second indicator for a measure already followed is refused, naming the first. */
async function assertMeasureFree(tx: ServiceContext, measureKey: string, exceptId: string | null): Promise<void> {
  const [holder] = await tx.db
    .select({ id: indicators.id, code: indicators.code })
    .from(indicators)
    .where(eq(indicators.measureKey, measureKey));
  if (holder && holder.id !== exceptId) {
    throw conflict({
      vi: `Chỉ tiêu '${holder.code}' đã đo đại lượng '${measureKey}'; hãy thêm mục tiêu vào chỉ tiêu đó thay vì tạo chỉ tiêu thứ hai`,
      en: `Indicator '${holder.code}' already measures '${measureKey}'; add the target to it instead of creating a second indicator`,
    });
  }
}

async function targetsOf(ctx: ServiceContext, indicatorId: string) {
  const rows = await ctx.db
    .select()
    .from(indicatorTargets)
    .where(eq(indicatorTargets.indicatorId, indicatorId))
    .orderBy(asc(indicatorTargets.year));
  return rows.map((t) => ({ year: t.year, min: t.minValue, max: t.maxValue, qualifier: t.qualifier, isIllustrative: t.isIllustrative }));
}

/** Public indicators are found by search without diacritics; private ones leave the index. */
async function syncSearch(tx: ServiceContext, row: IndicatorRow): Promise<void> {
  if (!row.isPublic) {
    await removeDocument(tx.db, 'indicator', row.id);
    return;
  }
  await indexDocument(tx.db, { entityType: 'indicator', entityId: row.id, title: row.nameVi, titleEn: row.nameEn, body: `${row.nameEn} · ${row.code}`, url: indicatorPaths.indicator(row.code), isPublic: true });
}

/** An indicator's definition as a programme manager edits it, public or not. */
export async function getIndicatorDefinition(ctx: ServiceContext, id: string): Promise<IndicatorDefinitionDto> {
  if (!isProgrammeManager(ctx.actor)) throw forbidden();
  const [found] = await ctx.db
    .select({ row: indicators, frameworkCode: indicatorFrameworks.code, responsibleUnitCode: units.code })
    .from(indicators)
    .innerJoin(indicatorFrameworks, eq(indicatorFrameworks.id, indicators.frameworkId))
    .leftJoin(units, eq(units.id, indicators.responsibleUnitId))
    .where(eq(indicators.id, id));
  if (!found) throw notFound({ vi: 'Chỉ tiêu', en: 'Indicator' }, id);
  const { row } = found;
  return {
    id: row.id,
    frameworkCode: found.frameworkCode,
    code: row.code,
    nameVi: row.nameVi,
    nameEn: row.nameEn,
    unitVi: row.unitVi,
    unitEn: row.unitEn,
    methodVi: row.methodVi,
    methodEn: row.methodEn,
    dataSourceVi: row.dataSourceVi,
    dataSourceEn: row.dataSourceEn,
    direction: row.direction,
    measureKey: row.measureKey,
    projectionMethod: row.projectionMethod,
    baseline:
      row.baselineValue !== null && row.baselineYear !== null
        ? { value: row.baselineValue, year: row.baselineYear, qualifier: row.baselineQualifier, isIllustrative: row.isBaselineIllustrative }
        : null,
    targets: await targetsOf(ctx, id),
    responsibleUnitCode: found.responsibleUnitCode,
    frequency: row.frequency,
    reportingFromYear: row.reportingFromYear,
    planTaskCodes: row.planTaskCodes,
    sourceNote: row.sourceNote,
    isHeadline: row.isHeadline,
    isPublic: row.isPublic,
  };
}

/** A programme manager defines a new indicator in a framework, with its targets. */
export async function createIndicator(ctx: ServiceContext, input: IndicatorDefinition): Promise<{ id: string; code: string }> {
  if (!isProgrammeManager(ctx.actor)) throw forbidden();
  const [framework] = await ctx.db
    .select({ id: indicatorFrameworks.id })
    .from(indicatorFrameworks)
    .where(eq(indicatorFrameworks.code, input.frameworkCode));
  if (!framework)
    throw invalid(
      'body.frameworkCode',
      `Khung chỉ tiêu '${input.frameworkCode}' không tồn tại`,
      `Framework '${input.frameworkCode}' does not exist`,
    );
  const responsibleUnitId = await unitIdOf(ctx, input.responsibleUnitCode);
  const result = await inTransaction(ctx, async (tx) => {
    const [taken] = await tx.db
      .select({ id: indicators.id })
      .from(indicators)
      .where(and(eq(indicators.frameworkId, framework.id), eq(indicators.code, input.code)));
    if (taken)
      throw conflict({
        vi: `Mã chỉ tiêu '${input.code}' đã có trong khung này`,
        en: `Indicator code '${input.code}' is already used in this framework`,
      });
    const measureKey = input.measureKey ?? measureKeyOf(input.nameEn, input.unitEn);
    await assertMeasureFree(tx, measureKey, null);
    const [row] = await tx.db
      .insert(indicators)
      .values({
        code: input.code,
        frameworkId: framework.id,
        nameVi: input.nameVi,
        nameEn: input.nameEn,
        unitVi: input.unitVi,
        unitEn: input.unitEn,
        direction: input.direction,
        frequency: input.frequency,
        ...columnsOf(input),
        measureKey,
        responsibleUnitId,
      })
      .returning();
    await replaceTargets(tx, row!.id, input.targets);
    await syncSearch(tx, row!);
    await recordAudit(tx, { action: 'indicators.indicator.create', entityType: 'indicator', entityId: row!.id, after: input });
    return { id: row!.id, code: row!.code };
  });
  await invalidateDashboard(ctx.db);
  return result;
}

/** A programme manager changes an indicator's definition, targets or public flag; the audit row keeps before and after. */
export async function updateIndicator(ctx: ServiceContext, id: string, patch: IndicatorPatch): Promise<{ id: string; code: string }> {
  if (!isProgrammeManager(ctx.actor)) throw forbidden();
  const [existing] = await ctx.db.select().from(indicators).where(eq(indicators.id, id));
  if (!existing) throw notFound({ vi: 'Chỉ tiêu', en: 'Indicator' }, id);
  const responsibleUnit =
    patch.responsibleUnitCode !== undefined ? { responsibleUnitId: await unitIdOf(ctx, patch.responsibleUnitCode) } : {};
  const result = await inTransaction(ctx, async (tx) => {
    const beforeTargets = await targetsOf(tx, id);
    if (patch.measureKey !== undefined) await assertMeasureFree(tx, patch.measureKey, id);
    const now = tx.clock.now().toISOString();
    const [row] = await tx.db
      .update(indicators)
      .set({ ...columnsOf(patch), ...responsibleUnit, updatedAt: now })
      .where(eq(indicators.id, id))
      .returning();
    if (patch.targets !== undefined) await replaceTargets(tx, id, patch.targets);
    await syncSearch(tx, row!);
    const { createdAt: _c, updatedAt: _u, ...before } = existing;
    await recordAudit(tx, {
      action: 'indicators.indicator.update',
      entityType: 'indicator',
      entityId: id,
      before: { ...before, targets: beforeTargets },
      after: patch,
    });
    return { id, code: row!.code };
  });
  await invalidateDashboard(ctx.db);
  return result;
}
