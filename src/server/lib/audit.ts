import { createHash } from 'node:crypto';
import { asc, desc, sql } from 'drizzle-orm';
import { auditEvents } from '../db/platform-schema.js';
import type { DbOrTx } from '../db/client.js';
import type { ServiceContext } from './context.js';
import { toIso } from './time.js';

export type AuditChange = {
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
};

const genesisHash = '0'.repeat(64);
// Serialises writers of the chain so every row links to the one before it.
const chainLockKey = 5_740_057;

/** JSON with sorted keys, so a row read back from jsonb hashes the same as when written. */
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

type HashedFields = {
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

/** Hashes exactly the listed fields, so a row read back (with id and hashes) hashes as it did when written. */
export function auditHash(prevHash: string, f: HashedFields): string {
  const hashed: HashedFields = {
    occurredAt: toIso(f.occurredAt),
    actorId: f.actorId,
    actorLabel: f.actorLabel,
    action: f.action,
    entityType: f.entityType,
    entityId: f.entityId,
    before: f.before,
    after: f.after,
    requestId: f.requestId,
    ip: f.ip,
  };
  return createHash('sha256').update(prevHash).update(canonical(hashed)).digest('hex');
}

/** Appends one audit row in the caller's transaction (fail-closed: no audit, no change). */
export async function recordAudit(ctx: ServiceContext, change: AuditChange): Promise<void> {
  await ctx.db.execute(sql`select pg_advisory_xact_lock(${chainLockKey})`);
  const [last] = await ctx.db.select({ hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
  const prevHash = last?.hash ?? genesisHash;
  const fields: HashedFields = {
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
  };
  await ctx.db.insert(auditEvents).values({ ...fields, prevHash, hash: auditHash(prevHash, fields) });
}

/** Walks the chain; returns the first row whose hash or link does not match, or null when intact. */
export async function verifyAuditChain(db: DbOrTx): Promise<{ checked: number; brokenAt: number | null; reason: string | null }> {
  const rows = await db.select().from(auditEvents).orderBy(asc(auditEvents.id));
  let prevHash = genesisHash;
  let checked = 0;
  for (const row of rows) {
    checked++;
    if (row.prevHash !== prevHash) return { checked, brokenAt: row.id, reason: 'link to the previous row does not match (a row was removed or reordered)' };
    if (auditHash(prevHash, row) !== row.hash) return { checked, brokenAt: row.id, reason: 'row content does not match its hash (the row was edited)' };
    prevHash = row.hash;
  }
  return { checked, brokenAt: null, reason: null };
}
