import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../tests/support/app.js';
import { as, userWithRoles } from '../../../../tests/support/sessions.js';
import { multipartFile } from '../../../../tests/support/uploads.js';
import { datasetForm, unitId } from '../../../../tests/support/opendata.js';

const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const isOpendata = (url: string) => url.startsWith('/api/opendata/') || url.startsWith('/api/3/action/') || url.startsWith('/api/action/');

let t: TestApp;
let readToken: string;
let writeToken: string;
let draftId: string;
let skhcn: string;
beforeAll(async () => {
  // A small write budget, so a read counted as a write would show within a few requests.
  t = await buildTestApp({ env: { RATE_LIMIT_WRITES_PER_MINUTE: '3', RATE_LIMIT_ACCOUNT_WRITES_PER_MINUTE: '1000' } });
  skhcn = await unitId(t, 'SKHCN');
  const { browser } = await userWithRoles(t, 'token-du-lieu@skhcn.gov.vn', [{ role: 'unit_officer', unitCode: 'SKHCN' }]);
  const token = async (scopes: string[]) =>
    (await as(t.app, browser)({ method: 'POST', url: '/api/account/tokens', payload: { name: scopes.join('+'), scopes } })).json()
      .token as string;
  readToken = await token(['read']);
  writeToken = await token(['read', 'write']);
  draftId = (await as(t.app, browser)({ method: 'POST', url: '/api/opendata/datasets', payload: datasetForm(skhcn, 'nhap-token') })).json()
    .id;
});
afterAll(() => t.close());

/** Each write route of the module with its path parameters filled in, from the route table. */
function writeRoutes() {
  const routes = t.app.declaredRoutes.filter((r) => writeMethods.has(r.method) && isOpendata(r.url));
  return routes.map((r) => ({
    method: r.method as 'POST' | 'PUT',
    url: r.url.replace(':id', draftId).replace(':action', r.url.startsWith('/api/opendata/') ? 'propose' : 'package_search'),
    isCkan: !r.url.startsWith('/api/opendata/'),
    isUpload: r.url.endsWith('/files'),
  }));
}

const send = (route: ReturnType<typeof writeRoutes>[number], authorization: string) => {
  const body = route.isUpload
    ? multipartFile('du-lieu.csv', Buffer.from('a,b\n1,2\n'))
    : { payload: route.method === 'PUT' ? datasetForm(skhcn, 'nhap-token-sua') : {}, headers: {} };
  return t.app.inject({ method: route.method, url: route.url, payload: body.payload, headers: { ...body.headers, authorization } });
};

describe('API tokens on the open-data and CKAN routes', () => {
  it('refuses a read-only token on every write route (403, the usual error body) and writes nothing; a write token gets past', async () => {
    const routes = writeRoutes();
    expect(routes.map((r) => r.url)).toEqual(expect.arrayContaining(['/api/opendata/datasets', '/api/3/action/package_search']));
    const audit = async () =>
      Number((await t.testDb.database.db.execute<{ n: number }>(sql`select count(*)::int as n from audit_events`)).rows[0]!.n);
    const before = await audit();
    for (const route of routes) {
      // CKAN clients send the bare token; everyone else "Bearer".
      for (const authorization of route.isCkan ? [readToken, `Bearer ${readToken}`] : [`Bearer ${readToken}`]) {
        const res = await send(route, authorization);
        expect(res.statusCode, `${route.method} ${route.url}`).toBe(403);
        if (route.isCkan)
          expect(res.json(), route.url).toMatchObject({
            success: false,
            error: { __type: 'Authorization Error', message: expect.any(String) },
          });
        else
          expect(res.json().error, route.url).toMatchObject({
            code: 'FORBIDDEN',
            message: { vi: expect.any(String), en: expect.any(String) },
          });
      }
    }
    expect(await audit()).toBe(before);
    for (const route of routes) {
      const res = await send(route, route.isCkan ? writeToken : `Bearer ${writeToken}`);
      expect(res.statusCode, `${route.method} ${route.url}: ${res.body}`).not.toBe(403);
    }
  });

  it('never counts a CKAN read sent by GET against the write limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++)
      statuses.push(
        (await t.app.inject({ method: 'GET', url: '/api/3/action/package_search?rows=1', remoteAddress: '10.30.0.1' })).statusCode,
      );
    expect(statuses).toEqual(Array(8).fill(200));
    const posted: number[] = [];
    for (let i = 0; i < 4; i++)
      posted.push(
        (await t.app.inject({ method: 'POST', url: '/api/3/action/package_search', payload: {}, remoteAddress: '10.30.0.2' })).statusCode,
      );
    expect(posted).toEqual([200, 200, 200, 429]);
  });
});
