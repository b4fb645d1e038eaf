import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { buildApp } from '../../src/server/app.js';
import { attachments } from '../../src/server/db/platform-schema.js';
import { indicators } from '../../src/server/modules/indicators/schema.js';
import { plans, tasks } from '../../src/server/modules/plans/schema.js';
import { units } from '../../src/server/modules/identity/schema.js';
import { eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../support/app.js';
import { completeDraft, demoCampaign } from '../support/movement.js';
import { datasetForm } from '../support/opendata.js';
import { as, enrolTotp, userWithRoles, type Browser } from '../support/sessions.js';
import { multipartFile, pdfBytes, pngBytes } from '../support/uploads.js';

/**
 * Every upload route, found in the OpenAPI document (a multipart request body), gets the same
 * hostile uploads. A route added later fails here until it has a way in below.
 */
type UploadOperation = { key: string; url: string; maxBytes: number; accept: string[]; returnsFileName: boolean };

const ceilingBytes = 256 * 1024;
let t: TestApp;
let ways: Record<string, { caller: Browser; params: Record<string, string> }>;

beforeAll(async () => {
  // A small ceiling caps every route's own limit, so "one byte too many" is a quick request.
  t = await buildTestApp({ env: { UPLOAD_MAX_BYTES: String(ceilingBytes) } });
  const db = t.testDb.database.db;
  const admin = (await userWithRoles(t, 'admin-upload@hcm.gov.vn', [{ role: 'administrator', unitCode: '79', includesSubtree: true }]))
    .browser;
  await enrolTotp(t, admin);
  const [task] = await db
    .select({ id: tasks.id, unitCode: units.code })
    .from(tasks)
    .innerJoin(units, eq(units.id, tasks.leadUnitId))
    .limit(1);
  const leadOfficer = (await userWithRoles(t, 'lead-upload@hcm.gov.vn', [{ role: 'unit_officer', unitCode: task!.unitCode }])).browser;
  const [plan] = await db.select({ id: plans.id }).from(plans).limit(1);
  const [indicator] = await db
    .select({ id: indicators.id, unitCode: units.code })
    .from(indicators)
    .innerJoin(units, eq(units.id, indicators.responsibleUnitId))
    .limit(1);
  const reporter = (await userWithRoles(t, 'reporter-upload@hcm.gov.vn', [{ role: 'unit_officer', unitCode: indicator!.unitCode }]))
    .browser;
  const author = (await userWithRoles(t, 'author-upload@example.vn', [{ role: 'registered_user', unitCode: '79' }])).browser;
  const draft = await as(
    t.app,
    author,
  )({ method: 'POST', url: '/api/movement/initiatives', payload: completeDraft((await demoCampaign(t)).id) });
  expect(draft.statusCode, draft.body).toBe(201);
  const profile = await as(
    t.app,
    author,
  )({ method: 'POST', url: '/api/ecosystem/organisations', payload: { kind: 'startup', nameVi: 'Khởi nghiệp Tải Tệp' } });
  expect(profile.statusCode, profile.body).toBe(201);
  const [skhcn] = await db.select({ id: units.id }).from(units).where(eq(units.code, 'SKHCN'));
  const dataOfficer = (await userWithRoles(t, 'opendata-upload@skhcn.gov.vn', [{ role: 'unit_officer', unitCode: 'SKHCN' }])).browser;
  const dataset = await as(
    t.app,
    dataOfficer,
  )({ method: 'POST', url: '/api/opendata/datasets', payload: datasetForm(skhcn!.id, 'tai-len') });
  expect(dataset.statusCode, dataset.body).toBe(201);
  // The demo's quarterly report of this ward is still a draft.
  const wardOfficer = (await userWithRoles(t, 'report-upload@thudaumot.gov.vn', [{ role: 'unit_officer', unitCode: '25747' }])).browser;
  const wardReports = await as(t.app, wardOfficer)({ method: 'GET', url: '/api/reports/unit-reports' });
  const wardDraft = (wardReports.json() as Array<{ id: string; state: string }>).find((r) => r.state === 'draft')!;
  const nomination = await as(
    t.app,
    dataOfficer,
  )({
    method: 'POST',
    url: '/api/commendation/nominations',
    payload: {
      unitId: skhcn!.id,
      titleCode: 'LDTT',
      level: 'unit',
      year: 2025,
      subject: 'individual',
      nomineeName: 'Nguyễn Văn Tệp',
      nomineeUnitId: skhcn!.id,
    },
  });
  expect(nomination.statusCode, nomination.body).toBe(201);
  ways = {
    'POST /api/reports/unit-reports/{id}/attachments': { caller: wardOfficer, params: { id: wardDraft.id } },
    'POST /api/commendation/nominations/{id}/attachments': { caller: dataOfficer, params: { id: nomination.json().id } },
    'POST /api/opendata/datasets/{id}/files': { caller: dataOfficer, params: { id: dataset.json().id } },
    'POST /api/plans/{planId}/import': { caller: admin, params: { planId: plan!.id } },
    'POST /api/plans/tasks/{taskId}/attachments': { caller: leadOfficer, params: { taskId: task!.id } },
    'POST /api/indicators/import': { caller: reporter, params: {} },
    'POST /api/indicators/{id}/attachments': { caller: reporter, params: { id: indicator!.id } },
    'POST /api/movement/initiatives/{id}/attachments': { caller: author, params: { id: draft.json().id } },
    'POST /api/ecosystem/organisations/{id}/files': { caller: author, params: { id: profile.json().id } },
    'POST /api/ecosystem/organisations/import': { caller: admin, params: {} },
  };
});
afterAll(() => t?.close());

function uploadOperations(): UploadOperation[] {
  const document = t.app.swagger() as unknown as { paths: Record<string, Record<string, Record<string, unknown>>> };
  const found: UploadOperation[] = [];
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const body = operation.requestBody as { content?: Record<string, unknown> } | undefined;
      if (!body?.content?.['multipart/form-data']) continue;
      const upload = operation['x-upload'] as { maxBytes: number; accept: string[] };
      const created = (operation.responses as Record<string, { content?: Record<string, { schema?: { properties?: object } }> }>)['201'];
      found.push({
        key: `${method.toUpperCase()} ${path}`,
        url: path,
        maxBytes: upload.maxBytes,
        accept: upload.accept,
        returnsFileName: Boolean(
          created?.content?.['application/json']?.schema?.properties && 'fileName' in created.content['application/json'].schema.properties,
        ),
      });
    }
  }
  return found;
}

const filesRoot = () => join(t.config.dataDir, 'files');
const storedFiles = () =>
  existsSync(filesRoot())
    ? readdirSync(filesRoot(), { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => e.name)
    : [];
const attachmentRows = async () => (await t.testDb.database.db.select({ id: attachments.id }).from(attachments)).length;

function workbook(): Buffer {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['indicator_code', 'period', 'value']]), 'x');
  return Buffer.from(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Uint8Array);
}

/** A file of a type the route accepts, padded to `size` bytes (the type is read from the start). */
function acceptedFile(operation: UploadOperation, size: number): { name: string; bytes: Buffer } {
  const [start, name] = operation.accept.includes('application/pdf')
    ? [pdfBytes, 'lon.pdf']
    : operation.accept.includes('text/csv')
      ? [Buffer.from('a,b\n1,2\n'), 'lon.csv']
      : [workbook(), 'lon.xlsx'];
  return { name, bytes: Buffer.concat([start, Buffer.alloc(Math.max(0, size - start.length), start === pdfBytes ? 0x20 : 0x0a)]) };
}

const send = (operation: UploadOperation, body: { payload: unknown; headers?: Record<string, string> }) => {
  const way = ways[operation.key]!;
  const url = operation.url.replace(/\{(\w+)\}/g, (_, name: string) => way.params[name]!);
  return as(t.app, way.caller)({ method: 'POST', url, ...body } as Parameters<ReturnType<typeof as>>[0]);
};

describe('every upload route', () => {
  it('is found in the OpenAPI document and has a way in here', () => {
    const found = uploadOperations().map((o) => o.key);
    expect(found.sort()).toEqual(Object.keys(ways).sort());
    expect(uploadOperations().every((o) => o.maxBytes === ceilingBytes)).toBe(true);
  });

  it('answers one byte over the limit with 413 in both languages, and keeps neither a file nor a row', async () => {
    for (const operation of uploadOperations()) {
      const filesBefore = storedFiles();
      const rowsBefore = await attachmentRows();
      const { name, bytes } = acceptedFile(operation, operation.maxBytes + 1);
      const res = await send(operation, multipartFile(name, bytes));
      expect(res.statusCode, `${operation.key}: ${res.body}`).toBe(413);
      expect(res.json().error, operation.key).toMatchObject({
        code: 'PAYLOAD_TOO_LARGE',
        message: { vi: 'Tệp vượt quá dung lượng cho phép (256 KB)', en: 'The file is larger than allowed (256 KB)' },
      });
      expect(storedFiles(), operation.key).toEqual(filesBefore);
      expect(await attachmentRows(), operation.key).toBe(rowsBefore);
    }
  });

  it('takes a file of exactly the limit (the check is not off by one)', { timeout: 240_000 }, async () => {
    for (const operation of uploadOperations()) {
      const { name, bytes } = acceptedFile(operation, operation.maxBytes);
      const res = await send(operation, multipartFile(name, bytes));
      expect(res.statusCode, `${operation.key}: ${res.body}`).not.toBe(413);
      expect(res.statusCode, `${operation.key}: ${res.body}`).toBeLessThan(500);
    }
  });

  it('refuses a file name with a NUL character, a control character or a path with 400, naming the rule', async () => {
    for (const operation of uploadOperations()) {
      const { bytes } = acceptedFile(operation, 200);
      const nul = await send(operation, multipartFile('bao-cao\u0000.exe.pdf', bytes));
      expect(nul.statusCode, `${operation.key}: ${nul.body}`).toBe(400);
      expect(nul.json().error.message, operation.key).toEqual({
        vi: 'Tên tệp chứa ký tự NUL (U+0000); hãy đổi tên tệp',
        en: 'The file name contains a NUL character (U+0000); rename the file',
      });
      // The same NUL written the RFC 5987 way, percent-encoded.
      const encoded = await send(operation, multipartFile('', bytes, { disposition: `name="file"; filename*=UTF-8''bao-cao%00.pdf` }));
      expect(encoded.statusCode, `${operation.key}: ${encoded.body}`).toBe(400);
      expect(encoded.json().error.message.en, operation.key).toContain('NUL character (U+0000)');
      const control = await send(operation, multipartFile('bao\u0007cao.pdf', bytes));
      expect(control.json().error.message.en, operation.key).toBe('The file name contains a control character; rename the file');
      for (const path of ['../../etc/passwd.pdf', 'C:\\Users\\an\\bao-cao.pdf']) {
        const res = await send(operation, multipartFile(path, bytes));
        expect(res.statusCode, `${operation.key} ${path}`).toBe(400);
        expect(res.json().error.message.en).toBe('The file name must not contain / or \\ (send the file name only, not a path)');
      }
    }
    expect(storedFiles().filter((name) => name.endsWith('.partial'))).toEqual([]);
  });

  it('answers a multipart body without a boundary with 400, and a body that is not multipart with 415, both in two languages', async () => {
    for (const operation of uploadOperations()) {
      const noBoundary = await send(operation, { payload: '--x\r\n\r\n--x--\r\n', headers: { 'content-type': 'multipart/form-data' } });
      expect(noBoundary.statusCode, `${operation.key}: ${noBoundary.body}`).toBe(400);
      expect(noBoundary.json().error.message.vi).toContain('thiếu tham số boundary');
      expect(noBoundary.json().error.message.en).toContain('lacks a valid boundary parameter');
      const json = await send(operation, { payload: { file: 'x' } });
      expect(json.statusCode, operation.key).toBe(415);
      expect(json.json().error.message).toEqual({
        vi: 'Hãy gửi một tệp trong trường "file" (multipart/form-data)',
        en: 'Send one file in the "file" field (multipart/form-data)',
      });
      const cut = await send(operation, {
        payload: '--b\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4',
        headers: { 'content-type': 'multipart/form-data; boundary=b' },
      });
      expect(cut.statusCode, `${operation.key}: ${cut.body}`).toBeGreaterThanOrEqual(400);
      expect(cut.statusCode, `${operation.key}: ${cut.body}`).toBeLessThan(500);
      const otherField = await send(operation, multipartFile('a.pdf', pdfBytes, { field: 'document' }));
      expect(otherField.statusCode, operation.key).toBe(400);
    }
  });

  it('judges the type by content (415 for an executable named .pdf) and names the stored file after its content', async () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(300, 1)]);
    for (const operation of uploadOperations()) {
      const filesBefore = storedFiles();
      const res = await send(operation, multipartFile('hop-dong.pdf', exe, { contentType: 'application/pdf' }));
      expect(res.statusCode, `${operation.key}: ${res.body}`).toBe(415);
      expect(res.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      expect(storedFiles(), operation.key).toEqual(filesBefore);
      if (!operation.returnsFileName || !operation.accept.includes('image/png')) continue;
      const png = await send(operation, multipartFile('anh-chup.pdf', pngBytes, { contentType: 'application/pdf' }));
      expect(png.statusCode, `${operation.key}: ${png.body}`).toBe(201);
      expect(png.json(), operation.key).toMatchObject({ fileName: 'anh-chup.png', mediaType: 'image/png' });
    }
  });

  it('refuses multipart on a route that takes no file with 415, and a multipart header without a boundary there too with 400', async () => {
    const manager = ways['POST /api/plans/{planId}/import']!.caller;
    const res = await as(t.app, manager)({ method: 'POST', url: '/api/plans', ...multipartFile('a.pdf', pdfBytes) });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.message.en).toBe('This route takes no file (multipart/form-data); send JSON');
    const noBoundary = await as(
      t.app,
      manager,
    )({ method: 'POST', url: '/api/plans', payload: 'x', headers: { 'content-type': 'multipart/form-data' } });
    expect(noBoundary.statusCode).toBe(400);
    expect(noBoundary.json().error.message.en).toContain('lacks a valid boundary parameter');
    const unknown = await as(t.app, manager)({ method: 'POST', url: '/api/no-such-route', ...multipartFile('a.pdf', pdfBytes) });
    expect(unknown.statusCode).toBe(404);
  });
});

describe('starting the app', () => {
  it('removes partial files an interrupted upload left behind, and keeps whole files', async () => {
    const whole = storedFiles().filter((name) => !name.endsWith('.partial'));
    expect(whole.length).toBeGreaterThan(0);
    const dir = join(filesRoot(), 'ab', 'cd');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'abcd1234-0000-4000-8000-000000000000.partial'), 'cut short by kill -9');
    const again = await buildApp({ config: t.config, database: t.testDb.database, clock: t.clock });
    await again.ready();
    await again.close();
    expect(storedFiles().filter((name) => name.endsWith('.partial'))).toEqual([]);
    expect(storedFiles().sort()).toEqual(whole.sort());
  });
});
