import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../tests/support/app.js';
import { datasetForm, publishedDataset, unitId } from '../../../../tests/support/opendata.js';
import { as, enrolTotp, userWithRoles, type Browser } from '../../../../tests/support/sessions.js';
import { multipartFile, pngBytes } from '../../../../tests/support/uploads.js';
import { editLoaded } from '../../../../tests/support/versions.js';
import { auditEvents } from '../../db/platform-schema.js';
import { units } from '../identity/schema.js';

let t: TestApp;
let officer: Browser;
let wardOfficer: Browser;
let manager: Browser;
let skhcn: string;
let ward: string;

const stations = [
  'ten,quan,cong_suat_kw,ngay_lap',
  'Trạm sạc Bến Thành,Quận 1,150,2025-03-01',
  'Trạm sạc Thủ Đức,Thủ Đức,60,2025-05-20',
  'Trạm sạc Chợ Lớn,Quận 5,120,2025-07-14',
  'Trạm sạc Nhà Bè,Nhà Bè,60,2025-09-30',
].join('\n');

beforeAll(async () => {
  t = await buildTestApp();
  skhcn = await unitId(t, 'SKHCN');
  ward = await unitId(t, '25747');
  officer = (await userWithRoles(t, 'du-lieu@skhcn.gov.vn', [{ role: 'unit_officer', unitCode: 'SKHCN' }])).browser;
  wardOfficer = (await userWithRoles(t, 'du-lieu@phuong.gov.vn', [{ role: 'unit_officer', unitCode: '25747' }])).browser;
  manager = (
    await userWithRoles(t, 'quan-ly-du-lieu@skhcn.gov.vn', [{ role: 'programme_manager', unitCode: 'SKHCN', includesSubtree: true }])
  ).browser;
  await enrolTotp(t, manager);
});
afterAll(() => t.close());

const ckan = (url: string, browser: Browser | null = null, headers: Record<string, string> = {}) =>
  as(t.app, browser)({ method: 'GET', url, headers });

describe('drafting, proposing and publishing a dataset', () => {
  it('refuses an anonymous caller (401), a bad form (400), another unit (403); an officer drafts for their unit and it is audited', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/opendata/datasets', payload: datasetForm(skhcn, 'x') })).statusCode).toBe(401);
    const bad = await as(t.app, officer)({ method: 'POST', url: '/api/opendata/datasets', payload: { ...datasetForm(skhcn, 'Có Dấu') } });
    expect(bad.statusCode).toBe(400);
    const otherUnit = await as(
      t.app,
      wardOfficer,
    )({ method: 'POST', url: '/api/opendata/datasets', payload: datasetForm(skhcn, 'cua-so-khac') });
    expect(otherUnit.statusCode).toBe(403);
    const created = await as(
      t.app,
      officer,
    )({ method: 'POST', url: '/api/opendata/datasets', payload: datasetForm(skhcn, 'tram-sac-nhap') });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ name: 'tram-sac-nhap', state: 'draft', accessLevel: 'open' });
    const audit = await t.testDb.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'dataset'), eq(auditEvents.entityId, created.json().id)));
    expect(audit.map((a) => a.action)).toEqual(['opendata.dataset.create']);
    // A second dataset of the same name is a conflict, not a server error.
    expect(
      (await as(t.app, officer)({ method: 'POST', url: '/api/opendata/datasets', payload: datasetForm(skhcn, 'tram-sac-nhap') }))
        .statusCode,
    ).toBe(409);
  });

  it('gives its editors the form as it stands, which PUT takes back unchanged; an officer of another unit cannot read it', async () => {
    const submitted = datasetForm(skhcn, 'bieu-mau', { themes: ['y-te'], licenceId: 'CC-BY-SA-4.0', temporalEnd: null });
    const id: string = (await as(t.app, officer)({ method: 'POST', url: '/api/opendata/datasets', payload: submitted })).json().id;
    const read = await as(t.app, officer)({ method: 'GET', url: `/api/opendata/datasets/${id}` });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual({ id, state: 'draft', form: submitted });
    const saved = await as(
      t.app,
      officer,
    )({
      method: 'PUT',
      url: `/api/opendata/datasets/${id}`,
      payload: read.json().form,
      headers: { 'if-match': read.headers.etag as string },
    });
    expect(saved.statusCode).toBe(200);
    expect((await as(t.app, officer)({ method: 'GET', url: `/api/opendata/datasets/${id}` })).json().form).toEqual(submitted);
    expect((await as(t.app, wardOfficer)({ method: 'GET', url: `/api/opendata/datasets/${id}` })).statusCode).toBe(404);
  });

  it('gives open data CC BY 4.0 unless told otherwise, and refuses a licence outside the list', async () => {
    const res = await as(
      t.app,
      officer,
    )({ method: 'POST', url: '/api/opendata/datasets', payload: datasetForm(skhcn, 'giay-phep-mac-dinh') });
    const show = await ckan('/api/3/action/package_show?id=giay-phep-mac-dinh', officer);
    expect(res.statusCode).toBe(201);
    expect(show.json().result.license_id).toBe('CC-BY-4.0');
    const unknown = await as(
      t.app,
      officer,
    )({ method: 'POST', url: '/api/opendata/datasets', payload: datasetForm(skhcn, 'giay-phep-la', { licenceId: 'wtfpl' }) });
    expect(unknown.statusCode).toBe(400);
  });

  it('lets only a programme manager publish; the history lists every step', async () => {
    const id: string = (
      await as(t.app, officer)({ method: 'POST', url: '/api/opendata/datasets', payload: datasetForm(skhcn, 'quy-trinh') })
    ).json().id;
    expect((await as(t.app, officer)({ method: 'POST', url: `/api/opendata/datasets/${id}/publish` })).statusCode).toBe(403);
    // Another unit's draft does not exist for its officers.
    expect((await as(t.app, wardOfficer)({ method: 'POST', url: `/api/opendata/datasets/${id}/propose` })).statusCode).toBe(404);
    expect((await as(t.app, officer)({ method: 'POST', url: `/api/opendata/datasets/${id}/propose` })).json().state).toBe('proposed');
    // Proposed: no longer the officer's to edit.
    expect((await editLoaded(as(t.app, officer), `/api/opendata/datasets/${id}`, datasetForm(skhcn, 'quy-trinh'), 'PUT')).statusCode).toBe(
      409,
    );
    expect((await ckan(`/api/3/action/package_show?id=${id}`)).statusCode).toBe(404);
    expect((await as(t.app, manager)({ method: 'POST', url: `/api/opendata/datasets/${id}/publish` })).json().state).toBe('published');
    expect((await ckan(`/api/3/action/package_show?id=${id}`)).statusCode).toBe(200);
    const history = await ckan(`/api/opendata/datasets/${id}/history`);
    expect(history.json().map((h: { action: string }) => h.action)).toEqual([
      'opendata.dataset.create',
      'opendata.dataset.propose',
      'opendata.dataset.publish',
    ]);
  });
});

describe('resources and the datastore', () => {
  let resourceId: string;
  beforeAll(async () => {
    const id = await publishedDataset(t, officer, manager, datasetForm(skhcn, 'tram-sac'), {
      name: 'tram-sac.csv',
      bytes: Buffer.from(stations),
      multipart: multipartFile,
    });
    resourceId = (await ckan(`/api/3/action/package_show?id=${id}`)).json().result.resources[0].id;
  });

  it('refuses a file whose content is not one of the accepted types, whatever its name', async () => {
    const id: string = (
      await as(t.app, officer)({ method: 'POST', url: '/api/opendata/datasets', payload: datasetForm(skhcn, 'anh-gia') })
    ).json().id;
    const res = await as(
      t.app,
      officer,
    )({ method: 'POST', url: `/api/opendata/datasets/${id}/files`, ...multipartFile('du-lieu.csv', pngBytes) });
    expect(res.statusCode).toBe(415);
    const geo = await as(
      t.app,
      officer,
    )({
      method: 'POST',
      url: `/api/opendata/datasets/${id}/files`,
      ...multipartFile('ranh-gioi.json', Buffer.from('{"type":"FeatureCollection","features":[]}')),
    });
    expect(geo.statusCode).toBe(201);
    expect(geo.json()).toMatchObject({ format: 'GeoJSON', isDatastoreActive: false });
  });

  it('loads a CSV into a typed table with a data dictionary', async () => {
    const res = await ckan(`/api/3/action/datastore_search?resource_id=${resourceId}`);
    expect(res.statusCode).toBe(200);
    const result = res.json().result;
    expect(result.fields).toEqual([
      { id: '_id', type: 'int' },
      { id: 'ten', type: 'text' },
      { id: 'quan', type: 'text' },
      { id: 'cong_suat_kw', type: 'numeric' },
      { id: 'ngay_lap', type: 'date' },
    ]);
    expect(result.total).toBe(4);
    expect(result.records[0]).toEqual({ _id: 1, ten: 'Trạm sạc Bến Thành', quan: 'Quận 1', cong_suat_kw: 150, ngay_lap: '2025-03-01' });
  });

  it('answers q without diacritics, filters, fields, sort, limit/offset, distinct and include_total as CKAN does', async () => {
    const search = async (query: string) => (await ckan(`/api/3/action/datastore_search?resource_id=${resourceId}&${query}`)).json().result;
    expect((await search('q=thu%20duc')).records.map((r: { ten: string }) => r.ten)).toEqual(['Trạm sạc Thủ Đức']);
    const filtered = await search(
      `filters=${encodeURIComponent(JSON.stringify({ cong_suat_kw: 60 }))}&sort=${encodeURIComponent('ten desc')}`,
    );
    expect(filtered.records.map((r: { ten: string }) => r.ten)).toEqual(['Trạm sạc Thủ Đức', 'Trạm sạc Nhà Bè']);
    expect(filtered.total).toBe(2);
    const page = await search('sort=cong_suat_kw%20desc,ten&limit=1&offset=1&fields=ten,cong_suat_kw&include_total=false');
    expect(page.records).toEqual([{ ten: 'Trạm sạc Chợ Lớn', cong_suat_kw: 120 }]);
    expect(page).not.toHaveProperty('total');
    const distinct = await search('fields=cong_suat_kw&distinct=true&sort=cong_suat_kw');
    expect(distinct.records).toEqual([{ cong_suat_kw: 60 }, { cong_suat_kw: 120 }, { cong_suat_kw: 150 }]);
  });

  it('names an unknown field in a Validation Error (409) and an unknown resource in a Not Found Error (404)', async () => {
    const res = await ckan(`/api/3/action/datastore_search?resource_id=${resourceId}&filters=${encodeURIComponent('{"khong_co":1}')}`);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ success: false, error: { __type: 'Validation Error', filters: ['field "khong_co" not in table'] } });
    // A value that is not of the column's type matches nothing; it is not an error of the server.
    const notANumber = await ckan(
      `/api/3/action/datastore_search?resource_id=${resourceId}&filters=${encodeURIComponent('{"cong_suat_kw":"abc","ngay_lap":"hôm qua"}')}`,
    );
    expect(notANumber.statusCode).toBe(200);
    expect(notANumber.json().result.total).toBe(0);
    const missing = await ckan('/api/3/action/datastore_search?resource_id=00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.__type).toBe('Not Found Error');
  });

  it('keeps a live resource of the units current: a renamed unit shows on the next read', async () => {
    const id: string = (
      await as(t.app, manager)({ method: 'POST', url: '/api/opendata/datasets', payload: datasetForm(skhcn, 'don-vi-truc-tiep') })
    ).json().id;
    const live = await as(
      t.app,
      manager,
    )({
      method: 'POST',
      url: `/api/opendata/datasets/${id}/resources`,
      payload: { kind: 'live', name: { vi: 'Đơn vị', en: 'Units' }, liveSource: 'units' },
    });
    expect(live.statusCode).toBe(201);
    await as(t.app, manager)({ method: 'POST', url: `/api/opendata/datasets/${id}/publish` });
    const read = async () =>
      (await ckan(`/api/3/action/datastore_search?resource_id=${live.json().id}&filters=${encodeURIComponent('{"ma":"SKHCN"}')}`)).json()
        .result.records[0].ten;
    const before: string = await read();
    await t.testDb.database.db
      .update(units)
      .set({ nameVi: `${before} (mới)` })
      .where(eq(units.code, 'SKHCN'));
    expect(await read()).toBe(`${before} (mới)`);
  });
});

describe('access levels through the CKAN API', () => {
  let sharedId: string;
  let privateId: string;
  beforeAll(async () => {
    sharedId = await publishedDataset(
      t,
      officer,
      manager,
      datasetForm(skhcn, 'dung-chung-phuong', { accessLevel: 'shared', sharedWithUnitIds: [ward] }),
    );
    privateId = await publishedDataset(t, officer, manager, datasetForm(skhcn, 'rieng-so', { accessLevel: 'private' }));
  });

  it('hides shared and private datasets from anonymous callers (404), shows them to the named units and the publisher', async () => {
    expect((await ckan(`/api/3/action/package_show?id=${sharedId}`)).statusCode).toBe(404);
    expect((await ckan(`/api/3/action/package_show?id=${sharedId}`, wardOfficer)).statusCode).toBe(200);
    expect((await ckan(`/api/3/action/package_show?id=${privateId}`, wardOfficer)).statusCode).toBe(404);
    expect((await ckan(`/api/3/action/package_show?id=${privateId}`, officer)).json().result.private).toBe(true);
  });

  it('reaches shared datasets with an API token sent as CKAN clients send it (the bare token) and as a Bearer token', async () => {
    const created = await as(
      t.app,
      wardOfficer,
    )({ method: 'POST', url: '/api/account/tokens', payload: { name: 'ckanapi', scopes: ['read'] } });
    const token: string = created.json().token;
    expect((await ckan(`/api/3/action/package_show?id=${sharedId}`, null, { authorization: token })).statusCode).toBe(200);
    expect((await ckan(`/api/3/action/package_show?id=${sharedId}`, null, { authorization: `Bearer ${token}` })).statusCode).toBe(200);
    const search = await ckan('/api/3/action/package_search?include_private=true&fq=access_level:shared&rows=1000', null, {
      authorization: token,
    });
    expect(search.json().result.results.map((r: { id: string }) => r.id)).toContain(sharedId);
    const withoutPrivate = await ckan('/api/3/action/package_search?fq=access_level:shared&rows=1000', null, { authorization: token });
    expect(withoutPrivate.json().result.count).toBe(0);
  });
});
