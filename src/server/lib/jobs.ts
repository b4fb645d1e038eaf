import { randomUUID } from 'node:crypto';
import { CronExpressionParser } from 'cron-parser';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { jobSchedules, jobs } from '../db/platform-schema.js';
import type { Db, DbOrTx } from '../db/client.js';
import type { Clock } from './clock.js';
import { systemContext, type ServiceContext } from './context.js';

export type JobHandler = (ctx: ServiceContext, payload: unknown) => Promise<void>;
export type JobSchedule = { name: string; cron: string; job: string; payload?: Record<string, unknown> };

export type EnqueueOptions = { runAt?: Date; maxAttempts?: number; uniqueKey?: string };

/** Queues a job; with `uniqueKey` a second enqueue of the same key is ignored. Use inside the caller's transaction. */
export async function enqueueJob(db: DbOrTx, clock: Clock, name: string, payload: unknown = {}, options: EnqueueOptions = {}): Promise<void> {
  await db
    .insert(jobs)
    .values({
      name,
      payload,
      runAt: (options.runAt ?? clock.now()).toISOString(),
      maxAttempts: options.maxAttempts ?? 5,
      uniqueKey: options.uniqueKey ?? null,
    })
    .onConflictDoNothing();
}

/** Exponential back-off with jitter: ~30 s, 1 min, 2 min … capped at 1 h. */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(30_000 * 2 ** (attempt - 1), 3_600_000);
  return Math.round(base * (0.8 + 0.4 * random()));
}

function nextCronRun(cron: string, after: Date): Date {
  return CronExpressionParser.parse(cron, { currentDate: after, tz: 'Asia/Ho_Chi_Minh' }).next().toDate();
}

type RunnerOptions = { db: Db; clock: Clock; logger: FastifyBaseLogger; pollMs: number; leaseMs?: number };

/**
 * Runs jobs kept in the database. Several processes may run one each: a job is claimed with
 * FOR UPDATE SKIP LOCKED and a schedule fires through a compare-and-set on its next run time,
 * so each job runs once.
 */
export class JobRunner {
  readonly workerId = `${process.pid}-${randomUUID().slice(0, 8)}`;
  private readonly handlers = new Map<string, JobHandler>();
  private readonly schedules: JobSchedule[] = [];
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private isStopping = false;
  private readonly leaseMs: number;

  constructor(private readonly options: RunnerOptions) {
    this.leaseMs = options.leaseMs ?? 10 * 60_000;
  }

  register(name: string, handler: JobHandler): void {
    if (this.handlers.has(name)) throw new Error(`job ${name} registered twice`);
    this.handlers.set(name, handler);
  }

  addSchedule(schedule: JobSchedule): void {
    nextCronRun(schedule.cron, new Date()); // throws on a bad expression at start-up, not at 3 a.m.
    this.schedules.push(schedule);
  }

  /** Stores the schedules (keeping an existing next run time) and starts polling. */
  async start(): Promise<void> {
    const { db, clock } = this.options;
    for (const s of this.schedules) {
      await db
        .insert(jobSchedules)
        .values({ name: s.name, cron: s.cron, payload: { job: s.job, ...s.payload }, nextRunAt: nextCronRun(s.cron, clock.now()).toISOString() })
        .onConflictDoUpdate({ target: jobSchedules.name, set: { cron: s.cron, payload: { job: s.job, ...s.payload } } });
    }
    this.isStopping = false;
    this.schedulePoll();
  }

  /** Stops polling and waits for the job in hand to finish. */
  async stop(): Promise<void> {
    this.isStopping = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedulePoll(): void {
    if (this.isStopping) return;
    this.timer = setTimeout(() => {
      this.running = this.runDue(() => !this.isStopping)
        .then(() => undefined)
        .catch((error: unknown) => this.options.logger.error({ err: error }, 'job runner poll failed'))
        .finally(() => this.schedulePoll());
    }, this.options.pollMs);
    this.timer.unref();
  }

  /** Fires due schedules, requeues expired leases, then runs every due job; returns how many ran. */
  async runDue(shouldContinue: () => boolean = () => true): Promise<number> {
    await this.fireSchedules();
    await this.requeueExpiredLeases();
    let ran = 0;
    while (shouldContinue()) {
      const claimed = await this.claimNext();
      if (!claimed) break;
      await this.execute(claimed);
      ran++;
    }
    return ran;
  }

  private async fireSchedules(): Promise<void> {
    const { db, clock } = this.options;
    const now = clock.now();
    const due = await db.select().from(jobSchedules).where(and(eq(jobSchedules.isEnabled, true), sql`${jobSchedules.nextRunAt} <= ${now.toISOString()}`));
    for (const schedule of due) {
      const next = nextCronRun(schedule.cron, now).toISOString();
      await db.transaction(async (tx) => {
        const won = await tx
          .update(jobSchedules)
          .set({ nextRunAt: next, updatedAt: sql`now()` })
          .where(and(eq(jobSchedules.name, schedule.name), eq(jobSchedules.nextRunAt, schedule.nextRunAt)))
          .returning({ name: jobSchedules.name });
        if (won.length === 0) return; // another process fired it
        const { job, ...payload } = schedule.payload as { job: string };
        await enqueueJob(tx, clock, job, payload, { uniqueKey: `schedule:${schedule.name}:${schedule.nextRunAt}` });
      });
    }
  }

  private async requeueExpiredLeases(): Promise<void> {
    const { db, clock } = this.options;
    const expiredBefore = new Date(clock.now().getTime() - this.leaseMs).toISOString();
    await db
      .update(jobs)
      .set({ status: 'queued', lockedBy: null, lockedAt: null, updatedAt: sql`now()` })
      .where(and(eq(jobs.status, 'running'), sql`${jobs.lockedAt} < ${expiredBefore}`));
  }

  private async claimNext(): Promise<typeof jobs.$inferSelect | null> {
    const { db, clock } = this.options;
    const now = clock.now().toISOString();
    const result = await db.execute<{ id: number }>(sql`
      update jobs set status = 'running', locked_by = ${this.workerId}, locked_at = ${now}, attempts = attempts + 1, updated_at = now()
      where id = (
        select id from jobs where status = 'queued' and run_at <= ${now}
        order by run_at, id for update skip locked limit 1
      )
      returning id`);
    const id = result.rows[0]?.id;
    if (id === undefined) return null;
    const [job] = await db.select().from(jobs).where(eq(jobs.id, id));
    return job ?? null;
  }

  private async execute(job: typeof jobs.$inferSelect): Promise<void> {
    const { db, clock, logger } = this.options;
    const handler = this.handlers.get(job.name);
    try {
      if (!handler) throw new Error(`no handler registered for job ${job.name}`);
      await handler(systemContext(db, clock, `job-${job.id}`), job.payload);
      await db.update(jobs).set({ status: 'succeeded', finishedAt: clock.now().toISOString(), lockedBy: null, updatedAt: sql`now()` }).where(eq(jobs.id, job.id));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const isDead = job.attempts >= job.maxAttempts;
      logger.warn({ job: job.name, id: job.id, attempt: job.attempts, err: error }, isDead ? 'job failed for good' : 'job failed, will retry');
      await db
        .update(jobs)
        .set({
          status: isDead ? 'dead' : 'queued',
          lastError: message.slice(0, 2000),
          runAt: isDead ? job.runAt : new Date(clock.now().getTime() + retryDelayMs(job.attempts)).toISOString(),
          finishedAt: isDead ? clock.now().toISOString() : null,
          lockedBy: null,
          lockedAt: null,
          updatedAt: sql`now()`,
        })
        .where(eq(jobs.id, job.id));
    }
  }
}
