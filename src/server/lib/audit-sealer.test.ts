import { asc, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../tests/support/app.js';
import { testEngine, type TestDatabase } from '../../../tests/support/engines.js';
import { openDatabase, type Database, type Db } from '../db/client.js';
import { auditBatches, auditEvents } from '../db/platform-schema.js';
import { recordAudit } from './audit.js';
import { AuditSealer } from './audit-sealer.js';
import { verifyAuditLog } from './audit-verify.js';
import { ManualClock } from './clock.js';
import { systemContext } from './context.js';

const key = 'the-installation-audit-key-0123456789';
const clock = new ManualClock('2026-06-02T02:00:00Z');
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

let t: TestDatabase;
// A second connection pool, as another process would have; the embedded engine is single-session, so there it is the same one.
let other: Database | null;
beforeAll(async () => {
  t = await useTestDatabase('empty');
  other = testEngine === 'postgres' ? await openDatabase({ databaseUrl: t.databaseUrl, dataDir: t.dataDir, poolMax: 4 }) : null;
});
afterAll(async () => {
  await other?.close();
  await t.dispose();
});

const write = (db: Db, note: string) =>
  db.transaction((tx) => recordAudit(systemContext(tx, clock, note), { action: 'tasks.update', entityType: 'task', entityId: note }));
const lastId = async () =>
  (
    await t.database.db
      .select({ id: auditEvents.id })
      .from(auditEvents)
      .orderBy(sql`id desc`)
      .limit(1)
  )[0]!.id;
const sealedIds = async () =>
  (await t.database.db.select().from(auditBatches).orderBy(asc(auditBatches.number))).flatMap((b) => b.eventIds.map(Number));

/**
 * Ticks until `isDone`: the sealer waits for every transaction older than its horizon on the whole
 * server, and a shared test server runs other databases' transactions too.
 */
async function tickUntil(sealer: AuditSealer, isDone: () => Promise<boolean>): Promise<void> {
  for (let step = 0; step < 600 && !(await isDone()); step++) {
    await sealer.tick();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe(`audit sealer on ${testEngine}`, () => {
  it('never seals past a row whose transaction is still open, and seals it in id order once it commits', async () => {
    const db = t.database.db;
    const sealer = new AuditSealer({ db, key, clock, logger: quiet });
    for (const note of ['a1', 'a2', 'a3']) await write(db, note);
    const before = await lastId();
    await sealer.tick(); // notes a horizon that covers a1..a3

    // A slow transaction takes the next id and stays open while later writers commit after it.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let heldId = 0;
    const slow = (other?.db ?? null)?.transaction(async (tx) => {
      await recordAudit(systemContext(tx, clock, 'slow'), { action: 'tasks.update', entityType: 'task', entityId: 'slow' });
      heldId = (
        await tx
          .select({ id: auditEvents.id })
          .from(auditEvents)
          .orderBy(sql`id desc`)
          .limit(1)
      )[0]!.id;
      await held;
    });
    // The embedded engine runs one transaction at a time: there the slow one has committed before anyone else writes.
    if (!slow) await write(db, 'slow');
    await new Promise((resolve) => setTimeout(resolve, 200));
    for (const note of ['b1', 'b2', 'b3']) await write(db, note);
    const newest = await lastId();

    // Seals up to the first horizon (once every older transaction on the server has ended), notes one covering b1..b3.
    await tickUntil(sealer, async () => (await sealedIds()).length > 0);
    await sealer.tick();
    await sealer.tick();
    if (slow) {
      expect(heldId).toBe(before + 1);
      // Everything before the open transaction is sealed; nothing at or after its id is, though b1..b3 committed.
      expect(await sealedIds()).toEqual([before - 2, before - 1, before]);
      release();
      await slow;
    }
    await tickUntil(sealer, async () => (await sealedIds()).at(-1) === newest);
    const ids = await sealedIds();
    expect(ids).toEqual([...ids].sort((x, y) => x - y));
    expect(ids).toEqual(Array.from({ length: newest - before + 3 }, (_, i) => before - 2 + i));
    expect(await verifyAuditLog(db, key)).toMatchObject({ brokenAt: null, pending: 0, checked: ids.length });
  });

  it('keeps one chain when sealers in two processes run at once while rows are written', async () => {
    const sealers = [t.database.db, other?.db ?? t.database.db].map((db) => new AuditSealer({ db, key, clock, logger: quiet }));
    let isWriting = true;
    const writer = (async () => {
      for (let i = 0; i < 60; i++) await write(t.database.db, `w${i}`);
      isWriting = false;
    })();
    const sealing = sealers.map(async (sealer) => {
      while (isWriting) await sealer.tick();
    });
    await Promise.all([writer, ...sealing]);
    const newest = await lastId();
    await tickUntil(sealers[0]!, async () => (await sealedIds()).at(-1) === newest);
    const batches = await t.database.db.select().from(auditBatches).orderBy(asc(auditBatches.number));
    expect(batches.map((b) => b.number)).toEqual(batches.map((_, i) => i + 1));
    const ids = batches.flatMap((b) => b.eventIds.map(Number));
    expect(new Set(ids).size).toBe(ids.length);
    expect(await verifyAuditLog(t.database.db, key)).toMatchObject({ brokenAt: null, pending: 0 });
  });
});
