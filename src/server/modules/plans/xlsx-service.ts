import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { taskCreateBodySchema, taskStatusLabels, type TaskCreateBody } from '../../../shared/contracts/plans.js';
import type { LocalizedText } from '../../../shared/contracts/common.js';
import { searchDocuments } from '../../db/platform-schema.js';
import { recordAudit } from '../../lib/audit.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { restoreNeutralised, toXlsx } from '../../lib/tabular-export.js';
import { inTransaction } from '../../lib/tx.js';
import { units } from '../identity/schema.js';
import { readablePlan, requirePlanManager, visibleTasksCondition } from './access.js';
import { taskUrl } from './presenter.js';
import { plans, taskCooperatingUnits, taskGroups, tasks } from './schema.js';
import { deriveStatus } from './status.js';
import { todayOf } from './tasks-service.js';
import { exportOnlyColumns, taskColumns, tasksSheetName, type TaskColumnKey } from './xlsx-columns.js';

export type ImportRowError = { row: number; column: string | null; message: LocalizedText };
export type ImportProgress = (done: number, total: number) => void;

/** Largest workbook accepted, and most rows: a plan has tens to a few thousand tasks. */
export const importMaxBytes = 10 * 1024 * 1024;
export const importMaxRows = 10_000;

const yes = new Set(['có', 'co', 'yes', 'true', '1', 'x']);
const no = new Set(['không', 'khong', 'no', 'false', '0', '']);

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return restoreNeutralised(value.richText.map((r) => r.text).join('')).trim();
    if ('text' in value) return restoreNeutralised(String(value.text)).trim();
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    return '';
  }
  return restoreNeutralised(String(value)).trim();
}

const list = (text: string) =>
  text
    .split(/[,;]/)
    .map((s) => s.trim())
    .filter(Boolean);

// Dates and codes stay text, so "2026-03-31" and "0101" are not reinterpreted by spreadsheet apps.
const textColumns = new Set<string>(['code', 'parentCode', 'startOn', 'dueOn', 'leadUnitCode']);

/** Writes the task workbook: the header row, the rows given, and a sheet of unit codes to choose from. */
async function writeWorkbook(
  ctx: ServiceContext,
  rows: Array<Record<string, string | number>>,
  unitRows: Array<{ code: string; nameVi: string; nameEn: string }>,
  withStatus: boolean,
): Promise<Buffer> {
  const columns = [...taskColumns, ...(withStatus ? exportOnlyColumns : [])];
  return toXlsx(
    [
      {
        name: tasksSheetName,
        freezeHeader: true,
        columns: columns.map((c) => ({ header: c.header, width: c.width, isText: textColumns.has(c.key) })),
        rows: rows.map((row) => columns.map((c) => row[c.key])),
      },
      {
        name: 'Don vi',
        columns: [
          { header: 'Mã / Code', width: 12, isText: true },
          { header: 'Tên / Name', width: 50 },
          { header: 'Name (en)', width: 50 },
        ],
        rows: unitRows.map((unit) => [unit.code, unit.nameVi, unit.nameEn]),
      },
    ],
    { createdAt: ctx.clock.now() },
  );
}

async function activeUnits(ctx: ServiceContext) {
  return ctx.db
    .select({ id: units.id, code: units.code, nameVi: units.nameVi, nameEn: units.nameEn, kind: units.kind })
    .from(units)
    .where(eq(units.isActive, true))
    .orderBy(asc(units.code));
}

/** The import template: headers, one example row, and the list of unit codes. */
export async function importTemplate(ctx: ServiceContext): Promise<Buffer> {
  const unitRows = (await activeUnits(ctx)).filter((u) => u.kind !== 'city');
  const example = {
    code: 'NV-07.5',
    group: 7,
    parentCode: '',
    titleVi: 'Triển khai nền tảng số dùng chung cho phường',
    titleEn: 'Roll out the shared digital platform to wards',
    descriptionVi: '',
    leadUnitCode: 'TTCDS',
    cooperatingUnitCodes: 'SKHCN, 26740',
    startOn: '2026-04-01',
    dueOn: '2026-12-31',
    productVi: 'Nền tảng vận hành tại 168 phường, xã',
    priority: 'normal',
    indicatorCodes: '',
    isPublic: 'có',
    reportingPeriod: 'quarterly',
  };
  return writeWorkbook(ctx, [example], unitRows, false);
}

/** A plan's tasks as the caller may read them, in the import columns plus status, progress and the original deadline. */
export async function exportPlanTasks(ctx: ServiceContext, planRef: string): Promise<{ fileName: string; bytes: Buffer }> {
  const plan = await readablePlan(ctx, planRef);
  const today = todayOf(ctx);
  const rows = await ctx.db
    .select({ task: tasks, leadCode: units.code, groupPosition: taskGroups.position })
    .from(tasks)
    .innerJoin(plans, eq(plans.id, tasks.planId))
    .innerJoin(units, eq(units.id, tasks.leadUnitId))
    .leftJoin(taskGroups, eq(taskGroups.id, tasks.groupId))
    .where(and(eq(tasks.planId, plan.id), await visibleTasksCondition(ctx)))
    .orderBy(asc(tasks.position), asc(tasks.code));
  const ids = rows.map((r) => r.task.id);
  const cooperating = ids.length
    ? await ctx.db
        .select({ taskId: taskCooperatingUnits.taskId, code: units.code })
        .from(taskCooperatingUnits)
        .innerJoin(units, eq(units.id, taskCooperatingUnits.unitId))
        .where(inArray(taskCooperatingUnits.taskId, ids))
        .orderBy(asc(units.code))
    : [];
  const codeOf = new Map(rows.map((r) => [r.task.id, r.task.code]));
  const out = rows.map(({ task, leadCode, groupPosition }) => ({
    code: task.code,
    group: groupPosition ?? '',
    parentCode: task.parentId ? (codeOf.get(task.parentId) ?? '') : '',
    titleVi: task.titleVi,
    titleEn: task.titleEn,
    descriptionVi: task.descriptionVi,
    leadUnitCode: leadCode,
    cooperatingUnitCodes: cooperating
      .filter((c) => c.taskId === task.id)
      .map((c) => c.code)
      .join(', '),
    startOn: task.startOn ?? '',
    dueOn: task.dueOn ?? '',
    productVi: task.productVi,
    priority: task.priority,
    indicatorCodes: task.indicatorCodes.join(', '),
    isPublic: task.isPublic ? 'có' : 'không',
    reportingPeriod: task.reportingPeriod,
    status: taskStatusLabels[deriveStatus(task, today)].vi,
    progressPercent: task.progressPercent,
    originalDueOn: task.originalDueOn ?? '',
  }));
  const unitRows = (await activeUnits(ctx)).filter((u) => u.kind !== 'city');
  return { fileName: `nhiem-vu-${plan.code.replace(/[^\w-]+/g, '-')}.xlsx`, bytes: await writeWorkbook(ctx, out, unitRows, true) };
}

type ParsedRow = {
  row: number;
  body: TaskCreateBody;
  group: number | null;
  parentCode: string | null;
  leadUnitCode: string;
  cooperatingUnitCodes: string[];
};

/** Reads and checks every row; returns the rows ready to insert, or every error found (row numbers as the spreadsheet shows them). */
async function parseWorkbook(ctx: ServiceContext, plan: typeof plans.$inferSelect, bytes: Buffer, onProgress?: ImportProgress) {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppError(
      'VALIDATION',
      { vi: 'Tệp không phải là bảng tính XLSX đọc được', en: 'The file is not a readable XLSX workbook' },
      { field: 'file' },
    );
  }
  const sheet = workbook.getWorksheet(tasksSheetName) ?? workbook.worksheets[0];
  if (!sheet) throw new AppError('VALIDATION', { vi: 'Bảng tính không có trang nào', en: 'The workbook has no sheet' }, { field: 'file' });
  const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).map(cellText);
  const columnIndex = new Map<TaskColumnKey, number>();
  for (const column of taskColumns) {
    const index = header.findIndex((h) => h === column.header);
    if (index < 0)
      throw new AppError(
        'VALIDATION',
        { vi: `Thiếu cột '${column.header}'; hãy dùng tệp mẫu`, en: `Column '${column.header}' is missing; use the template` },
        { column: column.key },
      );
    columnIndex.set(column.key, index);
  }
  if (sheet.actualRowCount - 1 > importMaxRows)
    throw new AppError(
      'VALIDATION',
      { vi: `Tệp có quá ${importMaxRows} dòng`, en: `The file has more than ${importMaxRows} rows` },
      { field: 'file' },
    );

  const unitRows = await activeUnits(ctx);
  const unitByCode = new Map(unitRows.map((u) => [u.code, u.id]));
  const groups = await ctx.db
    .select({ id: taskGroups.id, position: taskGroups.position })
    .from(taskGroups)
    .where(eq(taskGroups.planId, plan.id));
  const existing = await ctx.db
    .select({ id: tasks.id, code: tasks.code, parentId: tasks.parentId })
    .from(tasks)
    .where(eq(tasks.planId, plan.id));
  const existingCodes = new Map(existing.map((e) => [e.code, e]));

  const errors: ImportRowError[] = [];
  const parsed: ParsedRow[] = [];
  const seen = new Map<string, number>();
  const total = sheet.actualRowCount - 1;
  let done = 0;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const values = row.values as ExcelJS.CellValue[];
    const cell = (key: TaskColumnKey) => cellText(values[columnIndex.get(key)!] ?? null);
    if (taskColumns.every((c) => cell(c.key) === '')) return;
    const fail = (column: TaskColumnKey | null, vi: string, en: string) => errors.push({ row: rowNumber, column, message: { vi, en } });
    const before = errors.length;

    const code = cell('code');
    if (code && seen.has(code))
      fail('code', `Mã '${code}' trùng với dòng ${seen.get(code)}`, `Code '${code}' repeats row ${seen.get(code)}`);
    else if (code && existingCodes.has(code))
      fail('code', `Mã '${code}' đã có trong kế hoạch`, `Code '${code}' already exists in the plan`);
    if (code) seen.set(code, rowNumber);
    const groupText = cell('group');
    const group = groupText === '' ? null : Number(groupText);
    if (group !== null && !groups.some((g) => g.position === group))
      fail('group', `Nhóm '${groupText}' không có trong kế hoạch`, `Group '${groupText}' is not in the plan`);
    const leadUnitCode = cell('leadUnitCode');
    if (!unitByCode.has(leadUnitCode)) fail('leadUnitCode', `Không có đơn vị mã '${leadUnitCode}'`, `No unit with code '${leadUnitCode}'`);
    const cooperatingUnitCodes = list(cell('cooperatingUnitCodes'));
    const unknown = cooperatingUnitCodes.find((c) => !unitByCode.has(c));
    if (unknown) fail('cooperatingUnitCodes', `Không có đơn vị mã '${unknown}'`, `No unit with code '${unknown}'`);
    const publicText = cell('isPublic').toLowerCase();
    if (!yes.has(publicText) && !no.has(publicText))
      fail('isPublic', `Giá trị '${publicText}' không hợp lệ (có/không)`, `Value '${publicText}' is not valid (yes/no)`);

    const candidate = {
      code,
      titleVi: cell('titleVi'),
      titleEn: cell('titleEn'),
      descriptionVi: cell('descriptionVi'),
      groupId: null,
      parentId: null,
      leadUnitId: unitByCode.get(leadUnitCode) ?? '00000000-0000-4000-8000-000000000000',
      cooperatingUnitIds: cooperatingUnitCodes.map((c) => unitByCode.get(c) ?? '00000000-0000-4000-8000-000000000000'),
      startOn: cell('startOn') || null,
      dueOn: cell('dueOn') || null,
      productVi: cell('productVi'),
      priority: cell('priority') || 'normal',
      indicatorCodes: list(cell('indicatorCodes')),
      isPublic: yes.has(publicText),
      reportingPeriod: cell('reportingPeriod') || 'quarterly',
    };
    const result = taskCreateBodySchema.safeParse(candidate);
    if (!result.success) {
      for (const issue of result.error.issues.slice(0, 3)) {
        const key = String(issue.path[0] ?? '') as TaskColumnKey;
        const column = taskColumns.some((c) => c.key === key) ? key : null;
        const label = taskColumns.find((c) => c.key === key)?.header ?? key;
        fail(column, `Cột '${label}': giá trị không hợp lệ (${issue.message})`, `Column '${label}': invalid value (${issue.message})`);
      }
    } else if (result.data.startOn && result.data.dueOn && result.data.startOn > result.data.dueOn) {
      fail('dueOn', 'Ngày bắt đầu phải trước hoặc bằng hạn hoàn thành', 'The start date must be on or before the deadline');
    }
    if (errors.length === before && result.success)
      parsed.push({ row: rowNumber, body: result.data, group, parentCode: cell('parentCode') || null, leadUnitCode, cooperatingUnitCodes });
    onProgress?.(++done, total);
  });
  // Parents: a top-level task of this file or of the plan.
  const fileCodes = new Map(parsed.map((p) => [p.body.code, p]));
  for (const row of parsed) {
    if (!row.parentCode) continue;
    const inFile = fileCodes.get(row.parentCode);
    const inPlan = existingCodes.get(row.parentCode);
    if ((!inFile || inFile.parentCode) && (!inPlan || inPlan.parentId))
      errors.push({
        row: row.row,
        column: 'parentCode',
        message: {
          vi: `Nhiệm vụ cha '${row.parentCode}' không có hoặc không phải nhiệm vụ cấp một`,
          en: `Parent task '${row.parentCode}' does not exist or is not top-level`,
        },
      });
  }
  errors.sort((a, b) => a.row - b.row);
  return { parsed, errors, groups, existingCodes };
}

/**
 * Imports a plan's tasks from the workbook, all or nothing: with any bad row nothing is written and
 * every bad row is named with its reason; otherwise every task goes in in one transaction with one
 * audit row.
 */
export async function importPlanTasks(
  ctx: ServiceContext,
  planId: string,
  bytes: Buffer,
  onProgress?: ImportProgress,
): Promise<{ imported: number; errors: ImportRowError[] }> {
  requirePlanManager(ctx);
  return importPlanTasksAsOperator(ctx, planId, bytes, onProgress);
}

/** The same import for the operator's `doimoi import plans` command, who holds the database and needs no role. */
export async function importPlanTasksAsOperator(
  ctx: ServiceContext,
  planId: string,
  bytes: Buffer,
  onProgress?: ImportProgress,
): Promise<{ imported: number; errors: ImportRowError[] }> {
  return inTransaction(ctx, async (tx) => {
    const [plan] = await tx.db.select().from(plans).where(eq(plans.id, planId)).for('update');
    if (!plan) throw new AppError('NOT_FOUND', { vi: `Kế hoạch '${planId}' không tồn tại`, en: `Plan '${planId}' not found` });
    const { parsed, errors, groups, existingCodes } = await parseWorkbook(tx, plan, bytes, onProgress);
    if (errors.length > 0) return { imported: 0, errors };
    if (parsed.length === 0) return { imported: 0, errors: [] };
    const ids = new Map(parsed.map((p) => [p.body.code, randomUUID()]));
    const already = await tx.db.$count(tasks, eq(tasks.planId, plan.id));
    const values = parsed.map((p, i) => {
      const { cooperatingUnitIds: _ignored, ...fields } = p.body;
      return {
        ...fields,
        id: ids.get(p.body.code)!,
        planId: plan.id,
        groupId: groups.find((g) => g.position === p.group)?.id ?? null,
        parentId: p.parentCode ? (ids.get(p.parentCode) ?? existingCodes.get(p.parentCode)?.id ?? null) : null,
        originalDueOn: fields.dueOn,
        position: already + i + 1,
      };
    });
    // Parents before children (one level), in chunks the wire protocol's parameter limit allows.
    const fileIds = new Set<string>(ids.values());
    const inFileParent = (v: (typeof values)[number]) => v.parentId !== null && fileIds.has(v.parentId);
    const unique = [...values.filter((v) => !inFileParent(v)), ...values.filter(inFileParent)];
    for (let i = 0; i < unique.length; i += 500) await tx.db.insert(tasks).values(unique.slice(i, i + 500));
    const cooperating = parsed.flatMap((p) => p.body.cooperatingUnitIds.map((unitId) => ({ taskId: ids.get(p.body.code)!, unitId })));
    for (let i = 0; i < cooperating.length; i += 1000)
      await tx.db
        .insert(taskCooperatingUnits)
        .values(cooperating.slice(i, i + 1000))
        .onConflictDoNothing();
    const docs = parsed.map((p) => ({
      entityType: 'task',
      entityId: ids.get(p.body.code)!,
      title: `${p.body.code} — ${p.body.titleVi}`.normalize('NFC'),
      titleEn: p.body.titleEn ? `${p.body.code} — ${p.body.titleEn}`.normalize('NFC') : '',
      body: [p.body.descriptionVi, p.body.productVi, p.body.titleEn, plan.code].join(' · ').normalize('NFC'),
      url: taskUrl(ids.get(p.body.code)!),
      isPublic: plan.isPublic && p.body.isPublic,
    }));
    for (let i = 0; i < docs.length; i += 500) await tx.db.insert(searchDocuments).values(docs.slice(i, i + 500));
    await recordAudit(tx, {
      action: 'plans.task.import',
      entityType: 'plan',
      entityId: plan.id,
      after: { imported: parsed.length, codes: parsed.map((p) => p.body.code) },
    });
    return { imported: parsed.length, errors: [] };
  });
}
