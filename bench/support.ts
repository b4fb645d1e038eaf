// Shared pieces of `npm run bench`: the result table, child servers and autocannon load.
import { spawn } from 'node:child_process';
import autocannon from 'autocannon';
import type { FastifyInstance } from 'fastify';

export type Row = { name: string; measured: string; baseline: string; ratio: number; target: string };
export const rows: Row[] = [];
export const durationSeconds = Number(process.env.BENCH_SECONDS ?? 8);

export function startChild(args: string[], env: Record<string, string> = {}) {
  return spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
}

export function firstJsonLine(child: ReturnType<typeof startChild>): Promise<Record<string, string>> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const line = buffer.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve(JSON.parse(line) as Record<string, string>);
    });
    child.once('exit', (code) => reject(new Error(`bench server exited ${code}`)));
  });
}

export async function load(url: string): Promise<autocannon.Result> {
  return autocannon({ url, connections: 20, duration: durationSeconds, pipelining: 1 });
}

/**
 * A throwaway PostgreSQL server from Debian's package on a loopback port, for benchmarks that the
 * issues ask to measure on PostgreSQL. Runs as the `postgres` user when we are root (PostgreSQL
 * refuses root). `url` is an admin connection to the `postgres` database.
 */
export async function startPostgres(): Promise<{ url: string; stop(): void }> {
  const { execFileSync } = await import('node:child_process');
  const { chownSync, mkdtempSync, readdirSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { createServer } = await import('node:net');
  const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(a) - Number(b));
  const bin = `/usr/lib/postgresql/${versions.at(-1)}/bin`;
  const dir = mkdtempSync(join(tmpdir(), 'doimoi-bench-pg-'));
  const isRoot = process.getuid?.() === 0;
  if (isRoot)
    chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString()), Number(execFileSync('id', ['-g', 'postgres']).toString()));
  const run = (command: string, args: string[]) =>
    isRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], { stdio: 'ignore' })
      : execFileSync(command, args, { stdio: 'ignore' });
  const port = await new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
  run(`${bin}/initdb`, ['-D', `${dir}/data`, '-U', 'doimoi', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  run(`${bin}/pg_ctl`, [
    '-D',
    `${dir}/data`,
    '-l',
    `${dir}/server.log`,
    '-w',
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200`,
    'start',
  ]);
  return {
    url: `postgres://doimoi@127.0.0.1:${port}/postgres`,
    stop() {
      run(`${bin}/pg_ctl`, ['-D', `${dir}/data`, '-m', 'fast', 'stop']);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export const samples = Number(process.env.BENCH_SAMPLES ?? 300);

/** Latencies (ms) of `samples` sequential calls of `work` after a warm-up of 20. */
export async function timeEach(work: () => Promise<void>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 20; i++) await work();
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

/** Latencies (ms) of sequential requests through the whole app stack; any answer but 200 stops the run. */
export function measure(app: FastifyInstance, urls: () => string): Promise<{ p50: number; p95: number }> {
  return timeEach(async () => {
    const url = urls();
    const res = await app.inject({ method: 'GET', url });
    if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode}: ${res.body.slice(0, 200)}`);
  });
}
