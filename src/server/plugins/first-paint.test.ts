import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { webRoutePatterns } from '../../shared/web-paths.js';
import { webDistDir } from '../lib/paths.js';
import { createFirstPaint } from './first-paint.js';

const silent = pino({ level: 'silent' });
const h1 = (html: string) => /<h1[^>]*>([^<]*)</.exec(html)?.[1];

// The built web app and its server renderer (`npm run build`, which the test command runs first).
describe('the first paint of a page, rendered by the server', () => {
  it('renders every declared page in Vietnamese, and in English when the cookie says so', async () => {
    const firstPaint = await createFirstPaint(webDistDir, silent);
    for (const pattern of webRoutePatterns) {
      const url = pattern.replace(/:\w+/g, 'VD-1');
      const vi = await firstPaint(url, undefined);
      expect(vi, url).toContain('<fieldset id="root" data-server-rendered');
      expect(vi, url).toContain('<html lang="vi">');
      expect(vi, url).toMatch(/<main id="main-content"/);
      const en = await firstPaint(url, 'en');
      expect(en, url).toContain('<html lang="en">');
      expect(en, url).toContain('data-server-rendered');
    }
    expect(h1(await firstPaint('/chi-tieu', 'vi'))).toBe('Chỉ tiêu đến năm 2030');
    expect(h1(await firstPaint('/chi-tieu', 'en'))).toBe('Targets to 2030');
    // A cookie naming no language of the app: Vietnamese, the default.
    expect(await firstPaint('/chi-tieu', 'xx')).toContain('<html lang="vi">');
  });

  it('renders what the visitor may see of the address, escaped', async () => {
    const firstPaint = await createFirstPaint(webDistDir, silent);
    const html = await firstPaint('/tim-kiem?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E', 'vi');
    expect(html).toContain('data-server-rendered');
    expect(html).not.toContain('<script>alert(1)</script>');
  });

  const brokenRoot = mkdtempSync(join(tmpdir(), 'doimoi-first-paint-'));
  afterAll(() => rmSync(brokenRoot, { recursive: true, force: true }));

  it('serves index.html as it is where the renderer fails, and says so in the log', async () => {
    mkdirSync(join(brokenRoot, 'web'));
    mkdirSync(join(brokenRoot, 'web-ssr'));
    writeFileSync(join(brokenRoot, 'web', 'index.html'), readFileSync(join(webDistDir, 'index.html')));
    writeFileSync(join(brokenRoot, 'web-ssr', 'server-render.js'), 'export async function renderPage() { throw new Error("broken"); }');
    const warnings: string[] = [];
    const log = pino({ level: 'warn' }, { write: (line: string) => warnings.push(line) });
    const firstPaint = await createFirstPaint(join(brokenRoot, 'web'), log);
    const html = await firstPaint('/chi-tieu', 'vi');
    expect(html).toBe(readFileSync(join(webDistDir, 'index.html'), 'utf8'));
    expect(warnings.join('')).toContain('could not be rendered on the server');
  });
});
