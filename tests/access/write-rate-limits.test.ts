import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicAccess } from '../../src/server/lib/policy.js';
import { modules } from '../../src/server/modules/index.js';
import type { ModuleManifest } from '../../src/server/modules/manifest.js';
import { buildTestApp, type TestApp } from '../support/app.js';
import { as, userWithRoles, type Browser } from '../support/sessions.js';

/** A public write with no limit of its own, as a feature module would add (a comment, a support). */
const probeModule: ModuleManifest = {
  name: 'probe',
  prefix: '/api/probe',
  routes: async (app) => {
    app.post('/echo', { config: { policy: publicAccess }, schema: { body: z.object({ text: z.string().max(10) }) } }, async () => ({ ok: true }));
  },
};

let t: TestApp;
let first: Browser;
let second: Browser;
beforeAll(async () => {
  t = await buildTestApp({ modules: [...modules, probeModule], env: { RATE_LIMIT_WRITES_PER_MINUTE: '3', RATE_LIMIT_ACCOUNT_WRITES_PER_MINUTE: '5' } });
  first = (await userWithRoles(t, 'mot@example.vn', [{ role: 'registered_user', unitCode: '79' }])).browser;
  second = (await userWithRoles(t, 'hai@example.vn', [{ role: 'registered_user', unitCode: '79' }])).browser;
});
afterAll(() => t.close());

const echo = (remoteAddress: string, browser: Browser | null = null) =>
  as(t.app, browser)({ method: 'POST', url: '/api/probe/echo', payload: { text: 'xin chào' }, remoteAddress });

describe('the default limit on writes', () => {
  it('limits an anonymous address, in both languages, without touching another address', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await echo('10.20.0.1')).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await echo('10.20.0.1');
    expect(refused.json().error.code).toBe('RATE_LIMITED');
    expect(refused.json().error.message.vi).toBeTruthy();
    expect(refused.json().error.message.en).toBeTruthy();
    expect((await echo('10.20.0.2')).statusCode).toBe(200);
  });

  it('limits a signed-in account wherever it writes from, and not its neighbour on the same address', async () => {
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await echo(`10.30.0.${i + 1}`, first)).statusCode);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    expect((await echo('10.30.0.1', second)).statusCode).toBe(200);
  });

  it('does not count refused or invalid requests', async () => {
    for (let i = 0; i < 5; i++) {
      const invalid = await as(t.app, second)({ method: 'POST', url: '/api/probe/echo', payload: { text: 'quá dài để hợp lệ' }, remoteAddress: '10.40.0.1' });
      expect(invalid.statusCode).toBe(400);
    }
    expect((await echo('10.40.0.1', second)).statusCode).toBe(200);
  });
});
