import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { exited, repoRoot, runCli, spawnCli } from '../support/processes.js';

const pgBin = '/usr/lib/postgresql/15/bin';
const haproxyBin = '/usr/sbin/haproxy';
const isRoot = process.getuid?.() === 0;

/** PostgreSQL refuses to run as root: run its tools as the postgres user Debian's package created. */
function runPg(tool: string, args: string[]): string {
  const [command, full] = isRoot ? ['runuser', ['-u', 'postgres', '--', join(pgBin, tool), ...args]] : [join(pgBin, tool), args];
  return execFileSync(command, full, { stdio: ['ignore', 'pipe', 'pipe'] }).toString();
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const waitUntil = async (what: string, check: () => Promise<boolean>, timeoutMs = 30_000) => {
  const started = Date.now();
  while (!(await check().catch(() => false))) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

export type Cluster = {
  /** HAProxy's address: what browsers use. */
  url: string;
  /** Each process's own address, past the balancer. */
  apps: string[];
  primaryUrl: string;
  replicaUrl: string;
  primary: pg.Pool;
  replica: pg.Pool;
  stopReplica(): void;
  close(): Promise<void>;
};

/**
 * A PostgreSQL primary with a streaming replica made by pg_basebackup, `processes` of the built
 * `doimoi serve` started at the same moment on the blank database, and HAProxy in front
 * (deploy/haproxy.cfg), all in a temporary directory on free loopback ports.
 */
export async function startCluster(options: { processes: number; env?: Record<string, string>; seedDemo?: boolean }): Promise<Cluster> {
  const dir = mkdtempSync(join(tmpdir(), 'doimoi-cluster-'));
  if (isRoot)
    chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString()), Number(execFileSync('id', ['-g', 'postgres']).toString()));
  const [primaryPort, replicaPort, proxyPort] = [await freePort(), await freePort(), await freePort()];
  const children: ChildProcess[] = [];
  let proxy: ChildProcess | null = null;
  const pools: pg.Pool[] = [];
  const stopPg = (name: string) => {
    try {
      runPg('pg_ctl', ['-D', join(dir, name), '-m', 'immediate', 'stop']);
    } catch {
      // already stopped
    }
  };
  const close = async () => {
    proxy?.kill('SIGTERM');
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(children.map((child) => exited(child)));
    if (proxy) await exited(proxy);
    await Promise.all(pools.map((pool) => pool.end().catch(() => undefined)));
    stopPg('replica');
    stopPg('primary');
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    runPg('initdb', ['-D', join(dir, 'primary'), '-U', 'doimoi', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
    appendFileSync(
      join(dir, 'primary', 'postgresql.conf'),
      `\nport = ${primaryPort}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '${dir}'\nwal_level = replica\nmax_wal_senders = 4\nfsync = off\n`,
    );
    runPg('pg_ctl', ['-D', join(dir, 'primary'), '-l', join(dir, 'primary.log'), '-w', 'start']);
    runPg('pg_basebackup', [
      '-h',
      '127.0.0.1',
      '-p',
      String(primaryPort),
      '-U',
      'doimoi',
      '-D',
      join(dir, 'replica'),
      '-R',
      '-X',
      'stream',
    ]);
    appendFileSync(join(dir, 'replica', 'postgresql.conf'), `\nport = ${replicaPort}\n`);
    runPg('pg_ctl', ['-D', join(dir, 'replica'), '-l', join(dir, 'replica.log'), '-w', 'start']);

    const primaryUrl = `postgres://doimoi@127.0.0.1:${primaryPort}/postgres`;
    const replicaUrl = `postgres://doimoi@127.0.0.1:${replicaPort}/postgres`;
    const primary = new pg.Pool({ connectionString: primaryUrl, max: 2 });
    const replica = new pg.Pool({ connectionString: replicaUrl, max: 2 });
    replica.on('error', () => undefined);
    pools.push(primary, replica);

    const appPorts = await Promise.all(Array.from({ length: options.processes }, () => freePort()));
    const shared = {
      DATABASE_URL: primaryUrl,
      DATABASE_REPLICA_URL: replicaUrl,
      HOST: '127.0.0.1',
      TRUST_PROXY: 'true',
      SESSION_SECRET: 'cluster-session-secret-of-at-least-32-chars',
      AUDIT_KEY: 'cluster-audit-key-of-at-least-32-characters',
      JOBS_POLL_MS: '200',
      LOG_LEVEL: 'warn',
      ...options.env,
    };
    // All at once, on a blank database: they take turns migrating.
    for (const [index, port] of appPorts.entries()) {
      mkdirSync(join(dir, `app${index}`));
      children.push(spawnCli(['serve'], { ...shared, PORT: String(port), DATA_DIR: join(dir, `app${index}`) }));
    }
    const apps = appPorts.map((port) => `http://127.0.0.1:${port}`);
    for (const app of apps) await waitUntil(`${app}/readyz`, async () => (await fetch(`${app}/readyz`)).ok, 60_000);
    if (options.seedDemo) {
      const seeded = await runCli(['seed', '--demo'], { ...shared, DATA_DIR: join(dir, 'app0') });
      if (seeded.code !== 0) throw new Error(`seed failed: ${seeded.stderr}`);
    }

    const backends = Object.fromEntries([1, 2, 3].map((n) => [`DOIMOI_APP${n}`, `127.0.0.1:${appPorts[(n - 1) % appPorts.length]}`]));
    // Without it, spawn's error would surface as an uncaught exception instead of this test's failure.
    if (!existsSync(haproxyBin)) throw new Error(`HAProxy is not installed at ${haproxyBin}: scripts/debian-packages.sh installs it`);
    proxy = spawn(haproxyBin, ['-db', '-f', join(repoRoot, 'deploy', 'haproxy.cfg')], {
      env: { ...process.env, DOIMOI_LISTEN: `127.0.0.1:${proxyPort}`, ...backends },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const url = `http://127.0.0.1:${proxyPort}`;
    await waitUntil('HAProxy', async () => (await fetch(`${url}/readyz`)).ok);
    return { url, apps, primaryUrl, replicaUrl, primary, replica, stopReplica: () => stopPg('replica'), close };
  } catch (error) {
    await close();
    throw error;
  }
}
