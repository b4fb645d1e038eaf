import { and, eq, gte, isNull, sql } from 'drizzle-orm';
import type { Locale } from '../../../shared/contracts/common.js';
import type { ReportingPeriod } from '../../../shared/contracts/plans.js';
import type { ServiceContext } from '../../lib/context.js';
import { inTransaction } from '../../lib/tx.js';
import { notifyUser } from '../notifications/service.js';
import { unitOfficersOf } from './notify.js';
import { taskUrl } from './presenter.js';
import { progressReports, taskReminders, tasks } from './schema.js';
import { plansSettings } from './settings.js';
import { addDays, cityDate } from './status.js';

export const sendRemindersJob = 'plans.send-reminders';

type Reminder = { kind: string; text: (locale: Locale) => { title: string; body: string } };
type TaskRow = typeof tasks.$inferSelect;

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** The reporting period containing `today`: its label, first day, and the day its report is due (the 25th of its last month). */
export function currentPeriod(period: Exclude<ReportingPeriod, 'none'>, today: string) {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const span = { monthly: 1, quarterly: 3, half_year: 6, yearly: 12 }[period];
  const firstMonth = Math.floor((month - 1) / span) * span + 1;
  const lastMonth = firstMonth + span - 1;
  const pad = (n: number) => String(n).padStart(2, '0');
  const label = {
    monthly: `${year}-${pad(month)}`,
    quarterly: `${year}-Q${(firstMonth + 2) / 3}`,
    half_year: `${year}-H${firstMonth === 1 ? 1 : 2}`,
    yearly: `${year}`,
  }[period];
  return { label, startsOn: `${year}-${pad(firstMonth)}-01`, dueOn: `${year}-${pad(lastMonth)}-${pad(plansSettings.reportDueDayOfMonth)}` };
}

function remindersFor(task: TaskRow, today: string, reportedInPeriod: boolean): Reminder[] {
  const name = (locale: Locale) => `${task.code} — ${locale === 'en' && task.titleEn ? task.titleEn : task.titleVi}`;
  const out: Reminder[] = [];
  if (task.dueOn) {
    const daysLeft = daysBetween(today, task.dueOn);
    if (plansSettings.reminderDaysBefore.includes(daysLeft))
      out.push({
        // The deadline is part of the key: after an extension the reminders start again.
        kind: `due-${daysLeft}:${task.dueOn}`,
        text: (l) =>
          l === 'vi'
            ? { title: `Nhiệm vụ sắp đến hạn: còn ${daysLeft} ngày`, body: `Nhiệm vụ ${name(l)} đến hạn ngày ${task.dueOn}.` }
            : { title: `Task due in ${daysLeft} day${daysLeft === 1 ? '' : 's'}`, body: `Task ${name(l)} is due on ${task.dueOn}.` },
      });
    if (daysLeft < 0)
      out.push({
        kind: `overdue:${task.dueOn}`,
        text: (l) =>
          l === 'vi'
            ? { title: 'Nhiệm vụ đã quá hạn', body: `Nhiệm vụ ${name(l)} đã quá hạn từ ngày ${task.dueOn} mà chưa hoàn thành.` }
            : { title: 'Task overdue', body: `Task ${name(l)} was due on ${task.dueOn} and is not completed.` },
      });
  }
  if (task.reportingPeriod !== 'none' && !reportedInPeriod) {
    const period = currentPeriod(task.reportingPeriod, today);
    if (today > period.dueOn && (task.startOn === null || task.startOn <= period.dueOn))
      out.push({
        kind: `report:${period.label}`,
        text: (l) =>
          l === 'vi'
            ? {
                title: `Chưa có báo cáo kỳ ${period.label}`,
                body: `Nhiệm vụ ${name(l)} chưa có báo cáo tiến độ kỳ ${period.label} (hạn ngày ${period.dueOn}).`,
              }
            : {
                title: `Report for ${period.label} missing`,
                body: `Task ${name(l)} has no progress report for ${period.label} (due ${period.dueOn}).`,
              },
      });
  }
  return out;
}

/**
 * The daily reminder job: before a deadline (7 and 1 days by default), once overdue, and when a
 * periodic report is missing, each unit officer of the lead unit gets an in-app notification and an
 * e-mail in their language. Each reminder is recorded, so a rerun on the same day sends nothing twice.
 */
export async function sendTaskReminders(ctx: ServiceContext): Promise<{ sent: number }> {
  const today = cityDate(ctx.clock.now());
  const open = await ctx.db
    .select()
    .from(tasks)
    .where(
      and(
        eq(tasks.lifecycle, 'active'),
        isNull(tasks.completedOn),
        sql`(${tasks.dueOn} is null or ${tasks.dueOn} <= ${addDays(today, Math.max(...plansSettings.reminderDaysBefore))}::date or ${tasks.reportingPeriod} <> 'none')`,
      ),
    );
  let sent = 0;
  for (const task of open) {
    const period = task.reportingPeriod === 'none' ? null : currentPeriod(task.reportingPeriod, today);
    const [reported] = period
      ? await ctx.db
          .select({ id: progressReports.id })
          .from(progressReports)
          .where(and(eq(progressReports.taskId, task.id), gte(progressReports.createdAt, `${period.startsOn}T00:00:00+07:00`)))
          .limit(1)
      : [];
    const due = remindersFor(task, today, reported !== undefined);
    if (due.length === 0) continue;
    const officers = await unitOfficersOf(ctx, [task.leadUnitId]);
    for (const reminder of due) {
      await inTransaction(ctx, async (tx) => {
        const [fresh] = await tx.db
          .insert(taskReminders)
          .values({ taskId: task.id, kind: reminder.kind, sentAt: tx.clock.now().toISOString() })
          .onConflictDoNothing()
          .returning();
        if (!fresh) return;
        for (const officer of officers) {
          const text = reminder.text(officer.locale);
          await notifyUser(tx, { userId: officer.id, template: 'message', params: { ...text }, url: taskUrl(task.id), alsoEmail: true });
          sent++;
        }
      });
    }
  }
  return { sent };
}
