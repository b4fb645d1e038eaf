import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../tests/support/app.js';
import { manyAccounts } from '../../../../tests/support/movement.js';
import type { Browser } from '../../../../tests/support/sessions.js';

/**
 * How many distinct accounts support at once. 400 over 50 connections races as hard as 10,000 do
 * (every request contends for the same counter row); the 10,000-account run, with its throughput,
 * is `npm run bench` (bench/movement.ts), which fails unless the count is exact.
 */
const accounts = Number(process.env.SUPPORT_LOAD_ACCOUNTS ?? 400);

describe(`${accounts} supports sent concurrently over loopback by autocannon`, () => {
  let t: TestApp;
  let baseUrl: string;
  let browsers: Browser[];
  let initiativeId: string;

  beforeAll(async () => {
    t = await buildTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    browsers = await manyAccounts(t, accounts, 'tai');
    initiativeId = (await t.app.inject({ method: 'GET', url: '/api/movement/gallery?sort=newest' })).json().items[0].id;
  }, 300_000);
  afterAll(() => t?.close());

  /** Fires `count` support requests, request i as account i % accounts, over 50 connections. */
  async function fire(count: number): Promise<autocannon.Result> {
    let next = 0;
    return autocannon({
      url: baseUrl,
      connections: 50,
      amount: count,
      timeout: 60,
      requests: [
        {
          method: 'POST',
          path: `/api/movement/gallery/${initiativeId}/supports`,
          setupRequest: (request) => {
            const browser = browsers[next++ % browsers.length]!;
            return { ...request, headers: { ...request.headers, cookie: browser.cookie, 'x-csrf-token': browser.csrfToken } };
          },
        },
      ],
    });
  }

  const countNow = async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/movement/gallery/${initiativeId}` });
    const rows = await t.testDb.database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from initiative_supports where initiative_id = ${initiativeId}`,
    );
    return { counter: res.json().supportCount as number, rows: rows.rows[0]!.n };
  };

  it('counts every distinct account exactly once, and the same accounts again not at all', async () => {
    const before = await countNow();
    const first = await fire(accounts);
    expect(first.non2xx, 'no request refused').toBe(0);
    expect(first.errors).toBe(0);
    const afterFirst = await countNow();
    expect(afterFirst.counter - before.counter).toBe(accounts);
    expect(afterFirst.rows).toBe(afterFirst.counter);

    // The same accounts once more, concurrently: nothing changes.
    const again = await fire(Math.min(accounts, 2_000));
    expect(again.non2xx).toBe(0);
    expect(await countNow()).toEqual(afterFirst);
  }, 900_000);
});
