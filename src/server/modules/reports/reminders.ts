import { and, eq, inArray, isNull, lte } from 'drizzle-orm';
import { reportPaths } from '../../../shared/web-paths.js';
import type { ServiceContext } from '../../lib/context.js';
import { inTransaction } from '../../lib/tx.js';
import { units } from '../identity/schema.js';
import { vietnameseDate } from '../../lib/official-document.js';
import { holdersOf, notifyPeople } from './notify.js';
import { addDays, daysBetween } from './periods.js';
import { reportPeriods, reportRegimes, unitReportReminders, unitReports } from './schema.js';
import { reportsSettings } from './settings.js';
import { todayOf } from './unit-reports.js';

export const sendReportRemindersJob = 'reports.send-reminders';

/** Which reminder a report not yet submitted is owed today, if any: before its due date, or once a week while overdue. */
export function reminderKind(dueOn: string, today: string): { kind: string; daysLeft: number } | null {
  const daysLeft = daysBetween(today, dueOn);
  if (reportsSettings.reminderDaysBefore.includes(daysLeft)) return { kind: `due-${daysLeft}:${dueOn}`, daysLeft };
  // The week number is part of the key: a day the job did not run is made up the next day, never twice.
  if (daysLeft < 0) return { kind: `overdue:${dueOn}:${Math.floor((-daysLeft - 1) / reportsSettings.overdueEveryDays)}`, daysLeft };
  return null;
}

/**
 * The daily reminder job: a unit whose report for a period is not yet submitted is told before the
 * due date (7 and 1 days by default) and while it is overdue (on the first day, then weekly); a
 * report waiting for its leader's approval reminds the leader, otherwise the unit's officers.
 * Each reminder is recorded, so a rerun on the same day sends nothing twice.
 */
export async function sendUnitReportReminders(ctx: ServiceContext): Promise<{ sent: number }> {
  const today = todayOf(ctx);
  const open = await ctx.db
    .select({ report: unitReports, period: reportPeriods, regime: reportRegimes, unit: units })
    .from(unitReports)
    .innerJoin(reportPeriods, eq(reportPeriods.id, unitReports.periodId))
    .innerJoin(reportRegimes, eq(reportRegimes.id, reportPeriods.regimeId))
    .innerJoin(units, eq(units.id, unitReports.unitId))
    .where(
      and(
        isNull(unitReports.firstSubmittedAt),
        inArray(unitReports.state, ['draft', 'awaiting_approval', 'returned']),
        lte(reportPeriods.dueOn, addDays(today, Math.max(...reportsSettings.reminderDaysBefore))),
      ),
    );
  let sent = 0;
  for (const { report, period, regime, unit } of open) {
    const due = reminderKind(period.dueOn, today);
    if (!due) continue;
    const role = report.state === 'awaiting_approval' ? 'leader' : 'unit_officer';
    const recipients = await holdersOf(ctx, role, [report.unitId]);
    const dueVi = vietnameseDate(period.dueOn);
    const message =
      due.daysLeft >= 0
        ? {
            title: {
              vi: `Báo cáo ${period.nameVi} đến hạn sau ${due.daysLeft} ngày`,
              en: `Report for ${period.nameEn} due in ${due.daysLeft} day${due.daysLeft === 1 ? '' : 's'}`,
            },
            body: {
              vi: `Báo cáo ${regime.nameVi} của ${unit.nameVi} phải gửi trước ngày ${dueVi}.`,
              en: `The ${regime.nameEn} report of ${unit.nameEn} is due on ${period.dueOn}.`,
            },
          }
        : {
            title: { vi: `Báo cáo ${period.nameVi} đã quá hạn`, en: `Report for ${period.nameEn} is overdue` },
            body: {
              vi: `Báo cáo ${regime.nameVi} của ${unit.nameVi} quá hạn ${-due.daysLeft} ngày (hạn ngày ${dueVi}) mà chưa gửi.`,
              en: `The ${regime.nameEn} report of ${unit.nameEn} is ${-due.daysLeft} day${due.daysLeft === -1 ? '' : 's'} overdue (due ${period.dueOn}).`,
            },
          };
    await inTransaction(ctx, async (tx) => {
      const [fresh] = await tx.db
        .insert(unitReportReminders)
        .values({ unitReportId: report.id, kind: due.kind, sentAt: tx.clock.now().toISOString() })
        .onConflictDoNothing()
        .returning();
      if (!fresh) return;
      await notifyPeople(tx, recipients, { ...message, url: reportPaths.unitReport(report.id) });
      sent += recipients.length;
    });
  }
  return { sent };
}
