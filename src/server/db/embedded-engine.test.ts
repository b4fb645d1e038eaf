import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../tests/support/app.js';
import { packageRoot } from '../lib/paths.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ template: 'empty' });
});
afterAll(() => t.close());

describe('the database engine', () => {
  it('keeps /healthz answering within 200 ms while a 2-second query runs', async () => {
    const started = Date.now();
    const slow = t.testDb.database.db.execute(sql`select pg_sleep(2)`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const before = Date.now();
    const res = await t.app.inject('/healthz');
    const elapsed = Date.now() - before;
    expect(res.statusCode).toBe(200);
    expect(elapsed).toBeLessThan(200);
    await slow;
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900); // the query really ran that long
  });

  it('answers trigram queries (PGlite 0.5.16 froze after one with pgvector loaded; 0.5.14 is pinned)', async () => {
    const result = await Promise.race([
      t.testDb.database.db.execute<{ similar: boolean }>(sql`select 'chuyen doi so' % 'chuyen doi' as similar`),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('trigram query hung')), 10_000)),
    ]);
    expect(result.rows[0]!.similar).toBe(true);
    const after = await t.testDb.database.db.execute<{ one: number }>(sql`select 1 as one`);
    expect(after.rows[0]!.one).toBe(1);
  });

  it("hands a transaction's side-by-side queries to its connection one after another", async () => {
    const { db, pool } = t.testDb.database;
    let connection: pg.PoolClient | undefined;
    const remember = (client: pg.PoolClient) => (connection = client);
    pool.on('acquire', remember);
    let waitingInPg = -1;
    try {
      const results = await db.transaction(async (tx) => {
        const all = Promise.all([1, 2, 3].map((n) => tx.execute<{ n: number }>(sql`select ${n}::int as n, pg_sleep(0.05)`)));
        await new Promise((resolve) => setImmediate(resolve));
        // pg's own queue of the connection (what pg 9 will refuse to hold): empty, the next query waits with us.
        waitingInPg = (connection as unknown as { _queryQueue: unknown[] })._queryQueue.length;
        return all;
      });
      expect(results.map((result) => result.rows[0]!.n)).toEqual([1, 2, 3]);
    } finally {
      pool.off('acquire', remember);
    }
    expect(waitingInPg).toBe(0);
    // A failed query does not hold up the ones after it.
    const after = await db
      .transaction(async (tx) => {
        const [failed, next] = await Promise.allSettled([tx.execute(sql`select 1/0`), tx.execute(sql`select 2 as two`)]);
        return { failed: failed.status, next: next.status };
      })
      .catch((error: unknown) => ({ failed: 'rejected', next: String(error) }));
    expect(after.failed).toBe('rejected');
  });

  it('pins exact versions of the embedded engine packages', () => {
    const pkg = JSON.parse(readFileSync(`${packageRoot}/package.json`, 'utf8')) as { dependencies: Record<string, string> };
    expect(pkg.dependencies['@electric-sql/pglite']).toBe('0.5.14');
  });
});
