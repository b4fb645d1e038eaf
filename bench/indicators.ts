// The public indicator dashboard API against a bare Fastify route serving the same JSON, in one run.
import { firstJsonLine, load, rows, startChild } from './support.js';

export async function indicatorDashboardThroughput(): Promise<void> {
  const child = startChild(['--import', 'tsx', 'bench/indicators-servers.ts']);
  const { appAddress, bareAddress } = await firstJsonLine(child);
  await load(`${bareAddress}/dashboard`); // warm-up of both, so neither pays JIT costs in its measurement
  await load(`${appAddress}/api/indicators/dashboard`);
  const bare = await load(`${bareAddress}/dashboard`);
  const app = await load(`${appAddress}/api/indicators/dashboard`);
  child.kill('SIGTERM');
  rows.push({
    name: 'indicator dashboard API (req/s) vs bare Fastify JSON',
    measured: `${Math.round(app.requests.average)} req/s, p99 ${app.latency.p99} ms`,
    baseline: `${Math.round(bare.requests.average)} req/s, p99 ${bare.latency.p99} ms`,
    ratio: app.requests.average / bare.requests.average,
    target: '≥ 0.5',
  });
}
