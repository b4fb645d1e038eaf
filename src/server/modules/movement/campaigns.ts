import { and, asc, eq, inArray, notInArray } from 'drizzle-orm';
import { z } from 'zod';
import type { CampaignDto, campaignUpdateBodySchema, createCampaignSchema } from '../../../shared/contracts/movement.js';
import { windowStateOf } from '../../../shared/contracts/dates.js';
import { recordAudit } from '../../lib/audit.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, conflict, forbidden, notFound } from '../../lib/errors.js';
import { indexDocument } from '../../lib/search.js';
import { inTransaction } from '../../lib/tx.js';
import { isProgrammeManager } from './access.js';
import { campaignCalls, campaignCriteria, campaignPhases, campaigns, initiatives, reviewScores } from './schema.js';

/** Every campaign with its phases, fields, criteria and calls (public). */
export async function listCampaigns(ctx: ServiceContext): Promise<{ campaigns: CampaignDto[] }> {
  const rows = await ctx.db.select().from(campaigns).orderBy(asc(campaigns.periodStart), asc(campaigns.code));
  return { campaigns: await presentCampaigns(ctx, rows) };
}

const campaignWord = { vi: 'Phong trào', en: 'Campaign' };
const isUuid = (ref: string) => z.uuid().safeParse(ref).success;

/** One campaign by its code (its public address) or its id (the address it is edited at). */
export async function getCampaign(ctx: ServiceContext, ref: string): Promise<CampaignDto> {
  const rows = await ctx.db.select().from(campaigns).where(isUuid(ref) ? eq(campaigns.id, ref) : eq(campaigns.code, ref));
  if (rows.length === 0) throw notFound(campaignWord, ref);
  return (await presentCampaigns(ctx, rows))[0]!;
}

/** Launches a campaign (phát động) with its phases, criteria and calls; programme managers only. */
export async function createCampaign(ctx: ServiceContext, input: z.output<typeof createCampaignSchema>): Promise<CampaignDto> {
  if (!isProgrammeManager(ctx)) throw forbidden();
  checkCriteria(input.criteria);
  checkPeriod(input.periodStart, input.periodEnd);
  if (input.calls.some((c) => c.closesOn < c.opensOn)) throw new AppError('VALIDATION', { vi: 'Đợt tiếp nhận: ngày đóng phải sau ngày mở', en: 'Call: the closing date must follow the opening date' }, { field: 'calls' });
  if (input.calls.some((c) => c.phaseIndex !== null && c.phaseIndex >= input.phases.length)) throw new AppError('VALIDATION', { vi: 'Đợt tiếp nhận gắn với giai đoạn không tồn tại', en: 'A call refers to a phase that does not exist' }, { field: 'calls' });
  return inTransaction(ctx, async (tx) => {
    const [existing] = await tx.db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.code, input.code));
    if (existing) throw conflict({ vi: `Mã phong trào '${input.code}' đã được dùng`, en: `Campaign code '${input.code}' is already used` }, { field: 'code' });
    const { phases, criteria, calls, ...fields } = input;
    const [row] = await tx.db.insert(campaigns).values(fields).returning();
    const phaseRows = await tx.db
      .insert(campaignPhases)
      .values(phases.map((p, i) => ({ ...p, position: i + 1, campaignId: row!.id })))
      .returning();
    await tx.db.insert(campaignCriteria).values(criteria.map((c, i) => ({ ...c, position: i + 1, campaignId: row!.id })));
    if (calls.length > 0) {
      await tx.db.insert(campaignCalls).values(
        calls.map(({ phaseIndex, ...c }) => ({ ...c, campaignId: row!.id, phaseId: phaseIndex === null ? null : phaseRows.find((p) => p.position === phaseIndex + 1)!.id })),
      );
    }
    await indexCampaign(tx, row!);
    await recordAudit(tx, { action: 'campaigns.create', entityType: 'campaign', entityId: row!.id, after: { code: row!.code, phases: phases.length, criteria: criteria.length } });
    return (await presentCampaigns(tx, [row!]))[0]!;
  });
}

type CampaignUpdate = z.output<typeof campaignUpdateBodySchema>;
type Criterion = CampaignUpdate['criteria'] & object;

function checkCriteria(criteria: Criterion) {
  const weights = criteria.reduce((sum, c) => sum + c.weight, 0);
  if (weights !== 100) throw new AppError('VALIDATION', { vi: `Tổng trọng số tiêu chí phải bằng 100 (hiện ${weights})`, en: `Criteria weights must add up to 100 (now ${weights})` }, { field: 'criteria' });
  if (criteria.some((c) => c.scaleMax <= c.scaleMin)) throw new AppError('VALIDATION', { vi: 'Thang điểm: điểm tối đa phải lớn hơn điểm tối thiểu', en: 'Score scale: the maximum must be above the minimum' }, { field: 'criteria' });
  const codes = criteria.map((c) => c.code);
  if (new Set(codes).size !== codes.length) throw new AppError('VALIDATION', { vi: 'Mỗi tiêu chí cần một mã riêng', en: 'Each criterion needs its own code' }, { field: 'criteria' });
}

function checkPeriod(start: string, end: string) {
  if (end < start) throw new AppError('VALIDATION', { vi: 'Ngày kết thúc phải sau ngày bắt đầu', en: 'The end date must follow the start date' }, { field: 'periodEnd' });
}

/**
 * Edits a launched campaign (programme managers). Rules across fields are checked on the campaign as it
 * will be; a field used by an initiative stays, and criteria change only before any score sheet is sent.
 */
export async function updateCampaign(ctx: ServiceContext, id: string, input: CampaignUpdate): Promise<CampaignDto> {
  if (!isProgrammeManager(ctx)) throw forbidden();
  return inTransaction(ctx, async (tx) => {
    const [before] = await tx.db.select().from(campaigns).where(eq(campaigns.id, id)).for('update');
    if (!before) throw notFound(campaignWord, id);
    const { criteria, ...fields } = input;
    checkPeriod(fields.periodStart ?? before.periodStart, fields.periodEnd ?? before.periodEnd);
    if (fields.fields) {
      const kept = fields.fields.map((f) => f.code);
      const used = await tx.db.selectDistinct({ code: initiatives.fieldCode }).from(initiatives).where(and(eq(initiatives.campaignId, id), notInArray(initiatives.fieldCode, kept)));
      if (used.length > 0) {
        const codes = used.map((u) => u.code);
        throw conflict({ vi: `Không bỏ được lĩnh vực đã có sáng kiến đăng ký: ${codes.join(', ')}`, en: `A field that initiatives are filed under cannot be removed: ${codes.join(', ')}` }, { field: 'fields', codes });
      }
    }
    // A form sends the criteria as it loaded them: the same list is no change, even once scored.
    if (criteria && !(await sameCriteria(tx, id, criteria))) {
      checkCriteria(criteria);
      const [scored] = await tx.db.select({ id: reviewScores.id }).from(reviewScores).innerJoin(campaignCriteria, eq(campaignCriteria.id, reviewScores.criterionId)).where(eq(campaignCriteria.campaignId, id)).limit(1);
      if (scored) throw conflict({ vi: 'Hội đồng đã nộp phiếu chấm theo các tiêu chí này; không sửa được tiêu chí nữa', en: 'Council members have sent score sheets on these criteria; they can no longer be changed' }, { field: 'criteria', reason: 'CRITERIA_SCORED' });
      await tx.db.delete(campaignCriteria).where(eq(campaignCriteria.campaignId, id));
      await tx.db.insert(campaignCriteria).values(criteria.map((c, i) => ({ ...c, position: i + 1, campaignId: id })));
    }
    const [after] = await tx.db.update(campaigns).set({ ...fields, updatedAt: tx.clock.now().toISOString() }).where(eq(campaigns.id, id)).returning();
    await indexCampaign(tx, after!);
    await recordAudit(tx, { action: 'campaigns.update', entityType: 'campaign', entityId: id, before, after: input });
    return (await presentCampaigns(tx, [after!]))[0]!;
  });
}

async function sameCriteria(ctx: ServiceContext, campaignId: string, criteria: Criterion) {
  const current = await criteriaOf(ctx, campaignId);
  const shape = (c: Criterion[number]) => [c.code, c.nameVi, c.nameEn, c.weight, c.scaleMin, c.scaleMax].join('\u0000');
  return current.length === criteria.length && current.every((c, i) => shape(c) === shape(criteria[i]!));
}

async function indexCampaign(ctx: ServiceContext, row: typeof campaigns.$inferSelect) {
  await indexDocument(ctx.db, { entityType: 'campaign', entityId: row.id, title: row.titleVi, titleEn: row.titleEn, body: `${row.descriptionVi} · ${row.titleEn}`, url: `/phong-trao/${encodeURIComponent(row.code)}`, isPublic: true });
}

export async function criteriaOf(ctx: ServiceContext, campaignId: string) {
  return ctx.db.select().from(campaignCriteria).where(eq(campaignCriteria.campaignId, campaignId)).orderBy(asc(campaignCriteria.position));
}

async function presentCampaigns(ctx: ServiceContext, rows: Array<typeof campaigns.$inferSelect>): Promise<CampaignDto[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const phases = await ctx.db.select().from(campaignPhases).where(inArray(campaignPhases.campaignId, ids)).orderBy(asc(campaignPhases.position));
  const criteria = await ctx.db.select().from(campaignCriteria).where(inArray(campaignCriteria.campaignId, ids)).orderBy(asc(campaignCriteria.position));
  const calls = await ctx.db.select().from(campaignCalls).where(inArray(campaignCalls.campaignId, ids)).orderBy(asc(campaignCalls.opensOn), asc(campaignCalls.id));
  const today = ctx.clock.now().toISOString().slice(0, 10);
  return rows.map((c) => ({
    id: c.id,
    code: c.code,
    title: { vi: c.titleVi, en: c.titleEn },
    kind: c.kind,
    launchingBody: { vi: c.launchingBodyVi, en: c.launchingBodyEn },
    decision: c.decision,
    periodStart: c.periodStart,
    periodEnd: c.periodEnd,
    description: { vi: c.descriptionVi, en: c.descriptionEn },
    eligibleParticipants: c.eligibleParticipants,
    fields: c.fields.map((f) => ({ code: f.code, name: { vi: f.nameVi, en: f.nameEn } })),
    phases: phases
      .filter((p) => p.campaignId === c.id)
      .map((p) => ({ id: p.id, position: p.position, name: { vi: p.nameVi, en: p.nameEn }, startsOn: p.startsOn, endsOn: p.endsOn, review: p.review, reviewOn: p.reviewOn })),
    criteria: criteria
      .filter((k) => k.campaignId === c.id)
      .map((k) => ({ id: k.id, code: k.code, name: { vi: k.nameVi, en: k.nameEn }, weight: k.weight, scaleMin: k.scaleMin, scaleMax: k.scaleMax })),
    calls: calls
      .filter((k) => k.campaignId === c.id)
      .map((k) => ({ id: k.id, phaseId: k.phaseId, title: { vi: k.titleVi, en: k.titleEn }, opensOn: k.opensOn, closesOn: k.closesOn, isOpen: windowStateOf(k.opensOn, k.closesOn, today) === 'open', state: windowStateOf(k.opensOn, k.closesOn, today) })),
  }));
}
