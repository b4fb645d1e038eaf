import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../support/totp.js';
import { startCluster, type Cluster } from './cluster.js';

/**
 * Three processes of the built server behind HAProxy, on one PostgreSQL primary with a streaming
 * replica: they behave as one (limits, jobs, caches), anonymous reads come from the replica, and a
 * writer reads their own write at once.
 */
let cluster: Cluster;
beforeAll(async () => {
  cluster = await startCluster({
    processes: 3,
    seedDemo: true,
    env: { RATE_LIMIT_WRITES_PER_MINUTE: '6', REPLICA_MAX_LAG_MS: '60000', READ_YOUR_WRITES_MS: '60000' },
  });
}, 180_000);
afterAll(() => cluster?.close());

/** A browser: keeps its cookies and sends the CSRF token on writes. */
function browser(base: () => string) {
  const cookies = new Map<string, string>();
  let csrf: string | null = null;
  const request = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${base()}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(cookies.size > 0 ? { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
        ...(csrf && method !== 'GET' ? { 'x-csrf-token': csrf } : {}),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, value] = pair!.split('=');
      if (value === '' || /max-age=0/i.test(line)) cookies.delete(name!);
      else cookies.set(name!, value!);
    }
    const text = await res.text();
    const json = text.startsWith('{') ? (JSON.parse(text) as Record<string, unknown>) : {};
    if (typeof json.csrfToken === 'string') csrf = json.csrfToken;
    return { status: res.status, json, text, etag: res.headers.get('etag') };
  };
  return { request };
}

let signedInManager: ReturnType<typeof browser> | null = null;
/** The demo programme manager, signed in once with a second factor set up on the way. */
const signInManager = async () => {
  if (signedInManager) return signedInManager;
  const manager = browser(() => cluster.url);
  const signedIn = await manager.request('POST', '/api/auth/sign-in', { email: 'quanly@demo.doimoi.vn', password: 'doimoi-demo-2030' });
  expect(signedIn.status, signedIn.text).toBe(200);
  const enrol = await manager.request('POST', '/api/account/totp/enrol');
  expect(enrol.status, enrol.text).toBe(200);
  const confirmed = await manager.request('POST', '/api/account/totp/confirm', { code: totpCode(enrol.json.secret as string, new Date()) });
  expect(confirmed.status, confirmed.text).toBe(200);
  signedInManager = manager;
  return manager;
};

describe('three processes behind HAProxy', () => {
  it('migrated once, though they started at the same moment on a blank database', async () => {
    const { rows } = await cluster.primary.query<{ hash: string; n: number }>('select hash, count(*)::int as n from drizzle.__drizzle_migrations group by hash');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.n === 1)).toBe(true);
  });

  it('hold the anonymous write limit across processes', async () => {
    const visitor = browser(() => cluster.url);
    const statuses: number[] = [];
    for (let i = 0; i < 9; i++) {
      statuses.push((await visitor.request('POST', '/api/auth/password-reset/request', { email: `nobody${i}@example.vn` }, { 'x-forwarded-for': '10.77.0.1' })).status);
    }
    // Round robin sent three to each process: one shared budget of 6, not 6 each.
    expect(statuses).toEqual([202, 202, 202, 202, 202, 202, 429, 429, 429]);
  });

  it('run a job queued once exactly once', async () => {
    const { rows } = await cluster.primary.query<{ id: number }>(
      `insert into jobs (name, payload, run_at, max_attempts) select 'system.delete-expired-counters', '{}', now(), 1 from generate_series(1, 30) returning id`,
    );
    const ids = rows.map((row) => row.id);
    let done: Array<{ status: string; attempts: number }> = [];
    for (let waited = 0; waited < 20_000; waited += 200) {
      done = (await cluster.primary.query('select status, attempts from jobs where id = any($1)', [ids])).rows;
      if (done.every((job) => job.status === 'succeeded')) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(done.map((job) => [job.status, job.attempts])).toEqual(ids.map(() => ['succeeded', 1]));
  });

  it('change a cached dashboard in every process after a write', async () => {
    const manager = await signInManager();
    const dashboards = async () => Promise.all(cluster.apps.map(async (app) => (await fetch(`${app}/api/indicators/dashboard`)).text()));
    await dashboards(); // every process has it cached now (for 10 s)
    const { rows } = await cluster.primary.query<{ id: string; name_vi: string }>('select id, name_vi from indicators where is_public order by code limit 1');
    const indicator = rows[0]!;
    expect((await dashboards()).every((body) => body.includes(indicator.name_vi))).toBe(true);
    const loaded = await manager.request('GET', `/api/indicators/${indicator.id}`);
    const renamed = `${indicator.name_vi} (đã cập nhật)`;
    const saved = await manager.request('PATCH', `/api/indicators/${indicator.id}`, { nameVi: renamed }, { 'if-match': loaded.etag! });
    expect(saved.status, saved.text).toBe(200);
    // Well within the 10 s the caches would otherwise keep the old one.
    for (let waited = 0; waited < 3000; waited += 100) {
      if ((await dashboards()).every((body) => body.includes(renamed))) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect((await dashboards()).map((body) => body.includes(renamed))).toEqual([true, true, true]);
  });

  it('serve anonymous reads from the replica, their own write to a writer at once, and fall back when the replica is lost', async () => {
    const manager = await signInManager();
    const visitor = browser(() => cluster.url);
    const { rows } = await cluster.primary.query<{ id: string; title_vi: string }>('select id, title_vi from tasks where is_public order by code limit 1');
    const task = rows[0]!;
    const url = `/api/plans/tasks/${task.id}`;
    const titleSeen = async (who: ReturnType<typeof browser>) => ((await who.request('GET', url)).json.title as { vi: string }).vi;

    await cluster.replica.query('select pg_wal_replay_pause()');
    const loaded = await manager.request('GET', url);
    const renamed = `${task.title_vi} (sửa lúc bản sao tạm dừng)`;
    expect((await manager.request('PATCH', url, { titleVi: renamed }, { 'if-match': loaded.etag! })).status).toBe(200);

    expect(await titleSeen(manager), 'the writer reads their write at once').toBe(renamed);
    for (let i = 0; i < 3; i++) expect(await titleSeen(visitor), 'a visitor reads the paused replica').toBe(task.title_vi);
    // Signed out, the writer still reads from the primary for a while.
    expect((await manager.request('POST', '/api/auth/sign-out')).status).toBe(204);
    for (let i = 0; i < 3; i++) expect(await titleSeen(manager)).toBe(renamed);

    const metrics = await (await fetch(`${cluster.apps[0]}/metrics`)).text();
    expect(metrics).toMatch(/^db_replica_lag_seconds \d/m);
    expect(metrics).toMatch(/^db_replica_in_use 1/m);

    await cluster.replica.query('select pg_wal_replay_resume()');
    for (let waited = 0; waited < 5000 && (await titleSeen(visitor)) !== renamed; waited += 100) await new Promise((r) => setTimeout(r, 100));
    expect(await titleSeen(visitor)).toBe(renamed);

    cluster.stopReplica();
    await new Promise((resolve) => setTimeout(resolve, 2500));
    for (let i = 0; i < 3; i++) expect(await titleSeen(visitor), 'the primary answers once the replica is lost').toBe(renamed);
    expect(await (await fetch(`${cluster.apps[1]}/metrics`)).text()).toMatch(/^db_replica_in_use 0/m);
  });
});
