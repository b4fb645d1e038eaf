// Movement benchmarks on a throwaway PostgreSQL server with 100,000 initiatives: submission and
// support throughput (autocannon, distinct accounts) and gallery search latency (p95 target ≤ 30 ms).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { openDatabase } from '../src/server/db/client.js';
import { runMigrations } from '../src/server/db/migrate.js';
import { verifyAuditLog } from '../src/server/lib/audit-verify.js';
import { systemClock } from '../src/server/lib/clock.js';
import { newSecret, sha256Hex } from '../src/server/lib/tokens.js';
import { configuredStorage } from '../src/server/lib/configured-storage.js';
import { seedDemoData } from '../src/server/seed.js';
import { durationSeconds, percentile, rows, startPostgres } from './support.js';

const initiativeCount = Number(process.env.BENCH_INITIATIVES ?? 100_000);
const accountCount = 12_000;

type Account = { cookie: string; csrf: string };

const topics = [
  'Tiếp nhận hồ sơ hành chính bằng mã QR',
  'Cảnh báo ngập cho người dân',
  'Điều phối xe buýt theo dữ liệu thẻ vé',
  'Phân loại rác tại nguồn tích điểm',
  'Sổ sức khỏe điện tử học sinh',
  'Đèn đường thông minh tiết kiệm điện',
  'Trợ lý ảo trả lời thủ tục hành chính',
  'Bình dân học vụ số cho người cao tuổi',
  'Học bạ số và chuyển trường trực tuyến',
  'Chữ ký số cho hộ kinh doanh',
  'Giám sát chất lượng không khí bằng cảm biến',
  'Thanh toán không tiền mặt tại chợ truyền thống',
];
const places = [
  'phường Sài Gòn',
  'phường Bến Thành',
  'xã Bình Chánh',
  'đặc khu Côn Đảo',
  'Sở Y tế',
  'Sở Giáo dục',
  'Sở Xây dựng',
  'Trung tâm Chuyển đổi số',
];

/** Loads 100,000 initiatives in one statement: titles and texts from the lists above, 60 % of them public. */
async function loadInitiatives(db: Awaited<ReturnType<typeof openDatabase>>['db']) {
  const topicList = sql.raw(`array[${topics.map((t) => `'${t}'`).join(',')}]`);
  const placeList = sql.raw(`array[${places.map((p) => `'${p}'`).join(',')}]`);
  await db.execute(sql`
    insert into initiatives (code, campaign_id, title, field_code, essence, state, scope, search_text, search_tokens, support_count, decided_at, submitted_at)
    select 'SK-BENCH-' || g,
           (select id from campaigns order by code limit 1),
           t.title,
           (array['cds','cqs','yte','gd','gt','mt'])[1 + g % 6],
           t.title || ' — mô hình số ' || g || '. Áp dụng thử, tiết kiệm thời gian và chi phí cho người dân.',
           (array['recognised','awarded','replicated','submitted','under_review','not_recognised','recognised','awarded','screening','recognised'])[1 + g % 10],
           (array['unit','city','national'])[1 + g % 3],
           f.folded,
           array(select distinct w from unnest(regexp_split_to_array(f.folded, '[^[:alnum:]]+')) w where w <> ''),
           g % 97,
           now() - (g || ' minutes')::interval,
           now() - (g || ' minutes')::interval
    from generate_series(1, ${initiativeCount}) g,
         lateral (select (${topicList})[1 + g % ${topics.length}] || ' tại ' || (${placeList})[1 + (g / ${topics.length}) % ${places.length}] as title) t,
         lateral (select lower(f_unaccent(t.title || ' — mô hình số ' || g || '. Áp dụng thử, tiết kiệm thời gian và chi phí cho người dân.')) as folded) f`);
  // A table in service has been vacuumed; a freshly bulk-loaded one has not (no visibility map, no hint bits).
  await db.execute(sql`vacuum analyze initiatives`);
}

async function makeAccounts(db: Awaited<ReturnType<typeof openDatabase>>['db']): Promise<Account[]> {
  const accounts: Account[] = [];
  for (let start = 0; start < accountCount; start += 1000) {
    const batch = Array.from({ length: 1000 }, (_, i) => ({
      email: `bench-${start + i}@example.vn`,
      token: newSecret(),
      csrf: newSecret(24),
    }));
    const users = await db.execute<{ id: string; email: string }>(sql`
      insert into users (email, display_name, email_verified_at) select e, e, now() from unnest(${sql.raw(`array[${batch.map((b) => `'${b.email}'`).join(',')}]`)}::text[]) e returning id, email`);
    const byEmail = new Map(users.rows.map((u) => [u.email, u.id]));
    const values = batch.map(
      (b) => sql`(${sha256Hex(b.token)}, ${byEmail.get(b.email)!}::uuid, true, ${b.csrf}, now() + interval '1 day')`,
    );
    await db.execute(
      sql`insert into sessions (token_hash, user_id, is_complete, csrf_token, expires_at) values ${sql.join(values, sql`, `)}`,
    );
    for (const b of batch) accounts.push({ cookie: `doimoi_session=${b.token}`, csrf: b.csrf });
  }
  return accounts;
}

/** autocannon POSTs, request i as account i (each account sends at most once per run). */
function postAsAccounts(url: string, path: string, accounts: Account[], amount: number, body?: unknown): Promise<autocannon.Result> {
  let next = 0;
  return autocannon({
    url,
    connections: 50,
    amount,
    requests: [
      {
        method: 'POST',
        path,
        ...(body ? { body: JSON.stringify(body) } : {}),
        setupRequest: (request) => {
          const account = accounts[next++ % accounts.length]!;
          return {
            ...request,
            headers: {
              ...request.headers,
              cookie: account.cookie,
              'x-csrf-token': account.csrf,
              ...(body ? { 'content-type': 'application/json' } : {}),
            },
          };
        },
      },
    ],
  });
}

/** Waits for the background sealer to seal every audit row written so far; returns how long that took. */
async function untilAuditSealed(db: Awaited<ReturnType<typeof openDatabase>>['db']): Promise<number> {
  const started = performance.now();
  for (;;) {
    const { rows: pending } = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from audit_events where id > (select coalesce(max(last_event_id), 0) from audit_batches)`,
    );
    if (pending[0]!.n === 0) return Math.round(performance.now() - started);
    if (performance.now() - started > 60_000) throw new Error(`${pending[0]!.n} audit rows still unsealed after 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export async function movementBenchmarks(): Promise<void> {
  const server = await startPostgres();
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query('create database doimoi_bench');
  await admin.end();
  const databaseUrl = server.url.replace(/\/postgres$/, '/doimoi_bench');
  const dataDir = mkdtempSync(join(tmpdir(), 'doimoi-bench-movement-'));
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    // As in service: the audit sealer runs in this process while the supports come in.
    JOBS_ENABLED: 'true',
    NODE_ENV: 'production',
    SESSION_SECRET: 'x'.repeat(32),
    AUDIT_KEY: 'k'.repeat(32),
  });
  const database = await openDatabase({ databaseUrl, dataDir, poolMax: 20 });
  try {
    await runMigrations(database.db);
    await seedDemoData(database.db, systemClock, configuredStorage(config));
    await loadInitiatives(database.db);
    const accounts = await makeAccounts(database.db);
    const app = await buildApp({ config, database });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    const campaignId = ((await app.inject('/api/movement/campaigns')).json() as { campaigns: Array<{ id: string }> }).campaigns[0]!.id;
    const target = ((await app.inject('/api/movement/gallery?sort=newest')).json() as { items: Array<{ id: string }> }).items[0]!.id;

    // Baseline: reading one public initiative, the same app and database.
    const read = await autocannon({ url: `${url}/api/movement/gallery/${target}`, connections: 50, duration: durationSeconds });

    const supportsSent = 10_000;
    const before = (await app.inject(`/api/movement/gallery/${target}`)).json() as { supportCount: number };
    const supports = await postAsAccounts(url, `/api/movement/gallery/${target}/supports`, accounts, supportsSent);
    const after = (await app.inject(`/api/movement/gallery/${target}`)).json() as { supportCount: number };
    const isExact = after.supportCount - before.supportCount === supportsSent && supports.non2xx === 0;
    const supportRate = supportsSent / supports.duration;
    const sealingLagMs = await untilAuditSealed(database.db);
    const audit = await verifyAuditLog(database.db, config.auditKey);
    rows.push({
      name: `movement: ${supportsSent} supports from distinct accounts (req/s) vs reading an initiative, PostgreSQL, ${initiativeCount} initiatives`,
      measured: `${Math.round(supportRate)} req/s, p99 ${supports.latency.p99} ms, count ${isExact ? 'exact' : `WRONG (+${after.supportCount - before.supportCount})`}; audit sealed ${sealingLagMs} ms after the last support`,
      baseline: `${Math.round(read.requests.average)} req/s`,
      ratio: supportRate / read.requests.average,
      target: '≥ 0.6; count exact',
    });
    if (!isExact) throw new Error(`support count is not exact: ${before.supportCount} → ${after.supportCount} after ${supportsSent}`);
    if (audit.brokenAt !== null || audit.pending !== 0) throw new Error(`audit log after the supports: ${JSON.stringify(audit)}`);

    const drafts = 3_000;
    const draft = {
      campaignId,
      title: 'Số hóa sổ tiêm chủng tại trạm y tế',
      fieldCode: 'yte',
      essence: 'Trạm y tế nhập lịch tiêm vào phần mềm dùng chung và nhắc lịch.',
      authors: [{ fullName: 'Nguyễn Văn An', contributionPercent: 100 }],
    };
    const submissions = await postAsAccounts(url, '/api/movement/initiatives', accounts.slice(supportsSent), drafts, draft);
    const submissionRate = drafts / submissions.duration;
    rows.push({
      name: 'movement: initiative submissions (drafts created, req/s) vs reading an initiative, PostgreSQL',
      measured: `${Math.round(submissionRate)} req/s, p99 ${submissions.latency.p99} ms, ${submissions.non2xx} refused`,
      baseline: `${Math.round(read.requests.average)} req/s`,
      ratio: submissionRate / read.requests.average,
      target: 'informational',
    });

    // Search latency, one request at a time, over varied queries with and without diacritics.
    const queries = [
      'ma QR',
      'cảnh báo ngập',
      'xe buyt',
      'phân loại rác',
      'suc khoe hoc sinh',
      'đèn đường',
      'tro ly ao',
      'người cao tuổi',
      'chu ky so',
      'không khí',
      'tien mat',
      'Côn Đảo',
    ];
    const timeRequests = async (paths: string[]) => {
      const times: number[] = [];
      for (const path of paths) {
        const started = performance.now();
        const res = await fetch(`${url}${path}`);
        await res.arrayBuffer();
        times.push(performance.now() - started);
      }
      return times;
    };
    const searchPaths = Array.from(
      { length: 400 },
      (_, i) => `/api/movement/gallery?q=${encodeURIComponent(queries[i % queries.length]!)}${i % 3 === 0 ? '&field=yte' : ''}`,
    );
    const browsePaths = Array.from({ length: 400 }, (_, i) => `/api/movement/gallery?page=${1 + (i % 20)}`);
    await timeRequests(searchPaths.slice(0, 40)); // warm-up
    const search = await timeRequests(searchPaths);
    const browse = await timeRequests(browsePaths);
    rows.push({
      name: `movement: gallery search p95 over ${initiativeCount} initiatives vs browsing without a query, PostgreSQL`,
      measured: `p95 ${percentile(search, 95).toFixed(1)} ms (p50 ${percentile(search, 50).toFixed(1)} ms)`,
      baseline: `p95 ${percentile(browse, 95).toFixed(1)} ms`,
      ratio: percentile(search, 95) / percentile(browse, 95),
      target: 'p95 ≤ 30 ms',
    });
    await app.close();
  } finally {
    await database.close();
    server.stop();
  }
}
