import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/server/db/schema.js';
import { buildTestApp, type TestApp } from '../support/app.js';
import { as, enrolTotp, userWithRoles, type Browser } from '../support/sessions.js';

import { indicatorsRoutes } from './routes/indicators.js';
import { commendationRoutes } from './routes/commendation.js';
import { ecosystemRoutes } from './routes/ecosystem.js';
import { movementRoutes } from './routes/movement.js';
import { plansRoutes } from './routes/plans.js';
import { identityRoutes } from './routes/identity.js';
import { notificationsRoutes } from './routes/notifications.js';
import { opendataRoutes } from './routes/opendata.js';
import { platformRoutes } from './routes/platform.js';
import { reportsRoutes } from './routes/reports.js';
import { callers, type Caller, type RouteTable } from './callers.js';

/**
 * Every registered route × every kind of caller. The tables say which policy each route must
 * declare; the policy says who gets through. A route missing here fails the test.
 */
const tables: RouteTable[] = [
  platformRoutes,
  identityRoutes,
  notificationsRoutes,
  plansRoutes,
  indicatorsRoutes,
  movementRoutes,
  commendationRoutes,
  ecosystemRoutes,
  opendataRoutes,
  reportsRoutes,
];
const expectedPolicy: Record<string, string> = Object.assign({}, ...tables.map((table) => table.routes));

const basePolicies: Record<string, (caller: Caller) => boolean> = {
  public: () => true,
  'signed-in': (c) => c !== 'anonymous',
  'signed-in-browser': (c) => c !== 'anonymous',
  administrators: (c) => c === 'administrator',
  'programme-managers': (c) => c === 'administrator' || c === 'programme manager',
  ...Object.assign({}, ...tables.map((table) => table.policies ?? {})),
};
const unverified: Caller = 'registered user, e-mail not verified';
/** `<policy>+verified-email`: the policy, and the caller's e-mail address confirmed. */
const allowedBy = (policy: string) => {
  const [base, verified] = policy.split('+') as [string, string | undefined];
  return (caller: Caller) => basePolicies[base]!(caller) && (verified !== 'verified-email' || caller !== unverified);
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
  await make(unverified, 'chua-xac-minh@example.vn', [{ role: 'registered_user', unitCode: '79' }]);
  await t.testDb.database.db.update(users).set({ emailVerifiedAt: null }).where(eq(users.email, 'chua-xac-minh@example.vn'));
  await make('unit officer (own unit)', 'officer@skhcn.gov.vn', [{ role: 'unit_officer', unitCode: 'SKHCN' }]);
  await make('unit officer of another unit', 'officer@ward.gov.vn', [{ role: 'unit_officer', unitCode: '25747' }]);
  await make('reviewer', 'reviewer@example.vn', [{ role: 'reviewer', unitCode: 'SKHCN' }]);
  await make('leader', 'leader@hcm.gov.vn', [{ role: 'leader', unitCode: '79', includesSubtree: true }]);
  await make('programme manager', 'pm@skhcn.gov.vn', [{ role: 'programme_manager', unitCode: 'SKHCN', includesSubtree: true }], true);
  await make('administrator without second factor', 'admin-no2fa@hcm.gov.vn', [
    { role: 'administrator', unitCode: '79', includesSubtree: true },
  ]);
  await make('administrator', 'admin@hcm.gov.vn', [{ role: 'administrator', unitCode: '79', includesSubtree: true }], true);
});
afterAll(() => t.close());

const someId = '00000000-0000-4000-8000-000000000000';
// Signing out ends the caller's session, so it goes last.
const routeOrder = (key: string) => (key.endsWith('/sign-out') ? 1 : 0);

describe('access-control matrix', () => {
  it('lists every registered route with the policy it must declare', () => {
    const declared = Object.fromEntries(
      t.app.declaredRoutes.filter((r) => r.method !== 'HEAD').map((r) => [`${r.method} ${r.url}`, r.policy.name]),
    );
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
      expected.push(`${key}: ${allowedBy(policy)(caller) ? 'allow' : 'deny'}`);
    }
    expect(outcomes).toEqual(expected);
  });
});
