// Open-data benchmarks on a PostgreSQL server: CKAN's package_search over 20,000 datasets and
// datastore_search with a filter over a 1,000,000-row resource, each beside a bare SQL query of the
// same table in the same run. Rows are generated in SQL (generate_series) so set-up stays short.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { DatastoreField } from '../src/shared/contracts/opendata.js';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { openDatabase } from '../src/server/db/client.js';
import { runMigrations } from '../src/server/db/migrate.js';
import { ManualClock } from '../src/server/lib/clock.js';
import { LocalStorageDriver } from '../src/server/lib/storage.js';
import { datastoreTableName, loadDatastore } from '../src/server/modules/opendata/datastore.js';
import { seedDemoData } from '../src/server/seed.js';
import { measure, rows, startPostgres, timeEach } from './support.js';

const datasetCount = 20_000;
const datastoreRows = 1_000_000;

/** Topics of the generated datasets: Vietnamese and English titles and the theme each is filed under. */
const topics = [
  ['Trạm sạc xe điện', 'Electric vehicle charging stations', 'giao-thong'],
  ['Lưu lượng giao thông', 'Traffic volumes', 'giao-thong'],
  ['Chất lượng không khí', 'Air quality', 'moi-truong'],
  ['Cơ sở khám chữa bệnh', 'Health facilities', 'y-te'],
  ['Trường học các cấp', 'Schools', 'giao-duc'],
  ['Dân số theo độ tuổi', 'Population by age', 'dan-so-xa-hoi'],
  ['Doanh nghiệp đăng ký mới', 'New business registrations', 'kinh-te'],
  ['Hồ sơ dịch vụ công trực tuyến', 'Online public service filings', 'chinh-quyen'],
  ['Tiêu thụ điện', 'Electricity consumption', 'nang-luong'],
  ['Quy hoạch sử dụng đất', 'Land use planning', 'vung-do-thi'],
  ['Đề tài khoa học', 'Research projects', 'khoa-hoc-cong-nghe'],
  ['Điểm Wi-Fi công cộng', 'Public Wi-Fi hotspots', 'khoa-hoc-cong-nghe'],
] as const;

/** What visitors type, without diacritics: one topic, a topic in a ward, a keyword. */
const queries = [
  'tram sac',
  'chat luong khong khi',
  'truong hoc ben thanh',
  'doanh nghiep dang ky',
  'wifi cong cong',
  'tieu thu dien nam 2024',
];

const fields: DatastoreField[] = [
  { id: 'ma_phuong_xa', type: 'text', column: 'c1' },
  { id: 'nam', type: 'numeric', column: 'c2' },
  { id: 'chi_so', type: 'numeric', column: 'c3' },
  { id: 'ngay', type: 'date', column: 'c4' },
  { id: 'ghi_chu', type: 'text', column: 'c5' },
];

export async function loadCatalogue(db: Awaited<ReturnType<typeof openDatabase>>['db']): Promise<{ resourceId: string; wards: string[] }> {
  const literal = (values: readonly string[]) => sql.raw(`array[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',')}]`);
  // 90 % open and published, 5 % shared, 5 % drafts; modified over two years; one link resource each.
  await db.execute(sql`
    with w as (select array_agg(name_vi order by code) names, array_agg(id order by code) ids from units where kind in ('ward', 'commune', 'special_zone'))
    insert into datasets (name, title_vi, title_en, description_vi, description_en, publisher_unit_id, themes, keywords, licence_id,
                          contact_name, contact_email, access_level, state, published_at, created_at, updated_at)
    select 'bench-' || i,
           (${literal(topics.map((t) => t[0]))})[1 + i % ${topics.length}] || ' ' || (select names from w)[1 + i % 168] || ' năm ' || (2015 + i % 11),
           (${literal(topics.map((t) => t[1]))})[1 + i % ${topics.length}] || ' ' || (2015 + i % 11),
           'Dữ liệu về ' || lower((${literal(topics.map((t) => t[0]))})[1 + i % ${topics.length}]) || ' tại ' || (select names from w)[1 + i % 168] || ', do đơn vị cập nhật định kỳ. Bộ thử số ' || i || '.',
           'Benchmark dataset ' || i || '.',
           (select ids from w)[1 + i % 168],
           array[(${literal(topics.map((t) => t[2]))})[1 + i % ${topics.length}]],
           array['thử nghiệm', 'năm ' || (2015 + i % 11)],
           'CC-BY-4.0', 'Bộ phận dữ liệu', 'du-lieu@example.org',
           case when i % 20 = 0 then 'shared' else 'open' end,
           case when i % 20 = 1 then 'draft' else 'published' end,
           timestamptz '2024-01-01' + i * interval '50 minutes',
           timestamptz '2024-01-01' + i * interval '50 minutes',
           timestamptz '2024-01-01' + i * interval '50 minutes'
    from generate_series(1, ${datasetCount}) i`);
  await db.execute(sql`
    insert into dataset_resources (dataset_id, position, kind, name_vi, name_en, url, format)
    select id, 0, 'link', 'Tệp dữ liệu', 'Data file', 'https://example.org/' || name || '.csv', 'CSV' from datasets where name like 'bench-%'`);

  // The big table: created as the datastore creates every table (typed columns, an index per column), filled in SQL.
  const [dataset] = (
    await db.execute<{ id: string }>(sql`
      insert into datasets (name, title_vi, title_en, publisher_unit_id, licence_id, contact_name, contact_email, state, published_at)
      select 'bench-datastore', 'Chỉ số theo phường xã (thử tải)', 'Index by ward (load test)', id, 'CC-BY-4.0', 'Bộ phận dữ liệu',
             'du-lieu@example.org', 'published', now() from units where code = 'SKHCN'
      returning id`)
  ).rows;
  const [resource] = (
    await db.execute<{ id: string }>(sql`
      insert into dataset_resources (dataset_id, position, kind, name_vi, name_en, format)
      values (${dataset!.id}, 0, 'file', 'Chỉ số', 'Index', 'CSV') returning id`)
  ).rows;
  const table = datastoreTableName(resource!.id);
  await loadDatastore(db, table, fields, []);
  const wards = (
    await db.execute<{ code: string }>(sql`select code from units where kind in ('ward', 'commune', 'special_zone') order by code`)
  ).rows.map((r) => r.code);
  await db.execute(sql`
    insert into ${sql.raw(`datastore."${table}"`)} ("_id", c1, c2, c3, c4, c5, "_search")
    select i, (${literal(wards)})[1 + i % ${wards.length}], 2015 + (i / ${wards.length}) % 11, round((i::bigint * 7919 % 10000) / 100.0, 2),
           date '2015-01-01' + (i % 4000), 'Ghi chú số ' || i, ''
    from generate_series(1, ${datastoreRows}) i`);
  await db.execute(sql`
    update dataset_resources set datastore_table = ${table}, data_dictionary = ${JSON.stringify(fields)}::jsonb, datastore_loaded_at = now()
    where id = ${resource!.id}`);
  // As autovacuum would after a bulk load: statistics and the visibility map.
  await db.execute(sql`vacuum analyze`);
  return { resourceId: resource!.id, wards };
}

export async function opendataOnPostgres(): Promise<void> {
  const server = await startPostgres();
  const dataDir = mkdtempSync(join(tmpdir(), 'doimoi-bench-opendata-'));
  try {
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query('create database doimoi_bench_opendata');
    await admin.end();
    const databaseUrl = server.url.replace(/\/postgres$/, '/doimoi_bench_opendata');
    const clock = new ManualClock('2026-06-15T03:00:00Z');
    const database = await openDatabase({ databaseUrl, dataDir, poolMax: 10 });
    await runMigrations(database.db);
    await seedDemoData(database.db, clock, new LocalStorageDriver(join(dataDir, 'files')));
    const { db } = database;
    const { resourceId, wards } = await loadCatalogue(db);
    const table = sql.raw(`datastore."${datastoreTableName(resourceId)}"`);
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
    const query = () => queries[n++ % queries.length]!;
    const filter = () => {
      const i = n++;
      return { ward: wards[(i * 37) % wards.length]!, year: 2015 + (i % 11) };
    };

    // The same search as one SQL statement on the same table: every word a folded substring, newest first.
    const bareSearch = await timeEach(async () => {
      const words = query().split(' ');
      await db.execute(sql`
        select id, name, title_vi from datasets
        where state = 'published' and access_level = 'open'
          and ${sql.join(
            words.map((w) => sql`search_text like '%' || f_unaccent(lower(${w})) || '%'`),
            sql` and `,
          )}
        order by updated_at desc, id limit 10`);
    });
    const search = await measure(app, () => `/api/3/action/package_search?q=${encodeURIComponent(query())}`);
    const searchFacets = await measure(
      app,
      () =>
        `/api/3/action/package_search?q=${encodeURIComponent(query())}&facet.field=${encodeURIComponent('["organization","groups","tags","res_format","license_id"]')}`,
    );
    const bareFilter = await timeEach(async () => {
      const { ward, year } = filter();
      await db.execute(sql`select * from ${table} where c1 = ${ward} and c2 = ${year} order by "_id" limit 100`);
    });
    const datastore = await measure(app, () => {
      const { ward, year } = filter();
      return `/api/3/action/datastore_search?resource_id=${resourceId}&filters=${encodeURIComponent(JSON.stringify({ ma_phuong_xa: ward, nam: year }))}`;
    });
    await app.close();
    await database.close();

    const ms = (m: { p50: number; p95: number }) => `p95 ${m.p95.toFixed(1)} ms, p50 ${m.p50.toFixed(1)} ms`;
    rows.push(
      {
        name: `opendata: package_search q (PostgreSQL, ${datasetCount.toLocaleString('en')} datasets)`,
        measured: ms(search),
        baseline: `bare SQL on datasets ${ms(bareSearch)}`,
        ratio: search.p95 / bareSearch.p95,
        target: 'p95 ≤ 30 ms',
      },
      {
        name: `opendata: package_search q + 5 facets (PostgreSQL, ${datasetCount.toLocaleString('en')} datasets)`,
        measured: ms(searchFacets),
        baseline: `bare SQL on datasets ${ms(bareSearch)}`,
        ratio: searchFacets.p95 / bareSearch.p95,
        target: 'informational',
      },
      {
        name: `opendata: datastore_search filters (PostgreSQL, ${datastoreRows.toLocaleString('en')} rows)`,
        measured: ms(datastore),
        baseline: `bare SQL on the table ${ms(bareFilter)}`,
        ratio: datastore.p95 / bareFilter.p95,
        target: 'p95 ≤ 50 ms',
      },
    );
  } finally {
    server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
