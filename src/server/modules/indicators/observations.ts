import { indicatorPaths } from '../../../shared/web-paths.js';
import { aliasedTable, and, asc, desc, eq, inArray, max, sql, type SQL } from 'drizzle-orm';
import { parsePeriod, periodEndDate, periodExamples, type ObservationBody, type Observation } from '../../../shared/contracts/indicators.js';
import { recordAudit } from '../../lib/audit.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, conflict, forbidden, notFound, unauthenticated } from '../../lib/errors.js';
import { unitIdsWhereActorHas } from '../../lib/unit-scope.js';
import { inTransaction } from '../../lib/tx.js';
import { users } from '../identity/schema.js';
import { notifyUser } from '../notifications/service.js';
import { checkEvidence } from './attachments.js';
import { invalidateDashboard } from './dashboard-cache.js';
import { cityToday } from './dates.js';
import { isProgrammeManager } from './policy.js';
import { presentObservation, type ObservationRow } from './presenter.js';
import { indicatorObservations, indicators } from './schema.js';

const indicatorNotFound = (id: string) => notFound({ vi: 'Chỉ tiêu', en: 'Indicator' }, id);
const observationNotFound = (id: string) => notFound({ vi: 'Số liệu', en: 'Reported value' }, id);

type IndicatorRow = typeof indicators.$inferSelect;

function actorId(ctx: ServiceContext): string {
  if (!ctx.actor) throw unauthenticated();
  return ctx.actor.userId;
}

/** Whether the actor is an officer of the indicator's responsible unit (the only people who enter its values). */
export async function isReporterOf(ctx: ServiceContext, indicator: Pick<IndicatorRow, 'responsibleUnitId'>): Promise<boolean> {
  if (!indicator.responsibleUnitId) return false;
  return (await unitIdsWhereActorHas(ctx, ['unit_officer'])).has(indicator.responsibleUnitId);
}

async function loadIndicator(ctx: ServiceContext, id: string): Promise<IndicatorRow> {
  const [row] = await ctx.db.select().from(indicators).where(eq(indicators.id, id));
  if (!row) throw indicatorNotFound(id);
  return row;
}

const enteredByUser = aliasedTable(users, 'entered_by_user');
const reviewedByUser = aliasedTable(users, 'reviewed_by_user');

/** Observations with their indicator and the names of who entered and reviewed them. */
export async function selectObservations(ctx: ServiceContext, where: SQL | undefined, order: 'history' | 'queue'): Promise<ObservationRow[]> {
  return ctx.db
    .select({
      observation: indicatorObservations,
      indicator: { code: indicators.code, nameVi: indicators.nameVi, nameEn: indicators.nameEn, unitVi: indicators.unitVi, unitEn: indicators.unitEn },
      enteredByName: enteredByUser.displayName,
      reviewedByName: reviewedByUser.displayName,
    })
    .from(indicatorObservations)
    .innerJoin(indicators, eq(indicators.id, indicatorObservations.indicatorId))
    .leftJoin(enteredByUser, eq(enteredByUser.id, indicatorObservations.enteredBy))
    .leftJoin(reviewedByUser, eq(reviewedByUser.id, indicatorObservations.reviewedBy))
    .where(where)
    .orderBy(
      ...(order === 'history'
        ? [desc(indicatorObservations.periodEnd), desc(indicatorObservations.revision)]
        : [asc(indicatorObservations.enteredAt), asc(indicatorObservations.id)]),
    );
}

/** Whether the actor may approve or return this value: a programme manager who did not enter it. */
export const canReview = (ctx: ServiceContext, row: ObservationRow): boolean =>
  row.observation.status === 'submitted' && isProgrammeManager(ctx.actor) && row.observation.enteredBy !== ctx.actor?.userId;

/** Every value and revision of one indicator, newest period first; for its unit's officers and programme managers. */
export async function listObservations(ctx: ServiceContext, indicatorId: string): Promise<Observation[]> {
  const indicator = await loadIndicator(ctx, indicatorId);
  if (!isProgrammeManager(ctx.actor) && !(await isReporterOf(ctx, indicator))) throw forbidden({ reason: 'not-responsible-unit' });
  const rows = await selectObservations(ctx, eq(indicatorObservations.indicatorId, indicatorId), 'history');
  return rows.map((row) => presentObservation(row, canReview(ctx, row)));
}

/** Checks a value for a period of this indicator; returns the period, or the reason it is refused. */
export function checkObservation(
  indicator: Pick<IndicatorRow, 'code' | 'frequency'>,
  body: Pick<ObservationBody, 'period'>,
  today: string,
): { ok: true; periodEnd: string } | { ok: false; message: { vi: string; en: string } } {
  const period = parsePeriod(body.period, indicator.frequency);
  if (!period) {
    const example = periodExamples[indicator.frequency];
    return {
      ok: false,
      message: {
        vi: `Kỳ báo cáo '${body.period}' không đúng dạng cho chỉ tiêu ${indicator.code}; viết như ${example}`,
        en: `Reporting period '${body.period}' is not written the way indicator ${indicator.code} needs; write it like ${example}`,
      },
    };
  }
  const firstDay = `${period.year}-${String(period.lastMonth - (period.frequency === 'year' ? 11 : period.frequency === 'half_year' ? 5 : period.frequency === 'quarter' ? 2 : 0)).padStart(2, '0')}-01`;
  if (firstDay > today) {
    return {
      ok: false,
      message: { vi: `Kỳ báo cáo ${body.period} chưa bắt đầu`, en: `Reporting period ${body.period} has not started yet` },
    };
  }
  return { ok: true, periodEnd: periodEndDate(period) };
}

/** Adds a value (the next revision) for a period inside the caller's transaction; the checks are the caller's. */
export async function insertObservation(
  tx: ServiceContext,
  indicator: IndicatorRow,
  input: ObservationBody & { periodEnd: string },
): Promise<typeof indicatorObservations.$inferSelect> {
  const [pending] = await tx.db
    .select({ id: indicatorObservations.id })
    .from(indicatorObservations)
    .where(and(eq(indicatorObservations.indicatorId, indicator.id), eq(indicatorObservations.period, input.period), eq(indicatorObservations.status, 'submitted')));
  if (pending) {
    throw conflict(
      {
        vi: `Kỳ ${input.period} của chỉ tiêu ${indicator.code} đã có số liệu đang chờ duyệt`,
        en: `Period ${input.period} of indicator ${indicator.code} already has a value awaiting review`,
      },
      { observationId: pending.id },
    );
  }
  const [last] = await tx.db
    .select({ revision: max(indicatorObservations.revision) })
    .from(indicatorObservations)
    .where(and(eq(indicatorObservations.indicatorId, indicator.id), eq(indicatorObservations.period, input.period)));
  const now = tx.clock.now().toISOString();
  const [row] = await tx.db
    .insert(indicatorObservations)
    .values({
      indicatorId: indicator.id,
      period: input.period,
      periodEnd: input.periodEnd,
      revision: (last?.revision ?? 0) + 1,
      value: input.value,
      sourceNote: input.sourceNote ?? null,
      attachmentId: input.attachmentId ?? null,
      status: 'submitted',
      enteredBy: actorId(tx),
      enteredAt: now,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await recordAudit(tx, {
    action: 'indicators.observation.submit',
    entityType: 'indicator_observation',
    entityId: row!.id,
    after: { indicator: indicator.code, period: row!.period, revision: row!.revision, value: row!.value },
  });
  return row!;
}

/**
 * An officer of the indicator's responsible unit sends a value for a period. A period already
 * reported gets a new revision (the earlier ones stay); it waits for a programme manager's review.
 */
export async function submitObservation(ctx: ServiceContext, indicatorId: string, body: ObservationBody): Promise<Observation> {
  const indicator = await loadIndicator(ctx, indicatorId);
  if (!(await isReporterOf(ctx, indicator))) throw forbidden({ reason: 'not-responsible-unit' });
  const checked = checkObservation(indicator, body, cityToday(ctx.clock));
  if (!checked.ok) throw new AppError('VALIDATION', checked.message, [{ path: 'body.period', code: 'period', message: checked.message }]);
  if (body.attachmentId) await checkEvidence(ctx, indicator.id, body.attachmentId);
  const id = await inTransaction(ctx, async (tx) => (await insertObservation(tx, indicator, { ...body, periodEnd: checked.periodEnd })).id);
  // A value sent clears a missing report on the public page.
  await invalidateDashboard(ctx.db);
  return (await getObservation(ctx, id))!;
}

async function getObservation(ctx: ServiceContext, id: string): Promise<Observation | null> {
  const [row] = await selectObservations(ctx, eq(indicatorObservations.id, id), 'history');
  return row ? presentObservation(row, canReview(ctx, row)) : null;
}

type Decision = { kind: 'approve' } | { kind: 'return'; note: string };

/** Approves or returns a submitted value; never by the person who entered it. */
async function decide(ctx: ServiceContext, id: string, decision: Decision): Promise<Observation> {
  const reviewerId = actorId(ctx);
  if (!isProgrammeManager(ctx.actor)) throw forbidden({ reason: 'not-programme-manager' });
  const result = await inTransaction(ctx, async (tx) => {
    const [row] = await tx.db.select().from(indicatorObservations).where(eq(indicatorObservations.id, id)).for('update');
    if (!row) throw observationNotFound(id);
    if (row.enteredBy === reviewerId) {
      throw new AppError(
        'FORBIDDEN',
        { vi: 'Bạn không thể tự duyệt hoặc trả lại số liệu do chính mình nhập', en: 'You cannot approve or return a value you entered yourself' },
        { reason: 'own-value' },
      );
    }
    if (row.status !== 'submitted') {
      throw conflict({
        vi: `Số liệu kỳ ${row.period} (lần ${row.revision}) không ở trạng thái chờ duyệt`,
        en: `The value for ${row.period} (revision ${row.revision}) is not awaiting review`,
      });
    }
    const now = tx.clock.now().toISOString();
    const [updated] = await tx.db
      .update(indicatorObservations)
      .set({
        status: decision.kind === 'approve' ? 'approved' : 'returned',
        reviewedBy: reviewerId,
        reviewedAt: now,
        reviewNote: decision.kind === 'return' ? decision.note : null,
        updatedAt: now,
      })
      .where(eq(indicatorObservations.id, id))
      .returning();
    await recordAudit(tx, {
      action: decision.kind === 'approve' ? 'indicators.observation.approve' : 'indicators.observation.return',
      entityType: 'indicator_observation',
      entityId: id,
      before: { status: row.status },
      after: { status: updated!.status, ...(decision.kind === 'return' ? { note: decision.note } : {}) },
    });
    if (decision.kind === 'return' && row.enteredBy) await tellEnteredReturned(tx, row, decision.note);
    return updated!;
  });
  if (result.status === 'approved') await invalidateDashboard(ctx.db);
  return (await getObservation(ctx, id))!;
}

/** The officer who entered a returned value hears why, in their own language. */
async function tellEnteredReturned(tx: ServiceContext, row: typeof indicatorObservations.$inferSelect, note: string): Promise<void> {
  const [who] = await tx.db
    .select({ locale: users.locale, code: indicators.code })
    .from(users)
    .innerJoin(indicators, eq(indicators.id, row.indicatorId))
    .where(eq(users.id, row.enteredBy!));
  if (!who) return;
  const title =
    who.locale === 'vi' ? `Số liệu chỉ tiêu ${who.code} kỳ ${row.period} bị trả lại` : `Your value for indicator ${who.code}, ${row.period}, was returned`;
  const body = who.locale === 'vi' ? `Lý do: ${note}` : `Reason: ${note}`;
  await notifyUser(tx, { userId: row.enteredBy!, template: 'message', params: { title, body }, url: indicatorPaths.manage });
}

/** A programme manager approves a submitted value; it then counts for the indicator's status. */
export const approveObservation = (ctx: ServiceContext, id: string): Promise<Observation> => decide(ctx, id, { kind: 'approve' });

/** A programme manager returns a submitted value to its officer with a reason. */
export const returnObservation = (ctx: ServiceContext, id: string, note: string): Promise<Observation> => decide(ctx, id, { kind: 'return', note });

/** Values awaiting review, oldest first. */
export async function listReviewQueue(ctx: ServiceContext): Promise<Observation[]> {
  if (!isProgrammeManager(ctx.actor)) return [];
  const rows = await selectObservations(ctx, eq(indicatorObservations.status, 'submitted'), 'queue');
  return rows.map((row) => presentObservation(row, canReview(ctx, row)));
}

/** Periods with a value sent (submitted or approved) per indicator, for the missing-report rule. */
export async function sentPeriodsByIndicator(ctx: ServiceContext, indicatorIds: string[]): Promise<Map<string, Set<string>>> {
  const result = new Map<string, Set<string>>();
  if (indicatorIds.length === 0) return result;
  const rows = await ctx.db
    .selectDistinct({ indicatorId: indicatorObservations.indicatorId, period: indicatorObservations.period })
    .from(indicatorObservations)
    .where(and(inArray(indicatorObservations.indicatorId, indicatorIds), sql`${indicatorObservations.status} in ('submitted', 'approved')`))
    .orderBy(asc(indicatorObservations.indicatorId), asc(indicatorObservations.period));
  for (const row of rows) {
    if (!result.has(row.indicatorId)) result.set(row.indicatorId, new Set());
    result.get(row.indicatorId)!.add(row.period);
  }
  return result;
}
