import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { AppError } from './errors.js';
import { xlsxMediaType } from './media-types.js';
import { restoreNeutralised } from './tabular-export.js';

/** One non-blank row of a file, with the row number a spreadsheet program shows for it. */
export type TableRecord = { line: number; cells: string[] };

const unreadable = (vi: string, en: string) =>
  new AppError('VALIDATION', { vi, en }, [{ path: 'file', code: 'unreadable_table', message: { vi, en } }]);

/**
 * The rows of a CSV (comma or semicolon separated) or of the first worksheet of an XLSX file, as
 * trimmed text with the exporter's protective apostrophe removed; blank rows are left out but
 * every row keeps its own number, so an error can point at the row the person sees.
 */
export async function readTableRecords(mediaType: string, bytes: Buffer): Promise<TableRecord[]> {
  const records = mediaType === xlsxMediaType ? await xlsxRecords(bytes) : csvRecords(bytes);
  return records
    .map((record) => ({ line: record.line, cells: record.cells.map((cell) => restoreNeutralised(cell).trim()) }))
    .filter((record) => record.cells.some((cell) => cell !== ''));
}

function csvRecords(bytes: Buffer): TableRecord[] {
  const text = bytes.toString('utf8');
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  try {
    const records = parse(text, { bom: true, delimiter, relax_column_count: true, skip_empty_lines: false }) as string[][];
    return records.map((cells, index) => ({ line: index + 1, cells }));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw unreadable(`Không đọc được tệp CSV: ${reason}`, `The CSV file could not be read: ${reason}`);
  }
}

/** A cell's value as the text a person sees: dates as YYYY-MM-DD, links and rich text by their text, formulas by their result. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return cellText(value.text as ExcelJS.CellValue);
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    return '';
  }
  return String(value);
}

async function xlsxRecords(bytes: Buffer): Promise<TableRecord[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw unreadable(
      'Không đọc được tệp XLSX (tệp hỏng hoặc không phải Excel)',
      'The XLSX file could not be read (damaged, or not an Excel file)',
    );
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw unreadable('Tệp XLSX không có trang tính nào', 'The XLSX file has no worksheet');
  const records: TableRecord[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell.value);
    });
    records.push({ line, cells: Array.from(cells, (cell) => cell ?? '') });
  });
  return records;
}
