import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { periodInputSchema, Regime, regimeInputSchema } from '../../../shared/contracts/reports.js';
import { recordAudit } from '../../lib/audit.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, conflict, forbidden, notFound } from '../../lib/errors.js';
import { inTransaction } from '../../lib/tx.js';
import { units } from '../identity/schema.js';
import { campaignPhases } from '../movement/schema.js';
import { reporterOf } from './access.js';
import { calendarDates, calendarPeriod, earliestDueOn, phaseDates } from './periods.js';
import { presentPeriod } from './presenter.js';
import { reportPeriods, reportRegimes, reportRegimeUnits, unitReports, type ReportPeriod, type ReportRegime } from './schema.js';

type RegimeInput = z.output<typeof regimeInputSchema>;
type RegimePatch = Partial<RegimeInput>;
type PeriodInput = z.output<typeof periodInputSchema>;

const regimeWord = { vi: 'Chế độ báo cáo', en: 'Reporting regime' };
const invalid = (path: string, vi: string, en: string) =>
  new AppError('VALIDATION', { vi, en }, [{ path, code: 'invalid', message: { vi, en } }]);

const requireManager = async (ctx: ServiceContext) => {
  if (!(await reporterOf(ctx)).isManager) throw forbidden({ reason: 'managers-only' });
};

async function checkUnits(ctx: ServiceContext, ids: readonly string[], path: string) {
  const found = ids.length
    ? await ctx.db
        .select({ id: units.id })
        .from(units)
        .where(inArray(units.id, [...ids]))
    : [];
  const missing = ids.filter((id) => !found.some((f) => f.id === id));
  if (missing.length) throw invalid(path, `Đơn vị không tồn tại: ${missing.join(', ')}`, `Unknown unit(s): ${missing.join(', ')}`);
}

async function loadRegime(ctx: ServiceContext, id: string): Promise<ReportRegime> {
  const [row] = await ctx.db.select().from(reportRegimes).where(eq(reportRegimes.id, id));
  if (!row) throw notFound(regimeWord, id);
  return row;
}

const codeTaken = async (ctx: ServiceContext, code: string, exceptId?: string) => {
  const [row] = await ctx.db.select({ id: reportRegimes.id }).from(reportRegimes).where(eq(reportRegimes.code, code));
  return row !== undefined && row.id !== exceptId;
};
const codeConflict = (code: string) =>
  conflict({ vi: `Mã chế độ báo cáo '${code}' đã được dùng`, en: `The regime code '${code}' is already taken` });

async function setUnits(ctx: ServiceContext, regimeId: string, unitIds: readonly string[]) {
  await ctx.db.delete(reportRegimeUnits).where(eq(reportRegimeUnits.regimeId, regimeId));
  await ctx.db.insert(reportRegimeUnits).values([...new Set(unitIds)].map((unitId) => ({ regimeId, unitId })));
}

/** Defines a reporting regime: its form's sections, the units that report, how often and by which day. */
export async function createRegime(ctx: ServiceContext, input: RegimeInput): Promise<Regime> {
  await requireManager(ctx);
  await checkUnits(ctx, [input.issuerUnitId], 'issuerUnitId');
  await checkUnits(ctx, input.unitIds, 'unitIds');
  const id = await inTransaction(ctx, async (tx) => {
    if (await codeTaken(tx, input.code)) throw codeConflict(input.code);
    const now = tx.clock.now().toISOString();
    const [row] = await tx.db
      .insert(reportRegimes)
      .values({
        code: input.code,
        nameVi: input.name.vi,
        nameEn: input.name.en,
        periodKind: input.periodKind,
        issuerUnitId: input.issuerUnitId,
        sections: input.sections,
        dueDayOfMonth: input.dueDayOfMonth,
        createdBy: tx.actor?.userId ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await setUnits(tx, row!.id, input.unitIds);
    await recordAudit(tx, { action: 'reports.regime.create', entityType: 'report_regime', entityId: row!.id, after: input });
    return row!.id;
  });
  return getRegime(ctx, id);
}

/** Changes a regime; what it was opened with stays with the periods already open (their dates and units' reports). */
export async function updateRegime(ctx: ServiceContext, id: string, patch: RegimePatch): Promise<Regime> {
  await requireManager(ctx);
  const before = await loadRegime(ctx, id);
  if (patch.issuerUnitId) await checkUnits(ctx, [patch.issuerUnitId], 'issuerUnitId');
  if (patch.unitIds) await checkUnits(ctx, patch.unitIds, 'unitIds');
  await inTransaction(ctx, async (tx) => {
    if (patch.code !== undefined && (await codeTaken(tx, patch.code, id))) throw codeConflict(patch.code);
    if (patch.periodKind !== undefined && patch.periodKind !== before.periodKind) {
      const [opened] = await tx.db.select({ id: reportPeriods.id }).from(reportPeriods).where(eq(reportPeriods.regimeId, id)).limit(1);
      if (opened)
        throw conflict({
          vi: 'Không đổi được kỳ báo cáo của chế độ đã mở kỳ; hãy lập chế độ mới',
          en: 'The period kind of a regime with open periods cannot change; define a new regime',
        });
    }
    await tx.db
      .update(reportRegimes)
      .set({
        ...(patch.code !== undefined ? { code: patch.code } : {}),
        ...(patch.name !== undefined ? { nameVi: patch.name.vi, nameEn: patch.name.en } : {}),
        ...(patch.periodKind !== undefined ? { periodKind: patch.periodKind } : {}),
        ...(patch.issuerUnitId !== undefined ? { issuerUnitId: patch.issuerUnitId } : {}),
        ...(patch.sections !== undefined ? { sections: patch.sections } : {}),
        ...(patch.dueDayOfMonth !== undefined ? { dueDayOfMonth: patch.dueDayOfMonth } : {}),
        updatedAt: tx.clock.now().toISOString(),
      })
      .where(eq(reportRegimes.id, id));
    if (patch.unitIds) await setUnits(tx, id, patch.unitIds);
    await recordAudit(tx, { action: 'reports.regime.update', entityType: 'report_regime', entityId: id, before, after: patch });
  });
  return getRegime(ctx, id);
}

/** A regime with its units and periods; every staff member may read what they report under. */
export async function getRegime(ctx: ServiceContext, id: string): Promise<Regime> {
  const regime = await loadRegime(ctx, id);
  const [issuer] = await ctx.db.select().from(units).where(eq(units.id, regime.issuerUnitId));
  const members = await ctx.db
    .select({ id: units.id, code: units.code, nameVi: units.nameVi, nameEn: units.nameEn })
    .from(reportRegimeUnits)
    .innerJoin(units, eq(units.id, reportRegimeUnits.unitId))
    .where(eq(reportRegimeUnits.regimeId, id))
    .orderBy(asc(units.code));
  const periods = await ctx.db.select().from(reportPeriods).where(eq(reportPeriods.regimeId, id)).orderBy(desc(reportPeriods.cutoffTo));
  return {
    id: regime.id,
    code: regime.code,
    name: { vi: regime.nameVi, en: regime.nameEn },
    periodKind: regime.periodKind,
    issuerUnit: { id: regime.issuerUnitId, name: { vi: issuer?.nameVi ?? '', en: issuer?.nameEn ?? '' } },
    units: members.map((u) => ({ id: u.id, code: u.code, name: { vi: u.nameVi, en: u.nameEn } })),
    sections: regime.sections,
    dueDayOfMonth: regime.dueDayOfMonth,
    periods: periods.map((p) => ({
      id: p.id,
      label: p.label,
      name: { vi: p.nameVi, en: p.nameEn },
      cutoffFrom: p.cutoffFrom,
      cutoffTo: p.cutoffTo,
      dueOn: p.dueOn,
    })),
  };
}

/** Every regime, newest first (staff read them all: what is asked of units is no secret among them). */
export async function listRegimes(ctx: ServiceContext): Promise<Regime[]> {
  const rows = await ctx.db
    .select({ id: reportRegimes.id })
    .from(reportRegimes)
    .orderBy(desc(reportRegimes.createdAt), asc(reportRegimes.code));
  const out: Regime[] = [];
  for (const row of rows) out.push(await getRegime(ctx, row.id));
  return out;
}

/** The period's name and dates: a calendar period by its label, or a movement phase; dates left out follow Decree 09/2019/NĐ-CP. */
async function periodFacts(ctx: ServiceContext, regime: ReportRegime, input: PeriodInput) {
  if (regime.periodKind === 'phase') {
    if (!input.phaseId) throw invalid('phaseId', 'Hãy chọn giai đoạn của phong trào', 'Choose the movement phase');
    const [phase] = await ctx.db.select().from(campaignPhases).where(eq(campaignPhases.id, input.phaseId));
    if (!phase) throw invalid('phaseId', 'Giai đoạn không tồn tại', 'The phase does not exist');
    const review = phase.review === 'final' ? { vi: 'Tổng kết', en: 'Final review of' } : { vi: 'Sơ kết', en: 'Interim review of' };
    return {
      label: phase.id,
      phaseId: phase.id,
      name: { vi: `${review.vi} ${phase.nameVi}`, en: `${review.en} ${phase.nameEn}` },
      dates: phaseDates(phase, regime.dueDayOfMonth),
    };
  }
  const period = input.label ? calendarPeriod(regime.periodKind, input.label) : null;
  if (!period)
    throw invalid(
      'label',
      'Kỳ báo cáo không khớp với chế độ (ví dụ 2026-03, 2026-Q1, 2026-H1, 2026)',
      'The period does not match the regime (e.g. 2026-03, 2026-Q1, 2026-H1, 2026)',
    );
  return { label: period.label, phaseId: null, name: period.name, dates: calendarDates(period, regime.dueDayOfMonth) };
}

/** Opens a period: its dates (defaults by the decree) and a draft report for every unit of the regime. */
export async function openPeriod(ctx: ServiceContext, regimeId: string, input: PeriodInput): Promise<ReturnType<typeof presentPeriod>> {
  await requireManager(ctx);
  const regime = await loadRegime(ctx, regimeId);
  const facts = await periodFacts(ctx, regime, input);
  const dates = {
    cutoffFrom: input.cutoffFrom ?? facts.dates.cutoffFrom,
    cutoffTo: input.cutoffTo ?? facts.dates.cutoffTo,
    dueOn: input.dueOn ?? facts.dates.dueOn,
  };
  if (dates.cutoffFrom > dates.cutoffTo)
    throw invalid('cutoffTo', 'Ngày chốt số liệu phải sau ngày bắt đầu', 'The cut-off must end after it starts');
  if (dates.dueOn < earliestDueOn(dates.cutoffTo))
    throw invalid(
      'dueOn',
      'Hạn gửi báo cáo phải sau ngày chốt số liệu ít nhất 01 ngày làm việc (Nghị định 09/2019/NĐ-CP, Điều 8)',
      'The due date must be at least one working day after the cut-off (Decree 09/2019/NĐ-CP, Article 8)',
    );
  const period = await inTransaction(ctx, async (tx) => {
    const [existing] = await tx.db
      .select({ id: reportPeriods.id })
      .from(reportPeriods)
      .where(and(eq(reportPeriods.regimeId, regimeId), eq(reportPeriods.label, facts.label)));
    if (existing) throw conflict({ vi: `Kỳ '${facts.name.vi}' đã được mở`, en: `The period '${facts.name.en}' is already open` });
    const [row] = await tx.db
      .insert(reportPeriods)
      .values({
        regimeId,
        label: facts.label,
        phaseId: facts.phaseId,
        nameVi: facts.name.vi,
        nameEn: facts.name.en,
        ...dates,
        openedBy: tx.actor?.userId ?? null,
        createdAt: tx.clock.now().toISOString(),
      })
      .returning();
    const members = await tx.db
      .select({ unitId: reportRegimeUnits.unitId })
      .from(reportRegimeUnits)
      .where(eq(reportRegimeUnits.regimeId, regimeId));
    const now = tx.clock.now().toISOString();
    if (members.length)
      await tx.db.insert(unitReports).values(members.map((m) => ({ periodId: row!.id, unitId: m.unitId, createdAt: now, updatedAt: now })));
    await recordAudit(tx, {
      action: 'reports.period.open',
      entityType: 'report_period',
      entityId: row!.id,
      after: { regimeId, label: facts.label, ...dates },
    });
    return row!;
  });
  return presentPeriod(period, regime);
}

/** A period with its regime, or 404. */
export async function loadPeriod(ctx: ServiceContext, id: string): Promise<{ period: ReportPeriod; regime: ReportRegime }> {
  const [row] = await ctx.db
    .select({ period: reportPeriods, regime: reportRegimes })
    .from(reportPeriods)
    .innerJoin(reportRegimes, eq(reportRegimes.id, reportPeriods.regimeId))
    .where(eq(reportPeriods.id, id));
  if (!row) throw notFound({ vi: 'Kỳ báo cáo', en: 'Reporting period' }, id);
  return row;
}
