import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import ical from 'ical-generator';
import { taskStatusLabels } from '../../../shared/contracts/plans.js';
import { recordAudit } from '../../lib/audit.js';
import type { ServiceContext } from '../../lib/context.js';
import { forbidden, notFound, unauthenticated } from '../../lib/errors.js';
import { inTransaction } from '../../lib/tx.js';
import { units } from '../identity/schema.js';
import { officerUnitIds } from './access.js';
import { taskUrl } from './presenter.js';
import { plans, taskCooperatingUnits, tasks, unitCalendarFeeds } from './schema.js';
import { deriveStatus } from './status.js';
import { todayOf } from './tasks-service.js';

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');
const feedNotFound = () => notFound({ vi: 'Lịch', en: 'Calendar feed' }, '…');

/**
 * Creates (or replaces) the unit's calendar feed URL. Calendar apps fetch it without cookies, so the
 * URL itself is the secret: 192 random bits, stored only as a hash, shown once; a new one revokes the old.
 */
export async function rotateCalendarFeed(ctx: ServiceContext, unitId: string, baseUrl: string): Promise<{ url: string }> {
  if (!ctx.actor) throw unauthenticated();
  const [unit] = await ctx.db.select({ id: units.id }).from(units).where(eq(units.id, unitId));
  if (!unit) throw notFound({ vi: 'Đơn vị', en: 'Unit' }, unitId);
  if (!(await officerUnitIds(ctx)).includes(unitId)) throw forbidden({ reason: 'not-unit-officer' });
  const token = randomBytes(24).toString('hex');
  await inTransaction(ctx, async (tx) => {
    await tx.db
      .insert(unitCalendarFeeds)
      .values({ unitId, tokenHash: hashOf(token), createdAt: tx.clock.now().toISOString() })
      .onConflictDoUpdate({ target: unitCalendarFeeds.unitId, set: { tokenHash: hashOf(token), createdAt: tx.clock.now().toISOString() } });
    await recordAudit(tx, { action: 'plans.calendar.rotate', entityType: 'unit', entityId: unitId });
  });
  return { url: `${baseUrl.replace(/\/$/, '')}/api/plans/calendar/${token}.ics` };
}

/** The iCalendar feed of a unit's deadlines (tasks it leads or cooperates on), found by its secret token. */
export async function unitCalendar(ctx: ServiceContext, token: string, baseUrl: string): Promise<string> {
  const [feed] = await ctx.db
    .select()
    .from(unitCalendarFeeds)
    .where(eq(unitCalendarFeeds.tokenHash, hashOf(token)));
  if (!feed) throw feedNotFound();
  const [unit] = await ctx.db.select().from(units).where(eq(units.id, feed.unitId));
  if (!unit) throw feedNotFound();
  const rows = await ctx.db
    .select({ task: tasks, planCode: plans.code })
    .from(tasks)
    .innerJoin(plans, eq(plans.id, tasks.planId))
    .where(
      and(
        isNotNull(tasks.dueOn),
        sql`${tasks.lifecycle} <> 'withdrawn'`,
        or(
          eq(tasks.leadUnitId, unit.id),
          inArray(
            tasks.id,
            ctx.db.select({ id: taskCooperatingUnits.taskId }).from(taskCooperatingUnits).where(eq(taskCooperatingUnits.unitId, unit.id)),
          ),
        ),
      ),
    )
    .orderBy(asc(tasks.dueOn), asc(tasks.code));
  const today = todayOf(ctx);
  const calendar = ical({
    name: `doimoi — ${unit.nameVi}`,
    prodId: { company: 'doimoi', product: 'plans', language: 'VI' },
    timezone: 'Asia/Ho_Chi_Minh',
  });
  for (const { task, planCode } of rows) {
    const role = task.leadUnitId === unit.id ? 'Chủ trì' : 'Phối hợp';
    calendar.createEvent({
      id: `task-${task.id}@doimoi`,
      stamp: ctx.clock.now(),
      start: task.dueOn!,
      allDay: true,
      summary: `Hạn nhiệm vụ ${task.code}: ${task.titleVi}`,
      description: `${planCode} · ${role} · ${taskStatusLabels[deriveStatus(task, today)].vi} · ${task.progressPercent} %`,
      url: `${baseUrl.replace(/\/$/, '')}${taskUrl(task.id)}`,
    });
  }
  return calendar.toString();
}
