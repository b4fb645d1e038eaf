import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app.js';
import { as, enrolTotp, userWithRoles, type Browser } from '../support/sessions.js';

/**
 * Every registered route × every kind of caller. The table says which policy each route must
 * declare; the policy says who gets through. A route missing here fails the test.
 */
const expectedPolicy: Record<string, string> = {
  'GET /healthz': 'public',
  'GET /readyz': 'public',
  'GET /metrics': 'public',
  'GET /api/openapi.json': 'public',
  'GET /api/admin/jobs': 'administrators',
  'GET /api/portal/summary': 'public',
  'GET /api/search': 'public',
  'GET /api/auth/session': 'public',
  'POST /api/auth/sign-up': 'public',
  'POST /api/auth/verify-email': 'public',
  'POST /api/auth/sign-in': 'public',
  'POST /api/auth/second-factor': 'public',
  'POST /api/auth/sign-out': 'public',
  'POST /api/auth/password-reset/request': 'public',
  'POST /api/auth/password-reset/confirm': 'public',
  'GET /api/auth/oidc/start': 'public',
  'GET /api/auth/oidc/callback': 'public',
  'GET /api/account': 'signed-in-browser',
  'PATCH /api/account': 'signed-in-browser',
  'POST /api/account/password': 'signed-in-browser',
  'POST /api/account/totp/enrol': 'signed-in-browser',
  'POST /api/account/totp/confirm': 'signed-in-browser',
  'DELETE /api/account/totp': 'signed-in-browser',
  'POST /api/account/recovery-codes': 'signed-in-browser',
  'GET /api/account/tokens': 'signed-in-browser',
  'POST /api/account/tokens': 'signed-in-browser',
  'DELETE /api/account/tokens/:id': 'signed-in-browser',
  'GET /api/account/export': 'signed-in-browser',
  'POST /api/account/erase': 'signed-in-browser',
  'GET /api/units': 'public',
  'GET /api/admin/units': 'administrators',
  'POST /api/admin/units': 'administrators',
  'PATCH /api/admin/units/:id': 'administrators',
  'GET /api/admin/users': 'administrators',
  'POST /api/admin/users/:id/grants': 'administrators',
  'DELETE /api/admin/users/:id/grants/:grantId': 'administrators',
  'GET /api/admin/audit': 'administrators',
  'GET /api/admin/audit.csv': 'administrators',
  'GET /api/admin/audit/verify': 'administrators',
  'GET /api/notifications': 'signed-in',
  'POST /api/notifications/:id/read': 'signed-in',
  'POST /api/notifications/read-all': 'signed-in',
  'GET /api/notifications/outbox': 'administrators',
};

const callers = [
  'anonymous',
  'registered user',
  'unit officer (own unit)',
  'unit officer of another unit',
  'reviewer',
  'leader',
  'programme manager',
  'administrator without second factor',
  'administrator',
] as const;
type Caller = (typeof callers)[number];

const allowedBy: Record<string, (caller: Caller) => boolean> = {
  public: () => true,
  'signed-in': (c) => c !== 'anonymous',
  'signed-in-browser': (c) => c !== 'anonymous',
  administrators: (c) => c === 'administrator',
  'programme-managers': (c) => c === 'administrator' || c === 'programme manager',
};

let t: TestApp;
const browsers = new Map<Caller, Browser | null>();
beforeAll(async () => {
  t = await buildTestApp();
  browsers.set('anonymous', null);
  const make = async (caller: Caller, email: string, grants: Parameters<typeof userWithRoles>[2], withTotp = false) => {
    const { browser } = await userWithRoles(t, email, grants);
    if (withTotp) await enrolTotp(t, browser);
    browsers.set(caller, browser);
  };
  await make('registered user', 'citizen@example.vn', [{ role: 'registered_user', unitCode: '79' }]);
  await make('unit officer (own unit)', 'officer@skhcn.gov.vn', [{ role: 'unit_officer', unitCode: 'SKHCN' }]);
  await make('unit officer of another unit', 'officer@ward.gov.vn', [{ role: 'unit_officer', unitCode: '25747' }]);
  await make('reviewer', 'reviewer@example.vn', [{ role: 'reviewer', unitCode: 'SKHCN' }]);
  await make('leader', 'leader@hcm.gov.vn', [{ role: 'leader', unitCode: '79', includesSubtree: true }]);
  await make('programme manager', 'pm@skhcn.gov.vn', [{ role: 'programme_manager', unitCode: 'SKHCN', includesSubtree: true }], true);
  await make('administrator without second factor', 'admin-no2fa@hcm.gov.vn', [{ role: 'administrator', unitCode: '79', includesSubtree: true }]);
  await make('administrator', 'admin@hcm.gov.vn', [{ role: 'administrator', unitCode: '79', includesSubtree: true }], true);
});
afterAll(() => t.close());

const someId = '00000000-0000-4000-8000-000000000000';
// Signing out ends the caller's session, so it goes last.
const routeOrder = (key: string) => (key.endsWith('/sign-out') ? 1 : 0);

describe('access-control matrix', () => {
  it('lists every registered route with the policy it must declare', () => {
    const declared = Object.fromEntries(t.app.declaredRoutes.filter((r) => r.method !== 'HEAD').map((r) => [`${r.method} ${r.url}`, r.policy.name]));
    expect(declared).toEqual(expectedPolicy);
  });

  it.each(callers)('lets %s through exactly the routes its policies allow', async (caller) => {
    const request = as(t.app, browsers.get(caller)!);
    const routes = Object.entries(expectedPolicy).sort(([a], [b]) => routeOrder(a) - routeOrder(b));
    const outcomes: string[] = [];
    const expected: string[] = [];
    for (const [key, policy] of routes) {
      const [method, url] = key.split(' ') as [string, string];
      const res = await request({
        method: method as 'GET',
        url: url.replace(/:\w+/g, someId),
        remoteAddress: `10.1.${callers.indexOf(caller)}.1`,
        ...(method === 'GET' ? {} : { payload: {} }),
      });
      expect(res.statusCode, `${caller} ${key}: ${res.body}`).toBeLessThan(500);
      outcomes.push(`${key}: ${[401, 403].includes(res.statusCode) ? 'deny' : 'allow'}`);
      expected.push(`${key}: ${allowedBy[policy]!(caller) ? 'allow' : 'deny'}`);
    }
    expect(outcomes).toEqual(expected);
  });
});
