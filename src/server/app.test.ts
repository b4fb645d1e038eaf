import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { publicAccess } from './lib/policy.js';
import type { ModuleManifest } from './modules/manifest.js';
import { buildTestApp, type TestApp } from '../../tests/support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('platform routes', () => {
  it('answers /healthz without touching the database', async () => {
    const res = await t.app.inject('/healthz');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok' });
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  it('reports ready when every migration is applied', async () => {
    const res = await t.app.inject('/readyz');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.status).toBe('ready');
    expect(body.migrations.applied).toBe(body.migrations.expected);
    expect(body.migrations.expected).toBeGreaterThanOrEqual(2);
  });

  it('exposes Prometheus metrics with a latency histogram per route and pool gauges', async () => {
    await t.app.inject('/api/portal/summary');
    const res = await t.app.inject('/metrics');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toMatch(/http_request_duration_seconds_bucket\{[^}]*route="\/api\/portal\/summary"/);
    expect(res.body).toContain('nodejs_eventloop_lag_seconds');
    expect(res.body).toMatch(/db_pool_connections\{state="total"\}/);
  });

  it('serves an OpenAPI 3.1 document generated from the zod schemas, and its browsable UI', async () => {
    const res = await t.app.inject('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/portal/summary', '/api/search', '/healthz', '/readyz', '/api/admin/jobs']));
    expect(doc.paths['/api/search'].get.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['q', 'limit']));
    const ui = await t.app.inject('/api/docs/');
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toContain('swagger-ui');
  });

  it('sets security headers', async () => {
    const res = await t.app.inject('/healthz');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toBeTruthy();
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('compresses large responses', async () => {
    const res = await t.app.inject({ url: '/api/portal/summary', headers: { 'accept-encoding': 'gzip' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
  });
});

describe('one error shape', () => {
  it('answers an unknown API route with ROUTE_NOT_FOUND in both languages', async () => {
    const res = await t.app.inject('/api/nothing-here?x=1');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      error: {
        code: 'ROUTE_NOT_FOUND',
        message: { vi: 'Không có đường dẫn GET /api/nothing-here', en: 'No route GET /api/nothing-here' },
        requestId: res.headers['x-request-id'],
      },
    });
  });

  it('answers a validation failure with 400 VALIDATION naming the field in Vietnamese and English', async () => {
    const res = await t.app.inject('/api/search?q=&limit=500');
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('VALIDATION');
    expect(error.message.vi).toBe("Trường 'query.q' không được để trống (và 1 lỗi khác)");
    expect(error.message.en).toBe("Field 'query.q' must not be empty (and 1 more)");
    expect(error.details).toContainEqual({
      path: 'query.limit',
      code: 'too_big',
      message: { vi: "Trường 'query.limit' chỉ được tối đa 50", en: "Field 'query.limit' must be at most 50" },
    });
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/search', headers: { 'content-type': 'application/json' }, payload: '{"a":' });
    expect(res.statusCode).toBeLessThan(500);
    expect(res.json().error.code).toMatch(/BAD_REQUEST|ROUTE_NOT_FOUND|METHOD_NOT_ALLOWED/);
  });

  it('refuses an admin route to an anonymous caller with 401', async () => {
    const res = await t.app.inject('/api/admin/jobs');
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toMatchObject({ code: 'UNAUTHENTICATED', message: { vi: 'Vui lòng đăng nhập', en: 'Please sign in' } });
  });

  it('hides internals of an unexpected failure behind INTERNAL', async () => {
    const failing: ModuleManifest = {
      name: 'failing',
      prefix: '/api/failing',
      routes: async (app) => {
        app.get('/', { config: { policy: publicAccess }, schema: { response: { 200: z.object({ ok: z.boolean() }) } } }, async () => {
          throw new Error('secret connection string postgres://user:pw@db');
        });
      },
    };
    const app = await buildApp({ config: t.config, database: t.testDb.database, modules: [failing] });
    const res = await app.inject('/api/failing');
    await app.close();
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('secret');
    expect(res.json().error.code).toBe('INTERNAL');
  });
});

describe('route policies', () => {
  it('refuses to start when a route declares no policy', async () => {
    const careless: ModuleManifest = {
      name: 'careless',
      prefix: '/api/careless',
      routes: async (app) => {
        app.get('/', async () => ({ ok: true }));
      },
    };
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: t.testDb.dataDir });
    await expect(buildApp({ config, database: t.testDb.database, modules: [careless] })).rejects.toThrow(
      'Route GET /api/careless declares no policy',
    );
  });

  it('declares a policy on every registered API route', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json();
    expect(Object.keys(doc.paths).length).toBeGreaterThan(3);
    // Every documented operation was seen by the start-up check, with a named policy.
    const declared = new Map(t.app.declaredRoutes.map((r) => [`${r.method} ${r.url}`, r.policy.name]));
    for (const [path, operations] of Object.entries(doc.paths as Record<string, object>)) {
      for (const method of Object.keys(operations)) {
        const key = `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`;
        expect([...declared.keys()]).toContain(key);
        expect(declared.get(key)).toMatch(/\w/);
      }
    }
  });
});
