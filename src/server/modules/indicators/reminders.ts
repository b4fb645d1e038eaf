import { indicatorPaths } from '../../../shared/web-paths.js';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../../lib/audit.js';
import type { ServiceContext } from '../../lib/context.js';
import { inTransaction } from '../../lib/tx.js';
import { roleGrants, users } from '../identity/schema.js';
import { notifyUser } from '../notifications/service.js';
import { cityToday } from './dates.js';
import { missingPeriods } from './missing.js';
import { sentPeriodsByIndicator } from './observations.js';
import { indicatorReminders, indicators } from './schema.js';

export const remindMissingJob = 'indicators.remind-missing';

/**
 * Reminds the officers of each indicator's responsible unit of every overdue report, once per period
 * (in-app and by e-mail, in each officer's language). Returns how many periods were reminded.
 */
export async function remindMissingReports(ctx: ServiceContext): Promise<{ reminded: number }> {
  const rows = await ctx.db.select().from(indicators).orderBy(asc(indicators.code), asc(indicators.id));
  const sent = await sentPeriodsByIndicator(ctx, rows.map((row) => row.id));
  const today = cityToday(ctx.clock);
  let reminded = 0;
  for (const indicator of rows) {
    if (!indicator.responsibleUnitId) continue;
    for (const period of missingPeriods(indicator, sent.get(indicator.id) ?? new Set(), today)) {
      const didRemind = await inTransaction(ctx, async (tx) => {
        const [claimed] = await tx.db
          .insert(indicatorReminders)
          .values({ indicatorId: indicator.id, period, remindedAt: tx.clock.now().toISOString() })
          .onConflictDoNothing()
          .returning({ id: indicatorReminders.id });
        if (!claimed) return false;
        const officers = await tx.db
          .select({ id: users.id, locale: users.locale })
          .from(roleGrants)
          .innerJoin(users, eq(users.id, roleGrants.userId))
          .where(and(eq(roleGrants.role, 'unit_officer'), eq(roleGrants.unitId, indicator.responsibleUnitId!), eq(users.isActive, true), isNull(users.erasedAt)))
          .orderBy(asc(users.id));
        for (const officer of officers) {
          const isVi = officer.locale === 'vi';
          await notifyUser(tx, {
            userId: officer.id,
            template: 'message',
            params: {
              title: isVi ? `Chưa báo cáo chỉ tiêu ${indicator.code} kỳ ${period}` : `Report overdue: indicator ${indicator.code}, ${period}`,
              body: isVi
                ? `Số liệu kỳ ${period} của chỉ tiêu "${indicator.nameVi}" đã quá hạn (ngày 25 tháng cuối kỳ). Vui lòng nhập số liệu.`
                : `The ${period} value of "${indicator.nameEn}" is overdue (due the 25th of the period's last month). Please enter it.`,
            },
            url: indicatorPaths.manage,
            alsoEmail: true,
          });
        }
        await tx.db.update(indicatorReminders).set({ recipientCount: officers.length }).where(eq(indicatorReminders.id, claimed.id));
        await recordAudit(tx, {
          action: 'indicators.reminder.send',
          entityType: 'indicator',
          entityId: indicator.id,
          after: { period, recipients: officers.length },
        });
        return true;
      });
      if (didRemind) reminded++;
    }
  }
  return { reminded };
}
