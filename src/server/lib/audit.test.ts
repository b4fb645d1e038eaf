import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../tests/support/app.js';
import type { TestDatabase } from '../../../tests/support/engines.js';
import type { Db, DbOrTx } from '../db/client.js';
import { auditBatches, auditEvents } from '../db/platform-schema.js';
import {
  auditRowHash,
  batchRoot,
  formatCheckpoint,
  genesisRoot,
  merkleRoot,
  parseCheckpoint,
  recordAudit,
  type AuditCheckpoint,
} from './audit.js';
import { AuditSealer, sealAuditLog } from './audit-sealer.js';
import { verifyAuditLog } from './audit-verify.js';
import { ManualClock } from './clock.js';
import { systemContext } from './context.js';

const key = 'the-installation-audit-key-0123456789';
const clock = new ManualClock('2026-06-01T02:00:00Z');

let t: TestDatabase;
let db: Db;
beforeAll(async () => {
  t = await useTestDatabase('empty');
  db = t.database.db;
});
afterAll(() => t.dispose());
// Each test starts from an empty log: cleared the only way the triggers allow, with them switched off.
afterEach(() => asIntruder((tx) => tx.execute(sql`truncate audit_events, audit_batches`)));

let written = 0;
/** Appends `count` audit rows, each in its own transaction, as services do; returns their ids. */
async function writeRows(count: number): Promise<number[]> {
  for (let i = 0; i < count; i++) {
    await db.transaction((tx) =>
      recordAudit(systemContext(tx, clock, `req-${++written}`), {
        action: 'tasks.update',
        entityType: 'task',
        entityId: `NV-${written}`,
        after: { progress: written % 100, note: 'Đổi mới' },
      }),
    );
  }
  const rows = await db.select({ id: auditEvents.id }).from(auditEvents).orderBy(asc(auditEvents.id));
  return rows.slice(-count).map((r) => r.id);
}

/** Writes and seals groups of rows: one sealed batch per group. Returns the ids per batch and the last checkpoint. */
async function sealedLog(groups: number[]): Promise<{ batches: number[][]; checkpoint: AuditCheckpoint }> {
  const batches: number[][] = [];
  let checkpoint: AuditCheckpoint | null = null;
  for (const size of groups) {
    batches.push(await writeRows(size));
    const sealed = await sealAuditLog(db, key, clock, 30_000);
    expect(sealed).toHaveLength(1);
    checkpoint = sealed[0]!;
  }
  return { batches, checkpoint: checkpoint! };
}

/** Changes the log as someone holding the database superuser would: switching the append-only triggers off first. */
async function asIntruder(work: (tx: DbOrTx) => Promise<unknown>): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_events disable trigger audit_events_append_only`);
    await tx.execute(sql`alter table audit_batches disable trigger audit_batches_append_only`);
    await work(tx);
    await tx.execute(sql`alter table audit_events enable always trigger audit_events_append_only`);
    await tx.execute(sql`alter table audit_batches enable always trigger audit_batches_append_only`);
  });
}

/** The database's own message for a refused statement, run in a transaction as services run theirs. */
async function refusal(statement: string): Promise<string> {
  try {
    await db.transaction((tx) => tx.execute(sql.raw(statement)));
  } catch (error) {
    return (error as { cause?: Error }).cause?.message ?? (error as Error).message;
  }
  return 'not refused';
}

describe('audit log: sealed after commit in keyed, linked batches', () => {
  it('verifies an untouched log, seals rows in id order, and reports the rows not sealed yet', async () => {
    const { batches, checkpoint } = await sealedLog([3, 4, 2]);
    await writeRows(2);
    const result = await verifyAuditLog(db, key, { checkpoint });
    expect(result).toEqual({
      checked: 9,
      pending: 2,
      head: { batch: 3, lastEventId: checkpoint.lastEventId, root: checkpoint.root },
      brokenAt: null,
      reason: null,
    });
    const stored = await db.select().from(auditBatches).orderBy(asc(auditBatches.number));
    expect(stored.map((b) => b.eventIds.map(Number))).toEqual(batches);
    expect(stored[0]!.prevRoot).toBe(genesisRoot);
    expect(stored[1]!.prevRoot).toBe(stored[0]!.root);
    expect(parseCheckpoint(formatCheckpoint(checkpoint))).toEqual({ lastEventId: checkpoint.lastEventId, root: checkpoint.root });
  });

  it('computes a batch root only with the key: the same rows under another key give another root', async () => {
    const header = {
      number: 1,
      firstEventId: 1,
      lastEventId: 3,
      rowCount: 3,
      prevRoot: genesisRoot,
      merkleRoot: merkleRoot(['a', 'b', 'c']),
    };
    expect(batchRoot(key, header)).not.toBe(batchRoot('another-key-of-at-least-32-characters', header));
    expect(merkleRoot(['a', 'b', 'c'])).not.toBe(merkleRoot(['a', 'b']));
    expect(merkleRoot(['a', 'b', 'c'])).not.toBe(merkleRoot(['a', 'c', 'b']));
  });

  it('logs one line per sealed batch carrying the checkpoint, from the background sealer', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const logger = {
      info: (obj: object) => void lines.push(obj as Record<string, unknown>),
      warn: () => undefined,
      error: () => undefined,
    };
    const sealer = new AuditSealer({ db, key, clock, logger });
    const ids = await writeRows(3);
    await sealer.tick(); // notes the horizon
    // Seals up to it once every older transaction on the server has ended (other databases' included).
    let sealed = await sealer.tick();
    for (let step = 0; sealed.length === 0 && step < 600; step++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      sealed = await sealer.tick();
    }
    expect(sealed).toHaveLength(1);
    expect(lines).toEqual([{ auditCheckpoint: `${ids.at(-1)}:${sealed[0]!.root}`, auditBatch: 1, rows: 3 }]);
    expect((await verifyAuditLog(db, key, { checkpoint: parseCheckpoint(lines[0]!.auditCheckpoint as string)! })).brokenAt).toBeNull();
  });

  it('refuses UPDATE, DELETE and TRUNCATE of audit rows and of their seals', async () => {
    await sealedLog([2]);
    for (const table of ['audit_events', 'audit_batches']) {
      expect(await refusal(`update ${table} set ${table === 'audit_events' ? 'action' : 'root'} = 'x'`)).toBe(
        `the audit log is append-only: UPDATE on ${table} is refused`,
      );
      expect(await refusal(`delete from ${table}`)).toBe(`the audit log is append-only: DELETE on ${table} is refused`);
      expect(await refusal(`truncate ${table}`)).toBe(`the audit log is append-only: TRUNCATE on ${table} is refused`);
    }
    // Replication mode switches ordinary triggers off; these stay on.
    expect(await refusal(`set local session_replication_role = replica; delete from audit_events`)).toBe(
      'the audit log is append-only: DELETE on audit_events is refused',
    );
    expect((await verifyAuditLog(db, key)).checked).toBe(2);
  });
});

describe('audit verify finds each kind of tampering and names the row', () => {
  it('an edited row', async () => {
    const { batches } = await sealedLog([3, 3]);
    const target = batches[1]![1]!;
    await asIntruder((tx) => tx.execute(sql`update audit_events set actor_label = 'someone else' where id = ${target}`));
    expect(await verifyAuditLog(db, key)).toMatchObject({
      brokenAt: target,
      reason: { en: `row ${target} was changed: its content no longer matches its keyed seal (batch 2)` },
    });
  });

  it('an edited row whose seals were all recomputed by someone without the key — and, as a control, with it', async () => {
    const { batches, checkpoint } = await sealedLog([3, 3, 2]);
    const target = batches[0]![2]!;
    await asIntruder(async (tx) => {
      await tx.execute(sql`update audit_events set after = '{"progress": 100}' where id = ${target}`);
      await rechain(tx, 'a-guess-at-the-key-with-32-characters', target);
    });
    const forged = await verifyAuditLog(db, key, { checkpoint });
    expect(forged).toMatchObject({
      brokenAt: target,
      reason: { en: `row ${target} was changed: its content no longer matches its keyed seal (batch 1)` },
    });
    // The same recomputation with the real key passes: what stops the intruder is the key alone.
    await asIntruder((tx) => rechain(tx, key, target));
    expect((await verifyAuditLog(db, key)).brokenAt).toBeNull();
    // Even a key holder's rewrite shows against a checkpoint taken before it.
    expect((await verifyAuditLog(db, key, { checkpoint })).reason?.en).toBe(
      `the chain was rewritten: the batch ending at row ${checkpoint.lastEventId} has a different root from the checkpoint`,
    );
  });

  it('a deleted row in the middle', async () => {
    const { batches } = await sealedLog([3, 4, 3]);
    const target = batches[1]![2]!;
    await asIntruder((tx) => tx.execute(sql`delete from audit_events where id = ${target}`));
    expect(await verifyAuditLog(db, key)).toMatchObject({
      brokenAt: target,
      reason: { en: `row ${target} was deleted: batch 2 sealed it` },
    });
  });

  it('the newest rows deleted with their batches: unseen by the chain alone, caught against a checkpoint kept elsewhere', async () => {
    const { batches, checkpoint } = await sealedLog([3, 3, 2]);
    const kept = batches[0]!.at(-1)!;
    await asIntruder(async (tx) => {
      await tx.execute(sql`delete from audit_events where id > ${kept}`);
      await tx.execute(sql`delete from audit_batches where number > 1`);
    });
    expect(await verifyAuditLog(db, key)).toMatchObject({ brokenAt: null, checked: 3 });
    expect(await verifyAuditLog(db, key, { checkpoint })).toMatchObject({
      brokenAt: checkpoint.lastEventId,
      reason: {
        en: `the newest rows were deleted: the checkpoint records the chain up to row ${checkpoint.lastEventId}, the log now ends at row ${kept}`,
      },
    });
  });

  it('a row inserted among sealed rows', async () => {
    await sealedLog([2]);
    // A transaction that rolled back leaves a gap in the ids, as happens in service.
    const gap = await db
      .transaction(async (tx) => {
        await recordAudit(systemContext(tx, clock), { action: 'tasks.update', entityType: 'task', entityId: 'NV-rolled-back' });
        const [row] = await tx
          .select({ id: auditEvents.id })
          .from(auditEvents)
          .orderBy(sql`id desc`)
          .limit(1);
        throw Object.assign(new Error('roll back'), { id: row!.id });
      })
      .catch((error: { id: number }) => error.id);
    await sealedLog([2]);
    await asIntruder((tx) =>
      tx.insert(auditEvents).values({
        id: gap,
        occurredAt: '2026-06-01T02:00:00Z',
        actorLabel: 'user',
        action: 'initiatives.decide',
        entityType: 'initiative',
        entityId: 'SK-1',
      }),
    );
    expect(await verifyAuditLog(db, key)).toMatchObject({
      brokenAt: gap,
      reason: { en: `row ${gap} was inserted: it lies among sealed rows but no seal covers it` },
    });
  });
});

/**
 * What an intruder who read this code would do after editing a row: recompute that row's seal, and
 * every batch root from its batch on so the chain links again, with the key they think is in use.
 */
async function rechain(tx: DbOrTx, guessedKey: string, editedRow: number): Promise<void> {
  let prevRoot: string | null = null;
  for (const batch of await tx.select().from(auditBatches).orderBy(asc(auditBatches.number))) {
    const position = batch.eventIds.map(Number).indexOf(editedRow);
    if (position < 0 && prevRoot === null) continue;
    const rowHashes = [...batch.rowHashes];
    if (position >= 0) {
      const [row] = await tx.select().from(auditEvents).where(eq(auditEvents.id, editedRow));
      rowHashes[position] = auditRowHash(guessedKey, row!);
    }
    const merkle = merkleRoot(rowHashes);
    const header = {
      number: batch.number,
      firstEventId: batch.firstEventId,
      lastEventId: batch.lastEventId,
      rowCount: rowHashes.length,
      prevRoot: prevRoot ?? batch.prevRoot,
      merkleRoot: merkle,
    };
    const root = batchRoot(guessedKey, header);
    await tx
      .update(auditBatches)
      .set({ rowHashes, merkleRoot: merkle, prevRoot: header.prevRoot, root })
      .where(eq(auditBatches.number, batch.number));
    prevRoot = root;
  }
}
