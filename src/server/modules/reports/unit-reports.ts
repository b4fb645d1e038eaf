import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  unitReportStateNames,
  type UnitReport,
  type UnitReportAction,
  type unitReportActionBodySchema,
  type UnitReportSummary,
  type unitReportUpdateSchema,
} from '../../../shared/contracts/reports.js';
import { reportPaths } from '../../../shared/web-paths.js';
import { attachments } from '../../db/platform-schema.js';
import { recordAudit } from '../../lib/audit.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, conflict, forbidden, notFound } from '../../lib/errors.js';
import { inUploadTransaction, openAttachment, type StorageDriver } from '../../lib/storage.js';
import { inTransaction } from '../../lib/tx.js';
import type { IncomingFile } from '../../lib/uploads.js';
import { units } from '../identity/schema.js';
import { cityDate } from '../plans/status.js';
import { canReadUnitReport, reporterOf, rolesOnUnitReport, type Reporter } from './access.js';
import { unitFigures, windowOf } from './figures.js';
import { holdersOf, notifyPeople } from './notify.js';
import { timelinessOf } from './periods.js';
import { presentPeriod, unitOf } from './presenter.js';
import { reportPeriods, reportRegimes, unitReports, type ReportPeriod, type ReportRegime, type UnitReportRow } from './schema.js';
import { isUnitReportEditable, nextUnitReportState, unitReportActionsFor } from './workflow.js';

type ActionBody = z.output<typeof unitReportActionBodySchema>;
type UpdateBody = z.output<typeof unitReportUpdateSchema>;
export type LoadedUnitReport = { report: UnitReportRow; period: ReportPeriod; regime: ReportRegime; unit: typeof units.$inferSelect };

const reportWord = { vi: 'Báo cáo của đơn vị', en: 'Unit report' };
const attachmentEntity = 'unit_report';
const invalid = (path: string, vi: string, en: string) =>
  new AppError('VALIDATION', { vi, en }, [{ path, code: 'invalid', message: { vi, en } }]);

const firstSubmittedOn = (row: Pick<UnitReportRow, 'firstSubmittedAt'>) =>
  row.firstSubmittedAt ? cityDate(new Date(row.firstSubmittedAt)) : null;
const todayOf = (ctx: ServiceContext) => cityDate(ctx.clock.now());

async function load(ctx: ServiceContext, id: string): Promise<LoadedUnitReport | undefined> {
  const [row] = await ctx.db
    .select({ report: unitReports, period: reportPeriods, regime: reportRegimes, unit: units })
    .from(unitReports)
    .innerJoin(reportPeriods, eq(reportPeriods.id, unitReports.periodId))
    .innerJoin(reportRegimes, eq(reportRegimes.id, reportPeriods.regimeId))
    .innerJoin(units, eq(units.id, unitReports.unitId))
    .where(eq(unitReports.id, id));
  return row;
}

/** A unit report the caller may read, or 404: another unit's report does not exist for them. */
export async function readableUnitReport(
  ctx: ServiceContext,
  id: string,
  reporter?: Reporter,
): Promise<LoadedUnitReport & { reporter: Reporter }> {
  const who = reporter ?? (await reporterOf(ctx));
  const loaded = await load(ctx, id);
  if (!loaded || !canReadUnitReport(who, loaded.report.unitId)) throw notFound(reportWord, id);
  return { ...loaded, reporter: who };
}

function summaryOf(loaded: LoadedUnitReport, today: string): UnitReportSummary {
  return {
    id: loaded.report.id,
    period: presentPeriod(loaded.period, loaded.regime),
    unit: unitOf(loaded.unit),
    state: loaded.report.state,
    timeliness: timelinessOf(firstSubmittedOn(loaded.report), loaded.period.dueOn, today),
    submittedAt: loaded.report.submittedAt ? new Date(loaded.report.submittedAt).toISOString() : null,
  };
}

/** The figures a report shows: as they stood when it was submitted, or live while it is being written. */
export async function figuresOf(ctx: ServiceContext, loaded: LoadedUnitReport) {
  return loaded.report.figures ?? unitFigures(ctx, loaded.report.unitId, windowOf(loaded.period, todayOf(ctx)));
}

/** One unit report with its prefilled figures, sections, attachments and what the caller may do with it. */
export async function getUnitReport(ctx: ServiceContext, id: string): Promise<UnitReport> {
  const loaded = await readableUnitReport(ctx, id);
  const roles = rolesOnUnitReport(loaded.reporter, loaded.report.unitId);
  const files = await ctx.db
    .select({ id: attachments.id, fileName: attachments.fileName, mediaType: attachments.mediaType, sizeBytes: attachments.sizeBytes })
    .from(attachments)
    .where(and(eq(attachments.entityType, attachmentEntity), eq(attachments.entityId, id)))
    .orderBy(asc(attachments.createdAt), asc(attachments.id));
  return {
    ...summaryOf(loaded, todayOf(ctx)),
    sections: loaded.regime.sections.map((s) => ({ ...s, text: loaded.report.sections[s.key] ?? '' })),
    figures: await figuresOf(ctx, loaded),
    documentNumber: loaded.report.documentNumber,
    firstSubmittedAt: loaded.report.firstSubmittedAt ? new Date(loaded.report.firstSubmittedAt).toISOString() : null,
    returnReason: loaded.report.returnReason,
    attachments: files,
    allowedActions: unitReportActionsFor(loaded.report.state, roles),
    canEdit: roles.includes('officer') && isUnitReportEditable(loaded.report.state),
  };
}

/** The reports of the caller's units (officers, leaders), or of every unit (managers), latest period first. */
export async function listUnitReports(ctx: ServiceContext): Promise<UnitReportSummary[]> {
  const reporter = await reporterOf(ctx);
  const mine = [...new Set([...reporter.officerUnitIds, ...reporter.leaderUnitIds])];
  if (!reporter.isManager && mine.length === 0) return [];
  const rows = await ctx.db
    .select({ report: unitReports, period: reportPeriods, regime: reportRegimes, unit: units })
    .from(unitReports)
    .innerJoin(reportPeriods, eq(reportPeriods.id, unitReports.periodId))
    .innerJoin(reportRegimes, eq(reportRegimes.id, reportPeriods.regimeId))
    .innerJoin(units, eq(units.id, unitReports.unitId))
    .where(reporter.isManager ? undefined : inArray(unitReports.unitId, mine))
    .orderBy(desc(reportPeriods.dueOn), asc(units.code))
    .limit(500);
  const today = todayOf(ctx);
  return rows.map((row) => summaryOf(row, today));
}

/** The officer writes the report's sections (only the keys sent change) and its number while it is a draft or returned. */
export async function updateUnitReport(ctx: ServiceContext, id: string, patch: Partial<UpdateBody>): Promise<UnitReport> {
  const loaded = await readableUnitReport(ctx, id);
  if (!rolesOnUnitReport(loaded.reporter, loaded.report.unitId).includes('officer')) throw forbidden({ reason: 'officers-only' });
  if (!isUnitReportEditable(loaded.report.state))
    throw conflict(
      {
        vi: `Báo cáo đang ở trạng thái “${unitReportStateNames[loaded.report.state].vi}”, không sửa được`,
        en: `The report is “${unitReportStateNames[loaded.report.state].en}” and cannot be edited`,
      },
      { state: loaded.report.state },
    );
  const keys = new Set(loaded.regime.sections.map((s) => s.key));
  const unknown = Object.keys(patch.sections ?? {}).filter((key) => !keys.has(key));
  if (unknown.length)
    throw invalid('sections', `Mục không có trong mẫu báo cáo: ${unknown.join(', ')}`, `Not a section of the form: ${unknown.join(', ')}`);
  await inTransaction(ctx, async (tx) => {
    const [current] = await tx.db
      .select({ sections: unitReports.sections, documentNumber: unitReports.documentNumber })
      .from(unitReports)
      .where(eq(unitReports.id, id));
    const changes = {
      ...(patch.sections !== undefined ? { sections: { ...current!.sections, ...patch.sections } } : {}),
      ...(patch.documentNumber !== undefined ? { documentNumber: patch.documentNumber } : {}),
    };
    await tx.db
      .update(unitReports)
      .set({ ...changes, updatedAt: tx.clock.now().toISOString() })
      .where(eq(unitReports.id, id));
    await recordAudit(tx, {
      action: 'reports.unit-report.update',
      entityType: 'unit_report',
      entityId: id,
      before: current,
      after: changes,
    });
  });
  return getUnitReport(ctx, id);
}

const actionNames: Record<UnitReportAction, { vi: string; en: string }> = {
  send: { vi: 'trình lãnh đạo', en: 'sent to the leader' },
  submit: { vi: 'gửi', en: 'submitted' },
  return: { vi: 'trả lại', en: 'returned' },
  accept: { vi: 'tiếp nhận', en: 'accepted' },
};

/** Tells the people the next step belongs to, in their language. */
async function tellNextStep(ctx: ServiceContext, loaded: LoadedUnitReport, action: UnitReportAction, reason: string | undefined) {
  const unit = { vi: loaded.unit.nameVi, en: loaded.unit.nameEn };
  const period = { vi: loaded.period.nameVi, en: loaded.period.nameEn };
  const url = reportPaths.unitReport(loaded.report.id);
  const officers = () => holdersOf(ctx, 'unit_officer', [loaded.report.unitId]);
  const messages = {
    send: async () =>
      notifyPeople(ctx, await holdersOf(ctx, 'leader', [loaded.report.unitId]), {
        title: { vi: `Báo cáo ${period.vi} chờ duyệt`, en: `Report for ${period.en} awaits your approval` },
        body: {
          vi: `Báo cáo ${loaded.regime.nameVi} kỳ ${period.vi} của ${unit.vi} đã được trình, chờ lãnh đạo duyệt và gửi.`,
          en: `The ${loaded.regime.nameEn} report of ${unit.en} for ${period.en} awaits approval and submission.`,
        },
        url,
      }),
    submit: async () =>
      notifyPeople(ctx, await holdersOf(ctx, 'programme_manager', null), {
        title: { vi: `${unit.vi} đã gửi báo cáo ${period.vi}`, en: `${unit.en} submitted its report for ${period.en}` },
        body: { vi: `Báo cáo ${loaded.regime.nameVi} chờ tiếp nhận.`, en: `The ${loaded.regime.nameEn} report awaits acceptance.` },
        url,
      }),
    return: async () =>
      notifyPeople(ctx, await officers(), {
        title: { vi: `Báo cáo ${period.vi} bị trả lại`, en: `Report for ${period.en} returned` },
        body: { vi: `Lý do: ${reason ?? ''}`, en: `Reason: ${reason ?? ''}` },
        url,
      }),
    accept: async () =>
      notifyPeople(ctx, await officers(), {
        title: { vi: `Báo cáo ${period.vi} đã được tiếp nhận`, en: `Report for ${period.en} accepted` },
        body: {
          vi: `Báo cáo ${loaded.regime.nameVi} của ${unit.vi} đã được tiếp nhận.`,
          en: `The ${loaded.regime.nameEn} report of ${unit.en} was accepted.`,
        },
        url,
      }),
  };
  await messages[action]();
}

/** Moves a unit report along the table in workflow.ts; submitting freezes its figures, returning needs a reason. */
export async function transitionUnitReport(
  ctx: ServiceContext,
  id: string,
  action: UnitReportAction,
  body: ActionBody,
): Promise<UnitReport> {
  const loaded = await readableUnitReport(ctx, id);
  const roles = rolesOnUnitReport(loaded.reporter, loaded.report.unitId);
  const from = loaded.report.state;
  const next = nextUnitReportState(from, action, roles);
  if (!next) {
    const anyone = nextUnitReportState(from, action, ['officer', 'leader', 'manager']);
    if (anyone) throw forbidden({ reason: 'not-your-step', action, state: from });
    throw conflict(
      {
        vi: `Không thể ${actionNames[action].vi} báo cáo đang ở trạng thái “${unitReportStateNames[from].vi}”`,
        en: `A report that is “${unitReportStateNames[from].en}” cannot be ${actionNames[action].en}`,
      },
      { state: from, action },
    );
  }
  if (action === 'return' && !body.reason) throw invalid('reason', 'Hãy nêu lý do trả lại', 'Give the reason for returning it');
  const figures = action === 'submit' ? await unitFigures(ctx, loaded.report.unitId, windowOf(loaded.period, todayOf(ctx))) : undefined;
  await inTransaction(ctx, async (tx) => {
    const now = tx.clock.now().toISOString();
    const changes = {
      send: { returnReason: null },
      submit: {
        figures,
        submittedAt: now,
        firstSubmittedAt: loaded.report.firstSubmittedAt ?? now,
        submittedBy: tx.actor?.userId ?? null,
        documentNumber: body.documentNumber ?? loaded.report.documentNumber,
      },
      return: { returnReason: body.reason ?? null, decidedBy: tx.actor?.userId ?? null, decidedAt: now },
      accept: { decidedBy: tx.actor?.userId ?? null, decidedAt: now },
    }[action];
    const [row] = await tx.db
      .update(unitReports)
      .set({ ...changes, state: next, updatedAt: now })
      .where(and(eq(unitReports.id, id), eq(unitReports.state, from)))
      .returning({ id: unitReports.id });
    if (!row)
      throw conflict({
        vi: 'Báo cáo vừa được người khác thay đổi; hãy tải lại',
        en: 'The report was just changed by someone else; reload it',
      });
    await recordAudit(tx, {
      action: `reports.unit-report.${action}`,
      entityType: 'unit_report',
      entityId: id,
      before: { state: from },
      after: {
        state: next,
        ...(body.reason ? { reason: body.reason } : {}),
        ...(body.documentNumber ? { documentNumber: body.documentNumber } : {}),
      },
    });
    await tellNextStep(tx, loaded, action, body.reason);
  });
  return getUnitReport(ctx, id);
}

/** Attaches a file (through the one upload path) to a report its officer is writing. */
export async function attachToUnitReport(ctx: ServiceContext, storage: StorageDriver, id: string, file: IncomingFile) {
  const loaded = await readableUnitReport(ctx, id);
  if (!rolesOnUnitReport(loaded.reporter, loaded.report.unitId).includes('officer')) throw forbidden({ reason: 'officers-only' });
  if (!isUnitReportEditable(loaded.report.state))
    throw conflict({
      vi: 'Chỉ đính kèm tệp khi báo cáo đang soạn hoặc bị trả lại',
      en: 'Files are attached only while the report is a draft or returned',
    });
  return inUploadTransaction(ctx, storage, async (tx, save) => {
    const saved = await save(file, { entityType: attachmentEntity, entityId: id, isPublic: false });
    await tx.db.update(unitReports).set({ updatedAt: tx.clock.now().toISOString() }).where(eq(unitReports.id, id));
    await recordAudit(tx, {
      action: 'reports.unit-report.attach',
      entityType: 'unit_report',
      entityId: id,
      after: {
        attachmentId: saved.id,
        fileName: saved.fileName,
        mediaType: saved.mediaType,
        sha256: saved.sha256,
        sizeBytes: saved.sizeBytes,
      },
    });
    return { id: saved.id, fileName: saved.fileName, mediaType: saved.mediaType, sizeBytes: saved.sizeBytes };
  });
}

/** A file of a report, for those who may read the report. */
export async function openUnitReportFile(ctx: ServiceContext, storage: StorageDriver, id: string, attachmentId: string) {
  await readableUnitReport(ctx, id);
  const { attachment, stream } = await openAttachment(
    ctx,
    storage,
    attachmentId,
    (a) => a.entityType === attachmentEntity && a.entityId === id,
  );
  if (attachment.entityType !== attachmentEntity || attachment.entityId !== id)
    throw notFound({ vi: 'Tệp đính kèm', en: 'Attachment' }, attachmentId);
  return { ...attachment, stream };
}

/** The unit reports of a period with their state, for the board and the compiled report. */
export async function reportsOfPeriod(ctx: ServiceContext, periodId: string) {
  return ctx.db
    .select({ report: unitReports, unit: units })
    .from(unitReports)
    .innerJoin(units, eq(units.id, unitReports.unitId))
    .where(eq(unitReports.periodId, periodId))
    .orderBy(sql`${units.kind} = 'department' desc`, asc(units.nameVi), asc(units.code));
}

export { firstSubmittedOn, todayOf };
