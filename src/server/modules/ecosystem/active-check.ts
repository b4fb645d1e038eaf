import { and, asc, eq, isNotNull, isNull, lt, or } from 'drizzle-orm';
import { ecosystemLimits } from '../../../shared/contracts/ecosystem.js';
import type { ServiceContext } from '../../lib/context.js';
import { inTransaction } from '../../lib/tx.js';
import { notifyPeople } from './notify.js';
import { organisationUrl } from './presenter.js';
import { ecoOrganisations } from './schema.js';

export const activeCheckJob = 'ecosystem.active-check';

const monthsBefore = (now: Date, months: number) => {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString();
};

/**
 * The yearly "still active?" request: every kept profile not confirmed for 12 months, and not
 * asked in the last 12 months, gets one notice to its keeper. Unanswered for 15 months, the
 * profile shows as unconfirmed (see presenter). Returns how many were asked.
 */
export async function askStillActive(ctx: ServiceContext): Promise<number> {
  const cutoff = monthsBefore(ctx.clock.now(), ecosystemLimits.activeCheckAfterMonths);
  return inTransaction(ctx, async (tx) => {
    const due = await tx.db
      .select()
      .from(ecoOrganisations)
      .where(
        and(
          isNotNull(ecoOrganisations.ownerId),
          lt(ecoOrganisations.lastConfirmedAt, cutoff),
          or(isNull(ecoOrganisations.activeCheckSentAt), lt(ecoOrganisations.activeCheckSentAt, cutoff)),
        ),
      )
      .orderBy(asc(ecoOrganisations.id))
      .limit(500)
      .for('update', { skipLocked: true });
    const now = tx.clock.now().toISOString();
    for (const org of due) {
      await notifyPeople(tx, [org.ownerId], {
        title: { vi: `${org.nameVi} còn hoạt động không?`, en: `Is ${org.nameEn || org.nameVi} still active?` },
        body: {
          vi: `Hồ sơ trên danh bạ hệ sinh thái chưa được xác nhận trong ${ecosystemLimits.activeCheckAfterMonths} tháng. Hãy mở hồ sơ và bấm “Vẫn hoạt động”; sau ${ecosystemLimits.unconfirmedAfterMonths} tháng hồ sơ sẽ hiện là chưa xác nhận.`,
          en: `The directory profile has not been confirmed for ${ecosystemLimits.activeCheckAfterMonths} months. Open it and press “Still active”; after ${ecosystemLimits.unconfirmedAfterMonths} months it shows as unconfirmed.`,
        },
        url: organisationUrl(org.slug),
      });
      await tx.db.update(ecoOrganisations).set({ activeCheckSentAt: now }).where(eq(ecoOrganisations.id, org.id));
    }
    return due.length;
  });
}
