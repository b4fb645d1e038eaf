import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { englishAliases, webRoutePatterns } from '../../shared/web-paths.js';
import { buildTestApp, type TestApp } from '../../../tests/support/app.js';

const webRoot = mkdtempSync(join(tmpdir(), 'doimoi-web-'));
let t: TestApp;
beforeAll(async () => {
  mkdirSync(join(webRoot, 'assets'));
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>doimoi</title>');
  // An asset as the build leaves it: the file, and the same compressed (distinct bodies, to tell them apart).
  writeFileSync(join(webRoot, 'assets', 'app-1a2b.js'), `console.log(${'1,'.repeat(2000)}1);`);
  writeFileSync(join(webRoot, 'assets', 'app-1a2b.js.br'), 'brotli body');
  writeFileSync(join(webRoot, 'assets', 'app-1a2b.js.gz'), 'gzip body');
  t = await buildTestApp({ template: 'empty', webRoot });
});
afterAll(async () => {
  await t.close();
  rmSync(webRoot, { recursive: true, force: true });
});

const page = (url: string) => t.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });

describe('pages of the web app', () => {
  it('answers 200 with the app for every declared page and English alias', async () => {
    const urls = [...webRoutePatterns.map((pattern) => pattern.replace(/:\w+/g, 'VD-1')), ...englishAliases.map(([alias]) => alias)];
    for (const url of urls) {
      const res = await page(`${url}?q=1`);
      expect(res.statusCode, url).toBe(200);
      expect(res.body).toContain('<title>doimoi</title>');
    }
  });

  it('answers 404 with the app (its "not found" page) for a path no page has', async () => {
    for (const url of ['/khong-co-trang-nay', '/ke-hoach/a/b/c', '/nhiem-vu', '/quan-tri/khac']) {
      const res = await page(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body).toContain('<title>doimoi</title>');
    }
  });

  it('serves a declared page to a client that accepts anything (curl, link checkers), and keeps JSON for unknown paths', async () => {
    const declared = await t.app.inject({ method: 'GET', url: '/viec-cua-toi', headers: { accept: '*/*' } });
    expect(declared.statusCode).toBe(200);
    expect(declared.body).toContain('<title>doimoi</title>');
    const unknown = await t.app.inject({ method: 'GET', url: '/khong-co-trang-nay', headers: { accept: '*/*' } });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('ROUTE_NOT_FOUND');
  });

  it('keeps the JSON 404 for unknown API paths', async () => {
    const res = await page('/api/khong-co');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('ROUTE_NOT_FOUND');
  });
});

describe('assets of the web app', () => {
  const asset = (acceptEncoding: string) =>
    t.app.inject({ method: 'GET', url: '/assets/app-1a2b.js', headers: { 'accept-encoding': acceptEncoding } });

  it('sends the compressed file the build wrote, as the client accepts it, cached for a year', async () => {
    const br = await asset('gzip, deflate, br');
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.body).toBe('brotli body');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const gzip = await asset('gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.body).toBe('gzip body');
    const plain = await asset('identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.startsWith('console.log(1,')).toBe(true);
  });
});
