import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { TestApp } from '../support/app.js';
import { as, enrolTotp, userWithRoles, type Browser } from '../support/sessions.js';
import { expectStatus, type FixtureContext, type Patcher } from './fixtures.js';

/** A PATCH operation of the OpenAPI document and the fields of its body. */
export type Operation = { key: string; fields: string[] };

/** Every PATCH operation of the app's OpenAPI document, keyed `PATCH /api/...{param}`. */
export function patchOperations(t: TestApp): Operation[] {
  const document = t.app.swagger() as {
    paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { properties?: object } }> } }>>;
  };
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    methods.patch
      ? [{ key: `PATCH ${path}`, fields: Object.keys(methods.patch.requestBody?.content['application/json']?.schema.properties ?? {}) }]
      : [],
  );
}

/** One signed-in browser for each kind of patcher (managers and administrators with a second factor). */
export async function patcherBrowsers(t: TestApp): Promise<Map<Patcher, Browser>> {
  const browsers = new Map<Patcher, Browser>();
  browsers.set('registered user', (await userWithRoles(t, 'citizen@example.vn', [{ role: 'registered_user', unitCode: '79' }])).browser);
  // An officer of the ward whose demo report is still a draft, and of the department whose nominations are patched.
  browsers.set(
    'unit officer',
    (
      await userWithRoles(t, 'officer@thudaumot.gov.vn', [
        { role: 'unit_officer', unitCode: '25747' },
        { role: 'unit_officer', unitCode: 'SKHCN' },
      ])
    ).browser,
  );
  for (const [patcher, email, role] of [
    ['programme manager', 'pm@skhcn.gov.vn', 'programme_manager'],
    ['administrator', 'admin@hcm.gov.vn', 'administrator'],
  ] as const) {
    const { browser } = await userWithRoles(t, email, [{ role, unitCode: '79', includesSubtree: true }]);
    await enrolTotp(t, browser);
    browsers.set(patcher, browser);
  }
  return browsers;
}

/** What a fixture needs to set its resource up, requesting as `browser`. */
export async function fixtureContext(
  t: TestApp,
  browser: Browser,
): Promise<FixtureContext & { request(options: InjectOptions): Promise<LightMyRequestResponse> }> {
  const request = as(t.app, browser);
  const units = expectStatus<{ items: Array<{ id: string; code: string }> }>(
    await request({ method: 'GET', url: '/api/units' }),
    200,
  ).items;
  return { request, unitId: async (code) => units.find((unit) => unit.code === code)!.id };
}
