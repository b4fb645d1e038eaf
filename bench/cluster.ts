// A mixed workload (public reads, staff reads, writes) through HAProxy, with one process and with
// three on one PostgreSQL primary and its replica: the ratio says what adding processes buys.
import autocannon from 'autocannon';
import { startCluster, type Cluster } from '../tests/cluster/cluster.js';
import { durationSeconds, rows } from './support.js';

const limits = { RATE_LIMIT_WRITES_PER_MINUTE: '1000000', RATE_LIMIT_ACCOUNT_WRITES_PER_MINUTE: '1000000', LOG_LEVEL: 'silent' };

/** Signs in a demo unit officer (no second factor needed) and returns the session cookie and CSRF token. */
async function officerSession(cluster: Cluster): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${cluster.url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'canbo.skhcn@demo.doimoi.vn', password: 'doimoi-demo-2030' }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
  return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

async function mixedWorkload(processes: number): Promise<autocannon.Result> {
  const cluster = await startCluster({ processes, seedDemo: true, env: limits });
  try {
    const { rows: tasks } = await cluster.primary.query<{ id: string }>(
      `select t.id from tasks t join units u on u.id = t.lead_unit_id where u.code = 'SKHCN' and t.is_public order by t.code limit 1`,
    );
    const taskId = tasks[0]!.id;
    const staff = await officerSession(cluster);
    const staffHeaders = { cookie: staff.cookie };
    const requests: autocannon.Request[] = [
      { method: 'GET', path: '/api/indicators/dashboard' },
      { method: 'GET', path: `/api/plans/tasks/${taskId}` },
      { method: 'GET', path: '/api/portal/summary' },
      { method: 'GET', path: `/api/plans/tasks/${taskId}`, headers: staffHeaders },
      { method: 'GET', path: '/api/plans/my-tasks', headers: staffHeaders },
      {
        method: 'POST',
        path: `/api/plans/tasks/${taskId}/comments`,
        headers: { ...staffHeaders, 'x-csrf-token': staff.csrf, 'content-type': 'application/json' },
        body: JSON.stringify({ body: 'Đã cập nhật tiến độ' }),
      },
    ];
    return await autocannon({ url: cluster.url, connections: 24, duration: durationSeconds, requests });
  } finally {
    await cluster.close();
  }
}

export async function clusterScaling(): Promise<void> {
  const one = await mixedWorkload(1);
  const three = await mixedWorkload(3);
  const failures = (r: autocannon.Result) => r.errors + r.timeouts + r.non2xx;
  if (failures(one) + failures(three) > 0) {
    throw new Error(`mixed workload had failures: one process ${failures(one)}, three ${failures(three)}`);
  }
  rows.push({
    name: 'mixed workload through HAProxy (public reads, staff reads, writes): 3 processes vs 1',
    measured: `${Math.round(three.requests.average)} req/s, p99 ${three.latency.p99} ms, 0 errors`,
    baseline: `${Math.round(one.requests.average)} req/s, p99 ${one.latency.p99} ms, 0 errors`,
    ratio: three.requests.average / one.requests.average,
    target: 'informational (the machine has 2 cores and runs PostgreSQL too)',
  });
}
