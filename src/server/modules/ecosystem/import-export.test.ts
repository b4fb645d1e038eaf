import { parse } from 'csv-parse/sync';
import { and, count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../tests/support/app.js';
import { as, enrolTotp, userWithRoles, type Browser } from '../../../../tests/support/sessions.js';
import { multipartFile } from '../../../../tests/support/uploads.js';
import { auditEvents } from '../../db/platform-schema.js';
import { exportColumns } from './directory-table.js';
import { ecoOrganisations } from './schema.js';

let t: TestApp;
let staff: Browser;
let member: Browser;

beforeAll(async () => {
  t = await buildTestApp();
  member = (await userWithRoles(t, 'thanh-vien@example.vn', [{ role: 'registered_user', unitCode: '79' }])).browser;
  staff = (await userWithRoles(t, 'nhap-lieu@sihub.vn', [{ role: 'programme_manager', unitCode: 'SIHUB' }])).browser;
  await enrolTotp(t, staff);
});
afterAll(() => t.close());

const db = () => t.testDb.database.db;
const csv = (lines: string[]) => Buffer.from(lines.join('\r\n'), 'utf8');
const upload = (browser: Browser | null, fileName: string, bytes: Buffer) =>
  as(t.app, browser)({ method: 'POST', url: '/api/ecosystem/organisations/import', ...multipartFile(fileName, bytes) });
const organisationCount = async () => (await db().select({ n: count() }).from(ecoOrganisations))[0]!.n;
const importAudits = async () =>
  (await db().select({ n: count() }).from(auditEvents).where(eq(auditEvents.action, 'ecosystem.organisation.import')))[0]!.n;

const header = 'kind,name_vi,name_en,fields,stage,ward_code,founded_year,website,contact_email,description_vi';

describe('importing organisations', () => {
  const good = csv([
    header,
    'startup,Công ty Nhập Liệu Thử,Import Test Co.,ai; fintech,seed,26740,2023,https://nhaplieu.vn,lien-he@nhaplieu.vn,Khởi nghiệp thử nhập',
    // Names of the vocabularies, in either language and without diacritics, are read as their codes.
    'Co so uom tao,Vườn Ươm Nhập Liệu,,"Công nghệ sinh học, Agritech",,,2019,,,',
  ]);

  it('refuses an anonymous caller (401) and someone who is not ecosystem staff (403)', async () => {
    expect((await upload(null, 'to-chuc.csv', good)).statusCode).toBe(401);
    expect((await upload(member, 'to-chuc.csv', good)).statusCode).toBe(403);
  });

  it('lists every wrong row with its row number, column and a message in both languages, and writes nothing', async () => {
    const before = await organisationCount();
    const res = await upload(
      staff,
      'to-chuc.csv',
      csv([
        header,
        'startup,Doanh Nghiệp Đúng,,ai,seed,,,,,',
        'tau vu tru,Loại Không Có,,,,,,,,',
        '',
        'startup,X,,,,,,,,',
        'incubator,Vườn Ươm Có Giai Đoạn,,,seed,,,,,',
        'startup,Sai Lĩnh Vực,,"ai, nuôi ong",,,hai nghìn,,thu-sai,',
        'startup,Doanh nghiệp đúng,,,,,,,,',
        'startup,Ward Sai,,,,99999,,,,',
      ]),
    );
    expect(res.statusCode, res.body).toBe(400);
    const error = res.json().error;
    expect(error.code).toBe('VALIDATION');
    expect(error.message.en).toMatch(/^The file has 6 wrong row\(s\); nothing was imported\. Row 3: /);
    expect(error.message.vi).toMatch(/^Tệp có 6 dòng lỗi; chưa nhập dòng nào\. Dòng 3: /);
    const rows = error.details.rows as Array<{ row: number; column: string | null; message: { vi: string; en: string } }>;
    // The blank line 4 is skipped but counted, so row numbers are those a spreadsheet shows.
    expect(rows.map((r) => [r.row, r.column])).toEqual([
      [3, 'kind'],
      [5, 'name_vi'],
      [6, 'stage'],
      [7, 'fields'],
      [7, 'founded_year'],
      [8, 'name_vi'],
      [9, 'ward_code'],
    ]);
    expect(rows[0]!.message).toEqual({
      vi: "Dòng 3: cột kind: không có giá trị 'tau vu tru' trong danh mục",
      en: "Row 3: column kind: 'tau vu tru' is not in the list of values",
    });
    expect(rows[1]!.message.en).toMatch(/^Row 5: Field 'name_vi' /);
    expect(rows[1]!.message.vi).toMatch(/^Dòng 5: Trường 'name_vi' /);
    expect(rows[2]!.message).toEqual({
      vi: 'Dòng 6: Chỉ doanh nghiệp khởi nghiệp mới có giai đoạn',
      en: 'Row 6: Only a startup has a stage',
    });
    expect(rows[3]!.message.en).toBe("Row 7: column fields: 'nuôi ong' is not in the list of values");
    expect(rows[5]!.message.en).toBe("Row 8: 'Doanh nghiệp đúng' repeats row 2");
    expect(await organisationCount()).toBe(before);
    expect(await importAudits()).toBe(0);
  });

  it('refuses a header with an unknown or missing column before reading rows', async () => {
    const unknown = await upload(staff, 'to-chuc.csv', csv(['kind,name_vn', 'startup,Tên']));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message.en).toMatch(/^The header row has unknown column\(s\): name_vn\./);
    const missing = await upload(staff, 'to-chuc.csv', csv(['kind,name_en', 'startup,Name']));
    expect(missing.json().error.message).toEqual({
      vi: 'Dòng tiêu đề thiếu cột: name_vi',
      en: 'The header row lacks the column(s): name_vi',
    });
  });

  it('adds every row of a good CSV in one go: no keeper, not verified, audited, findable without diacritics', async () => {
    const res = await upload(staff, 'to-chuc.csv', good);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().imported).toBe(2);
    const [startup] = await db().select().from(ecoOrganisations).where(eq(ecoOrganisations.slug, 'cong-ty-nhap-lieu-thu'));
    expect(startup).toMatchObject({
      kind: 'startup',
      nameEn: 'Import Test Co.',
      fields: ['ai', 'fintech'],
      stage: 'seed',
      foundedYear: 2023,
      ownerId: null,
      verifiedAt: null,
      contactEmail: 'lien-he@nhaplieu.vn',
    });
    const [incubator] = await db().select().from(ecoOrganisations).where(eq(ecoOrganisations.slug, 'vuon-uom-nhap-lieu'));
    expect(incubator).toMatchObject({ kind: 'incubator', fields: ['biotech', 'agritech'], stage: null });
    expect(await importAudits()).toBe(2);
    const found = await as(t.app, null)({ method: 'GET', url: '/api/ecosystem/organisations?q=vuon%20uom%20nhap%20lieu' });
    expect(found.json().items.map((o: { slug: string }) => o.slug)).toContain('vuon-uom-nhap-lieu');
  });

  it('refuses a second import of the same organisations, naming the profile already there', async () => {
    const res = await upload(staff, 'to-chuc.csv', good);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.rows[0].message.en).toBe(
      "Row 2: 'Công ty Nhập Liệu Thử' is already in the directory (cong-ty-nhap-lieu-thu)",
    );
  });

  it('reads an XLSX workbook the same way, dates and numbers as typed in the cells', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('to-chuc');
    sheet.addRow(['kind', 'name_vi', 'certificate_number', 'certificate_date', 'founded_year']);
    sheet.addRow(['st_enterprise', 'Doanh Nghiệp KH&CN Từ Excel', '123/GCN-KHCN', new Date(Date.UTC(2024, 4, 17)), 2010]);
    const res = await upload(staff, 'to-chuc.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(res.statusCode, res.body).toBe(201);
    const [row] = await db()
      .select()
      .from(ecoOrganisations)
      .where(and(eq(ecoOrganisations.kind, 'st_enterprise'), eq(ecoOrganisations.nameVi, 'Doanh Nghiệp KH&CN Từ Excel')));
    expect(row).toMatchObject({ certificateNumber: '123/GCN-KHCN', certificateDate: '2024-05-17', foundedYear: 2010 });
  });
});

describe('exporting the public directory', () => {
  const get = (query: string) => as(t.app, null)({ method: 'GET', url: `/api/ecosystem/organisations/export?${query}` });

  it('gives the filtered directory as CSV, XLSX and JSON with the same rows, contact details left out', async () => {
    await upload(staff, 'hiem.csv', csv(['kind,name_vi', 'incubator,"=HYPERLINK(""http://x"")"']));
    const json = await get('kind=incubator&format=json');
    expect(json.statusCode).toBe(200);
    const items = json.json().items as Array<Record<string, unknown>>;
    expect(items.length).toBeGreaterThan(1);
    expect(items.every((i) => i.kind === 'incubator')).toBe(true);
    expect(Object.keys(items[0]!)).toEqual([...exportColumns]);
    expect(JSON.stringify(items)).not.toContain('contact');

    const csvRes = await get('kind=incubator&format=csv');
    expect(csvRes.headers['content-type']).toBe('text/csv; charset=utf-8');
    const records = parse(csvRes.rawPayload, { bom: true }) as string[][];
    expect(records[0]).toEqual([...exportColumns]);
    expect(records.slice(1).map((r) => r[0])).toEqual(items.map((i) => i.slug));
    const nameColumn = exportColumns.indexOf('name_vi');
    // A name a spreadsheet would run as a formula is written as text.
    expect(records.map((r) => r[nameColumn])).toContain(`'=HYPERLINK("http://x")`);
    const fieldsColumn = exportColumns.indexOf('fields');
    expect(records.find((r) => r[0] === 'vuon-uom-nhap-lieu')![fieldsColumn]).toBe('biotech; agritech');

    const xlsxRes = await get('kind=incubator&format=xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsxRes.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const slugs: string[] = [];
    sheet.eachRow((row, n) => n > 1 && slugs.push(String(row.getCell(1).value)));
    expect(sheet.getRow(1).getCell(2).value).toBe('kind');
    expect(slugs).toEqual(items.map((i) => i.slug));
  });

  it('follows the directory search: a text query without diacritics', async () => {
    const res = await get('q=import%20test%20co&format=json');
    expect(res.json().items.map((i: { slug: string }) => i.slug)).toEqual(['cong-ty-nhap-lieu-thu']);
    expect(res.json().items[0]).toMatchObject({ ward_code: '26740', fields: ['ai', 'fintech'], verified_at: null });
  });

  it('imports its own export back as the same organisations (refused as already there), its extra columns accepted', async () => {
    const res = await get('q=import%20test%20co&format=csv');
    const again = await upload(staff, 'xuat.csv', res.rawPayload);
    expect(again.statusCode).toBe(400);
    expect(again.json().error.details.rows).toEqual([
      expect.objectContaining({
        row: 2,
        column: 'name_vi',
        message: expect.objectContaining({ en: expect.stringContaining('already in the directory') }),
      }),
    ]);
  });
});
