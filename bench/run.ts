// npm run bench: named benchmarks, each measured against a baseline in the same run and printed as a ratio.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clusterScaling } from './cluster.js';
import { ecosystemDirectoryOnPostgres } from './ecosystem.js';
import { indicatorDashboardThroughput } from './indicators.js';
import { lighthousePages } from './lighthouse.js';
import { movementBenchmarks } from './movement.js';
import { opendataOnPostgres } from './opendata.js';
import { plansScorecardsOnPostgres } from './plans.js';
import { firstJsonLine, load, rows, startChild } from './support.js';

async function homeSummaryThroughput(): Promise<void> {
  const child = startChild(['--import', 'tsx', 'bench/servers.ts']);
  const { appAddress, bareAddress } = await firstJsonLine(child);
  await load(`${bareAddress}/summary`); // warm-up of both, so neither pays JIT costs in its measurement
  await load(`${appAddress}/api/portal/summary`);
  const bare = await load(`${bareAddress}/summary`);
  const app = await load(`${appAddress}/api/portal/summary`);
  child.kill('SIGTERM');
  rows.push({
    name: 'home summary API (req/s) vs bare Fastify JSON',
    measured: `${Math.round(app.requests.average)} req/s, p99 ${app.latency.p99} ms`,
    baseline: `${Math.round(bare.requests.average)} req/s, p99 ${bare.latency.p99} ms`,
    ratio: app.requests.average / bare.requests.average,
    target: '≥ 0.5',
  });
}

async function timeToFirstResponse(args: string[], url: (port: number) => string, env: Record<string, string>): Promise<number> {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const started = performance.now();
  const child = startChild(args, { ...env, PORT: String(port) });
  try {
    for (;;) {
      try {
        const res = await fetch(url(port));
        if (res.status === 200) return performance.now() - started;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
      if (performance.now() - started > 60_000) throw new Error('server did not become ready in 60 s');
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

async function coldStart(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'doimoi-bench-cold-'));
  const env = { DATA_DIR: dataDir, HOST: '127.0.0.1', LOG_LEVEL: 'silent', JOBS_ENABLED: 'false' };
  // First start creates and seeds the database; the measured start opens an existing one.
  await timeToFirstResponse(['bin/doimoi.js', 'serve', '--seed-demo'], (p) => `http://127.0.0.1:${p}/readyz`, env);
  const doimoi = await timeToFirstResponse(['bin/doimoi.js', 'serve'], (p) => `http://127.0.0.1:${p}/readyz`, env);
  const bareScript = "const f=require('fastify')();f.get('/',async()=>({ok:true}));f.listen({port:+process.env.PORT,host:'127.0.0.1'})";
  const bare = await timeToFirstResponse(['-e', bareScript], (p) => `http://127.0.0.1:${p}/`, {});
  rmSync(dataDir, { recursive: true, force: true });
  rows.push({
    name: 'cold start to /readyz on PGlite vs bare Fastify process',
    measured: `${Math.round(doimoi)} ms`,
    baseline: `${Math.round(bare)} ms`,
    ratio: doimoi / bare,
    target: 'informational (lower is better)',
  });
}

// Each feature's benchmarks live in their own file and push their rows to the same table.
const benchmarks: Array<() => Promise<void>> = [
  homeSummaryThroughput,
  coldStart,
  indicatorDashboardThroughput,
  plansScorecardsOnPostgres,
  movementBenchmarks,
  opendataOnPostgres,
  ecosystemDirectoryOnPostgres,
  clusterScaling,
  lighthousePages,
];
// `npm run bench -- opendata` runs only the benchmarks whose function name contains a given word.
const only = process.argv.slice(2).map((word) => word.toLowerCase());
for (const benchmark of benchmarks)
  if (only.length === 0 || only.some((word) => benchmark.name.toLowerCase().includes(word))) await benchmark();

console.log('\nbenchmark | measured | baseline (same run) | ratio | target');
console.log('--- | --- | --- | --- | ---');
for (const row of rows) console.log(`${row.name} | ${row.measured} | ${row.baseline} | ${row.ratio.toFixed(2)} | ${row.target}`);
