import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { PhaseReport, registrationBodySchema, registrationReportSchema } from '../../../shared/contracts/movement.js';
import { recordAudit } from '../../lib/audit.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, conflict, forbidden, notFound } from '../../lib/errors.js';
import { officialDocx, signatureFor, vietnameseDate, vietnameseNumber } from '../../lib/official-document.js';
import { hasRole } from '../../lib/policy.js';
import { toXlsx } from '../../lib/tabular-export.js';
import { inTransaction } from '../../lib/tx.js';
import { actorHasRoleOnUnit } from '../../lib/unit-scope.js';
import { units } from '../identity/schema.js';
import { isProgrammeManager, requireUserId } from './access.js';
import { barChartPng } from './bar-chart-png.js';
import { cityDate } from './decision-deadline.js';
import { stateName } from './workflow.js';
import { awards, awardTypes, campaignPhases, campaigns, initiatives, replications, unitRegistrations } from './schema.js';

const phaseWord = { vi: 'Giai đoạn', en: 'Phase' };

async function loadPhase(ctx: ServiceContext, phaseId: string) {
  const [phase] = await ctx.db.select().from(campaignPhases).where(eq(campaignPhases.id, phaseId));
  if (!phase) throw notFound(phaseWord, phaseId);
  return phase;
}

function presentRegistration(row: typeof unitRegistrations.$inferSelect, unit: typeof units.$inferSelect) {
  return {
    id: row.id,
    phaseId: row.phaseId,
    unitId: row.unitId,
    unitName: { vi: unit.nameVi, en: unit.nameEn },
    commitments: row.commitments,
    interimReport: row.interimReport,
    finalReport: row.finalReport,
  };
}

/** A unit registers its commitments for a phase (đăng ký thi đua); only an officer of that unit. */
export async function registerUnit(ctx: ServiceContext, phaseId: string, input: z.output<typeof registrationBodySchema>) {
  requireUserId(ctx);
  return inTransaction(ctx, async (tx) => {
    await loadPhase(tx, phaseId);
    const [unit] = await tx.db.select().from(units).where(eq(units.id, input.unitId));
    if (!unit) throw notFound({ vi: 'Đơn vị', en: 'Unit' }, input.unitId);
    if (!(await actorHasRoleOnUnit(tx, ['unit_officer'], input.unitId))) {
      throw new AppError('FORBIDDEN', {
        vi: `Chỉ cán bộ của ${unit.nameVi} mới đăng ký thi đua cho đơn vị này`,
        en: `Only an officer of ${unit.nameEn} may register it`,
      });
    }
    const [existing] = await tx.db
      .select({ id: unitRegistrations.id })
      .from(unitRegistrations)
      .where(and(eq(unitRegistrations.phaseId, phaseId), eq(unitRegistrations.unitId, input.unitId)));
    if (existing)
      throw conflict({
        vi: `${unit.nameVi} đã đăng ký thi đua cho giai đoạn này`,
        en: `${unit.nameEn} is already registered for this phase`,
      });
    const [row] = await tx.db
      .insert(unitRegistrations)
      .values({ phaseId, unitId: input.unitId, commitments: input.commitments, registeredBy: tx.actor!.userId })
      .returning();
    await recordAudit(tx, {
      action: 'registrations.create',
      entityType: 'unit_registration',
      entityId: row!.id,
      after: { phaseId, unitId: input.unitId, commitments: input.commitments.length },
    });
    return presentRegistration(row!, unit);
  });
}

/** A registration as its unit's officers revise its reports (with its version, which the edit sends back). */
export async function registrationToReport(ctx: ServiceContext, registrationId: string) {
  requireUserId(ctx);
  const row = await reportableRegistration(ctx, registrationId);
  const [unit] = await ctx.db.select().from(units).where(eq(units.id, row.unitId));
  return presentRegistration(row, unit!);
}

/** The registration, when the actor is an officer of its unit; otherwise 404, as if it did not exist. */
async function reportableRegistration(ctx: ServiceContext, registrationId: string, lock = false) {
  const query = ctx.db.select().from(unitRegistrations).where(eq(unitRegistrations.id, registrationId));
  const [row] = lock ? await query.for('update') : await query;
  if (!row || !(await actorHasRoleOnUnit(ctx, ['unit_officer'], row.unitId)))
    throw notFound({ vi: 'Đăng ký thi đua', en: 'Registration' }, registrationId);
  return row;
}

/** The unit reports against its commitments at the interim or final review. */
export async function reportOnRegistration(ctx: ServiceContext, registrationId: string, input: z.output<typeof registrationReportSchema>) {
  requireUserId(ctx);
  return inTransaction(ctx, async (tx) => {
    const row = await reportableRegistration(tx, registrationId, true);
    const now = tx.clock.now().toISOString();
    const changes =
      input.review === 'interim'
        ? { interimReport: input.report, interimReportedAt: now }
        : { finalReport: input.report, finalReportedAt: now };
    const [updated] = await tx.db
      .update(unitRegistrations)
      .set({ ...changes, updatedAt: now })
      .where(eq(unitRegistrations.id, registrationId))
      .returning();
    await recordAudit(tx, {
      action: `registrations.report-${input.review}`,
      entityType: 'unit_registration',
      entityId: registrationId,
      after: { length: input.report.length },
    });
    const [unit] = await tx.db.select().from(units).where(eq(units.id, row.unitId));
    return presentRegistration(updated!, unit!);
  });
}

/** Registrations of a phase: managers and leaders see all, a unit officer those of their units. */
export async function listRegistrations(ctx: ServiceContext, phaseId: string) {
  requireUserId(ctx);
  await loadPhase(ctx, phaseId);
  const rows = await ctx.db
    .select({ r: unitRegistrations, unit: units })
    .from(unitRegistrations)
    .innerJoin(units, eq(units.id, unitRegistrations.unitId))
    .where(eq(unitRegistrations.phaseId, phaseId))
    .orderBy(asc(units.code));
  const seesAll = isProgrammeManager(ctx) || hasRole(ctx.actor, 'leader');
  const visible = [];
  for (const row of rows)
    if (seesAll || (await actorHasRoleOnUnit(ctx, ['unit_officer'], row.r.unitId))) visible.push(presentRegistration(row.r, row.unit));
  return { registrations: visible };
}

/** The interim or final review of a phase: counts by field, unit and state, top initiatives, awards, replication. */
export async function phaseReport(ctx: ServiceContext, phaseId: string): Promise<PhaseReport> {
  if (!isProgrammeManager(ctx) && !hasRole(ctx.actor, 'leader')) throw forbidden();
  const phase = await loadPhase(ctx, phaseId);
  const inPhase = eq(initiatives.phaseId, phaseId);
  const counted = sql<number>`count(*)::int`;
  const byField = await ctx.db
    .select({ key: initiatives.fieldCode, count: counted })
    .from(initiatives)
    .where(and(inPhase, sql`${initiatives.state} <> 'draft'`))
    .groupBy(initiatives.fieldCode)
    .orderBy(desc(counted), asc(initiatives.fieldCode));
  const byUnit = await ctx.db
    .select({ key: sql<string>`coalesce(${units.nameVi}, '—')`, nameEn: sql<string>`coalesce(${units.nameEn}, '—')`, count: counted })
    .from(initiatives)
    .leftJoin(units, eq(units.id, initiatives.unitId))
    .where(and(inPhase, sql`${initiatives.state} <> 'draft'`))
    .groupBy(units.nameVi, units.nameEn)
    .orderBy(desc(counted), sql`1`, sql`2`);
  const byState = await ctx.db
    .select({ key: initiatives.state, count: counted })
    .from(initiatives)
    .where(inPhase)
    .groupBy(initiatives.state)
    .orderBy(desc(counted), asc(initiatives.state));
  const top = await ctx.db
    .select({
      code: initiatives.code,
      title: initiatives.title,
      supportCount: initiatives.supportCount,
      replicationCount: initiatives.replicationCount,
      scope: initiatives.scope,
    })
    .from(initiatives)
    .where(and(inPhase, inArray(initiatives.state, ['recognised', 'awarded', 'replicated'])))
    .orderBy(desc(initiatives.replicationCount), desc(initiatives.supportCount), asc(initiatives.code))
    .limit(10);
  const awardRows = await ctx.db
    .select({ type: awardTypes.nameVi, nameEn: awardTypes.nameEn, count: counted })
    .from(awards)
    .innerJoin(awardTypes, eq(awardTypes.id, awards.awardTypeId))
    .where(eq(awards.phaseId, phaseId))
    .groupBy(awardTypes.nameVi, awardTypes.nameEn)
    .orderBy(desc(counted), asc(awardTypes.nameVi), asc(awardTypes.nameEn));
  const [replicated] = await ctx.db
    .select({ n: counted })
    .from(replications)
    .innerJoin(initiatives, eq(initiatives.id, replications.initiativeId))
    .where(inPhase);
  const [registered] = await ctx.db.select({ n: counted }).from(unitRegistrations).where(eq(unitRegistrations.phaseId, phaseId));
  return {
    phase: {
      id: phase.id,
      name: { vi: phase.nameVi, en: phase.nameEn },
      review: phase.review,
      startsOn: phase.startsOn,
      endsOn: phase.endsOn,
    },
    byField,
    byUnit: byUnit.map(({ nameEn, ...row }) => ({ ...row, name: { vi: row.key, en: nameEn } })),
    byState,
    top,
    awards: awardRows.map(({ nameEn, ...row }) => ({ ...row, name: { vi: row.type, en: nameEn } })),
    replications: replicated?.n ?? 0,
    registrations: registered?.n ?? 0,
  };
}

const reviewTitle = (report: PhaseReport) => (report.phase.review === 'final' ? 'BÁO CÁO TỔNG KẾT' : 'BÁO CÁO SƠ KẾT');

async function campaignOfPhase(ctx: ServiceContext, phaseId: string) {
  const [row] = await ctx.db
    .select({ title: campaigns.titleVi, launchingBody: campaigns.launchingBodyVi, fields: campaigns.fields })
    .from(campaigns)
    .innerJoin(campaignPhases, eq(campaignPhases.campaignId, campaigns.id))
    .where(eq(campaignPhases.id, phaseId));
  if (!row) throw notFound({ vi: 'Giai đoạn', en: 'Phase' }, phaseId);
  return row;
}

/**
 * The phase review (sơ kết / tổng kết) as an official report in DOCX (Decree 30/2020/NĐ-CP): key
 * figures, a chart of initiatives by state with its table, by field and unit, top initiatives, awards.
 * Issued as a draft: the clerk gives its number when it is signed.
 */
export async function phaseReportDocx(ctx: ServiceContext, phaseId: string): Promise<Buffer> {
  const report = await phaseReport(ctx, phaseId);
  const campaign = await campaignOfPhase(ctx, phaseId);
  const fieldName = (code: string) => campaign.fields.find((f) => f.code === code)?.nameVi ?? code;
  const counted = (rows: Array<{ key: string; count: number }>, name: (key: string) => string = (key) => key) =>
    rows.map((r) => [name(r.key), vietnameseNumber(r.count)]);
  const review = report.phase.review === 'final' ? 'Tổng kết' : 'Sơ kết';
  return officialDocx({
    issuer: campaign.launchingBody,
    place: 'Thành phố Hồ Chí Minh',
    issuedOn: cityDate(ctx.clock.now()),
    kind: 'Báo cáo',
    summary: `${review} ${report.phase.name.vi} — ${campaign.title}`,
    title: `${reviewTitle(report)} ${report.phase.name.vi}`,
    body: [
      { heading: 'I. KẾT QUẢ CHUNG' },
      {
        paragraph: `Giai đoạn từ ngày ${vietnameseDate(report.phase.startsOn)} đến ngày ${vietnameseDate(report.phase.endsOn)}: ${vietnameseNumber(report.registrations)} đơn vị đăng ký thi đua; ${vietnameseNumber(report.replications)} lượt nhân rộng sáng kiến.`,
      },
      { heading: 'II. SÁNG KIẾN THEO TRẠNG THÁI' },
      {
        image: {
          png: barChartPng(report.byState.map((s) => s.count)),
          widthPx: 480,
          heightPx: 240,
          title: 'Sáng kiến theo trạng thái',
          description: 'Số sáng kiến theo trạng thái; số liệu ở bảng dưới.',
        },
      },
      {
        table: {
          header: ['Trạng thái', 'Số sáng kiến'],
          rows: counted(report.byState, (key) => stateName(key as never).vi),
          numericColumns: [1],
        },
      },
      { heading: 'III. THEO LĨNH VỰC' },
      { table: { header: ['Lĩnh vực', 'Số sáng kiến'], rows: counted(report.byField, fieldName), numericColumns: [1] } },
      { heading: 'IV. THEO ĐƠN VỊ' },
      { table: { header: ['Đơn vị', 'Số sáng kiến'], rows: counted(report.byUnit), numericColumns: [1] } },
      { heading: 'V. SÁNG KIẾN TIÊU BIỂU' },
      {
        table: {
          header: ['Mã', 'Tên sáng kiến', 'Đơn vị nhân rộng', 'Lượt ủng hộ'],
          rows: report.top.map((s) => [s.code, s.title, vietnameseNumber(s.replicationCount), vietnameseNumber(s.supportCount)]),
          numericColumns: [2, 3],
        },
      },
      { heading: 'VI. KHEN THƯỞNG' },
      {
        table: {
          header: ['Hình thức', 'Số lượng'],
          rows: report.awards.map((a) => [a.type, vietnameseNumber(a.count)]),
          numericColumns: [1],
        },
      },
    ],
    signature: signatureFor(campaign.launchingBody),
    recipients: ['Ủy ban nhân dân Thành phố (để báo cáo)', 'Các sở, ban, ngành; Ủy ban nhân dân các phường, xã, đặc khu'],
  });
}

/** The phase review as XLSX: one sheet per breakdown, and a summary sheet with the chart image beside its data. */
export async function phaseReportXlsx(ctx: ServiceContext, phaseId: string): Promise<Buffer> {
  const report = await phaseReport(ctx, phaseId);
  const { fields } = await campaignOfPhase(ctx, phaseId);
  const fieldName = (code: string) => fields.find((f) => f.code === code)?.nameVi ?? code;
  const counted = (header: string) => [{ header }, { header: 'Số sáng kiến' }];
  return toXlsx(
    [
      {
        name: 'Tong hop',
        rows: [
          [reviewTitle(report), report.phase.name.vi],
          ['Đơn vị đăng ký thi đua', report.registrations],
          ['Lượt nhân rộng', report.replications],
          [],
          ['Trạng thái', 'Số sáng kiến'],
          ...report.byState.map((s) => [stateName(s.key as never).vi, s.count]),
        ],
        images: [{ png: barChartPng(report.byState.map((s) => s.count)), column: 3, row: 4, widthPx: 480, heightPx: 240 }],
      },
      { name: 'Linh vuc', columns: counted('Lĩnh vực'), rows: report.byField.map((s) => [fieldName(s.key), s.count]) },
      { name: 'Don vi', columns: counted('Đơn vị'), rows: report.byUnit.map((s) => [s.key, s.count]) },
      {
        name: 'Tieu bieu',
        columns: ['Mã', 'Tên sáng kiến', 'Phạm vi', 'Đơn vị nhân rộng', 'Lượt ủng hộ'].map((header) => ({ header })),
        rows: report.top.map((s) => [s.code, s.title, s.scope, s.replicationCount, s.supportCount]),
      },
      {
        name: 'Khen thuong',
        columns: [{ header: 'Hình thức' }, { header: 'Số lượng' }],
        rows: report.awards.map((a) => [a.type, a.count]),
      },
    ],
    { createdAt: ctx.clock.now() },
  );
}
