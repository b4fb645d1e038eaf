// Lighthouse (mobile settings: emulated phone, simulated slow 4G and 4× slower CPU) on the pages most
// visitors open, served from the built web app with the demo data. The baseline is a bare HTML page
// from a bare Fastify server audited in the same run, so a busy machine shows in both numbers. Each page
// is audited several times and the median run reported (Lighthouse's own computeMedianRun), with the
// spread of the scores: one run's performance score varies by ten points or more here.
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';
import { webDistDir } from '../src/server/lib/paths.js';
import { firstJsonLine, rows, startChild } from './support.js';

const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const targets = { accessibility: 95, performance: 90, homeScriptKbGzip: 170 };
const runsPerPage = Number(process.env.LIGHTHOUSE_RUNS ?? 3);

type Audit = {
  performance: number;
  /** The lowest and highest performance score of the runs. */
  performanceRange: [number, number];
  accessibility: number;
  scriptKbGzip: number;
  scriptKbSent: number;
  failing: string[];
};
type Result = NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr'];

type NetworkItem = { url: string; resourceType?: string; transferSize?: number };

/** What a browser that asks for gzip downloads for a built script: the file from dist, gzipped. */
function gzippedKb(url: string): number {
  const file = `${webDistDir}${new URL(url).pathname}`;
  return existsSync(file) ? gzipSync(readFileSync(file)).length / 1024 : 0;
}

/** One Lighthouse run; a run whose trace Lighthouse could not record (it says "run again") is run again once. */
async function runOnce(port: number, url: string, isRetry = false): Promise<Result> {
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { runtimeError } = result.lhr;
  if (runtimeError && !isRetry) {
    console.log(`Lighthouse on ${url}: ${runtimeError.code}; running it again`);
    return runOnce(port, url, true);
  }
  if (runtimeError) throw new Error(`Lighthouse could not load ${url}: ${runtimeError.message}`);
  return result.lhr;
}

async function audit(port: number, url: string): Promise<Audit> {
  const runs: Result[] = [];
  for (let run = 0; run < runsPerPage; run++) runs.push(await runOnce(port, url));
  const lhr = computeMedianRun(runs) as Result;
  const performanceScores = runs.map((run) => Math.round((run.categories.performance?.score ?? 0) * 100));
  const requests = ((lhr.audits['network-requests']?.details as { items?: NetworkItem[] } | undefined)?.items ?? []).filter(
    (item) => item.resourceType === 'Script',
  );
  const score = (id: 'performance' | 'accessibility') => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  // The audits that cost points, so a number below its target says where to look.
  const failing = Object.values(lhr.categories)
    .flatMap((category) => category.auditRefs.filter((ref) => ref.weight > 0))
    .map((ref) => lhr.audits[ref.id])
    .filter((a): a is NonNullable<typeof a> => a !== undefined && a.score !== null && a.score < 0.9)
    .map((a) => `${a.id}${a.displayValue ? ` (${a.displayValue})` : ''}`);
  return {
    performance: score('performance'),
    performanceRange: [Math.min(...performanceScores), Math.max(...performanceScores)],
    accessibility: score('accessibility'),
    scriptKbGzip: requests.reduce((sum, item) => sum + gzippedKb(item.url), 0),
    scriptKbSent: requests.reduce((sum, item) => sum + (item.transferSize ?? 0), 0) / 1024,
    failing,
  };
}

export async function lighthousePages(): Promise<void> {
  if (!existsSync(`${webDistDir}/index.html`)) throw new Error('the web app is not built: run `npm run build` first');
  const child = startChild(['--import', 'tsx', 'bench/servers.ts']);
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
  try {
    const { appAddress, bareAddress } = await firstJsonLine(child);
    const gallery = (await (await fetch(`${appAddress}/api/movement/gallery?pageSize=1`)).json()) as { items: Array<{ id: string }> };
    const initiativeId = gallery.items[0]?.id;
    if (!initiativeId) throw new Error('the demo data has no initiative in the gallery');
    const pages: Array<[string, string]> = [
      ['home', '/'],
      ['indicators dashboard', '/chi-tieu'],
      ['initiative gallery', '/thu-vien-sang-kien'],
      ['initiative page', `/thu-vien-sang-kien/${initiativeId}`],
    ];
    const load = loadavg()[0]!.toFixed(1);
    const baseline = await audit(chrome.port, `${bareAddress}/page`);
    for (const [name, path] of pages) {
      const page = await audit(chrome.port, `${appAddress}${path}`);
      const isHome = path === '/';
      rows.push({
        name: `Lighthouse mobile: ${name} (${path === '/' ? path : path.replace(initiativeId, ':id')})`,
        measured: `performance ${page.performance} (median of ${runsPerPage} runs; ${page.performanceRange.join('–')}), accessibility ${page.accessibility}, JS ${page.scriptKbGzip.toFixed(1)} KB gzip (${page.scriptKbSent.toFixed(1)} KB sent)`,
        baseline: `bare page performance ${baseline.performance} (load average ${load} on ${availableParallelism()} cores)`,
        ratio: page.performance / baseline.performance,
        target: `performance ≥ ${targets.performance}, accessibility ≥ ${targets.accessibility}${isHome ? `, JS ≤ ${targets.homeScriptKbGzip} KB gzip` : ''}`,
      });
      if (page.failing.length > 0) console.log(`${name}: audits below 0.9: ${page.failing.join(', ')}`);
    }
  } finally {
    chrome.kill();
    child.kill('SIGTERM');
  }
}
