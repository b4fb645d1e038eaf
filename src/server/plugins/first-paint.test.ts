import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webRoutePatterns } from '../../shared/web-paths.js';
import { buildTestApp, type TestApp } from '../../../tests/support/app.js';
import { webDistDir } from '../lib/paths.js';
import { createFirstPaint } from './first-paint.js';

const silent = pino({ level: 'silent' });
const h1 = (html: string) => /<h1[^>]*>([^<]*)</.exec(html)?.[1];
const pageData = (html: string) => {
  const json = /<script type="application\/json" id="doimoi-page-data">([^<]*)<\/script>/.exec(html)?.[1];
  return json === undefined ? undefined : (JSON.parse(json) as { queries: Array<{ queryKey: unknown[]; state: { status: string } }> });
};

// The built web app and its server renderer (`npm run build`, which the test command runs first), on the
// demo data: the API the renderer reads is the real one.
let t: TestApp;
const brokenRoot = mkdtempSync(join(tmpdir(), 'doimoi-first-paint-'));
beforeAll(async () => {
  t = await buildTestApp({ template: 'demo' });
});
afterAll(async () => {
  await t.close();
  rmSync(brokenRoot, { recursive: true, force: true });
});

let apiReads = 0;
const readApi = async (url: string) => {
  apiReads++;
  const res = await t.app.inject({ method: 'GET', url, headers: { accept: 'application/json' } });
  return new Response(res.payload, { status: res.statusCode, headers: { 'content-type': String(res.headers['content-type']) } });
};

describe('the first paint of a page, rendered by the server', () => {
  it('renders every declared page in Vietnamese, and in English when the cookie says so', async () => {
    const firstPaint = await createFirstPaint(webDistDir, silent);
    for (const pattern of webRoutePatterns) {
      const url = pattern.replace(/:\w+/g, 'VD-1');
      const vi = await firstPaint.page({ url, locale: undefined, isSignedIn: true });
      expect(vi, url).toContain('<fieldset id="root" data-server-rendered');
      expect(vi, url).toContain('<html lang="vi">');
      expect(vi, url).toMatch(/<main id="main-content"/);
      const en = await firstPaint.page({ url, locale: 'en', isSignedIn: true });
      expect(en, url).toContain('<html lang="en">');
      expect(en, url).toContain('data-server-rendered');
    }
    expect(h1(await firstPaint.page({ url: '/chi-tieu', locale: 'vi', isSignedIn: true }))).toBe('Chỉ tiêu đến năm 2030');
    expect(h1(await firstPaint.page({ url: '/chi-tieu', locale: 'en', isSignedIn: true }))).toBe('Targets to 2030');
    // A cookie naming no language of the app: Vietnamese, the default.
    expect(await firstPaint.page({ url: '/chi-tieu', locale: 'xx', isSignedIn: true })).toContain('<html lang="vi">');
  });

  it("renders a visitor's page with its public data, carried to the app, and a signed-in person's without", async () => {
    const firstPaint = await createFirstPaint(webDistDir, silent, readApi);
    const gallery = await t.app.inject({ method: 'GET', url: '/api/movement/gallery?page=1' });
    const initiative = gallery.json().items[0] as { id: string; title: string };
    const visitor = await firstPaint.page({ url: `/thu-vien-sang-kien/${initiative.id}`, locale: 'vi', isSignedIn: false });
    expect(h1(visitor)).toBe(initiative.title);
    const data = pageData(visitor)!;
    expect(data.queries.length).toBeGreaterThan(0);
    expect(data.queries.every((query) => query.state.status === 'success')).toBe(true);
    // Who is signed in, and the CSRF token, are the browser's own: never read for it.
    expect(data.queries.map((query) => query.queryKey[0])).not.toContain('session');

    const signedIn = await firstPaint.page({ url: `/thu-vien-sang-kien/${initiative.id}`, locale: 'vi', isSignedIn: true });
    expect(signedIn).toContain('data-server-rendered');
    expect(signedIn).not.toContain(initiative.title);
    expect(pageData(signedIn)).toBeUndefined();
  });

  it('renders a page again only after a while or after a write', async () => {
    const firstPaint = await createFirstPaint(webDistDir, silent, readApi);
    const first = await firstPaint.page({ url: '/thu-vien-sang-kien', locale: 'vi', isSignedIn: false });
    const readsForOnePage = apiReads;
    expect(await firstPaint.page({ url: '/thu-vien-sang-kien', locale: 'vi', isSignedIn: false })).toBe(first);
    expect(apiReads).toBe(readsForOnePage);
    firstPaint.forget();
    await firstPaint.page({ url: '/thu-vien-sang-kien', locale: 'vi', isSignedIn: false });
    expect(apiReads).toBeGreaterThan(readsForOnePage);
  });

  it('renders a burst of visits to one new page once, and keeps no page begun before a write', async () => {
    const firstPaint = await createFirstPaint(webDistDir, silent, readApi);
    const before = apiReads;
    const burst = await Promise.all(
      [1, 2, 3].map(() => firstPaint.page({ url: '/thu-vien-sang-kien?burst', locale: 'en', isSignedIn: false })),
    );
    const readsForOne = apiReads - before;
    expect(readsForOne).toBeGreaterThan(0);
    expect(new Set(burst).size).toBe(1);
    // A render under way when a write lands is served to its visitors but not kept.
    const underway = firstPaint.page({ url: '/thu-vien-sang-kien?write', locale: 'en', isSignedIn: false });
    firstPaint.forget();
    await underway;
    const afterWrite = apiReads;
    await firstPaint.page({ url: '/thu-vien-sang-kien?write', locale: 'en', isSignedIn: false });
    expect(apiReads).toBeGreaterThan(afterWrite);
  });

  it('sends index.html as it is beyond four renders at once', async () => {
    const firstPaint = await createFirstPaint(webDistDir, silent, readApi);
    const htmls = await Promise.all(
      [1, 2, 3, 4, 5, 6].map((n) => firstPaint.page({ url: `/thu-vien-sang-kien?n=${n}`, locale: 'vi', isSignedIn: false })),
    );
    expect(htmls.filter((html) => html.includes('data-server-rendered'))).toHaveLength(4);
    expect(htmls.filter((html) => html === readFileSync(join(webDistDir, 'index.html'), 'utf8'))).toHaveLength(2);
  });

  it('renders what the visitor may see of the address, escaped', async () => {
    const firstPaint = await createFirstPaint(webDistDir, silent, readApi);
    const html = await firstPaint.page({
      url: '/tim-kiem?q=%3C%2Fscript%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E',
      locale: 'vi',
      isSignedIn: false,
    });
    expect(html).toContain('data-server-rendered');
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html.match(/<\/script>/g)?.length).toBe(html.match(/<script/g)?.length);
    // "//name" is a path (no page has it), not another host's home page.
    expect(h1(await firstPaint.page({ url: '//thu-vien-sang-kien', locale: 'vi', isSignedIn: false }))).toBe('Không tìm thấy trang');
  });

  it('serves index.html as it is where the renderer fails, and says so in the log', async () => {
    mkdirSync(join(brokenRoot, 'web'));
    mkdirSync(join(brokenRoot, 'web-ssr'));
    writeFileSync(join(brokenRoot, 'web', 'index.html'), readFileSync(join(webDistDir, 'index.html')));
    writeFileSync(join(brokenRoot, 'web-ssr', 'server-render.js'), 'export async function renderPage() { throw new Error("broken"); }');
    const warnings: string[] = [];
    const log = pino({ level: 'warn' }, { write: (line: string) => warnings.push(line) });
    const firstPaint = await createFirstPaint(join(brokenRoot, 'web'), log);
    const html = await firstPaint.page({ url: '/chi-tieu', locale: 'vi', isSignedIn: false });
    expect(html).toBe(readFileSync(join(webDistDir, 'index.html'), 'utf8'));
    expect(warnings.join('')).toContain('could not be rendered on the server');
  });
});

describe('pages served by the app', () => {
  it('come compressed, with their first paint', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/chi-tieu', headers: { accept: 'text/html', 'accept-encoding': 'gzip' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers.vary).toContain('cookie');
  });
});
