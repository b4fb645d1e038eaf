import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../tests/support/app.js';
import { testPassword, userWithRoles } from '../../tests/support/sessions.js';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';

const production = { NODE_ENV: 'production', SESSION_SECRET: 's'.repeat(40), AUDIT_KEY: 'a'.repeat(40), PUBLIC_URL: 'http://doimoi.internal:3000' };
const metricsToken = 'prometheus-doc-chi-so-2030';

let t: TestApp;
/** The same database served by a production app that has no METRICS_TOKEN. */
let withoutToken: FastifyInstance;
beforeAll(async () => {
  t = await buildTestApp({ env: { ...production, METRICS_TOKEN: metricsToken } });
  const config = loadConfig({ ...production, LOG_LEVEL: 'silent', DATA_DIR: t.testDb.dataDir, JOBS_ENABLED: 'false' });
  withoutToken = await buildApp({ config, database: t.testDb.database, clock: t.clock });
  await withoutToken.ready();
});
afterAll(async () => {
  await withoutToken.close();
  await t.close();
});

describe('with NODE_ENV=production', () => {
  it('marks the session cookie Secure even when PUBLIC_URL says http (TLS ends at the proxy)', async () => {
    await userWithRoles(t, 'san-xuat@example.vn', [{ role: 'registered_user', unitCode: '79' }]);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'san-xuat@example.vn', password: testPassword },
    });
    expect(res.statusCode).toBe(200);
    const cookie = [res.headers['set-cookie']].flat().find((c) => c?.startsWith('doimoi_session='));
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; HttpOnly/);
  });

  it('serves /metrics only to the bearer of METRICS_TOKEN', async () => {
    expect((await t.app.inject('/metrics')).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/metrics', headers: { authorization: 'Bearer wrong-token-of-the-same-size' } })).statusCode).toBe(
      403,
    );
    const scraped = await t.app.inject({ url: '/metrics', headers: { authorization: `Bearer ${metricsToken}` } });
    expect(scraped.statusCode).toBe(200);
    expect(scraped.body).toContain('http_request_duration_seconds');
  });

  it('serves no /metrics at all without METRICS_TOKEN', async () => {
    const res = await withoutToken.inject('/metrics');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('ROUTE_NOT_FOUND');
    expect((await withoutToken.inject('/healthz')).statusCode).toBe(200);
  });
});

describe('outside production', () => {
  it('marks the cookie Secure only for an https PUBLIC_URL, and has no metrics token unless given one', async () => {
    const dev = loadConfig({ NODE_ENV: 'development', DATA_DIR: t.testDb.dataDir, PUBLIC_URL: 'http://localhost:3000' });
    expect(dev.isCookieSecure).toBe(false);
    expect(dev.metricsToken).toBeUndefined();
    expect(
      loadConfig({ NODE_ENV: 'development', DATA_DIR: t.testDb.dataDir, PUBLIC_URL: 'https://doimoi.example.gov.vn' }).isCookieSecure,
    ).toBe(true);
  });

  it('refuses a METRICS_TOKEN too short to be a secret, without echoing it', () => {
    expect(() => loadConfig({ ...production, METRICS_TOKEN: 'ngan' })).toThrow(
      /^Invalid setting METRICS_TOKEN: expected at least 16 characters$/,
    );
  });
});
