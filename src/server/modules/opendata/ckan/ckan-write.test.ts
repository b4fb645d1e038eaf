import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../tests/support/app.js';
import { unitId } from '../../../../../tests/support/opendata.js';
import { as, userWithRoles } from '../../../../../tests/support/sessions.js';

let t: TestApp;
let officerToken: string;
let otherUnitToken: string;
let skhcn: string;
beforeAll(async () => {
  t = await buildTestApp();
  skhcn = await unitId(t, 'SKHCN');
  const token = async (email: string, unitCode: string) => {
    const { browser } = await userWithRoles(t, email, [{ role: 'unit_officer', unitCode }]);
    const res = await as(
      t.app,
      browser,
    )({ method: 'POST', url: '/api/account/tokens', payload: { name: 'ckanapi', scopes: ['read', 'write'] } });
    return res.json().token as string;
  };
  officerToken = await token('ckan-ghi@skhcn.gov.vn', 'SKHCN');
  otherUnitToken = await token('ckan-ghi@syt.gov.vn', 'SYT');
});
afterAll(() => t.close());

/** A call as CKAN clients make it: POST with a JSON body, the bare token in Authorization. */
const call = async (action: string, body: Record<string, unknown>, token: string | null = officerToken) => {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/3/action/${action}`,
    payload: body,
    headers: token ? { authorization: token } : {},
  });
  return { status: res.statusCode, body: res.json() };
};

const newPackage = (name: string) => ({
  name,
  title: 'Bãi đỗ xe công cộng',
  notes: 'Vị trí và sức chứa các bãi đỗ xe.',
  owner_org: 'skhcn',
  maintainer: 'Phòng Dữ liệu',
  maintainer_email: 'du-lieu@skhcn.gov.vn',
  tags: [{ name: 'giao thông' }, { name: 'đỗ xe' }],
  groups: [{ name: 'giao-thong' }],
  extras: [
    { key: 'frequency', value: 'MONTHLY' },
    { key: 'spatial_text', value: 'Thành phố Hồ Chí Minh' },
  ],
});

describe('CKAN write actions', () => {
  it('package_create drafts a dataset for the officer unit and answers with the package dict in CKAN envelope', async () => {
    const { status, body } = await call('package_create', newPackage('bai-do-xe'));
    expect(status).toBe(200);
    expect(body).toMatchObject({ success: true, help: expect.stringContaining('help_show?name=package_create') });
    expect(body.result).toMatchObject({
      name: 'bai-do-xe',
      title: 'Bãi đỗ xe công cộng',
      notes: 'Vị trí và sức chứa các bãi đỗ xe.',
      owner_org: skhcn,
      state: 'draft',
      license_id: 'CC-BY-4.0',
      maintainer_email: 'du-lieu@skhcn.gov.vn',
      groups: [expect.objectContaining({ name: 'giao-thong' })],
      extras: expect.arrayContaining([{ key: 'frequency', value: 'MONTHLY' }]),
    });
    expect(body.result.tags.map((tag: { name: string }) => tag.name)).toEqual(['giao thông', 'đỗ xe']);
    // A draft: its editors read it, a visitor does not.
    const shown = await t.app.inject({
      method: 'GET',
      url: '/api/3/action/package_show?id=bai-do-xe',
      headers: { authorization: officerToken },
    });
    expect(shown.json().result.id).toBe(body.result.id);
    expect((await t.app.inject({ method: 'GET', url: '/api/3/action/package_show?id=bai-do-xe' })).statusCode).toBe(404);
  });

  it('refuses what CKAN refuses, with its error types: missing and taken names, another unit, no token, GET', async () => {
    const missing = await call('package_create', { ...newPackage('x'), name: undefined, maintainer: undefined });
    expect(missing.status).toBe(409);
    expect(missing.body.error).toEqual({ __type: 'Validation Error', name: ['Missing value'], maintainer: ['Missing value'] });
    await call('package_create', newPackage('ten-trung'));
    const taken = await call('package_create', newPackage('ten-trung'));
    expect(taken.body.error).toEqual({ __type: 'Validation Error', name: ['That URL is already in use.'] });
    const badLicence = await call('package_create', { ...newPackage('giay-phep-la'), license_id: 'khong-co' });
    expect(badLicence.status).toBe(409);
    expect(badLicence.body.error).toMatchObject({ __type: 'Validation Error', license_id: [expect.stringContaining('khong-co')] });
    const otherUnit = await call('package_create', newPackage('cua-don-vi-khac'), otherUnitToken);
    expect(otherUnit.status).toBe(403);
    expect(otherUnit.body.error).toMatchObject({ __type: 'Authorization Error' });
    const anonymous = await call('package_create', newPackage('an-danh'), null);
    expect(anonymous.status).toBe(403);
    expect(anonymous.body.error).toMatchObject({ __type: 'Authorization Error' });
    const byGet = await t.app.inject({ method: 'GET', url: '/api/3/action/package_create?name=qua-get' });
    expect(byGet.statusCode).toBe(400);
    expect(byGet.json()).toBe('Bad request - JSON Error: Invalid request. Please use POST method for your request');
    for (const name of ['cua-don-vi-khac', 'an-danh', 'qua-get', 'giay-phep-la'])
      expect(
        (await t.app.inject({ method: 'GET', url: `/api/3/action/package_show?id=${name}`, headers: { authorization: officerToken } }))
          .statusCode,
      ).toBe(404);
  });

  it('package_patch changes only the fields it names, audited in the dataset history', async () => {
    const created = (await call('package_create', newPackage('sua-mot-phan'))).body.result;
    const patched = await call('package_patch', { id: 'sua-mot-phan', title: 'Bãi đỗ xe (cập nhật)', tags: ['đỗ xe'] });
    expect(patched.status).toBe(200);
    expect(patched.body.result).toMatchObject({
      id: created.id,
      title: 'Bãi đỗ xe (cập nhật)',
      notes: created.notes,
      maintainer: created.maintainer,
      private: false,
      extras: created.extras,
    });
    expect(patched.body.result.tags.map((tag: { name: string }) => tag.name)).toEqual(['đỗ xe']);
    const history = await t.app.inject({
      method: 'GET',
      url: `/api/opendata/datasets/${created.id}/history`,
      headers: { authorization: `Bearer ${officerToken}` },
    });
    expect(history.json().map((h: { action: string }) => h.action)).toEqual(['opendata.dataset.create', 'opendata.dataset.update']);
    const other = await call('package_patch', { id: created.id, title: 'Không được' }, otherUnitToken);
    expect(other.status).toBe(404);
    expect(other.body.error).toMatchObject({ __type: 'Not Found Error' });
  });

  it('resource_create adds a link resource and checks its URL', async () => {
    const created = (await call('package_create', newPackage('co-lien-ket'))).body.result;
    const added = await call('resource_create', {
      package_id: created.id,
      url: 'https://example.org/bai-do-xe.csv',
      name: 'Danh sách',
      format: 'csv',
    });
    expect(added.status).toBe(200);
    expect(added.body.result).toMatchObject({
      package_id: created.id,
      url: 'https://example.org/bai-do-xe.csv',
      name: 'Danh sách',
      format: 'CSV',
    });
    const shown = await t.app.inject({
      method: 'GET',
      url: '/api/3/action/package_show?id=co-lien-ket',
      headers: { authorization: officerToken },
    });
    expect(shown.json().result.num_resources).toBe(1);
    const bad = await call('resource_create', { package_id: created.id, url: 'khong phai url' });
    expect(bad.body.error).toEqual({ __type: 'Validation Error', url: ['Please provide a valid URL'] });
  });
});
