import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { csvMediaType, xlsxMediaType } from './media-types.js';

/** A cell as a module gives it: numbers stay numbers, text is neutralised, empty is null. */
export type TableCell = string | number | boolean | null | undefined;
export type TableRow = readonly TableCell[];
export type TableColumn = {
  header: string;
  width?: number;
  /** Kept as text in the workbook ("0101", "2026-03-31" are not numbers or dates). */ isText?: boolean;
};

export type SheetImage = { png: Buffer; column: number; row: number; widthPx: number; heightPx: number };
export type Sheet = {
  name: string;
  /** The header row (bold); left out for a free-form sheet such as a summary. */
  columns?: readonly TableColumn[];
  rows: readonly TableRow[];
  freezeHeader?: boolean;
  images?: readonly SheetImage[];
};

export type TableFormat = 'csv' | 'xlsx';
export const tableMediaTypes: Record<TableFormat, string> = { csv: csvMediaType, xlsx: xlsxMediaType };

// Spreadsheet programs run a cell that starts with one of these as a formula (OWASP, CSV injection).
const formulaStart = /^[=+\-@\t\r]/;

/**
 * Text that a spreadsheet would run as a formula gets a leading apostrophe, which makes it plain
 * text there. Numbers are left alone: a negative number is a number, not a formula.
 */
export function neutralise(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text;
}

/** The reverse, for files read back in (an edited export): "'=x" is the text "=x". */
export function restoreNeutralised(text: string): string {
  return text.startsWith("'") && formulaStart.test(text.slice(1)) ? text.slice(1) : text;
}

function safeCell(cell: TableCell): string | number | null {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'number') return cell;
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  return neutralise(cell);
}

const headerOf = (column: TableColumn | string) => (typeof column === 'string' ? column : column.header);

/** CSV with a byte-order mark (so spreadsheet programs read Vietnamese right) and CRLF line ends (RFC 4180). */
export function toCsv(columns: readonly (TableColumn | string)[], rows: readonly TableRow[]): string {
  const records = [columns.map((column) => neutralise(headerOf(column))), ...rows.map((row) => row.map(safeCell))];
  return `\ufeff${stringify(records, { record_delimiter: 'windows' })}`;
}

/** An XLSX workbook of the sheets given, every cell neutralised the same way as CSV. */
export async function toXlsx(sheets: readonly Sheet[], options: { createdAt: Date }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'doimoi';
  workbook.created = options.createdAt;
  workbook.modified = options.createdAt;
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name, spec.freezeHeader ? { views: [{ state: 'frozen', ySplit: 1 }] } : {});
    if (spec.columns) {
      sheet.columns = spec.columns.map((column) => ({
        header: neutralise(column.header),
        width: column.width,
        ...(column.isText ? { style: { numFmt: '@' } } : {}),
      }));
      sheet.getRow(1).font = { bold: true };
    }
    for (const row of spec.rows) sheet.addRow(row.map(safeCell));
    for (const image of spec.images ?? []) {
      const id = workbook.addImage({ buffer: image.png as unknown as ExcelJS.Buffer, extension: 'png' });
      sheet.addImage(id, { tl: { col: image.column, row: image.row }, ext: { width: image.widthPx, height: image.heightPx } });
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Sends a CSV or XLSX file as a download. */
export function sendTable(reply: FastifyReply, format: TableFormat, fileName: string, body: string | Buffer) {
  const type = format === 'csv' ? `${csvMediaType}; charset=utf-8` : xlsxMediaType;
  return reply
    .header('content-type', type)
    .header(
      'content-disposition',
      `attachment; filename="${fileName.replace(/[^\w.-]+/g, '-')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    )
    .header('x-content-type-options', 'nosniff')
    .send(body);
}
