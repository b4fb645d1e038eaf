import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { buildTestApp, type TestApp } from '../../../../tests/support/app.js';
import { demoCampaign, unitId } from '../../../../tests/support/movement.js';
import { as, enrolTotp, userWithRoles } from '../../../../tests/support/sessions.js';
import { editLoaded } from '../../../../tests/support/versions.js';
import { barChartPng } from './bar-chart-png.js';

describe('unit registrations and phase review reports', () => {
  let t: TestApp;
  let phaseId: string;
  let officer: Awaited<ReturnType<typeof userWithRoles>>;
  let pm: Awaited<ReturnType<typeof userWithRoles>>;

  beforeAll(async () => {
    t = await buildTestApp();
    phaseId = (await demoCampaign(t)).phases[0]!.id;
    officer = await userWithRoles(t, 'rp-officer@ward.gov.vn', [{ role: 'unit_officer', unitCode: '25747' }]);
    pm = await userWithRoles(t, 'rp-pm@skhcn.gov.vn', [{ role: 'programme_manager', unitCode: 'SKHCN', includesSubtree: true }]);
    await enrolTotp(t, pm.browser);
  }, 120_000);
  afterAll(() => t?.close());

  it('lets a unit officer register their own unit once, and report at the interim review', async () => {
    const request = as(t.app, officer.browser);
    const url = `/api/movement/phases/${phaseId}/registrations`;
    const commitments = [{ text: 'Mỗi năm ít nhất 2 sáng kiến về chuyển đổi số', target: '2 sáng kiến/năm' }];
    const other = await request({ method: 'POST', url, payload: { unitId: await unitId(t, 'SKHCN'), commitments } });
    expect(other.statusCode).toBe(403);
    const created = await request({ method: 'POST', url, payload: { unitId: await unitId(t, '25747'), commitments } });
    expect(created.statusCode, created.body).toBe(201);
    expect((await request({ method: 'POST', url, payload: { unitId: await unitId(t, '25747'), commitments } })).statusCode).toBe(409);
    const report = await editLoaded(
      request,
      `/api/movement/registrations/${created.json().id}/report`,
      { review: 'interim', report: 'Đã có 3 sáng kiến được công nhận.' },
      'PUT',
    );
    expect(report.json().interimReport).toBe('Đã có 3 sáng kiến được công nhận.');
    const list = await as(t.app, pm.browser)({ method: 'GET', url });
    expect(list.json().registrations).toHaveLength(1);
  });

  it('counts the phase by field, unit and state with its top initiatives and awards', async () => {
    const res = await as(t.app, pm.browser)({ method: 'GET', url: `/api/movement/phases/${phaseId}/report` });
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report.phase.review).toBe('interim');
    expect(report.byState.find((s: { key: string }) => s.key === 'recognised').count).toBe(4);
    expect(report.byField.find((s: { key: string }) => s.key === 'yte').count).toBe(3);
    expect(report.top[0].title).toBe('Tiếp nhận hồ sơ hành chính qua mã QR tại bộ phận một cửa phường');
    expect(report.replications).toBe(3);
    expect(report.registrations).toBe(1);
    expect(report.awards.map((a: { count: number }) => a.count).reduce((x: number, y: number) => x + y, 0)).toBe(3);
    expect((await as(t.app, officer.browser)({ method: 'GET', url: `/api/movement/phases/${phaseId}/report` })).statusCode).toBe(403);
  });

  it('exports the review as DOCX (read by mammoth) and XLSX (read by SheetJS), each with its chart', async () => {
    const docx = await as(t.app, pm.browser)({ method: 'GET', url: `/api/movement/phases/${phaseId}/report.docx` });
    expect(docx.statusCode).toBe(200);
    const text = (await mammoth.extractRawText({ buffer: docx.rawPayload })).value;
    // An official report (Decree 30/2020/NĐ-CP): national heading, type, summary, dates written out, no raw codes.
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('Sơ kết Giai đoạn 1 (2026–2028)');
    expect(text).toMatch(/Thành phố Hồ Chí Minh, ngày \d{2} tháng \d{1,2} năm \d{4}/);
    expect(text).toMatch(/Giai đoạn từ ngày \d{2}\/\d{2}\/\d{4} đến ngày \d{2}\/\d{2}\/\d{4}/);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(text).toContain('Được công nhận');
    expect(text).toContain('Y tế');
    expect(text).not.toMatch(/^yte$/m);
    expect(text).toContain('Nơi nhận:');
    const html = (await mammoth.convertToHtml({ buffer: docx.rawPayload })).value;
    expect(html).toMatch(/<img [^>]*src="data:image\/png;base64,/);

    const xlsx = await as(t.app, pm.browser)({ method: 'GET', url: `/api/movement/phases/${phaseId}/report.xlsx` });
    expect(xlsx.statusCode).toBe(200);
    const book = XLSX.read(xlsx.rawPayload, { type: 'buffer', bookFiles: true });
    expect(book.SheetNames).toEqual(['Tong hop', 'Linh vuc', 'Don vi', 'Tieu bieu', 'Khen thuong']);
    const summary = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets['Tong hop']!, { header: 1 });
    expect(summary).toContainEqual(['Được công nhận', 4]);
    const files = (book as unknown as { files: Record<string, unknown> }).files;
    expect(Object.keys(files).some((name) => /^xl\/media\/image\d+\.png$/.test(name))).toBe(true);
  });

  it('draws a valid PNG', () => {
    const png = barChartPng([3, 1, 2], { width: 60, height: 40 });
    expect(png.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
    expect(png.readUInt32BE(16)).toBe(60);
    expect(png.readUInt32BE(20)).toBe(40);
  });
});
