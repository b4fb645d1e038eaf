import { movementPaths } from '../../../shared/web-paths.js';
import { and, asc, eq, isNull, lte, sql } from 'drizzle-orm';
import { recordAudit } from '../../lib/audit.js';
import type { Clock } from '../../lib/clock.js';
import type { ServiceContext } from '../../lib/context.js';
import { inTransaction } from '../../lib/tx.js';
import { roleGrants, users } from '../identity/schema.js';
import { notifyPeople } from './notify.js';
import { initiatives } from './schema.js';

/**
 * The decision deadline (DOMAIN.md §1, Decree 13/2012 art. 9): the unit decides within
 * `decisionMonths` of accepting the application. Marked configurable there, so it lives here and not
 * in the logic. Documented in docs/movement.md.
 */
export const decisionDeadlineSettings = {
  /** Months between accepting an application and the decision due date. */
  decisionMonths: 3,
  /** Managers are warned once this many days before the due date. */
  dueSoonDays: 14,
};

export const decisionDeadlineJob = 'movement.decision-deadlines';

/** The city's calendar day (UTC+7, no daylight saving) of an instant, as YYYY-MM-DD. */
export function cityDate(at: Date): string {
  return new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Same day `months` later; when that month is shorter, its last day (30 Nov + 3 months = 28 Feb). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** The due date of a decision on an application accepted now. */
export const decisionDueOnFrom = (clock: Clock): string => addMonths(cityDate(clock.now()), decisionDeadlineSettings.decisionMonths);

/** Overdue: still awaiting a decision after its due day has ended in the city. */
export const isDecisionOverdue = (row: { state: string; decisionDueOn: string | null }, today: string): boolean =>
  row.state === 'under_review' && row.decisionDueOn !== null && row.decisionDueOn < today;

async function programmeManagerIds(ctx: ServiceContext): Promise<string[]> {
  const rows = await ctx.db
    .selectDistinct({ id: users.id })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(and(eq(roleGrants.role, 'programme_manager'), eq(users.isActive, true), isNull(users.erasedAt)))
    .orderBy(asc(users.id));
  return rows.map((r) => r.id);
}

/**
 * Tells the programme managers, once each, when a decision is `dueSoonDays` from its due date and
 * when it is overdue. Each notice is claimed by setting its column in the same transaction, so a
 * second run (or a second process) sends nothing again.
 */
export async function notifyDecisionDeadlines(ctx: ServiceContext): Promise<{ dueSoon: number; overdue: number }> {
  const today = cityDate(ctx.clock.now());
  const soonLimit = addDays(today, decisionDeadlineSettings.dueSoonDays);
  const waiting = await ctx.db
    .select({ id: initiatives.id })
    .from(initiatives)
    .where(and(sql`${initiatives.state} = 'under_review'`, lte(initiatives.decisionDueOn, soonLimit)))
    .orderBy(asc(initiatives.decisionDueOn), asc(initiatives.id));
  const counts = { dueSoon: 0, overdue: 0 };
  for (const { id } of waiting) {
    const sent = await inTransaction(ctx, async (tx) => {
      const [row] = await tx.db.select().from(initiatives).where(eq(initiatives.id, id)).for('update');
      if (!row || row.state !== 'under_review' || row.decisionDueOn === null) return null;
      const kind = isDecisionOverdue(row, today) ? 'overdue' : row.decisionDueOn <= soonLimit ? 'dueSoon' : null;
      if (kind === 'overdue' && row.decisionOverdueNotifiedAt !== null) return null;
      // An overdue notice replaces the "due soon" one when the job first sees the initiative late.
      if (kind === 'dueSoon' && row.decisionDueSoonNotifiedAt !== null) return null;
      if (kind === null) return null;
      const now = tx.clock.now().toISOString();
      await tx.db
        .update(initiatives)
        .set(kind === 'overdue' ? { decisionOverdueNotifiedAt: now, decisionDueSoonNotifiedAt: row.decisionDueSoonNotifiedAt ?? now } : { decisionDueSoonNotifiedAt: now })
        .where(eq(initiatives.id, id));
      const managers = await programmeManagerIds(tx);
      await notifyPeople(tx, managers, deadlineMessage(kind, row));
      await recordAudit(tx, { action: `initiatives.decision-${kind === 'overdue' ? 'overdue' : 'due-soon'}.notify`, entityType: 'initiative', entityId: id, after: { decisionDueOn: row.decisionDueOn, recipients: managers.length } });
      return kind;
    });
    if (sent) counts[sent]++;
  }
  return counts;
}

/** The notices' texts, in both languages (the notifications module sends each person theirs). */
export function deadlineMessage(kind: 'dueSoon' | 'overdue', row: { id: string; code: string; title: string; decisionDueOn: string | null }) {
  const due = row.decisionDueOn ?? '';
  const url = movementPaths.dossier(row.id);
  if (kind === 'dueSoon') {
    return {
      title: { vi: `Sáng kiến ${row.code}: sắp đến hạn ra quyết định (${due})`, en: `Initiative ${row.code}: decision due soon (${due})` },
      body: {
        vi: `Đơn “${row.title}” cần có quyết định công nhận hoặc không công nhận trước ngày ${due} (${decisionDeadlineSettings.decisionMonths} tháng kể từ ngày chấp nhận đơn).`,
        en: `“${row.title}” must be recognised or refused by ${due} (${decisionDeadlineSettings.decisionMonths} months from accepting the application).`,
      },
      url,
    };
  }
  return {
    title: { vi: `Sáng kiến ${row.code}: đã quá hạn ra quyết định (${due})`, en: `Initiative ${row.code}: decision overdue (due ${due})` },
    body: {
      vi: `Đơn “${row.title}” đã quá hạn ra quyết định ngày ${due}. Vui lòng đôn đốc hội đồng.`,
      en: `The decision on “${row.title}” was due on ${due} and has not been taken. Please follow up with the council.`,
    },
    url,
  };
}
