import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { auditQuerySchema } from '../../../shared/contracts/identity.js';
import { auditEvents } from '../../db/platform-schema.js';
import type { ServiceContext } from '../../lib/context.js';
import { toCsv, type TableCell } from '../../lib/tabular-export.js';
import { toIso } from '../../lib/time.js';
import { users } from './schema.js';

export type AuditQuery = z.infer<typeof auditQuerySchema>;

/** Dates are days in Ho Chi Minh City time (UTC+7). */
const dayStart = (date: string) => `${date}T00:00:00+07:00`;
const nextDayStart = (date: string) => new Date(Date.parse(dayStart(date)) + 86_400_000).toISOString();

/** Audit rows, newest first, filtered; the actor's current name comes from the users table. */
export async function listAuditEvents(ctx: ServiceContext, query: AuditQuery) {
  const filters: SQL[] = [];
  if (query.action) filters.push(eq(auditEvents.action, query.action));
  if (query.entityType) filters.push(eq(auditEvents.entityType, query.entityType));
  if (query.entityId) filters.push(eq(auditEvents.entityId, query.entityId));
  if (query.actorId) filters.push(eq(auditEvents.actorId, query.actorId));
  if (query.from) filters.push(gte(auditEvents.occurredAt, dayStart(query.from)));
  if (query.to) filters.push(lt(auditEvents.occurredAt, nextDayStart(query.to)));
  if (query.before) filters.push(lt(auditEvents.id, query.before));
  const rows = await ctx.db
    .select({ event: auditEvents, actorName: users.displayName })
    .from(auditEvents)
    .leftJoin(users, sql`${users.id}::text = ${auditEvents.actorId}`)
    .where(and(...filters))
    .orderBy(desc(auditEvents.id))
    .limit(query.limit);
  return rows.map(({ event, actorName }) => ({
    id: event.id,
    occurredAt: toIso(event.occurredAt),
    actorId: event.actorId,
    actorName: actorName ?? event.actorLabel,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    before: event.before,
    after: event.after,
    requestId: event.requestId,
    ip: event.ip,
  }));
}

/** Before/after objects as JSON text; the other columns as they are. */
const cellOf = (value: unknown): TableCell => (value === null || value === undefined || typeof value === 'string' || typeof value === 'number' ? value : JSON.stringify(value));

/** The audit events as CSV (every cell neutralised for spreadsheet programs). */
export function auditEventsToCsv(rows: Awaited<ReturnType<typeof listAuditEvents>>): string {
  const header = ['id', 'occurredAt', 'actorId', 'actorName', 'action', 'entityType', 'entityId', 'before', 'after', 'requestId', 'ip'] as const;
  return toCsv(header, rows.map((row) => header.map((key) => cellOf(row[key]))));
}
