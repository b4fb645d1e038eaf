import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { openDatabase, type Database } from '../../src/server/db/client.js';
import { counterKey } from '../../src/server/lib/counters.js';
import { enqueueJob } from '../../src/server/lib/jobs.js';
import { publicAccess } from '../../src/server/lib/policy.js';
import { deleteExpiredCountersJob } from '../../src/server/modules/system/index.js';
import { modules } from '../../src/server/modules/index.js';
import type { ModuleManifest } from '../../src/server/modules/manifest.js';
import { buildTestApp, type TestApp } from '../support/app.js';
import { as, userWithRoles, type Browser } from '../support/sessions.js';

/** A public write with no limit of its own, as a feature module would add (a comment, a support). */
const probeModule: ModuleManifest = {
  name: 'probe',
  prefix: '/api/probe',
  routes: async (app) => {
    app.post('/echo', { config: { policy: publicAccess }, schema: { body: z.object({ text: z.string().max(10) }) } }, async () => ({
      ok: true,
    }));
  },
};

let t: TestApp;
let first: Browser;
let second: Browser;
/** A second process's app on the same database: its own memory, its own connection pool on a server. */
let otherProcess: { app: FastifyInstance; database: Database };
beforeAll(async () => {
  t = await buildTestApp({
    modules: [...modules, probeModule],
    env: { RATE_LIMIT_WRITES_PER_MINUTE: '3', RATE_LIMIT_ACCOUNT_WRITES_PER_MINUTE: '5' },
  });
  first = (await userWithRoles(t, 'mot@example.vn', [{ role: 'registered_user', unitCode: '79' }])).browser;
  second = (await userWithRoles(t, 'hai@example.vn', [{ role: 'registered_user', unitCode: '79' }])).browser;
  // The embedded engine admits one process, so there the second app shares its connection.
  const database = t.testDb.databaseUrl
    ? await openDatabase({ databaseUrl: t.testDb.databaseUrl, dataDir: t.testDb.dataDir, poolMax: 2 })
    : t.testDb.database;
  const app = await buildApp({ config: t.config, database, clock: t.clock, modules: [...modules, probeModule] });
  await app.ready();
  otherProcess = { app, database };
});
afterAll(async () => {
  await otherProcess.app.close();
  if (otherProcess.database !== t.testDb.database) await otherProcess.database.close();
  await t.close();
});

const echo = (remoteAddress: string, browser: Browser | null = null) =>
  as(t.app, browser)({ method: 'POST', url: '/api/probe/echo', payload: { text: 'xin chào' }, remoteAddress });

describe('the default limit on writes', () => {
  it('limits an anonymous address, in both languages, without touching another address', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await echo('10.20.0.1')).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await echo('10.20.0.1');
    expect(refused.json().error.code).toBe('RATE_LIMITED');
    expect(refused.json().error.message.vi).toBeTruthy();
    expect(refused.json().error.message.en).toBeTruthy();
    expect((await echo('10.20.0.2')).statusCode).toBe(200);
  });

  it('limits a signed-in account wherever it writes from, and not its neighbour on the same address', async () => {
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await echo(`10.30.0.${i + 1}`, first)).statusCode);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    expect((await echo('10.30.0.1', second)).statusCode).toBe(200);
  });

  it('does not count refused or invalid requests', async () => {
    for (let i = 0; i < 5; i++) {
      const invalid = await as(
        t.app,
        second,
      )({ method: 'POST', url: '/api/probe/echo', payload: { text: 'quá dài để hợp lệ' }, remoteAddress: '10.40.0.1' });
      expect(invalid.statusCode).toBe(400);
    }
    expect((await echo('10.40.0.1', second)).statusCode).toBe(200);
  });
});

describe('one anonymous budget per address', () => {
  const from = (app: FastifyInstance, method: 'POST', url: string, payload: object) =>
    app.inject({ method, url, payload, remoteAddress: '10.50.0.1' });
  const resetRequest = (app: FastifyInstance) => from(app, 'POST', '/api/auth/password-reset/request', { email: 'ai-do@example.vn' });
  const verifyEmail = (app: FastifyInstance) => from(app, 'POST', '/api/auth/verify-email', { token: 'x'.repeat(43) });
  const probe = (app: FastifyInstance) => from(app, 'POST', '/api/probe/echo', { text: 'xin chào' });

  it('is shared by every route and by every process on the database', async () => {
    const statuses = [
      (await resetRequest(t.app)).statusCode,
      (await verifyEmail(otherProcess.app)).statusCode,
      (await probe(t.app)).statusCode,
    ];
    expect(statuses).toEqual([202, 410, 200]);
    for (const refused of [await resetRequest(otherProcess.app), await probe(t.app), await verifyEmail(otherProcess.app)]) {
      expect(refused.statusCode).toBe(429);
      expect(refused.json().error.code).toBe('RATE_LIMITED');
    }
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/probe/echo', payload: { text: 'xin chào' }, remoteAddress: '10.50.0.2' }))
        .statusCode,
    ).toBe(200);
  });

  it('opens again after its minute, and a job deletes the counters whose window is over', async () => {
    const writeCounter = counterKey('limit:writes', 'ip:10.50.0.1');
    const counters = async () =>
      (await t.testDb.database.db.execute<{ n: number }>(sql`select count(*)::int as n from rate_counters where key = ${writeCounter}`))
        .rows[0]!.n;
    expect(await counters()).toBe(1);
    t.clock.advance(61_000);
    await enqueueJob(t.testDb.database.db, t.clock, deleteExpiredCountersJob);
    await t.app.services.jobs.runDue();
    expect(await counters()).toBe(0);
    expect((await probe(otherProcess.app)).statusCode).toBe(200);
  });
});

describe('reads and writes on one route', () => {
  it('are refused when the app starts: the read would be counted as a write', async () => {
    const mixed: ModuleManifest = {
      name: 'mixed',
      prefix: '/api/mixed',
      routes: async (app) => {
        app.route({ method: ['GET', 'POST'], url: '/both', config: { policy: publicAccess }, handler: async () => ({ ok: true }) });
      },
    };
    await expect(
      (async () => {
        const app = await buildApp({ config: t.config, database: t.testDb.database, clock: t.clock, modules: [...modules, mixed] });
        try {
          await app.ready();
        } finally {
          await app.close();
        }
      })(),
    ).rejects.toThrow('GET,POST /api/mixed/both: declare reads and writes as separate routes');
  });
});
