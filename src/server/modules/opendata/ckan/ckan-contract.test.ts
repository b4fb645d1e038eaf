import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../tests/support/app.js';
import { datasetForm, publishedDataset, unitId, withoutDemoCatalogue } from '../../../../../tests/support/opendata.js';
import { readSharedTestdata } from '../../../../../tests/support/shared-testdata.js';
import { as, enrolTotp, userWithRoles, type Browser } from '../../../../../tests/support/sessions.js';
import { multipartFile } from '../../../../../tests/support/uploads.js';

/** CKAN's own full dataset dict (ckanext-dcat's example of a package_show result). */
const ckanFullDataset = JSON.parse(readSharedTestdata('ckan/ckanext-dcat-examples/full_ckan_dataset_legacy.json')) as Record<
  string,
  unknown
> & { resources: Array<Record<string, unknown>> };
/** The keys CKAN's test of package_show (test_package_show_with_full_dataset) expects, as the contract lists them. */
const contract = readSharedTestdata('ckan/API.md');
const contractKeys = (heading: string) => {
  const line = contract.split('\n').find((l) => l.startsWith(heading))!;
  return [...line.matchAll(/`([a-z_]+)(?:[[{`])/g)].map((m) => m[1]!);
};

let t: TestApp;
let officer: Browser;
let manager: Browser;
let skhcn: string;
const openIds: string[] = [];

beforeAll(async () => {
  t = await buildTestApp();
  await withoutDemoCatalogue(t);
  skhcn = await unitId(t, 'SKHCN');
  officer = (await userWithRoles(t, 'ckan@skhcn.gov.vn', [{ role: 'unit_officer', unitCode: 'SKHCN' }])).browser;
  manager = (await userWithRoles(t, 'ckan-quan-ly@skhcn.gov.vn', [{ role: 'programme_manager', unitCode: 'SKHCN', includesSubtree: true }]))
    .browser;
  await enrolTotp(t, manager);
  const csv = { name: 'du-lieu.csv', bytes: Buffer.from('a,b\n1,2\n3,4\n'), multipart: multipartFile };
  for (let i = 0; i < 7; i++) {
    openIds.push(
      await publishedDataset(
        t,
        officer,
        manager,
        datasetForm(skhcn, `mo-${i}`, { themes: i % 2 ? ['y-te'] : ['giao-thong'], keywords: [`tu-khoa-${i % 3}`] }),
        i === 0 ? csv : undefined,
      ),
    );
    t.clock.advance(60_000);
  }
  // Never in a harvest: a shared one, a private one, a draft.
  await publishedDataset(t, officer, manager, datasetForm(skhcn, 'chia-se', { accessLevel: 'shared' }));
  await publishedDataset(t, officer, manager, datasetForm(skhcn, 'rieng', { accessLevel: 'private' }));
  await as(t.app, officer)({ method: 'POST', url: '/api/opendata/datasets', payload: datasetForm(skhcn, 'nhap') });
});
afterAll(() => t.close());

const get = async (path: string) => {
  const res = await t.app.inject({ method: 'GET', url: `/api/3/action/${path}` });
  return { status: res.statusCode, body: res.json(), raw: res.body, headers: res.headers };
};

describe('CKAN envelope and package_show', () => {
  it('has every top-level key of CKAN full dataset dict and of the contract, and every resource key', async () => {
    const { status, body, headers } = await get('package_show?id=mo-0');
    expect(status).toBe(200);
    expect(body).toMatchObject({ success: true, help: expect.stringContaining('/api/3/action/help_show?name=package_show') });
    expect(headers['access-control-allow-origin']).toBe('*');
    const dict = body.result;
    for (const key of [...Object.keys(ckanFullDataset), ...contractKeys('`author, author_email')]) expect(dict, key).toHaveProperty(key);
    expect(dict.resources).toHaveLength(1);
    for (const key of Object.keys(ckanFullDataset.resources[0]!)) expect(dict.resources[0], key).toHaveProperty(key);
    for (const key of contractKeys('Resource keys')) expect(dict.resources[0], key).toHaveProperty(key);
    expect(Object.keys(dict.organization).sort()).toEqual(
      expect.arrayContaining([
        'approval_status',
        'created',
        'description',
        'id',
        'image_url',
        'is_organization',
        'name',
        'state',
        'title',
        'type',
      ]),
    );
    expect(Object.keys(dict.groups[0]).sort()).toEqual(['description', 'display_name', 'id', 'image_display_url', 'name', 'title']);
    expect(Object.keys(dict.tags[0]).sort()).toEqual(['display_name', 'id', 'name', 'state', 'vocabulary_id']);
    // Python isoformat(): no zone, microseconds.
    expect(dict.metadata_modified).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/);
    expect(dict).toMatchObject({
      type: 'dataset',
      state: 'active',
      private: false,
      isopen: true,
      license_id: 'CC-BY-4.0',
      num_resources: 1,
      num_tags: 1,
    });
  });

  it('answers errors with CKAN types and statuses', async () => {
    const missing = await get('package_show?id=khong-co');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ success: false, error: { __type: 'Not Found Error' } });
    const badRows = await get('package_search?rows=abc');
    expect(badRows.status).toBe(409);
    expect(badRows.body.error).toEqual({ __type: 'Validation Error', rows: ['Invalid integer'] });
    const badQuery = await get(`package_search?fq=${encodeURIComponent('metadata_modified:[hom-qua TO *]')}`);
    expect(badQuery.status).toBe(400);
    expect(badQuery.body.error).toMatchObject({
      __type: 'Search Query Error',
      message: expect.stringMatching(/^Search Query is invalid: /),
    });
    const unknown = await get('khong_co_action');
    expect(unknown.status).toBe(400);
    expect(unknown.body).toBe('Bad request: Action name not known: khong_co_action');
    const noId = await get('package_show');
    expect(noId.status).toBe(409);
    expect(noId.body.error).toEqual({ __type: 'Validation Error', id: ['Missing value'] });
  });

  it('takes POST with a JSON body as CKAN clients send it', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/action/package_search', payload: { q: 'tram sac', rows: 2 } });
    expect(res.statusCode).toBe(200);
    expect(res.json().result.count).toBe(7);
    expect(res.json().result.results).toHaveLength(2);
  });
});

describe('package_search', () => {
  it('finds without diacritics, filters by organization:, groups:, tags: and res_format:, and counts facets', async () => {
    const { body } = await get(
      `package_search?q=${encodeURIComponent('tram sac dien')}&fq=${encodeURIComponent('groups:y-te organization:skhcn')}&facet.field=${encodeURIComponent('["groups","tags","res_format","license_id","organization"]')}`,
    );
    expect(body.result.count).toBe(3);
    expect(body.result.results.every((r: { groups: Array<{ name: string }> }) => r.groups[0]!.name === 'y-te')).toBe(true);
    expect(body.result.search_facets.groups.items).toEqual([{ count: 3, display_name: 'Y tế', name: 'y-te' }]);
    expect(body.result.facets.organization).toEqual({ skhcn: 3 });
    const csv = await get(`package_search?fq=${encodeURIComponent('res_format:CSV')}`);
    expect(csv.body.result.results.map((r: { name: string }) => r.name)).toEqual(['mo-0']);
    const either = await get(`package_search?fq=${encodeURIComponent('tags:tu-khoa-1 OR tags:tu-khoa-2')}&rows=0`);
    expect(either.body.result.count).toBe(4);
    const notHealth = await get(`package_search?fq=${encodeURIComponent('-groups:y-te')}&rows=0`);
    expect(notHealth.body.result.count).toBe(4);
  });

  it('lets a harvester page with sort=id asc and an incremental metadata_modified range: every open dataset exactly once, no other', async () => {
    async function harvest(fq?: string) {
      const seen: string[] = [];
      let previous = '';
      for (let start = 0; ; start += 100) {
        const res = await get(
          `package_search?rows=100&start=${start}&sort=${encodeURIComponent('id asc')}${fq ? `&fq=${encodeURIComponent(fq)}` : ''}`,
        );
        expect(res.raw).not.toBe(previous);
        previous = res.raw;
        const results = res.body.result.results as Array<{
          id: string;
          owner_org: string;
          resources: unknown[];
          tags: unknown[];
          extras: unknown[];
        }>;
        if (results.length === 0) return seen;
        for (const r of results)
          expect(r).toMatchObject({ owner_org: skhcn, resources: expect.any(Array), tags: expect.any(Array), extras: expect.any(Array) });
        seen.push(...results.map((r) => r.id));
      }
    }
    const all = await harvest();
    expect(all).toEqual([...openIds].sort());
    // Datasets 5 and 6 were changed after the fourth minute; a run since then gets those two only.
    const since = new Date(t.clock.now().getTime() - 2.5 * 60_000).toISOString().replace(/\.\d+Z$/, 'Z');
    expect((await harvest(`metadata_modified:[${since} TO *]`)).sort()).toEqual([openIds[5], openIds[6]].sort());
    // And with rows smaller than the catalogue, the pages still meet without overlap.
    const paged: string[] = [];
    for (let start = 0; ; start += 3) {
      const ids = (await get(`package_search?rows=3&start=${start}&sort=${encodeURIComponent('id asc')}`)).body.result.results.map(
        (r: { id: string }) => r.id,
      );
      if (ids.length === 0) break;
      paged.push(...ids);
    }
    expect(paged).toEqual([...openIds].sort());
  });
});

describe('lists and reference actions', () => {
  it('answers package_list, organization_show, group_list/show, tag_list, license_list, resource_show, site_read and status_show', async () => {
    expect((await get('package_list')).body.result).toEqual(openIds.map((_, i) => `mo-${i}`));
    const org = (await get('organization_show?id=skhcn&include_datasets=true')).body.result;
    expect(org).toMatchObject({ name: 'skhcn', is_organization: true, package_count: 7, type: 'organization' });
    expect(org.packages).toHaveLength(7);
    expect((await get('organization_list')).body.result).toContain('skhcn');
    const groups = (await get('group_list?all_fields=true&sort=package_count%20desc')).body.result;
    expect(groups.slice(0, 2).map((g: { name: string; package_count: number }) => [g.name, g.package_count])).toEqual([
      ['giao-thong', 4],
      ['y-te', 3],
    ]);
    expect((await get('group_show?id=y-te')).body.result).toMatchObject({ name: 'y-te', package_count: 3, is_organization: false });
    expect((await get('tag_list')).body.result).toEqual(['tu-khoa-0', 'tu-khoa-1', 'tu-khoa-2']);
    const licences = (await get('license_list')).body.result as Array<Record<string, unknown>>;
    const ckanLicences = JSON.parse(readSharedTestdata('ckan/ckan-core/licenses.v2.json')) as Record<string, Record<string, unknown>>;
    for (const [id, licence] of Object.entries(ckanLicences)) expect(licences.find((l) => l.id === id)).toEqual(licence);
    const resourceId = (await get('package_show?id=mo-0')).body.result.resources[0].id;
    expect((await get(`resource_show?id=${resourceId}`)).body.result).toMatchObject({
      id: resourceId,
      format: 'CSV',
      mimetype: 'text/csv',
      datastore_active: true,
    });
    expect((await get('site_read')).body.result).toBe(true);
    expect((await get('status_show')).body.result).toMatchObject({
      ckan_version: expect.any(String),
      extensions: expect.arrayContaining(['datastore']),
    });
  });
});
