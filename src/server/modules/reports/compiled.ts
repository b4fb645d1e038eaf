import { and, asc, desc, eq, inArray, ne } from 'drizzle-orm';
import type { z } from 'zod';
import {
  compiledStateNames,
  type CompiledAction,
  type compiledActionBodySchema,
  type CompiledReport,
  type commentInputSchema,
  type compiledUpdateSchema,
  type PublishedReport,
} from '../../../shared/contracts/reports.js';
import { reportPaths } from '../../../shared/web-paths.js';
import { recordAudit } from '../../lib/audit.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, conflict, forbidden, notFound } from '../../lib/errors.js';
import { inTransaction } from '../../lib/tx.js';
import { units, users } from '../identity/schema.js';
import { cityDate } from '../plans/status.js';
import { canReadCompiled, reporterOf, rolesOnCompiled, type Reporter } from './access.js';
import { cityFigures, windowOf } from './figures.js';
import { holdersOf, notifyPeople } from './notify.js';
import { presentPeriod } from './presenter.js';
import { loadPeriod } from './regimes.js';
import {
  compiledReportComments,
  compiledReports,
  reportPeriods,
  reportRegimes,
  type CompiledReportRow,
  type CompiledSignature,
  type ReportPeriod,
  type ReportRegime,
} from './schema.js';
import { reportsSettings } from './settings.js';
import { reportsOfPeriod } from './unit-reports.js';
import { compiledActionsFor, isCompiledEditable, isFrozen, nextCompiledState } from './workflow.js';

type UpdateBody = Partial<z.output<typeof compiledUpdateSchema>>;
type ActionBody = z.output<typeof compiledActionBodySchema>;
type CommentInput = z.output<typeof commentInputSchema>;
export type LoadedCompiled = { compiled: CompiledReportRow; period: ReportPeriod; regime: ReportRegime };

const compiledWord = { vi: 'Báo cáo tổng hợp', en: 'Compiled report' };
const invalid = (path: string, vi: string, en: string) =>
  new AppError('VALIDATION', { vi, en }, [{ path, code: 'invalid', message: { vi, en } }]);
const lowerFirst = (text: string) => text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);

/** The report's summary line (trích yếu): the regime and the period, e.g. "Tình hình thực hiện … quý I năm 2026". */
export const documentSummary = (regime: Pick<ReportRegime, 'nameVi'>, period: Pick<ReportPeriod, 'nameVi'>) =>
  `${regime.nameVi} ${lowerFirst(period.nameVi)}`;

async function load(ctx: ServiceContext, id: string): Promise<LoadedCompiled | undefined> {
  const [row] = await ctx.db
    .select({ compiled: compiledReports, period: reportPeriods, regime: reportRegimes })
    .from(compiledReports)
    .innerJoin(reportPeriods, eq(reportPeriods.id, compiledReports.periodId))
    .innerJoin(reportRegimes, eq(reportRegimes.id, reportPeriods.regimeId))
    .where(eq(compiledReports.id, id));
  return row;
}

/** A compiled report the caller may read (managers, leaders), or 404. */
export async function readableCompiled(ctx: ServiceContext, id: string): Promise<LoadedCompiled & { reporter: Reporter }> {
  const reporter = await reporterOf(ctx);
  const loaded = await load(ctx, id);
  if (!loaded || !canReadCompiled(reporter)) throw notFound(compiledWord, id);
  return { ...loaded, reporter };
}

/** The units' narratives of a period gathered by section, each unit's text under its name (submitted and accepted reports). */
export async function gatherNarratives(ctx: ServiceContext, periodId: string, regime: ReportRegime): Promise<Record<string, string>> {
  const reports = (await reportsOfPeriod(ctx, periodId)).filter((r) => r.report.state === 'submitted' || r.report.state === 'accepted');
  return Object.fromEntries(
    regime.sections.map((section) => [
      section.key,
      reports
        .filter((r) => (r.report.sections[section.key] ?? '').trim() !== '')
        .map((r) => `${r.unit.nameVi}: ${r.report.sections[section.key]!.trim()}`)
        .join('\n\n'),
    ]),
  );
}

async function defaultIssuer(ctx: ServiceContext, regime: ReportRegime) {
  const [issuer] = await ctx.db.select({ nameVi: units.nameVi }).from(units).where(eq(units.id, regime.issuerUnitId));
  return issuer?.nameVi ?? '';
}

/** A department signs through its director or a deputy "KT. GIÁM ĐỐC"; a people's committee collectively "TM. ỦY BAN NHÂN DÂN". */
function defaultSignature(issuer: string): CompiledSignature {
  if (/^(ủy|uỷ) ban nhân dân/i.test(issuer)) return { capacity: 'TM.', onBehalfOf: 'Ủy ban nhân dân', position: 'Chủ tịch', name: '' };
  return { capacity: 'KT.', onBehalfOf: 'Giám đốc', position: 'Phó Giám đốc', name: '' };
}

/**
 * Compiles the city's report for a period: figures from the plans, indicators, movement, ecosystem
 * and open data, and the units' narratives by section. The first draft is revision 1; once a
 * revision is issued, a change is a new revision that starts from it.
 */
export async function compileReport(ctx: ServiceContext, periodId: string): Promise<CompiledReport> {
  const reporter = await reporterOf(ctx);
  if (!reporter.isManager) throw forbidden({ reason: 'managers-only' });
  const { period, regime } = await loadPeriod(ctx, periodId);
  const figures = await cityFigures(ctx, windowOf(period, cityDate(ctx.clock.now())));
  const id = await inTransaction(ctx, async (tx) => {
    const [latest] = await tx.db
      .select()
      .from(compiledReports)
      .where(eq(compiledReports.periodId, periodId))
      .orderBy(desc(compiledReports.revision))
      .limit(1)
      .for('update');
    if (latest && !isFrozen(latest.state))
      throw conflict(
        {
          vi: `Kỳ này đã có bản tổng hợp lần ${latest.revision} đang “${compiledStateNames[latest.state].vi}”; hãy sửa bản đó`,
          en: `This period already has revision ${latest.revision}, “${compiledStateNames[latest.state].en}”; edit that one`,
        },
        { id: latest.id },
      );
    const issuer = latest?.issuer ?? (await defaultIssuer(tx, regime));
    const now = tx.clock.now().toISOString();
    const [row] = await tx.db
      .insert(compiledReports)
      .values({
        periodId,
        revision: (latest?.revision ?? 0) + 1,
        issuer,
        summary: latest?.summary ?? '',
        sections: latest?.sections ?? (await gatherNarratives(tx, periodId, regime)),
        figures,
        signature: latest?.signature ?? defaultSignature(issuer),
        recipients: latest?.recipients ?? reportsSettings.cityRecipients,
        supersedesId: latest?.id ?? null,
        createdBy: tx.actor?.userId ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: compiledReports.id, revision: compiledReports.revision });
    await recordAudit(tx, {
      action: 'reports.compiled.create',
      entityType: 'compiled_report',
      entityId: row!.id,
      after: { periodId, revision: row!.revision, supersedesId: latest?.id ?? null },
    });
    return row!.id;
  });
  return getCompiled(ctx, id);
}

/** The compiled report with its comments and what the caller may do with it. */
export async function getCompiled(ctx: ServiceContext, id: string): Promise<CompiledReport> {
  const { compiled, period, regime, reporter } = await readableCompiled(ctx, id);
  const roles = rolesOnCompiled(reporter, regime.issuerUnitId);
  const comments = await ctx.db
    .select({
      id: compiledReportComments.id,
      sectionKey: compiledReportComments.sectionKey,
      body: compiledReportComments.body,
      author: users.displayName,
      createdAt: compiledReportComments.createdAt,
    })
    .from(compiledReportComments)
    .leftJoin(users, eq(users.id, compiledReportComments.authorId))
    .where(eq(compiledReportComments.compiledReportId, id))
    .orderBy(asc(compiledReportComments.createdAt), asc(compiledReportComments.id));
  return {
    id: compiled.id,
    period: presentPeriod(period, regime),
    revision: compiled.revision,
    state: compiled.state,
    issuer: compiled.issuer,
    summary: compiled.summary,
    sections: regime.sections.map((s) => ({ ...s, text: compiled.sections[s.key] ?? '' })),
    figures: compiled.figures,
    signature: compiled.signature,
    recipients: compiled.recipients,
    documentNumber: compiled.documentNumber,
    issuedOn: compiled.issuedOn,
    publishedAt: compiled.publishedAt ? new Date(compiled.publishedAt).toISOString() : null,
    supersedesId: compiled.supersedesId,
    comments: comments.map((c) => ({ ...c, author: c.author ?? '', createdAt: new Date(c.createdAt).toISOString() })),
    allowedActions: compiledActionsFor(compiled.state, roles),
    canEdit: roles.includes('manager') && isCompiledEditable(compiled.state),
  };
}

/** The manager edits the draft: summary, sections (only the keys sent), signature and recipients. An issued report is frozen. */
export async function updateCompiled(ctx: ServiceContext, id: string, patch: UpdateBody): Promise<CompiledReport> {
  const { compiled, regime, reporter } = await readableCompiled(ctx, id);
  if (!reporter.isManager) throw forbidden({ reason: 'managers-only' });
  if (!isCompiledEditable(compiled.state))
    throw conflict(
      {
        vi: `Bản tổng hợp đang “${compiledStateNames[compiled.state].vi}”, không sửa được${isFrozen(compiled.state) ? '; hãy lập phiên bản mới' : ''}`,
        en: `The compiled report is “${compiledStateNames[compiled.state].en}” and cannot be edited${isFrozen(compiled.state) ? '; make a new revision' : ''}`,
      },
      { state: compiled.state },
    );
  const keys = new Set(regime.sections.map((s) => s.key));
  const unknown = Object.keys(patch.sections ?? {}).filter((key) => !keys.has(key));
  if (unknown.length)
    throw invalid('sections', `Mục không có trong mẫu báo cáo: ${unknown.join(', ')}`, `Not a section of the form: ${unknown.join(', ')}`);
  await inTransaction(ctx, async (tx) => {
    const [current] = await tx.db.select().from(compiledReports).where(eq(compiledReports.id, id));
    const changes = {
      ...(patch.summary !== undefined ? { summary: patch.summary } : {}),
      ...(patch.sections !== undefined ? { sections: { ...current!.sections, ...patch.sections } } : {}),
      ...(patch.signature !== undefined ? { signature: patch.signature } : {}),
      ...(patch.recipients !== undefined ? { recipients: patch.recipients } : {}),
    };
    await tx.db
      .update(compiledReports)
      .set({ ...changes, updatedAt: tx.clock.now().toISOString() })
      .where(eq(compiledReports.id, id));
    await recordAudit(tx, {
      action: 'reports.compiled.update',
      entityType: 'compiled_report',
      entityId: id,
      before: { summary: current!.summary, sections: current!.sections, signature: current!.signature, recipients: current!.recipients },
      after: changes,
    });
  });
  return getCompiled(ctx, id);
}

/** Approves, reopens, issues (with its number and date: then frozen) or publishes the compiled report, by the table in workflow.ts. */
export async function transitionCompiled(
  ctx: ServiceContext,
  id: string,
  action: CompiledAction,
  body: ActionBody,
): Promise<CompiledReport> {
  const { compiled, period, regime, reporter } = await readableCompiled(ctx, id);
  const roles = rolesOnCompiled(reporter, regime.issuerUnitId);
  const from = compiled.state;
  const next = nextCompiledState(from, action, roles);
  if (!next) {
    if (nextCompiledState(from, action, ['manager', 'leader'])) throw forbidden({ reason: 'not-your-step', action, state: from });
    throw conflict(
      {
        vi: `Bản tổng hợp đang “${compiledStateNames[from].vi}”, không thực hiện được thao tác này`,
        en: `The compiled report is “${compiledStateNames[from].en}”; this step does not apply`,
      },
      { state: from, action },
    );
  }
  const documentNumber = body.documentNumber ?? compiled.documentNumber;
  if (action === 'issue' && !documentNumber)
    throw invalid('documentNumber', 'Hãy ghi số, ký hiệu của văn bản', 'Give the document its number and symbol');
  await inTransaction(ctx, async (tx) => {
    const now = tx.clock.now().toISOString();
    if (action === 'issue') {
      const [taken] = await tx.db
        .select({ id: compiledReports.id })
        .from(compiledReports)
        .where(and(eq(compiledReports.documentNumber, documentNumber!), ne(compiledReports.id, id)));
      if (taken)
        throw conflict({
          vi: `Số văn bản '${documentNumber}' đã được dùng`,
          en: `The document number '${documentNumber}' is already used`,
        });
    }
    const changes = {
      approve: { approvedBy: tx.actor?.userId ?? null },
      reopen: { approvedBy: null },
      issue: { documentNumber, issuedOn: body.issuedOn ?? cityDate(tx.clock.now()), issuedBy: tx.actor?.userId ?? null },
      publish: { publishedAt: now },
    }[action];
    const [row] = await tx.db
      .update(compiledReports)
      .set({ ...changes, state: next, updatedAt: now })
      .where(and(eq(compiledReports.id, id), eq(compiledReports.state, from)))
      .returning({ id: compiledReports.id });
    if (!row)
      throw conflict({
        vi: 'Bản tổng hợp vừa được người khác thay đổi; hãy tải lại',
        en: 'The compiled report was just changed by someone else; reload it',
      });
    await recordAudit(tx, {
      action: `reports.compiled.${action}`,
      entityType: 'compiled_report',
      entityId: id,
      before: { state: from },
      after: { state: next, ...changes },
    });
    const url = reportPaths.compiled(id);
    const name = {
      vi: `${documentSummary(regime, period)} (lần ${compiled.revision})`,
      en: `${regime.nameEn}, ${period.nameEn} (revision ${compiled.revision})`,
    };
    if (action === 'approve' || action === 'issue' || action === 'reopen')
      await notifyPeople(tx, await holdersOf(tx, 'programme_manager', null), {
        title: {
          vi: {
            approve: 'Báo cáo tổng hợp đã được duyệt',
            issue: 'Báo cáo tổng hợp đã ban hành',
            reopen: 'Báo cáo tổng hợp được mở lại để sửa',
          }[action],
          en: { approve: 'Compiled report approved', issue: 'Compiled report issued', reopen: 'Compiled report reopened for editing' }[
            action
          ],
        },
        body: name,
        url,
      });
  });
  return getCompiled(ctx, id);
}

/** A comment on the draft, from a manager or a leader. */
export async function addComment(ctx: ServiceContext, id: string, input: CommentInput): Promise<CompiledReport> {
  const { compiled, regime } = await readableCompiled(ctx, id);
  if (isFrozen(compiled.state))
    throw conflict({ vi: 'Văn bản đã ban hành, không góp ý thêm được', en: 'The report is issued; comments are closed' });
  if (input.sectionKey && !regime.sections.some((s) => s.key === input.sectionKey))
    throw invalid('sectionKey', 'Mục không có trong mẫu báo cáo', 'Not a section of the form');
  await inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(compiledReportComments)
      .values({
        compiledReportId: id,
        sectionKey: input.sectionKey,
        body: input.body,
        authorId: tx.actor?.userId ?? null,
        createdAt: tx.clock.now().toISOString(),
      })
      .returning({ id: compiledReportComments.id });
    await recordAudit(tx, {
      action: 'reports.compiled.comment',
      entityType: 'compiled_report',
      entityId: id,
      after: { commentId: row!.id, sectionKey: input.sectionKey },
    });
  });
  return getCompiled(ctx, id);
}

function presentPublished(row: LoadedCompiled): PublishedReport {
  return {
    id: row.compiled.id,
    title: { vi: documentSummary(row.regime, row.period), en: `${row.regime.nameEn}, ${row.period.nameEn}` },
    periodName: { vi: row.period.nameVi, en: row.period.nameEn },
    issuer: row.compiled.issuer,
    documentNumber: row.compiled.documentNumber ?? '',
    issuedOn: row.compiled.issuedOn ?? '',
    publishedAt: new Date(row.compiled.publishedAt ?? row.compiled.updatedAt).toISOString(),
    summary: row.compiled.summary,
    revision: row.compiled.revision,
  };
}

/** Reports published on the portal, newest first (public). */
export async function listPublished(ctx: ServiceContext): Promise<PublishedReport[]> {
  const rows = await ctx.db
    .select({ compiled: compiledReports, period: reportPeriods, regime: reportRegimes })
    .from(compiledReports)
    .innerJoin(reportPeriods, eq(reportPeriods.id, compiledReports.periodId))
    .innerJoin(reportRegimes, eq(reportRegimes.id, reportPeriods.regimeId))
    .where(eq(compiledReports.state, 'published'))
    .orderBy(desc(compiledReports.publishedAt), asc(compiledReports.id))
    .limit(200);
  return rows.map(presentPublished);
}

/** A published report, or 404 for anything not published (drafts never show on the portal). */
export async function loadPublished(ctx: ServiceContext, id: string): Promise<LoadedCompiled> {
  const loaded = await load(ctx, id);
  if (!loaded || loaded.compiled.state !== 'published') throw notFound(compiledWord, id);
  return loaded;
}

export async function getPublished(ctx: ServiceContext, id: string): Promise<PublishedReport> {
  return presentPublished(await loadPublished(ctx, id));
}

/** Compiled reports waiting for a step, for the workspace. */
export async function compiledInStates(ctx: ServiceContext, states: Array<CompiledReportRow['state']>) {
  if (states.length === 0) return [];
  return ctx.db
    .select({ compiled: compiledReports, period: reportPeriods, regime: reportRegimes })
    .from(compiledReports)
    .innerJoin(reportPeriods, eq(reportPeriods.id, compiledReports.periodId))
    .innerJoin(reportRegimes, eq(reportRegimes.id, reportPeriods.regimeId))
    .where(inArray(compiledReports.state, states))
    .orderBy(asc(reportPeriods.dueOn), asc(compiledReports.revision));
}
