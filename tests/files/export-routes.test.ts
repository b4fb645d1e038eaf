import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { buildTestApp, type TestApp } from '../support/app.js';
import { as, enrolTotp, userWithRoles, type Browser } from '../support/sessions.js';

/**
 * Every CSV or XLSX download, found in the OpenAPI document (a file response of either type, or a
 * path ending in .csv/.xlsx), after hostile text was put into every kind of row the exports show.
 * No cell may start with a character a spreadsheet runs as a formula; each export must carry the
 * hostile text (neutralised), so a new export shows here which seed it still lacks.
 */
const csvType = 'text/csv';
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const marker = 'HOSTILE';
// OWASP's list: = + - @, tab and carriage return, each starting some kind of row.
const hostile = {
  units: `=HYPERLINK("http://evil.example/${marker}","Bấm")&`,
  tasks: `+${marker}+cmd|' /C calc'!A0 `,
  observations: `-2+3+${marker} `,
  initiatives: `@SUM(1+1)*${marker} `,
  users: `\t=${marker}() `,
  awardTypes: `\r=${marker}() `,
  organisations: `=cmd|' /C calc'!A0 ${marker} `,
};

type ExportOperation = { key: string; path: string; types: string[]; variants: Array<Record<string, string>> };

let t: TestApp;
let reader: Browser;
let params: Record<string, Record<string, string>>;

beforeAll(async () => {
  t = await buildTestApp();
  reader = (await userWithRoles(t, 'admin-export@hcm.gov.vn', [{ role: 'administrator', unitCode: '79', includesSubtree: true }])).browser;
  await enrolTotp(t, reader);
  const db = t.testDb.database.db;
  const prefix = (table: string, column: string, text: string) =>
    db.execute(sql.raw(`update ${table} set ${column} = ${quote(text)} || ${column}`));
  await prefix('units', 'name_vi', hostile.units);
  await prefix('tasks', 'title_vi', hostile.tasks);
  await prefix('indicator_observations', 'source_note', hostile.observations);
  await db.execute(sql.raw(`update indicator_observations set source_note = ${quote(hostile.observations)} where source_note is null`));
  await prefix('initiatives', 'title', hostile.initiatives);
  await prefix('users', 'display_name', hostile.users);
  await prefix('award_types', 'name_vi', hostile.awardTypes);
  await prefix('eco_organisations', 'name_vi', hostile.organisations);
  const [plan] = (await db.execute(sql`select id from plans order by code limit 1`)).rows as Array<{ id: string }>;
  const [phase] = (
    await db.execute(
      sql`select phase_id from initiatives where state in ('recognised', 'awarded', 'replicated') group by phase_id order by count(*) desc limit 1`,
    )
  ).rows as Array<{ phase_id: string }>;
  // The demo's quarter: a draft unit report (its figures live) of a ward leading a task, and the compiled draft.
  const [unitReport] = (
    await db.execute(sql`select r.id from unit_reports r join units u on u.id = r.unit_id where u.code = '25747' limit 1`)
  ).rows as Array<{ id: string }>;
  const [compiled] = (await db.execute(sql`select id from compiled_reports order by revision limit 1`)).rows as Array<{ id: string }>;
  params = {
    'GET /api/reports/unit-reports/{id}/annex.xlsx': { id: unitReport!.id },
    'GET /api/reports/compiled/{id}/annex.xlsx': { id: compiled!.id },
    'GET /api/plans/{planId}/export.xlsx': { planId: plan!.id },
    'GET /api/movement/phases/{id}/report.xlsx': { id: phase!.phase_id },
  };
});
afterAll(() => t?.close());

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;

function exportOperations(): ExportOperation[] {
  const document = t.app.swagger() as unknown as {
    paths: Record<
      string,
      Record<
        string,
        {
          responses?: Record<string, { content?: Record<string, unknown> }>;
          parameters?: Array<{ in: string; name: string; schema?: { enum?: string[] } }>;
        }
      >
    >;
  };
  const found: ExportOperation[] = [];
  for (const [path, operations] of Object.entries(document.paths)) {
    const operation = operations.get;
    if (!operation) continue;
    const types = Object.keys(operation.responses?.['200']?.content ?? {}).filter((type) => type === csvType || type === xlsxType);
    if (types.length === 0 && !/\.(csv|xlsx)$/.test(path)) continue;
    // Each file format of ?format=csv|xlsx is a download of its own; other enumerations are filters.
    let variants: Array<Record<string, string>> = [{}];
    for (const parameter of operation.parameters ?? []) {
      if (parameter.in !== 'query' || parameter.name !== 'format' || !parameter.schema?.enum) continue;
      const formats = parameter.schema.enum.filter((value) => value === 'csv' || value === 'xlsx');
      variants = variants.flatMap((variant) => formats.map((value) => ({ ...variant, [parameter.name]: value })));
    }
    found.push({ key: `GET ${path}`, path, types, variants });
  }
  return found;
}

/** Every cell as text, and whether a spreadsheet holds it as a number. */
function cellsOf(contentType: string, body: Buffer): Array<{ text: string; isNumber: boolean; isFormula: boolean }> {
  if (contentType.startsWith(csvType)) {
    // CSV has no types: a cell is a number when it reads as one.
    return (parse(body, { bom: true, relax_column_count: true }) as string[][])
      .flat()
      .map((text) => ({ text, isNumber: /^-?\d+(\.\d+)?$/.test(text), isFormula: false }));
  }
  const book = XLSX.read(body, { type: 'buffer' });
  return book.SheetNames.flatMap((name) =>
    Object.entries(book.Sheets[name]!)
      .filter(([address]) => !address.startsWith('!'))
      .map(([, cell]) => ({
        text: String((cell as XLSX.CellObject).v ?? ''),
        isNumber: (cell as XLSX.CellObject).t === 'n',
        isFormula: (cell as XLSX.CellObject).f !== undefined,
      })),
  );
}

describe('every CSV and XLSX export', () => {
  it('is found in the OpenAPI document, declares the file type it sends, and has its parameters here', () => {
    const operations = exportOperations();
    expect(operations.length).toBeGreaterThanOrEqual(5);
    for (const operation of operations) {
      expect(operation.types, `${operation.key} must declare produces`).not.toEqual([]);
      for (const name of operation.path.match(/\{(\w+)\}/g) ?? [])
        expect(params[operation.key]?.[name.slice(1, -1)], `${operation.key} ${name}`).toBeDefined();
    }
  });

  it('never starts a text cell with = + - @, tab or CR, and shows the hostile text neutralised', async () => {
    for (const operation of exportOperations()) {
      for (const variant of operation.variants) {
        const url = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => params[operation.key]![name]!);
        const res = await as(t.app, reader)({ method: 'GET', url, query: variant });
        const label = `${operation.key} ${JSON.stringify(variant)}`;
        expect(res.statusCode, `${label}: ${res.body.slice(0, 300)}`).toBe(200);
        const contentType = String(res.headers['content-type']);
        expect(
          operation.types.some((type) => contentType.startsWith(type)),
          `${label} sent ${contentType}`,
        ).toBe(true);
        const cells = cellsOf(contentType, res.rawPayload);
        expect(
          cells.filter((cell) => cell.isFormula),
          label,
        ).toEqual([]);
        expect(
          cells.filter((cell) => !cell.isNumber && /^[=+\-@\t\r]/.test(cell.text)).map((cell) => cell.text),
          label,
        ).toEqual([]);
        const seeded = cells.filter((cell) => cell.text.includes(marker));
        expect(seeded.length, `${label} shows none of the hostile text: seed the rows it exports`).toBeGreaterThan(0);
        expect(
          seeded.some((cell) => cell.text.startsWith("'")),
          label,
        ).toBe(true);
      }
    }
  });
});
