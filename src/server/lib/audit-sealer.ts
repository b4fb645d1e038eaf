import { and, asc, desc, gt, lte, sql } from 'drizzle-orm';
import { auditBatches, auditEvents } from '../db/platform-schema.js';
import type { Db } from '../db/client.js';
import { auditRowHash, batchRoot, formatCheckpoint, genesisRoot, merkleRoot, type AuditCheckpoint, type BatchHeader } from './audit.js';
import type { Clock } from './clock.js';

/**
 * Audit ids up to `maxId` are settled — committed, or never to be — once every transaction older
 * than `xid` has ended: a writer takes its transaction id before its audit id (see `recordAudit`),
 * and `xid` was taken after `maxId` was read.
 */
export type SealHorizon = { maxId: number; xid: string };

export type SealedBatch = AuditCheckpoint & { number: number; rowCount: number };

type Logger = { info(obj: object, msg: string): void; warn(obj: object, msg: string): void; error(obj: object, msg: string): void };

// Held only by a sealer, for one batch: writers never wait on it, and sealers in other processes skip.
const sealerLockKey = 5_740_058;
const maxBatchRows = 1000;

/** Notes how far audit ids have been handed out; null when nothing lies beyond the sealed head. */
export async function takeSealHorizon(db: Db): Promise<SealHorizon | null> {
  const progress = sql`
    select (select case when is_called then last_value else last_value - 1 end from audit_events_id_seq)::bigint as max_id,
           (select coalesce(max(last_event_id), 0) from audit_batches)::bigint as sealed`;
  // An idle log costs one read; a transaction id is taken only when there is something to seal.
  const idle = await db.execute<{ max_id: number; sealed: number }>(progress);
  if (idle.rows[0]!.max_id <= idle.rows[0]!.sealed) return null;
  return db.transaction(async (tx) => {
    const { max_id: maxId } = (await tx.execute<{ max_id: number; sealed: number }>(progress)).rows[0]!;
    const xid = await tx.execute<{ xid: string }>(sql`select pg_current_xact_id()::text as xid`);
    return { maxId, xid: xid.rows[0]!.xid };
  });
}

type SealOutcome = { status: 'busy' | 'unsettled' } | { status: 'sealed'; horizon: SealHorizon; batches: SealedBatch[] };

/**
 * Seals every unsealed row up to the newest horizon that has settled, in id order, in batches: each
 * row's keyed hash, a Merkle root over them, and a root linked to the previous batch. While a
 * transaction that may still commit a lower id is open, nothing past it is sealed ('unsettled'),
 * so no row is ever passed over or sealed out of order.
 */
export async function sealUpTo(db: Db, key: string, clock: Clock, horizons: readonly SealHorizon[]): Promise<SealOutcome> {
  const batches: SealedBatch[] = [];
  let chosen: SealHorizon | null = null;
  for (;;) {
    const outcome = await db.transaction(async (tx): Promise<{ status: 'busy' | 'unsettled' } | SealedBatch | null> => {
      const { rows } = await tx.execute<{ locked: boolean; xmin: string }>(sql`
        select pg_try_advisory_xact_lock(${sealerLockKey}) as locked, pg_snapshot_xmin(pg_current_snapshot())::text as xmin`);
      if (!rows[0]!.locked) return { status: 'busy' };
      const xmin = BigInt(rows[0]!.xmin);
      chosen ??= horizons.findLast((horizon) => BigInt(horizon.xid) < xmin) ?? null;
      if (!chosen) return { status: 'unsettled' };
      const [last] = await tx.select().from(auditBatches).orderBy(desc(auditBatches.number)).limit(1);
      const events = await tx
        .select()
        .from(auditEvents)
        .where(and(last ? gt(auditEvents.id, last.lastEventId) : undefined, lte(auditEvents.id, chosen.maxId)))
        .orderBy(asc(auditEvents.id))
        .limit(maxBatchRows);
      if (events.length === 0) return null;
      const rowHashes = events.map((event) => auditRowHash(key, event));
      const header: BatchHeader = {
        number: (last?.number ?? 0) + 1,
        firstEventId: events[0]!.id,
        lastEventId: events.at(-1)!.id,
        rowCount: events.length,
        prevRoot: last?.root ?? genesisRoot,
        merkleRoot: merkleRoot(rowHashes),
      };
      const root = batchRoot(key, header);
      await tx.insert(auditBatches).values({
        number: header.number,
        firstEventId: header.firstEventId,
        lastEventId: header.lastEventId,
        eventIds: events.map((event) => event.id),
        rowHashes,
        merkleRoot: header.merkleRoot,
        prevRoot: header.prevRoot,
        root,
        sealedAt: clock.now().toISOString(),
      });
      return { number: header.number, lastEventId: header.lastEventId, root, rowCount: header.rowCount };
    });
    if (outcome === null) return { status: 'sealed', horizon: chosen!, batches };
    if ('status' in outcome) return batches.length > 0 ? { status: 'sealed', horizon: chosen!, batches } : outcome;
    batches.push(outcome);
  }
}

/** Seals what is settled now, waiting up to `timeoutMs` for open transactions (the CLI, tests). */
export async function sealAuditLog(db: Db, key: string, clock: Clock, timeoutMs = 60_000): Promise<SealedBatch[]> {
  const horizon = await takeSealHorizon(db);
  if (!horizon) return [];
  const started = performance.now();
  for (;;) {
    const outcome = await sealUpTo(db, key, clock, [horizon]);
    if (outcome.status === 'sealed') return outcome.batches;
    if (performance.now() - started > timeoutMs) {
      throw new Error(
        `audit rows up to ${horizon.maxId} are not settled after ${timeoutMs} ms: a transaction that may still write one is open`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export const auditCheckpointLog = (batch: SealedBatch) => ({
  auditCheckpoint: formatCheckpoint(batch),
  auditBatch: batch.number,
  rows: batch.rowCount,
});

type SealerOptions = { db: Db; key: string; clock: Clock; logger: Logger; intervalMs?: number };

/**
 * Seals audit rows after they commit, in the background of every server process (they take turns
 * through a lock). Each sealed batch logs one line carrying the checkpoint, so the chain head is
 * also recorded outside the database.
 */
export class AuditSealer {
  /** Horizons noted at successive steps, oldest first; sealing goes up to the newest one that has settled. */
  private horizons: Array<SealHorizon & { takenAt: number }> = [];
  private hasWarned = false;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private isStopping = false;

  constructor(private readonly options: SealerOptions) {}

  /** One step: seal up to the newest settled horizon, then note a new one if ids have moved on. */
  async tick(): Promise<SealedBatch[]> {
    const { db, key, clock, logger } = this.options;
    let sealed: SealedBatch[] = [];
    if (this.horizons.length > 0) {
      const outcome = await sealUpTo(db, key, clock, this.horizons);
      if (outcome.status === 'sealed') {
        sealed = outcome.batches;
        for (const batch of sealed) logger.info(auditCheckpointLog(batch), 'audit batch sealed');
        this.horizons = this.horizons.filter((horizon) => horizon.maxId > outcome.horizon.maxId);
        this.hasWarned = false;
      } else if (outcome.status === 'unsettled' && !this.hasWarned && performance.now() - this.horizons[0]!.takenAt > 60_000) {
        this.hasWarned = true;
        logger.warn(
          { auditHorizon: this.horizons[0]!.maxId },
          'audit sealing waits for a transaction that has been open for over a minute',
        );
      }
    }
    // A long transaction holds sealing back; a bounded list of horizons is enough to resume from.
    if (this.horizons.length < 64) {
      const horizon = await takeSealHorizon(db);
      if (horizon && horizon.maxId > (this.horizons.at(-1)?.maxId ?? 0)) this.horizons.push({ ...horizon, takenAt: performance.now() });
    }
    return sealed;
  }

  start(): void {
    this.isStopping = false;
    this.schedule();
  }

  /** Stops, finishing the step in hand. */
  async stop(): Promise<void> {
    this.isStopping = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(): void {
    if (this.isStopping) return;
    this.timer = setTimeout(() => {
      this.running = this.tick()
        .then(() => undefined)
        .catch((error: unknown) => this.options.logger.error({ err: error }, 'audit sealing failed'))
        .finally(() => this.schedule());
    }, this.options.intervalMs ?? 250);
    this.timer.unref();
  }
}
