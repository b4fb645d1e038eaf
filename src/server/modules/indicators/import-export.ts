import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { asc, eq, inArray } from 'drizzle-orm';
import type { ImportRowError } from '../../../shared/contracts/indicators.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { xlsxMediaType, type MediaType } from '../../lib/media-types.js';
import { restoreNeutralised, toCsv, toXlsx, type TableRow } from '../../lib/tabular-export.js';
import { unitIdsWhereActorHas } from '../../lib/unit-scope.js';
import { inTransaction } from '../../lib/tx.js';
import { approvedSeries } from './dashboard.js';
import { invalidateDashboard } from './dashboard-cache.js';
import { cityToday } from './dates.js';
import { checkObservation, insertObservation } from './observations.js';
import { indicatorObservations, indicators } from './schema.js';

/** The columns a file of values has; the export writes them first, so an export can be edited and imported. */
export const importColumns = ['indicator_code', 'period', 'value', 'source_note'] as const;
const exportColumns = [...importColumns, 'indicator_name_vi', 'indicator_name_en', 'unit', 'is_illustrative'] as const;
const maxRows = 2000;

type RawRow = { line: number; cells: Record<string, string> };

const badFile = (vi: string, en: string) => new AppError('VALIDATION', { vi, en });

function rowsFromCsv(bytes: Buffer): RawRow[] {
  let records: string[][];
  try {
    records = parse(bytes, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as string[][];
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw badFile(`Không đọc được tệp CSV: ${reason}`, `The CSV file could not be read: ${reason}`);
  }
  return toRows(records);
}

async function rowsFromXlsx(bytes: Buffer): Promise<RawRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw badFile('Không đọc được tệp XLSX (tệp hỏng hoặc không phải Excel)', 'The XLSX file could not be read (damaged, or not an Excel file)');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw badFile('Tệp XLSX không có trang tính nào', 'The XLSX file has no worksheet');
  const records: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = restoreNeutralised(cell.text).trim();
    });
    records[rowNumber - 1] = Array.from(cells, (cell) => cell ?? '');
  });
  return toRows(Array.from(records, (record) => record ?? []));
}

/** Header row first; every later row keeps its line number in the file, blank rows skipped. */
function toRows(records: string[][]): RawRow[] {
  const [header, ...body] = records;
  const names = (header ?? []).map((name) => name.trim().toLowerCase());
  const absent = importColumns.filter((column) => column !== 'source_note' && !names.includes(column));
  if (absent.length > 0) {
    throw badFile(`Dòng tiêu đề thiếu cột: ${absent.join(', ')}`, `The header row lacks the column(s): ${absent.join(', ')}`);
  }
  const rows = body
    .map((cells, index) => ({ line: index + 2, cells: Object.fromEntries(names.map((name, column) => [name, restoreNeutralised(cells[column] ?? '').trim()])) }))
    .filter((row) => Object.values(row.cells).some((cell) => cell !== ''));
  if (rows.length === 0) throw badFile('Tệp không có dòng số liệu nào', 'The file has no rows of values');
  if (rows.length > maxRows) throw badFile(`Tệp có quá ${maxRows} dòng`, `The file has more than ${maxRows} rows`);
  return rows;
}

const numberPattern = /^-?\d+(\.\d+)?$/;

/** Largest file of values accepted: a few thousand rows fit in well under a megabyte. */
export const importMaxBytes = 5 * 1024 * 1024;

/**
 * Imports values from a CSV or XLSX file (told apart by content) as submitted values awaiting
 * review. Every row is checked first; when any row is wrong, nothing is imported and each wrong
 * row is reported.
 */
export async function importObservations(ctx: ServiceContext, file: { mediaType: MediaType; bytes: Buffer }): Promise<{ imported: number; observationIds: string[] }> {
  const rows = file.mediaType === xlsxMediaType ? await rowsFromXlsx(file.bytes) : rowsFromCsv(file.bytes);
  const codes = [...new Set(rows.map((row) => row.cells.indicator_code ?? '').filter(Boolean))];
  const found = codes.length ? await ctx.db.select().from(indicators).where(inArray(indicators.code, codes)).orderBy(asc(indicators.code)) : [];
  const byCode = new Map(found.map((indicator) => [indicator.code, indicator]));
  const pendingRows = found.length
    ? await ctx.db
        .select({ indicatorId: indicatorObservations.indicatorId, period: indicatorObservations.period, status: indicatorObservations.status })
        .from(indicatorObservations)
        .where(inArray(indicatorObservations.indicatorId, found.map((i) => i.id)))
        .orderBy(asc(indicatorObservations.period))
    : [];
  const awaiting = new Set(pendingRows.filter((r) => r.status === 'submitted').map((r) => `${r.indicatorId}|${r.period}`));
  const myUnits = await unitIdsWhereActorHas(ctx, ['unit_officer']);
  const today = cityToday(ctx.clock);

  const errors: ImportRowError[] = [];
  const accepted: Array<{ indicator: (typeof found)[number]; period: string; periodEnd: string; value: number; sourceNote?: string }> = [];
  const seen = new Set<string>();
  for (const { line, cells } of rows) {
    const fail = (column: string | null, vi: string, en: string) => errors.push({ row: line, column, message: { vi: `Dòng ${line}: ${vi}`, en: `Row ${line}: ${en}` } });
    const code = cells.indicator_code ?? '';
    const indicator = byCode.get(code);
    if (code === '') {
      fail('indicator_code', 'thiếu mã chỉ tiêu', 'the indicator code is missing');
      continue;
    }
    if (!indicator) {
      fail('indicator_code', `chỉ tiêu '${code}' không tồn tại`, `indicator '${code}' does not exist`);
      continue;
    }
    if (!indicator.responsibleUnitId || !myUnits.has(indicator.responsibleUnitId)) {
      fail('indicator_code', `bạn không thuộc đơn vị chịu trách nhiệm báo cáo chỉ tiêu ${code}`, `you are not an officer of the unit that reports indicator ${code}`);
      continue;
    }
    const period = cells.period ?? '';
    const checked = checkObservation(indicator, { period }, today);
    if (!checked.ok) {
      fail('period', checked.message.vi, checked.message.en);
      continue;
    }
    const rawValue = cells.value ?? '';
    if (!numberPattern.test(rawValue)) {
      fail('value', `giá trị '${rawValue}' không phải là số (dùng dấu chấm cho phần thập phân, ví dụ 2.5)`, `value '${rawValue}' is not a number (use a dot for decimals, e.g. 2.5)`);
      continue;
    }
    const key = `${indicator.id}|${period}`;
    if (seen.has(key)) {
      fail('period', `kỳ ${period} của chỉ tiêu ${code} xuất hiện hai lần trong tệp`, `period ${period} of indicator ${code} appears twice in the file`);
      continue;
    }
    seen.add(key);
    if (awaiting.has(key)) {
      fail('period', `kỳ ${period} của chỉ tiêu ${code} đã có số liệu đang chờ duyệt`, `period ${period} of indicator ${code} already has a value awaiting review`);
      continue;
    }
    const sourceNote = (cells.source_note ?? '').slice(0, 2000);
    accepted.push({ indicator, period, periodEnd: checked.periodEnd, value: Number(rawValue), ...(sourceNote ? { sourceNote } : {}) });
  }
  if (errors.length > 0) {
    throw new AppError(
      'VALIDATION',
      {
        vi: `Tệp có ${errors.length} dòng lỗi; chưa nhập dòng nào. ${errors[0]!.message.vi}`,
        en: `The file has ${errors.length} wrong row(s); nothing was imported. ${errors[0]!.message.en}`,
      },
      { rows: errors },
    );
  }
  const ids = await inTransaction(ctx, async (tx) => {
    const inserted: string[] = [];
    for (const row of accepted) {
      const created = await insertObservation(tx, row.indicator, {
        period: row.period,
        periodEnd: row.periodEnd,
        value: row.value,
        ...(row.sourceNote ? { sourceNote: row.sourceNote } : {}),
      });
      inserted.push(created.id);
    }
    return inserted;
  });
  await invalidateDashboard(ctx.db);
  return { imported: ids.length, observationIds: ids };
}

/** Approved values of every public indicator, as rows of the export (import columns first); values stay numbers. */
async function exportRows(ctx: ServiceContext): Promise<TableRow[]> {
  const publicIndicators = await ctx.db.select().from(indicators).where(eq(indicators.isPublic, true)).orderBy(asc(indicators.code), asc(indicators.id));
  const series = await approvedSeries(ctx, publicIndicators.map((i) => i.id));
  const rows: TableRow[] = [];
  for (const indicator of publicIndicators) {
    for (const o of series.filter((s) => s.indicatorId === indicator.id).sort((a, b) => a.periodEnd.localeCompare(b.periodEnd))) {
      rows.push([indicator.code, o.period, o.value, o.sourceNote ?? '', indicator.nameVi, indicator.nameEn, indicator.unitVi, o.isIllustrative ? 'true' : 'false']);
    }
  }
  return rows;
}

/** The public values as CSV. */
export async function exportCsv(ctx: ServiceContext): Promise<string> {
  return toCsv(exportColumns, await exportRows(ctx));
}

/** The public values as an XLSX workbook with one sheet. */
export async function exportXlsx(ctx: ServiceContext): Promise<Buffer> {
  return toXlsx([{ name: 'chi-tieu', columns: exportColumns.map((header) => ({ header })), rows: await exportRows(ctx) }], { createdAt: ctx.clock.now() });
}
