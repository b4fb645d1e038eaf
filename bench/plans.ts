// Plans benchmarks on a PostgreSQL server: unit scorecards and the filtered task list over
// 500 units × 20,000 tasks, against /healthz of the same app in the same run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { openDatabase } from '../src/server/db/client.js';
import { runMigrations } from '../src/server/db/migrate.js';
import { ManualClock } from '../src/server/lib/clock.js';
import { LocalStorageDriver } from '../src/server/lib/storage.js';
import { seedDemoData } from '../src/server/seed.js';
import { measure, rows, startPostgres } from './support.js';

const unitCount = 500;
const taskCount = 20_000;

export async function plansScorecardsOnPostgres(): Promise<void> {
  const server = await startPostgres();
  const dataDir = mkdtempSync(join(tmpdir(), 'doimoi-bench-plans-'));
  try {
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query('create database doimoi_bench_plans');
    await admin.end();
    const databaseUrl = server.url.replace(/\/postgres$/, '/doimoi_bench_plans');
    const clock = new ManualClock('2026-06-15T03:00:00Z');
    const database = await openDatabase({ databaseUrl, dataDir, poolMax: 10 });
    await runMigrations(database.db);
    await seedDemoData(database.db, clock, new LocalStorageDriver(join(dataDir, 'files')));
    const { db } = database;
    await db.execute(sql`
      insert into units (code, name_vi, name_en, kind, parent_id)
      select 'BENCH-' || lpad(i::text, 3, '0'), 'Đơn vị thử ' || i, 'Test unit ' || i, 'ward', (select id from units where code = '79')
      from generate_series(1, ${unitCount}) i`);
    // Deadlines over the year; a third completed (some late), the rest spread between not started, on time and overdue.
    await db.execute(sql`
      with p as (select id from plans where code = '4354/KH-UBND'),
           u as (select array_agg(id order by code) ids from units where code like 'BENCH-%'),
           g as (select array_agg(id order by position) ids from task_groups where plan_id = (select id from p))
      insert into tasks (plan_id, group_id, code, title_vi, title_en, lead_unit_id, start_on, due_on, original_due_on, progress_percent, completed_on, position)
      select (select id from p), (select ids from g)[1 + i % 10], 'B-' || i, 'Nhiệm vụ chuyển đổi số thử nghiệm ' || i, 'Test task ' || i,
             (select ids from u)[1 + i % ${unitCount}], date '2026-01-01', date '2026-01-01' + (i % 365), date '2026-01-01' + (i % 365),
             case when i % 3 = 0 then 100 else (i * 37) % 100 end,
             case when i % 3 = 0 then date '2026-01-01' + (i % 365) + (i % 7 - 3) end, i
      from generate_series(1, ${taskCount}) i`);
    // As autovacuum would after a bulk load: statistics and the visibility map for index-only scans.
    await db.execute(sql`vacuum analyze`);
    const config = loadConfig({
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      JOBS_ENABLED: 'false',
      NODE_ENV: 'production',
      SESSION_SECRET: 'x'.repeat(32),
      AUDIT_KEY: 'k'.repeat(32),
    });
    const app = await buildApp({ config, database, clock });
    await app.ready();
    const plan = (await app.inject({ method: 'GET', url: '/api/plans' })).json().items[0] as { id: string };
    const unitIds = ((await app.inject({ method: 'GET', url: '/api/units' })).json().items as Array<{ id: string; code: string }>)
      .filter((u) => u.code.startsWith('BENCH-'))
      .map((u) => u.id);
    let n = 0;
    const pick = () => unitIds[n++ % unitIds.length]!;

    const health = await measure(app, () => '/healthz');
    const scorecard = await measure(app, () => `/api/plans/scorecards?planId=${plan.id}`);
    const scorecardPeriod = await measure(app, () => `/api/plans/scorecards?planId=${plan.id}&from=2026-04-01&to=2026-06-30`);
    const list = await measure(
      app,
      () => `/api/plans/${plan.id}/tasks?unitId=${pick()}&status=in_progress_overdue&dueFrom=2026-01-01&dueTo=2026-12-31&limit=50`,
    );
    const search = await measure(
      app,
      () => `/api/plans/${plan.id}/tasks?q=${encodeURIComponent('chuyen doi so')}&status=completed_late&limit=50`,
    );
    await app.close();
    await database.close();

    const row = (name: string, m: { p50: number; p95: number }, target: string) =>
      rows.push({
        name: `${name} (PostgreSQL, ${unitCount} units × ${taskCount.toLocaleString('en')} tasks)`,
        measured: `p95 ${m.p95.toFixed(1)} ms, p50 ${m.p50.toFixed(1)} ms`,
        baseline: `/healthz p95 ${health.p95.toFixed(1)} ms`,
        ratio: m.p95 / health.p95,
        target,
      });
    row('plans: scorecard, whole plan', scorecard, 'p95 ≤ 50 ms');
    row('plans: scorecard, one quarter', scorecardPeriod, 'p95 ≤ 50 ms');
    row('plans: task list, unit + status + deadline filters', list, 'informational');
    row('plans: task list, text search + status', search, 'informational');
  } finally {
    server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
