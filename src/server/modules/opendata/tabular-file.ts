import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { AppError } from '../../lib/errors.js';
import { csvMediaType, xlsxMediaType } from '../../lib/media-types.js';
import { restoreNeutralised } from '../../lib/tabular-export.js';
import type { Table } from './datastore.js';

/** More rows than this stay a downloadable file only; the datastore is for tables a browser can page. */
export const maxDatastoreRows = 1_000_000;

const unreadable = (vi: string, en: string) =>
  new AppError('VALIDATION', { vi, en }, [{ path: 'file', code: 'unreadable_table', message: { vi, en } }]);

/** Whether a stored file of this type is loaded into the datastore. */
export const isTabular = (mediaType: string): boolean => mediaType === csvMediaType || mediaType === xlsxMediaType;

/** The header and rows of a CSV (comma or semicolon) or of the first worksheet of an XLSX file; blank rows dropped. */
export async function readTable(mediaType: string, bytes: Buffer): Promise<Table> {
  const records = mediaType === xlsxMediaType ? await xlsxRecords(bytes) : csvRecords(bytes);
  const [header, ...body] = records.filter((record) => record.some((cell) => cell.trim() !== ''));
  if (!header) throw unreadable('Tệp không có dòng tiêu đề', 'The file has no header row');
  if (body.length > maxDatastoreRows)
    throw unreadable(`Tệp có quá ${maxDatastoreRows} dòng`, `The file has more than ${maxDatastoreRows} rows`);
  return { columns: header.map((name) => name.trim()), rows: body.map((row) => header.map((_, index) => row[index] ?? null)) };
}

function csvRecords(bytes: Buffer): string[][] {
  const text = bytes.toString('utf8');
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  try {
    return parse(text, { bom: true, delimiter, relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw unreadable(`Không đọc được tệp CSV: ${reason}`, `The CSV file could not be read: ${reason}`);
  }
}

async function xlsxRecords(bytes: Buffer): Promise<string[][]> {
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
  const records: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = restoreNeutralised(cell.text).trim();
    });
    records.push(Array.from(cells, (cell) => cell ?? ''));
  });
  return records;
}
