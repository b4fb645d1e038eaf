import { and, asc, count, gt, lte, sql } from 'drizzle-orm';
import type { LocalizedText } from '../../shared/contracts/common.js';
import { auditBatches, auditEvents } from '../db/platform-schema.js';
import type { DbOrTx } from '../db/client.js';
import { auditRowHash, batchRoot, genesisRoot, merkleRoot, type AuditCheckpoint } from './audit.js';

export type AuditHead = AuditCheckpoint & { batch: number };

export type AuditVerification = {
  /** Sealed rows whose seal was checked. */
  checked: number;
  /** Rows newer than the head, not sealed yet. */
  pending: number;
  head: AuditHead | null;
  /** The first row where the log was found changed, or null when it verifies. */
  brokenAt: number | null;
  reason: LocalizedText | null;
};

type Batch = typeof auditBatches.$inferSelect;
type Event = typeof auditEvents.$inferSelect;
type Problem = { row: number; reason: LocalizedText };

/** The last sealed batch: what a backup carries and a checkpoint records. */
export async function auditHead(db: DbOrTx): Promise<AuditHead | null> {
  const { rows } = await db.execute<{ number: number; last_event_id: number; root: string }>(
    sql`select number, last_event_id, root from audit_batches order by number desc limit 1`,
  );
  const last = rows[0];
  return last ? { batch: last.number, lastEventId: Number(last.last_event_id), root: last.root } : null;
}

/**
 * Checks every sealed batch in order against AUDIT_KEY: each row against its keyed hash, rows added
 * or removed among sealed ones, each batch's Merkle root and its link to the batch before; then,
 * given a checkpoint kept outside the database, that the chain still reaches it unchanged.
 */
export async function verifyAuditLog(
  db: DbOrTx,
  key: string,
  options: { checkpoint?: AuditCheckpoint | undefined } = {},
): Promise<AuditVerification> {
  let checked = 0;
  let prev: Batch | null = null;
  const rootsByLastEvent = new Map<number, string>();
  const result = (problem: Problem | null, pending = 0): AuditVerification => ({
    checked,
    pending,
    head: prev ? { batch: prev.number, lastEventId: prev.lastEventId, root: prev.root } : null,
    brokenAt: problem?.row ?? null,
    reason: problem?.reason ?? null,
  });
  for (let page = 0; ; page++) {
    const batches = await db
      .select()
      .from(auditBatches)
      .orderBy(asc(auditBatches.number))
      .limit(200)
      .offset(page * 200);
    for (const batch of batches) {
      const events = await db
        .select()
        .from(auditEvents)
        .where(and(prev ? gt(auditEvents.id, prev.lastEventId) : undefined, lte(auditEvents.id, batch.lastEventId)))
        .orderBy(asc(auditEvents.id));
      const problem = checkBatch(key, batch, prev, events);
      if (problem) return result(problem);
      checked += batch.eventIds.length;
      rootsByLastEvent.set(batch.lastEventId, batch.root);
      prev = batch;
    }
    if (batches.length < 200) break;
  }
  const [pending] = await db
    .select({ n: count() })
    .from(auditEvents)
    .where(prev ? gt(auditEvents.id, prev.lastEventId) : undefined);
  const problem = options.checkpoint ? checkCheckpoint(options.checkpoint, rootsByLastEvent, prev) : null;
  return result(problem, pending?.n ?? 0);
}

function checkBatch(key: string, batch: Batch, prev: Batch | null, events: Event[]): Problem | null {
  const n = batch.number;
  const ids = batch.eventIds.map(Number);
  const range = `${batch.firstEventId}–${batch.lastEventId}`;
  if (n !== (prev?.number ?? 0) + 1) {
    return {
      row: events[0]?.id ?? batch.firstEventId,
      reason: {
        vi: `lô niêm phong số ${(prev?.number ?? 0) + 1} đã bị xóa cùng các dòng nó niêm phong (sau dòng ${prev?.lastEventId ?? 0})`,
        en: `sealed batch ${(prev?.number ?? 0) + 1} was deleted with the rows it sealed (after row ${prev?.lastEventId ?? 0})`,
      },
    };
  }
  const sealed = new Set(ids);
  const inserted = events.find((event) => !sealed.has(event.id));
  if (inserted) {
    return {
      row: inserted.id,
      reason: {
        vi: `dòng ${inserted.id} đã bị chèn thêm: nó nằm giữa các dòng đã niêm phong nhưng không có niêm phong nào`,
        en: `row ${inserted.id} was inserted: it lies among sealed rows but no seal covers it`,
      },
    };
  }
  const byId = new Map(events.map((event) => [event.id, event]));
  const deleted = ids.find((id) => !byId.has(id));
  if (deleted !== undefined) {
    return {
      row: deleted,
      reason: { vi: `dòng ${deleted} đã bị xóa: lô ${n} đã niêm phong nó`, en: `row ${deleted} was deleted: batch ${n} sealed it` },
    };
  }
  const isRootValid =
    ids.length > 0 &&
    batch.rowHashes.length === ids.length &&
    ids.every((id, i) => i === 0 || id > ids[i - 1]!) &&
    ids[0] === batch.firstEventId &&
    ids.at(-1) === batch.lastEventId &&
    merkleRoot(batch.rowHashes) === batch.merkleRoot &&
    batchRoot(key, {
      number: n,
      firstEventId: batch.firstEventId,
      lastEventId: batch.lastEventId,
      rowCount: ids.length,
      prevRoot: batch.prevRoot,
      merkleRoot: batch.merkleRoot,
    }) === batch.root;
  const changed = ids.filter((id, i) => auditRowHash(key, byId.get(id)!) !== batch.rowHashes[i]);
  if (changed.length > 1 && changed.length === ids.length && !isRootValid) {
    return {
      row: ids[0]!,
      reason: {
        vi: `không dòng nào của lô ${n} (dòng ${range}) khớp niêm phong: AUDIT_KEY khác khóa đã niêm phong chúng, hoặc mọi dòng đã bị sửa`,
        en: `no row of batch ${n} (rows ${range}) matches its seal: AUDIT_KEY differs from the key that sealed them, or every row was changed`,
      },
    };
  }
  if (changed.length > 0) {
    const row = changed[0]!;
    return {
      row,
      reason: {
        vi: `dòng ${row} đã bị sửa: nội dung không còn khớp niêm phong có khóa của nó (lô ${n})`,
        en: `row ${row} was changed: its content no longer matches its keyed seal (batch ${n})`,
      },
    };
  }
  if (!isRootValid) {
    return {
      row: batch.firstEventId,
      reason: {
        vi: `lô ${n} (dòng ${range}) đã bị sửa: gốc niêm phong không khớp (giả mạo hoặc ghi bằng AUDIT_KEY khác)`,
        en: `batch ${n} (rows ${range}) was altered: its keyed root does not match (forged, or written with another AUDIT_KEY)`,
      },
    };
  }
  if (batch.prevRoot !== (prev?.root ?? genesisRoot)) {
    return {
      row: batch.firstEventId,
      reason: {
        vi: `lô ${n} không nối với lô ${n - 1}: các lô đã bị thay thế`,
        en: `batch ${n} does not link to batch ${n - 1}: batches were replaced`,
      },
    };
  }
  return null;
}

function checkCheckpoint(checkpoint: AuditCheckpoint, rootsByLastEvent: Map<number, string>, head: Batch | null): Problem | null {
  const cp = checkpoint.lastEventId;
  const root = rootsByLastEvent.get(cp);
  if (root === checkpoint.root) return null;
  if (root !== undefined) {
    return {
      row: cp,
      reason: {
        vi: `chuỗi đã bị viết lại: lô kết thúc ở dòng ${cp} có gốc khác với điểm kiểm tra`,
        en: `the chain was rewritten: the batch ending at row ${cp} has a different root from the checkpoint`,
      },
    };
  }
  const last = head?.lastEventId ?? 0;
  if (last < cp) {
    return {
      row: cp,
      reason: {
        vi: `các dòng mới nhất đã bị xóa: điểm kiểm tra ghi nhận chuỗi đến dòng ${cp}, nhật ký nay chỉ đến dòng ${last}`,
        en: `the newest rows were deleted: the checkpoint records the chain up to row ${cp}, the log now ends at row ${last}`,
      },
    };
  }
  return {
    row: cp,
    reason: {
      vi: `không lô nào kết thúc ở dòng ${cp}: chuỗi đã bị viết lại sau điểm kiểm tra, hoặc điểm kiểm tra của một hệ thống khác`,
      en: `no sealed batch ends at row ${cp}: the chain was rewritten after the checkpoint, or the checkpoint belongs to another installation`,
    },
  };
}
