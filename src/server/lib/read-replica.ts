import { drizzle } from 'drizzle-orm/node-postgres';
import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify';
import pg from 'pg';
import type { Db } from '../db/client.js';
import { schema } from '../db/schema.js';
import type { Clock } from './clock.js';

/** Set on every successful write: until the time it holds, this browser's reads go to the primary. */
export const wroteCookie = 'doimoi_wrote';

type ReplicaOptions = { url: string; poolMax: number; maxLagMs: number; readYourWritesMs: number; primary: pg.Pool; clock: Clock; logger: FastifyBaseLogger };

/**
 * A streaming replica for anonymous reads. Every second it compares the WAL the replica has replayed
 * with the primary's: behind for longer than `maxLagMs`, or unreachable, and reads go back to the
 * primary until it has caught up.
 */
export class ReadReplica {
  readonly pool: pg.Pool;
  readonly db: Db;
  /** Seconds the replica has been behind the primary; null while it cannot be reached. */
  lagSeconds: number | null = null;
  private behindSince: number | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly options: ReplicaOptions) {
    this.pool = new pg.Pool({ connectionString: options.url, max: options.poolMax, connectionTimeoutMillis: 2000, application_name: 'doimoi-replica' });
    this.pool.on('error', () => undefined);
    this.db = drizzle(this.pool, { schema });
  }

  get isUsable(): boolean {
    return this.lagSeconds !== null && this.lagSeconds * 1000 <= this.options.maxLagMs;
  }

  /** Whether this request may read from the replica: an anonymous read by someone who has not just written. */
  serves(request: FastifyRequest): boolean {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || request.actor !== null || !this.isUsable) return false;
    const until = Number(request.cookies[wroteCookie]);
    return !(Number.isFinite(until) && until > this.options.clock.now().getTime());
  }

  /** Marks a browser that has just written, so it reads its own write from the primary for a while. */
  markWriter(reply: FastifyReply, isSecure: boolean): void {
    const { readYourWritesMs, clock } = this.options;
    void reply.setCookie(wroteCookie, String(clock.now().getTime() + readYourWritesMs), {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: isSecure,
      maxAge: Math.ceil(readYourWritesMs / 1000),
    });
  }

  start(pollMs = 1000): void {
    const poll = () => {
      this.timer = setTimeout(() => void this.measure().finally(poll), pollMs);
      this.timer.unref();
    };
    void this.measure().finally(poll);
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.pool.end().catch(() => undefined);
  }

  /** Has the replica replayed what the primary had written a moment ago? Behind since when? */
  async measure(): Promise<void> {
    try {
      const primary = await this.options.primary.query<{ lsn: string }>('select pg_current_wal_lsn()::text as lsn');
      const replica = await this.pool.query<{ caught_up: boolean }>(
        'select coalesce(pg_wal_lsn_diff(pg_last_wal_replay_lsn(), $1::pg_lsn) >= 0, true) as caught_up',
        [primary.rows[0]!.lsn],
      );
      const now = this.options.clock.now().getTime();
      if (replica.rows[0]!.caught_up) this.behindSince = null;
      else this.behindSince ??= now;
      this.lagSeconds = this.behindSince === null ? 0 : (now - this.behindSince) / 1000;
    } catch (error) {
      if (this.lagSeconds !== null) this.options.logger.warn({ err: error }, 'read replica unreachable; reading from the primary');
      this.lagSeconds = null;
      this.behindSince = null;
    }
  }
}
