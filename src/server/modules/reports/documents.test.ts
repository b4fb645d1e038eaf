import { eq } from 'drizzle-orm';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { buildTestApp, type TestApp } from '../../../../tests/support/app.js';
import { as, enrolTotp, userWithRoles, type Browser } from '../../../../tests/support/sessions.js';
import { editLoaded } from '../../../../tests/support/versions.js';
import { units } from '../identity/schema.js';

/**
 * Every document the reports module issues, opened with readers that share no code with the writer:
 * mammoth and the raw XML (JSZip) for DOCX, SheetJS for the XLSX annex, PDF.js for the PDF.
 */
let t: TestApp;
let manager: Browser;
let officer: Browser;
let leader: Browser;
let unitReportId: string;
let compiledId: string;

beforeAll(async () => {
  t = await buildTestApp();
  const unitId = async (code: string) =>
    (await t.testDb.database.db.select({ id: units.id }).from(units).where(eq(units.code, code)))[0]!.id;
  manager = (await userWithRoles(t, 'van-thu@skhcn.gov.vn', [{ role: 'programme_manager', unitCode: 'SKHCN', includesSubtree: true }]))
    .browser;
  await enrolTotp(t, manager);
  officer = (await userWithRoles(t, 'van-thu@syt.gov.vn', [{ role: 'unit_officer', unitCode: 'SYT' }])).browser;
  leader = (await userWithRoles(t, 'lanh-dao@hcm.gov.vn', [{ role: 'leader', unitCode: '79', includesSubtree: true }])).browser;
  const regime = await as(
    t.app,
    manager,
  )({
    method: 'POST',
    url: '/api/reports/regimes',
    payload: {
      code: 'BC-VAN-BAN',
      name: { vi: 'Tình hình thực hiện chuyển đổi số', en: 'Progress of digital transformation' },
      periodKind: 'quarter',
      issuerUnitId: await unitId('SKHCN'),
      unitIds: [await unitId('SYT')],
    },
  });
  const period = await as(
    t.app,
    manager,
  )({ method: 'POST', url: `/api/reports/regimes/${regime.json().id}/periods`, payload: { label: '2026-Q1' } });
  const board = await as(t.app, manager)({ method: 'GET', url: `/api/reports/periods/${period.json().id}/board` });
  unitReportId = board.json().rows[0].id;
  await editLoaded(as(t.app, officer), `/api/reports/unit-reports/${unitReportId}`, {
    sections: { results: 'Triển khai bệnh án điện tử tại 20 bệnh viện.\n\nKết nối dữ liệu với 8 sở, ngành.' },
  });
  await as(t.app, officer)({ method: 'POST', url: `/api/reports/unit-reports/${unitReportId}/send`, payload: {} });
  const submitted = await as(
    t.app,
    leader,
  )({
    method: 'POST',
    url: `/api/reports/unit-reports/${unitReportId}/submit`,
    payload: { documentNumber: '07/BC-SYT' },
  });
  expect(submitted.statusCode, submitted.body).toBe(200);
  const compiled = await as(t.app, manager)({ method: 'POST', url: `/api/reports/periods/${period.json().id}/compiled` });
  compiledId = compiled.json().id;
  await as(t.app, leader)({ method: 'POST', url: `/api/reports/compiled/${compiledId}/approve`, payload: {} });
  const issued = await as(
    t.app,
    leader,
  )({
    method: 'POST',
    url: `/api/reports/compiled/${compiledId}/issue`,
    payload: { documentNumber: '05/BC-SKHCN', issuedOn: '2026-03-05' },
  });
  expect(issued.statusCode, issued.body).toBe(200);
});
afterAll(() => t.close());

const download = async (url: string) => {
  const res = await as(t.app, manager)({ method: 'GET', url });
  expect(res.statusCode, res.body).toBe(200);
  return res.rawPayload;
};

async function pdfText(bytes: Buffer): Promise<{ pages: string[]; topLines: string[][]; fonts: string }> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
  const pages: string[] = [];
  const topLines: string[][] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const height = page.getViewport({ scale: 1 }).height;
    const items = (await page.getTextContent()).items.flatMap((item) => ('str' in item ? [item] : []));
    // Lines wrap inside narrow columns; what a reader sees is the words, whatever the breaks.
    pages.push(
      items
        .map((item) => item.str)
        .join(' ')
        .replace(/\s+/g, ' '),
    );
    // Text in the top margin (20 mm): where the page number goes.
    topLines.push(items.filter((item) => item.transform[5] > height - 57 && item.str.trim()).map((item) => item.str.trim()));
  }
  return { pages, topLines, fonts: bytes.toString('latin1') };
}

// What a Vietnamese document must never show: an ISO date, an English status, a code of the data model.
const forbidden = [
  /\b\d{4}-\d{2}-\d{2}\b/,
  /\b20\d\d-Q[1-4]\b/,
  /\b(draft|submitted|accepted|in_progress|completed_on_time|on_track|off_track|no_data|null|undefined)\b/,
];

const documents = [
  {
    name: 'the unit report',
    url: () => `/api/reports/unit-reports/${unitReportId}`,
    issuer: 'SỞ Y TẾ',
    number: 'Số: 07/BC-SYT',
    signature: ['GIÁM ĐỐC'],
  },
  {
    name: 'the compiled report',
    url: () => `/api/reports/compiled/${compiledId}`,
    issuer: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
    number: 'Số: 05/BC-SKHCN',
    signature: ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'],
  },
];

describe.each(documents)('$name as issued', ({ url, issuer, number, signature }) => {
  it('is a DOCX laid out as Decree 30/2020/NĐ-CP asks: A4, margins, Times New Roman, heading, number, date, signature, recipients', async () => {
    const bytes = await download(`${url()}/document.docx`);
    const zip = await JSZip.loadAsync(bytes);
    const documentXml = await zip.file('word/document.xml')!.async('string');
    const styles = await zip.file('word/styles.xml')!.async('string');
    expect(documentXml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(documentXml).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
    expect(styles).toMatch(/<w:rFonts w:ascii="Times New Roman"/);
    expect(documentXml).toContain('<w:titlePg/>');
    const { value: text } = await mammoth.extractRawText({ buffer: bytes });
    const order = [
      'ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH',
      issuer,
      number,
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Thành phố Hồ Chí Minh, ngày 0',
      'BÁO CÁO',
      'Tình hình thực hiện chuyển đổi số quý I năm 2026',
      'Nơi nhận:',
      '- Lưu: VT.',
      ...signature,
    ];
    const positions = order.map((line) => text.indexOf(line));
    expect(
      positions.every((p) => p >= 0),
      JSON.stringify(order.filter((_, i) => positions[i]! < 0)),
    ).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    for (const pattern of forbidden) expect(text, String(pattern)).not.toMatch(pattern);
  });

  it('is a PDF of the same document: its text holds the national heading, the number and the date line, in an embedded Vietnamese font', async () => {
    const bytes = await download(`${url()}/document.pdf`);
    const { pages, fonts } = await pdfText(bytes);
    const all = pages.join('\n');
    for (const line of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      number,
      issuer,
      'BÁO CÁO',
      'Nơi nhận:',
      ...signature,
    ])
      expect(all).toContain(line);
    expect(all).toMatch(/Thành phố Hồ Chí Minh, ngày 0\d tháng 3 năm 2026/);
    expect(fonts).toMatch(/\/FontName \/[A-Z]{6}\+Tinos/);
    for (const pattern of forbidden) expect(all, String(pattern)).not.toMatch(pattern);
  });

  it('has an XLSX annex that SheetJS reads back: Vietnamese headers, numbers kept as numbers', async () => {
    const workbook = XLSX.read(await download(`${url()}/annex.xlsx`));
    expect(workbook.SheetNames.length).toBeGreaterThan(1);
    const first = XLSX.utils.sheet_to_json<Record<string, unknown>>(workbook.Sheets[workbook.SheetNames[0]!]!);
    expect(first.length).toBeGreaterThan(0);
    const headers = Object.keys(first[0]!);
    expect(headers.some((h) => /Nhiệm vụ|Nhóm nhiệm vụ|Mã/.test(h))).toBe(true);
    const numbers = first.flatMap((row) => Object.values(row)).filter((v) => typeof v === 'number');
    expect(numbers.length).toBeGreaterThan(0);
  });
});

it('dates the issued compiled report on its day of issue, with the leading zero the decree asks for', async () => {
  const { value } = await mammoth.extractRawText({ buffer: await download(`/api/reports/compiled/${compiledId}/document.docx`) });
  expect(value).toContain('Thành phố Hồ Chí Minh, ngày 05 tháng 3 năm 2026');
  expect(value).toContain('Thời gian chốt số liệu: từ ngày 15/12/2025 đến ngày 14/03/2026.');
  expect(value).toContain('Sở Y tế: Triển khai bệnh án điện tử tại 20 bệnh viện.');
});

it('numbers the pages of a long PDF from the second page on, centred at the top', async () => {
  const { pages, topLines } = await pdfText(await download(`/api/reports/compiled/${compiledId}/document.pdf`));
  expect(pages.length).toBeGreaterThan(1);
  expect(topLines).toEqual(pages.map((_, index) => (index === 0 ? [] : [String(index + 1)])));
});
