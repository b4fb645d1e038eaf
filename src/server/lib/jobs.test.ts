import pino from 'pino';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../tests/support/app.js';
import { testEngine, type TestDatabase } from '../../../tests/support/engines.js';
import { openDatabase } from '../db/client.js';
import { jobs, jobSchedules } from '../db/platform-schema.js';
import { ManualClock } from './clock.js';
import { enqueueJob, JobRunner, retryDelayMs } from './jobs.js';

const logger = pino({ level: 'silent' });
let t: TestDatabase;
beforeAll(async () => {
  t = await useTestDatabase('empty');
});
afterAll(() => t.dispose());

const runnerOn = (db = t.database.db, clock = new ManualClock('2026-05-01T00:00:00Z')) => new JobRunner({ db, clock, logger, pollMs: 10 });

describe('job runner', () => {
  it('runs a queued job once and records success', async () => {
    const runner = runnerOn();
    const seen: unknown[] = [];
    runner.register('greet', async (_ctx, payload) => void seen.push(payload));
    await enqueueJob(t.database.db, new ManualClock('2026-05-01T00:00:00Z'), 'greet', { name: 'Lan' });
    expect(await runner.runDue()).toBe(1);
    expect(await runner.runDue()).toBe(0);
    expect(seen).toEqual([{ name: 'Lan' }]);
    const [row] = await t.database.db.select().from(jobs).where(eq(jobs.name, 'greet'));
    expect(row).toMatchObject({ status: 'succeeded', attempts: 1 });
  });

  it('does not run a job before its time', async () => {
    const clock = new ManualClock('2026-05-01T00:00:00Z');
    const runner = runnerOn(t.database.db, clock);
    let runs = 0;
    runner.register('later', async () => void runs++);
    await enqueueJob(t.database.db, clock, 'later', {}, { runAt: new Date('2026-05-01T01:00:00Z') });
    expect(await runner.runDue()).toBe(0);
    clock.advance(60 * 60_000);
    expect(await runner.runDue()).toBe(1);
    expect(runs).toBe(1);
  });

  it('retries a failing job with growing back-off, then marks it dead', async () => {
    const clock = new ManualClock('2026-05-02T00:00:00Z');
    const runner = runnerOn(t.database.db, clock);
    let attempts = 0;
    runner.register('flaky', async () => {
      attempts++;
      throw new Error(`boom ${attempts}`);
    });
    await enqueueJob(t.database.db, clock, 'flaky', {}, { maxAttempts: 3 });
    expect(await runner.runDue()).toBe(1);
    const [afterFirst] = await t.database.db.select().from(jobs).where(eq(jobs.name, 'flaky'));
    expect(afterFirst).toMatchObject({ status: 'queued', attempts: 1, lastError: 'boom 1' });
    const firstDelay = new Date(afterFirst!.runAt.replace(' ', 'T').replace(/\+00$/, 'Z')).getTime() - clock.now().getTime();
    expect(firstDelay).toBeGreaterThanOrEqual(24_000);
    expect(await runner.runDue()).toBe(0); // not yet due
    clock.advance(60_000);
    expect(await runner.runDue()).toBe(1);
    clock.advance(3 * 60_000);
    expect(await runner.runDue()).toBe(1);
    const [dead] = await t.database.db.select().from(jobs).where(eq(jobs.name, 'flaky'));
    expect(dead).toMatchObject({ status: 'dead', attempts: 3, lastError: 'boom 3' });
    clock.advance(24 * 3_600_000);
    expect(await runner.runDue()).toBe(0);
  });

  it('grows the back-off exponentially and caps it at an hour', () => {
    const fixed = () => 0.5;
    expect(retryDelayMs(1, fixed)).toBe(30_000);
    expect(retryDelayMs(2, fixed)).toBe(60_000);
    expect(retryDelayMs(3, fixed)).toBe(120_000);
    expect(retryDelayMs(20, fixed)).toBe(3_600_000);
  });

  it('fires a schedule once per occurrence even with two runners', async () => {
    const clock = new ManualClock('2026-05-03T00:00:00Z');
    const a = runnerOn(t.database.db, clock);
    const b = runnerOn(t.database.db, clock);
    let runs = 0;
    for (const runner of [a, b]) {
      runner.register('nightly', async () => void runs++);
      runner.addSchedule({ name: 'nightly-report', cron: '0 2 * * *', job: 'nightly' });
    }
    await a.start();
    await b.start();
    await a.stop();
    await b.stop();
    const [schedule] = await t.database.db.select().from(jobSchedules).where(eq(jobSchedules.name, 'nightly-report'));
    expect(schedule).toBeDefined();
    clock.advance(26 * 3_600_000); // past 02:00 Asia/Ho_Chi_Minh once
    await Promise.all([a.runDue(), b.runDue()]);
    await Promise.all([a.runDue(), b.runDue()]);
    expect(runs).toBe(1);
  });

  it('rejects a bad cron expression when the schedule is added', () => {
    expect(() => runnerOn().addSchedule({ name: 'bad', cron: 'every tuesday', job: 'x' })).toThrow();
  });

  it('runs each of many jobs exactly once with two runners on separate connections', async () => {
    const clock = new ManualClock('2026-05-04T00:00:00Z');
    // On a server each runner gets its own pool, as two processes would; the embedded engine has one session.
    const second = testEngine === 'postgres' ? await openDatabase({ databaseUrl: t.databaseUrl, dataDir: t.dataDir, poolMax: 3 }) : null;
    const runs = new Map<number, number>();
    const handler = async (_ctx: unknown, payload: unknown) => {
      const n = (payload as { n: number }).n;
      runs.set(n, (runs.get(n) ?? 0) + 1);
      await new Promise((resolve) => setTimeout(resolve, 2));
    };
    const a = runnerOn(t.database.db, clock);
    const b = runnerOn(second?.db ?? t.database.db, clock);
    a.register('count', handler);
    b.register('count', handler);
    for (let n = 0; n < 40; n++) await enqueueJob(t.database.db, clock, 'count', { n });
    const [ranA, ranB] = await Promise.all([a.runDue(), b.runDue()]);
    await second?.close();
    expect(ranA + ranB).toBe(40);
    expect(runs.size).toBe(40);
    expect([...runs.values()].every((count) => count === 1)).toBe(true);
  });

  it('ignores a second enqueue with the same unique key', async () => {
    const clock = new ManualClock('2026-05-05T00:00:00Z');
    await enqueueJob(t.database.db, clock, 'once', {}, { uniqueKey: 'reminder:task-1:7d' });
    await enqueueJob(t.database.db, clock, 'once', {}, { uniqueKey: 'reminder:task-1:7d' });
    const rows = await t.database.db.select().from(jobs).where(eq(jobs.name, 'once'));
    expect(rows).toHaveLength(1);
  });
});
