// Ecosystem directory on a PostgreSQL server with 50,000 organisations: a search with a text query
// and two facets, beside browsing with the same two facets and no query, in the same run. Rows and
// their search-index entries are generated in SQL (generate_series) so set-up stays short.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { ecosystemFieldNames, ecosystemFields, organisationKindNames, organisationKinds } from '../src/shared/contracts/ecosystem.js';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { openDatabase } from '../src/server/db/client.js';
import { runMigrations } from '../src/server/db/migrate.js';
import { ManualClock } from '../src/server/lib/clock.js';
import { LocalStorageDriver } from '../src/server/lib/storage.js';
import { seedDemoData } from '../src/server/seed.js';
import { measure, rows, startPostgres } from './support.js';

const organisationCount = 50_000;

// Words names are made of, so queries hit a realistic share of rows (a word is in about one name in ten).
const nameWords = [
  ['Nông Nghiệp Số', 'Digital Farming'],
  ['Y Tế Thông Minh', 'Smart Health'],
  ['Tài Chính Xanh', 'Green Finance'],
  ['Giáo Dục Mở', 'Open Education'],
  ['Vi Mạch Sài Gòn', 'Saigon Chips'],
  ['Logistics Nhanh', 'Fast Logistics'],
  ['Năng Lượng Sạch', 'Clean Energy'],
  ['Đô Thị Thông Minh', 'Smart City'],
  ['Phần Mềm Việt', 'Viet Software'],
  ['An Ninh Mạng', 'Cyber Shield'],
] as const;
const queries = ['nong nghiep so', 'y te', 'tai chinh xanh', 'vi mach', 'nang luong sach', 'phan mem viet', 'an ninh mang', 'giao duc'];

const literal = (values: readonly string[]) => sql.raw(`array[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',')}]`);

async function loadDirectory(db: Awaited<ReturnType<typeof openDatabase>>['db']): Promise<void> {
  // Startups are most of the directory; a fifth of the profiles verified; one to three fields each.
  await db.execute(sql`
    with w as (select array_agg(id order by code) ids from units where kind in ('ward', 'commune', 'special_zone'))
    insert into eco_organisations (slug, kind, name_vi, name_en, fields, stage, address, ward_unit_id, founded_year,
                                   description_vi, description_en, verified_at, last_confirmed_at, is_illustrative, created_at, updated_at)
    select 'bench-' || i,
           case when i % 10 < 6 then 'startup' else (${literal(organisationKinds)})[1 + i % ${organisationKinds.length}] end,
           'Công ty ' || (${literal(nameWords.map((w) => w[0]))})[1 + i % 10] || ' ' || i,
           (${literal(nameWords.map((w) => w[1]))})[1 + i % 10] || ' ' || i,
           jsonb_build_array((${literal(ecosystemFields)})[1 + i % 14])
             || case when i % 3 > 0 then jsonb_build_array((${literal(ecosystemFields)})[1 + (i / 7) % 14]) else '[]'::jsonb end,
           case when i % 10 < 6 then (array['idea','prototype','seed','growth','scale'])[1 + i % 5] end,
           'Số ' || i || ' đường thử nghiệm',
           (select ids from w)[1 + i % 168],
           2000 + i % 26,
           'Tổ chức thử tải số ' || i || ' trong hệ sinh thái khởi nghiệp đổi mới sáng tạo.',
           'Load-test organisation ' || i || '.',
           case when i % 5 = 0 then timestamptz '2025-01-01' + i * interval '5 minutes' end,
           timestamptz '2025-06-01', true,
           timestamptz '2024-01-01' + i * interval '10 minutes', timestamptz '2024-01-01' + i * interval '10 minutes'
    from generate_series(1, ${organisationCount}) i`);
  // The search index entries, as syncOrganisationIndex writes them: the name, then the rest in the body.
  const kindLabels = (lang: 'vi' | 'en') => literal(organisationKinds.map((k) => organisationKindNames[k][lang]));
  const fieldLabels = (lang: 'vi' | 'en') => literal(ecosystemFields.map((f) => ecosystemFieldNames[f][lang]));
  await db.execute(sql`
    insert into search_documents (entity_type, entity_id, title, title_en, body, url, is_public)
    select 'eco_organisation', o.id::text, o.name_vi, o.name_en,
           concat_ws(' ', o.name_en, o.description_vi, o.description_en, o.address,
                     (${kindLabels('vi')})[array_position(${literal(organisationKinds)}, o.kind)],
                     (${kindLabels('en')})[array_position(${literal(organisationKinds)}, o.kind)],
                     (select string_agg((${fieldLabels('vi')})[array_position(${literal(ecosystemFields)}, f)] || ' ' ||
                                        (${fieldLabels('en')})[array_position(${literal(ecosystemFields)}, f)], ' ')
                      from jsonb_array_elements_text(o.fields) f)),
           '/he-sinh-thai/to-chuc/' || o.slug, true
    from eco_organisations o where o.slug like 'bench-%'`);
  // As autovacuum would after a bulk load: statistics and the visibility map.
  await db.execute(sql`vacuum analyze`);
}

export async function ecosystemDirectoryOnPostgres(): Promise<void> {
  const server = await startPostgres();
  const dataDir = mkdtempSync(join(tmpdir(), 'doimoi-bench-ecosystem-'));
  try {
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query('create database doimoi_bench_ecosystem');
    await admin.end();
    const databaseUrl = server.url.replace(/\/postgres$/, '/doimoi_bench_ecosystem');
    const clock = new ManualClock('2026-06-15T03:00:00Z');
    const database = await openDatabase({ databaseUrl, dataDir, poolMax: 10 });
    await runMigrations(database.db);
    await seedDemoData(database.db, clock, new LocalStorageDriver(join(dataDir, 'files')));
    await loadDirectory(database.db);
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
    let n = 0;
    // Two facets that select a few hundred to a few thousand rows, varying with each request.
    const facets = () => {
      const i = n++;
      return `kind=${i % 2 === 0 ? 'startup' : organisationKinds[(i * 3) % organisationKinds.length]}&field=${ecosystemFields[(i * 5) % ecosystemFields.length]}`;
    };
    const browse = await measure(app, () => `/api/ecosystem/organisations?${facets()}`);
    const search = await measure(
      app,
      () => `/api/ecosystem/organisations?q=${encodeURIComponent(queries[n % queries.length]!)}&${facets()}`,
    );
    const searchOnly = await measure(app, () => `/api/ecosystem/organisations?q=${encodeURIComponent(queries[n++ % queries.length]!)}`);
    await app.close();
    await database.close();

    const ms = (m: { p50: number; p95: number }) => `p95 ${m.p95.toFixed(1)} ms, p50 ${m.p50.toFixed(1)} ms`;
    const scale = `PostgreSQL, ${organisationCount.toLocaleString('en')} organisations`;
    rows.push(
      {
        name: `ecosystem: directory search q + two facets (${scale})`,
        measured: ms(search),
        baseline: `browsing with the same facets, no query: ${ms(browse)}`,
        ratio: search.p95 / browse.p95,
        target: 'p95 ≤ 30 ms',
      },
      {
        name: `ecosystem: directory search q only (${scale})`,
        measured: ms(searchOnly),
        baseline: `browsing with two facets, no query: ${ms(browse)}`,
        ratio: searchOnly.p95 / browse.p95,
        target: 'informational',
      },
    );
  } finally {
    server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
