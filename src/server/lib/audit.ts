import { createHash, createHmac } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { auditEvents } from '../db/platform-schema.js';
import type { ServiceContext } from './context.js';
import { toIso } from './time.js';

export type AuditChange = {
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
};

/** The columns of an audit row that its seal covers. */
export type SealedFields = {
  id: number;
  occurredAt: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  ip: string | null;
};

/** The root the first batch links to. */
export const genesisRoot = '0'.repeat(64);

/**
 * Appends one audit row in the caller's transaction (fail-closed: no audit, no change). Nothing is
 * hashed or locked here: `audit-sealer.ts` seals rows after they commit.
 */
export async function recordAudit(ctx: ServiceContext, change: AuditChange): Promise<void> {
  await ctx.db.insert(auditEvents).values({
    // The transaction takes its id before the row takes its number, so the sealer's horizon (every
    // transaction older than the one it noted has finished) covers every number handed out before it.
    id: sql`(select nextval('audit_events_id_seq') where pg_current_xact_id() is not null)`,
    occurredAt: ctx.clock.now().toISOString(),
    actorId: ctx.actor?.userId ?? null,
    // A label, not the person's name: names are personal data and this log is permanent.
    actorLabel: ctx.actor ? (ctx.actor.tokenScopes ? 'api-token' : 'user') : 'system',
    action: change.action,
    entityType: change.entityType,
    entityId: change.entityId,
    before: change.before ?? null,
    after: change.after ?? null,
    requestId: ctx.requestId,
    ip: ctx.ip,
  });
}

/** JSON with sorted keys, so a row read back from jsonb hashes the same every time. */
function canonical(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The keyed hash of one row: exactly the listed fields, id included, so a row cannot move or be forged without the key. */
export function auditRowHash(key: string, row: SealedFields): string {
  const fields: SealedFields = {
    id: Number(row.id),
    occurredAt: toIso(row.occurredAt),
    actorId: row.actorId,
    actorLabel: row.actorLabel,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    before: row.before,
    after: row.after,
    requestId: row.requestId,
    ip: row.ip,
  };
  return createHmac('sha256', key).update('doimoi-audit-row\n').update(canonical(fields)).digest('hex');
}

/** Merkle root of the row hashes (an odd node moves up unchanged, so no two lists share a root). */
export function merkleRoot(hashes: readonly string[]): string {
  if (hashes.length === 0) throw new Error('a batch seals at least one row');
  let level = [...hashes];
  while (level.length > 1) {
    const next: string[] = [];
    for (let i = 0; i < level.length; i += 2) {
      const right = level[i + 1];
      next.push(right === undefined ? level[i]! : createHash('sha256').update('\x01').update(level[i]!).update(right).digest('hex'));
    }
    level = next;
  }
  return createHash('sha256').update('\x00').update(level[0]!).digest('hex');
}

export type BatchHeader = {
  number: number;
  firstEventId: number;
  lastEventId: number;
  rowCount: number;
  prevRoot: string;
  merkleRoot: string;
};

/** The keyed root of a batch, linking it to the batch before: the chain head a checkpoint records. */
export function batchRoot(key: string, b: BatchHeader): string {
  return createHmac('sha256', key)
    .update(`doimoi-audit-batch\n${b.number}\n${b.firstEventId}\n${b.lastEventId}\n${b.rowCount}\n${b.prevRoot}\n${b.merkleRoot}`)
    .digest('hex');
}

/** Where the sealed chain ends: written to the log per batch and into every backup. */
export type AuditCheckpoint = { lastEventId: number; root: string };

export const formatCheckpoint = (c: AuditCheckpoint) => `${c.lastEventId}:${c.root}`;

/** Reads `<id>:<hash>` as printed by the sealer's log line and `doimoi audit verify`; null when malformed. */
export function parseCheckpoint(text: string): AuditCheckpoint | null {
  const match = /^(\d{1,18}):([0-9a-f]{64})$/.exec(text.trim());
  return match ? { lastEventId: Number(match[1]), root: match[2]! } : null;
}
